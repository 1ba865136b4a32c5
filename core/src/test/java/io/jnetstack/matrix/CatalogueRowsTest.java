package io.jnetstack.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalogue row the matrix runs, under every personality, against the catalogue's cell (../shared/
 * connect-catalogue.md; [I] cells as corrected in docs/research/connect-catalogue-checks.md). The test is named by
 * the row id and the OS. Where a catalogue cell says "n/a" the matrix prints what the system call does instead and
 * the expectation records it; rows whose result deviates from the catalogue are listed in {@link #DEVIATIONS}.
 */
@Execution(ExecutionMode.CONCURRENT)
class CatalogueRowsTest {
    private static final String[] OS = {"linux", "freebsd", "openbsd", "macos"};
    static final Map<String, String[]> EXPECTED = new LinkedHashMap<>();

    /** Rows where the simulated result differs from the catalogue, with the reason (kept in the issue note too). */
    static final Map<String, String> DEVIATIONS = new LinkedHashMap<>();

    private static void row(String id, String linux, String freebsd, String openbsd, String macos) {
        EXPECTED.put(id, new String[] {linux, freebsd, openbsd, macos});
    }

    private static void all(String id, String cell) {
        row(id, cell, cell, cell, cell);
    }

    static {
        all("A1", "-1 EBADF");
        all("A2", "-1 ENOTSOCK");
        row("A3", "-1 EBADF", "-1 ENAMETOOLONG", "-1 EBADF", "-1 EBADF");
        row("A4", "-1 EFAULT", "-1 EFAULT", "-1 ENOTSOCK", "-1 ENOTSOCK");
        row("A5", "-1 EFAULT", "-1 EFAULT", "-1 EFAULT", "-1 EINVAL");
        all("A6", "-1 EINVAL");
        all("A7", "-1 EINVAL");
        row("A8", "-1 EINVAL", "-1 ENAMETOOLONG", "-1 EINVAL", "-1 ENAMETOOLONG");
        row("A9", "-1 EINVAL", "-1 ENAMETOOLONG", "-1 EINVAL", "-1 ENAMETOOLONG");
        all("A10", "-1 EINVAL");
        all("A11", "-1 EINVAL");
        row("A12", "0", "-1 EINVAL", "-1 EINVAL", "-1 EINVAL");
        all("A13", "0");
        row("A14", "n/a", "0", "0", "0");
        row("A15", "0", "-1 EINVAL", "-1 EINVAL", "-1 EINVAL");
        all("B1", "-1 EAFNOSUPPORT");
        all("B2", "-1 EAFNOSUPPORT");
        row("B3", "0", "-1 EAFNOSUPPORT", "-1 EAFNOSUPPORT", "-1 EADDRNOTAVAIL");
        row("B4", "0", "-1 EISCONN", "-1 EISCONN", "-1 EISCONN");
        row("B5", "0", "-1 EAFNOSUPPORT", "-1 EAFNOSUPPORT", "-1 EINVAL");
        row("B6", "-1 EINVAL", "-1 EAFNOSUPPORT", "-1 EAFNOSUPPORT", "-1 EAFNOSUPPORT");
        all("B7", "-1 EAFNOSUPPORT");
        all("C1", "0");
        all("C2", "-1 EINPROGRESS");
        all("C3", "-1 EALREADY");
        row("C4", "0", "-1 EALREADY", "-1 EALREADY", "-1 EISCONN");
        row("C5", "0, -1 EISCONN", "-1 EISCONN, -1 EISCONN", "-1 EISCONN, -1 EISCONN", "-1 EISCONN, -1 EISCONN");
        all("C6", "-1 EISCONN");
        all("C7", "-1 EISCONN");
        row("C8", "-1 EINPROGRESS, POLLIN|POLLOUT|POLLERR|POLLHUP, ECONNREFUSED",
                "-1 EINPROGRESS, POLLIN|POLLOUT|POLLHUP, ECONNREFUSED", "-1 EINPROGRESS, POLLIN|POLLHUP, ECONNREFUSED",
                "-1 EINPROGRESS, POLLIN|POLLOUT|POLLHUP, ECONNREFUSED");
        row("C9", "-1 ECONNABORTED", "-1 ECONNREFUSED", "-1 EINVAL", "-1 EINVAL");
        all("C10", "-1 ECONNREFUSED");
        row("C11", "0", "-1 ECONNREFUSED", "-1 EINVAL", "-1 EINVAL");
        all("C12", "-1 ECONNREFUSED, 0");
        row("C13", "-1 EINTR, -1 EINTR", "-1 EINTR, -1 EALREADY", "-1 EINTR, -1 EALREADY", "-1 EINTR, -1 EISCONN");
        row("C14", "-1 ETIMEDOUT", "-1 EINTR", "-1 EINTR", "-1 EINTR");
        row("C15", "-1 EINPROGRESS", "-1 ETIMEDOUT", "-1 ETIMEDOUT", "-1 ETIMEDOUT");
        all("C16", "0");
        row("C17", "POLLOUT|POLLHUP", "0", "0", "0");
        all("C18", "ECONNREFUSED, 0");
        all("C19", "-1 ETIMEDOUT");
        all("C21", "-1 ECONNREFUSED");
        all("C22", "0");
        row("C23", "0, POLLIN|POLLOUT|POLLHUP", "0, POLLIN|POLLOUT|POLLHUP", "0, POLLIN|POLLOUT",
                "0, POLLIN|POLLOUT|POLLHUP");
        all("D1", "-1 ECONNREFUSED");
        row("D2", "-1 EHOSTUNREACH", "-1 EHOSTUNREACH", "-1 EHOSTUNREACH", "-1 ENETUNREACH");
        row("D3", "-1 ENETUNREACH", "-1 EHOSTUNREACH", "-1 EHOSTUNREACH", "-1 ENETUNREACH");
        row("D4", "-1 EHOSTUNREACH", "-1 ECONNREFUSED", "-1 ECONNREFUSED", "-1 ECONNREFUSED");
        row("D5", "-1 EHOSTUNREACH", "-1 EHOSTUNREACH", "-1 ETIMEDOUT", "-1 EHOSTUNREACH");
        all("D6", "-1 ETIMEDOUT");
        row("D10", "-1 ENETUNREACH", "-1 ENETUNREACH", "-1 EADDRNOTAVAIL", "-1 ENETUNREACH");
        all("E7", "0, 10.0.0.1:40000");
        row("F1", "-1 ENETUNREACH", "-1 EACCES", "-1 EINVAL", "-1 EAFNOSUPPORT");
        row("F2", "-1 ENETUNREACH", "-1 EAFNOSUPPORT", "-1 EINVAL", "-1 EAFNOSUPPORT");
        row("F3", "-1 ENETUNREACH", "-1 ECONNREFUSED", "-1 EINVAL", "-1 ECONNREFUSED");
        row("F4", "-1 ENETUNREACH", "-1 EAFNOSUPPORT", "-1 EINVAL", "-1 EAFNOSUPPORT");
        row("J1", "0", "-1 EINVAL", "-1 EINVAL", "0");
        row("J2", "-1 ENETUNREACH", "-1 EINVAL", "-1 EINVAL", "-1 EAFNOSUPPORT");
        row("J3", "-1 ENETUNREACH", "-1 EAFNOSUPPORT", "-1 EINVAL", "-1 EAFNOSUPPORT");
        row("J4", "-1 EAFNOSUPPORT", "-1 EAFNOSUPPORT", "bind -1 EINVAL", "-1 EAFNOSUPPORT");
        row("J5", "-1 ECONNREFUSED", "-1 ECONNREFUSED", "-1 EINVAL", "-1 ECONNREFUSED");
        row("J6", "-1 ECONNREFUSED", "-1 ECONNREFUSED", "-1 EINVAL", "-1 ECONNREFUSED");
        row("I1", "-1 EISCONN", "-1 EOPNOTSUPP", "-1 EOPNOTSUPP", "-1 EOPNOTSUPP");
        all("I4", "-1 EBADF");
        row("I6", "-1 EISCONN", "-1 EADDRINUSE", "-1 EINVAL", "-1 EINVAL");
        all("I7", "-1 EISCONN");
    }

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (Scenario s : Matrix.scenarios()) {
            if (!EXPECTED.containsKey(s.id())) {
                continue;
            }
            for (int i = 0; i < OS.length; i++) {
                out.add(Arguments.of(s.id(), OS[i], EXPECTED.get(s.id())[i]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("cells")
    void row_givesTheCataloguesResult(String id, String os, String expected) {
        String actual = Matrix.run(Matrix.find(id), Personality.named(os), null);
        assertThat(actual).as("%s under %s", id, os).isEqualTo(expected);
    }

    @Test
    void everyScenarioHasAnExpectation_andEveryExpectationAScenario() {
        List<String> ids = Matrix.scenarios().stream().map(Scenario::id).toList();
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    }
}
