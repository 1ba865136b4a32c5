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
public class CatalogueRowsTest {
    private static final String[] OS = {"linux", "freebsd", "openbsd", "macos"};
    public static final Map<String, String[]> EXPECTED = new LinkedHashMap<>();

    /**
     * Catalogue rows the matrix cannot run, and why (a feature the simulated kernel does not have) — empty now: every
     * row runs. A test keeps this list and the matrix together equal to the catalogue's rows, so a row cannot
     * silently go missing.
     */
    static final Map<String, String> NOT_RUN = new LinkedHashMap<>();

    /**
     * Rows where the simulated result differs from the catalogue's cell, with the reason; the expectation above is what
     * the simulator does, so a change in either direction is noticed.
     */
    static final Map<String, String> DEVIATIONS = new LinkedHashMap<>();
    private static final String NO_TFO = "n/a (no TCP_FASTOPEN_CONNECT)";

    static {
        DEVIATIONS.put("I5", "Linux: SS_DISCONNECTING needs a failing tcp_disconnect, which always returns 0 "
                + "(net/ipv4/tcp.c); the row dissolves a connecting socket with AF_UNSPEC and connects again: "
                + "EINPROGRESS, where the catalogue's EINVAL assumes the failed disconnect");
        DEVIATIONS.put("J10", "Linux: fl6_sock_lookup refuses an unowned flow label only while an exclusive lease "
                + "exists in the namespace (\"ipv6: elide flowlabel check if no exclusive leases exist\"); with "
                + "none (IPV6_FLOWLABEL_MGR is not modelled) connect goes on and the closed port refuses it, as the "
                + "host kernel does (CatalogueParityTest); the catalogue's EINVAL assumes the check");
        DEVIATIONS.put("H9", "FreeBSD: abstract names (FreeBSD main, 2025) are not modelled; bind of an abstract name "
                + "is EINVAL as on 14.x/15.0");
    }

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
        row("C8",
                "-1 EINPROGRESS, POLLIN|POLLOUT|POLLERR|POLLHUP, ECONNREFUSED",
                "-1 EINPROGRESS, POLLIN|POLLOUT|POLLHUP, ECONNREFUSED",
                "-1 EINPROGRESS, POLLIN|POLLHUP, ECONNREFUSED",
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
        row("C23", "0, POLLOUT|POLLERR|POLLHUP", "0, POLLIN|POLLOUT|POLLHUP",
                "0, POLLIN|POLLOUT", "0, POLLIN|POLLOUT|POLLHUP");
        all("D1", "-1 ECONNREFUSED");
        row("D2", "-1 EHOSTUNREACH", "-1 EHOSTUNREACH", "-1 EHOSTUNREACH", "-1 ENETUNREACH");
        row("D3", "-1 ENETUNREACH", "-1 EHOSTUNREACH", "-1 EHOSTUNREACH", "-1 ENETUNREACH");
        row("D4", "-1 EHOSTUNREACH", "-1 ECONNREFUSED", "-1 EHOSTUNREACH", "-1 ECONNREFUSED");
        row("D5", "-1 EHOSTUNREACH", "-1 EHOSTUNREACH", "-1 ETIMEDOUT", "-1 EHOSTUNREACH");
        row("D6", "-1 EPROTO", "-1 ENOPROTOOPT", "-1 ENOPROTOOPT", "-1 ENOPROTOOPT");
        row("D10", "-1 ENETUNREACH", "-1 ENETUNREACH", "-1 EADDRNOTAVAIL", "-1 ENETUNREACH");
        row("B8", "0, [::ffff:7f00:1]", "-1 EAFNOSUPPORT", "-1 EAFNOSUPPORT", "-1 EINVAL");
        row("F5", "-1 ENETUNREACH, -1 ENETUNREACH", "-1 EACCES, -1 EAFNOSUPPORT",
                "-1 EINVAL, -1 EINVAL", "-1 EAFNOSUPPORT, -1 EAFNOSUPPORT");
        row("F6", "-1 EACCES", "0", "0", "0");
        row("F7", "0, 255.255.255.255:7000", "0, 10.0.0.255:7000", "0, 255.255.255.255:7000", "0, 10.0.0.255:7000");
        all("F8", "0");
        all("G1", "0, 127.0.0.1:7000, bound");
        row("G2", "0, -1 ENOTCONN", "-1 EADDRNOTAVAIL, -1 ENOTCONN",
                "-1 EADDRNOTAVAIL, -1 ENOTCONN", "-1 EADDRNOTAVAIL, -1 ENOTCONN");
        row("G3", "0, -1 ENOTCONN", "-1 EADDRNOTAVAIL, -1 ENOTCONN",
                "-1 EADDRNOTAVAIL, -1 ENOTCONN", "-1 EADDRNOTAVAIL, -1 ENOTCONN");
        row("G4", "0, 127.0.0.1:7000", "0, 10.0.0.1:7000", "-1 EADDRNOTAVAIL, -1 ENOTCONN", "0, 10.0.0.1:7000");
        all("G5", "0, 10.0.0.2:7001");
        row("G6", "0, -1 ENOTCONN", "-1 EAFNOSUPPORT, -1 ENOTCONN",
                "-1 EAFNOSUPPORT, -1 ENOTCONN", "-1 EAFNOSUPPORT, -1 ENOTCONN");
        row("G7", "0", "-1 EAFNOSUPPORT", "-1 EAFNOSUPPORT", "-1 EAFNOSUPPORT");
        row("G8", "127.0.0.1:7100", "0.0.0.0:7100", "0.0.0.0:7100", "0.0.0.0:7100");
        all("G9", "-1 EINVAL");
        row("G10", "4", "-1 EISCONN", "-1 EISCONN", "-1 EISCONN");
        all("G11", "-1 EAGAIN");
        all("G12", "1");
        all("G13", "4, -1 ECONNREFUSED, -1 EAGAIN");
        row("G14", "0, -1 EAGAIN", "0, 0", "0, 0", "0, 0");
        all("G15", "127.0.0.1:7300");
        row("G16", "-1 ENETUNREACH, 10.0.0.2:7000", "-1 ENETUNREACH, -1 ENOTCONN",
                "-1 EADDRNOTAVAIL, -1 ENOTCONN", "-1 ENETUNREACH, -1 ENOTCONN");
        all("I2", "-1 EOPNOTSUPP");
        row("B9", "-1 EINVAL", "-1 EAFNOSUPPORT", "-1 EAFNOSUPPORT", "-1 EAFNOSUPPORT");
        row("B10", "-1 EINVAL", "-1 EAFNOSUPPORT", "-1 EAFNOSUPPORT", "0");
        all("H1", "-1 ENOENT");
        all("H2", "-1 ENOTDIR");
        row("H3", "-1 ECONNREFUSED", "-1 ENOTSOCK", "-1 ENOTSOCK", "-1 ENOTSOCK");
        all("H4", "-1 ECONNREFUSED");
        all("H5", "-1 EACCES");
        all("H6", "-1 EACCES");
        all("H7", "-1 ECONNREFUSED");
        all("H8", "-1 EPROTOTYPE");
        row("H9", "-1 ECONNREFUSED", "bind -1 EINVAL", "bind -1 EINVAL", "bind -1 EINVAL");
        row("H10", "-1 EPROTOTYPE", "-1 EPROTOTYPE", "-1 EPROTOTYPE", "socket -1 EPROTONOSUPPORT");
        row("H11", "-1 EAGAIN", "-1 ECONNREFUSED", "-1 ECONNREFUSED", "-1 ECONNREFUSED");
        row("H12", "-1 EAGAIN", "-1 ECONNREFUSED", "-1 ECONNREFUSED", "-1 ECONNREFUSED");
        row("H13", "0, -1 EAGAIN", "0, -1 ECONNREFUSED", "0, 0", "0, 0");
        all("H14", "0");
        all("H15", "-1 EISCONN");
        row("H16", "-1 EINVAL", "-1 EOPNOTSUPP", "-1 EOPNOTSUPP", "-1 EOPNOTSUPP");
        row("H17", "-1 EINVAL", "-1 EOPNOTSUPP", "-1 EOPNOTSUPP", "-1 EOPNOTSUPP");
        all("H18", "0, 0");
        all("H19", "0");
        row("H20", "-1 EPERM", "0", "0", "0");
        row("H21", "0", "-1 EAFNOSUPPORT", "-1 EAFNOSUPPORT", "-1 EINVAL");
        row("H22", "-1 EINVAL", "-1 EINVAL", "-1 EINVAL", "-1 ENOENT");
        row("H23", "-1 EINVAL", "-1 EINVAL", "-1 ENOENT", "-1 EINVAL");
        row("H24", "-1 ECONNREFUSED", "-1 ENOENT", "-1 ENOENT", "-1 ENOENT");
        row("H25", "-1 ECONNREFUSED", "n/a (no abstract names)", "n/a (no abstract names)", "n/a (no abstract names)");
        row("H26", "0, autobound", "n/a (no SO_PASSCRED)", "n/a (no SO_PASSCRED)", "n/a (no SO_PASSCRED)");
        row("H27", "-1 ECONNRESET, 0", "0, 0", "0, 0", "0, 0");
        all("I3", "-1 EOPNOTSUPP");
        row("E1", "0, port in 32768..60999", "0, port in 10000..65535", "0, port in 1024..49151",
                "0, port in 49152..65535");
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
        row("C20", "-1 EHOSTUNREACH", "-1 EHOSTUNREACH", "-1 EHOSTUNREACH", "-1 ENETUNREACH");
        row("C24", "0, 3", "0, 3", "0, 3", "-1 EINVAL");
        all("D7", "0");
        row("D12", "-1 EHOSTUNREACH", "-1 ETIMEDOUT", "-1 ETIMEDOUT", "-1 ETIMEDOUT");
        all("E2", "-1 EADDRNOTAVAIL");
        row("E3", "-1 EAGAIN", "-1 EADDRNOTAVAIL", "-1 EADDRNOTAVAIL", "-1 EADDRNOTAVAIL");
        row("E4", "-1 EADDRNOTAVAIL", "-1 EADDRINUSE", "-1 EADDRINUSE", "-1 EADDRINUSE");
        row("E5", "0", "-1 EADDRINUSE", "-1 EADDRINUSE", "-1 EADDRINUSE");
        all("E8", "0, 10.0.0.1");
        row("C25", "setsockopt 0, 0", NO_TFO, NO_TFO, NO_TFO);
        row("C26", "setsockopt 0, -1 EINPROGRESS", NO_TFO, NO_TFO, NO_TFO);
        row("C27", "-1 EOPNOTSUPP", NO_TFO, NO_TFO, NO_TFO);
        all("D13", "-1 ECONNRESET");
        row("E9", "port 0", "port 0", "port 0", "port bound");
        all("E10", "yes");
        all("J7", "-1 EINVAL");
        all("D8", "0");
        row("D9", "sysctl -1 ENOENT", "-1 ECONNREFUSED after 16 s", "sysctl -1 ENOENT", "-1 ECONNREFUSED after 4 s");
        row("D11", "n/a (no SO_RESTRICTIONS)", "n/a (no SO_RESTRICTIONS)", "n/a (no SO_RESTRICTIONS)",
                "-1 EHOSTUNREACH");
        row("I5", "0, -1 EINPROGRESS", "-1 EALREADY, -1 EALREADY", "-1 EALREADY, -1 EALREADY",
                "-1 EALREADY, -1 EALREADY");
        row("I8", "n/a (no defunct sockets)", "n/a (no defunct sockets)", "n/a (no defunct sockets)",
                "-1 EOPNOTSUPP");
        row("I11", "pledge -1 ENOSYS", "pledge -1 ENOSYS", "-1 ENOSYS, killed by SIGABRT", "pledge -1 ENOSYS");
        row("J8", "-1 EINVAL", "n/a (no SO_BINDTODEVICE)", "n/a (no SO_BINDTODEVICE)", "n/a (no SO_BINDTODEVICE)");
        row("J10", "-1 ECONNREFUSED", "n/a (no IPV6_FLOWINFO_SEND)", "n/a (no IPV6_FLOWINFO_SEND)",
                "n/a (no IPV6_FLOWINFO_SEND)");
        row("E6", "10.0.0.1:0, 0, port chosen", "n/a (no IP_BIND_ADDRESS_NO_PORT)", "n/a (no IP_BIND_ADDRESS_NO_PORT)",
                "n/a (no IP_BIND_ADDRESS_NO_PORT)");
        row("I9", "n/a (no SO_RESTRICTIONS)", "n/a (no SO_RESTRICTIONS)", "n/a (no SO_RESTRICTIONS)", "-1 EPERM");
        row("I10", "cap_enter -1 ENOSYS", "-1 ECAPMODE", "cap_enter -1 ENOSYS", "cap_enter -1 ENOSYS");
        row("J9", "-1 ECONNREFUSED", "-1 EADDRNOTAVAIL", "-1 EADDRNOTAVAIL", "-1 EADDRNOTAVAIL");
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

    /** Every row id of the catalogue (A1 … J10), as ../shared/connect-catalogue.md lists them. */
    static final String CATALOGUE_IDS = "A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11 A12 A13 A14 A15 B1 B2 B3 B4 B5 B6 B7 B8 B9"
            + " B10 C1 C2 C3 C4 C5 C6 C7 C8 C9 C10 C11 C12 C13 C14 C15 C16 C17 C18 C19 C20 C21 C22 C23 C24 C25 C26 C27"
            + " D1 D2 D3 D4 D5 D6 D7 D8 D9 D10 D11 D12 D13 E1 E2 E3 E4 E5 E6 E7 E8 E9 E10 F1 F2 F3 F4 F5 F6 F7 F8 G1 G2"
            + " G3 G4 G5 G6 G7 G8 G9 G10 G11 G12 G13 G14 G15 G16 H1 H2 H3 H4 H5 H6 H7 H8 H9 H10 H11 H12 H13 H14 H15 H16"
            + " H17 H18 H19 H20 H21 H22 H23 H24 H25 H26 H27 I1 I2 I3 I4 I5 I6 I7 I8 I9 I10 I11 J1 J2 J3 J4 J5 J6 J7 J8"
            + " J9 J10";

    @Test
    void everyCatalogueRow_isAScenarioOrListedAsNotRun() throws java.io.IOException {
        java.util.TreeSet<String> ids = new java.util.TreeSet<>(List.of(CATALOGUE_IDS.split(" ")));
        java.nio.file.Path cat = java.nio.file.Path.of("/work/shared/connect-catalogue.md");
        if (java.nio.file.Files.isRegularFile(cat)) {
            java.util.TreeSet<String> fromFile = new java.util.TreeSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\| ([A-J][0-9]+) \\|")
                    .matcher(java.nio.file.Files.readString(cat));
            while (m.find()) {
                fromFile.add(m.group(1));
            }
            assertThat(fromFile).as("catalogue ids").isEqualTo(ids);
        }
        java.util.TreeSet<String> covered = new java.util.TreeSet<>(NOT_RUN.keySet());
        Matrix.scenarios().forEach(s -> covered.add(s.id()));
        assertThat(covered).isEqualTo(ids);
        assertThat(NOT_RUN.keySet()).doesNotContainAnyElementsOf(EXPECTED.keySet());
        assertThat(EXPECTED.keySet()).containsAll(DEVIATIONS.keySet());
    }

    @Test
    void everyScenarioHasAnExpectation_andEveryExpectationAScenario() {
        List<String> ids = Matrix.scenarios().stream().map(Scenario::id).toList();
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    }
}
