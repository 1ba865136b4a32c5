package io.jnetstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.matrix.CatalogueRowsTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jns matrix}: the table the tests assert, one scenario with its trace, pcaps, and bad input. */
class MatrixCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Jns.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void tsv_printsExactlyTheCellsTheCatalogueTestAsserts() {
        assertThat(run("matrix", "--format", "tsv")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("id\tlinux\tfreebsd\topenbsd\tmacos");
        assertThat(lines).hasSize(CatalogueRowsTest.EXPECTED.size() + 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            assertThat(f).as(line).hasSize(5);
            assertThat(List.of(f).subList(1, 5)).as(f[0]).containsExactly(CatalogueRowsTest.EXPECTED.get(f[0]));
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void only_showsTheScenarioWithItsPacketTrace_forTheChosenColumns() {
        assertThat(run("matrix", "--only", "c9", "--os", "linux,macos")).isZero();
        assertThat(out.toString()).startsWith("C9: ").contains("  linux: -1 ECONNABORTED", "  macos: -1 EINVAL",
                "10.0.0.1", "Flags [S]", "Flags [R.]").doesNotContain("freebsd:");
    }

    @Test
    void pcap_writesOneFilePerScenarioAndOs(@TempDir Path dir) {
        assertThat(run("matrix", "--only", "C1", "--os", "openbsd", "--pcap", dir.toString())).isZero();
        assertThat(dir.resolve("C1-openbsd.pcap")).isRegularFile();
    }

    @Test
    void unknownScenario_andBadFormat_andBadOs_areOneLineErrors_exit2() {
        assertThat(run("matrix", "--only", "Z99")).isEqualTo(2);
        assertThat(err.toString()).startsWith("jns: ").contains("no scenario 'Z99'");
        assertThat(err.toString().lines().count()).isEqualTo(1);
        err.getBuffer().setLength(0);
        assertThat(run("matrix", "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("--format must be table or tsv");
        err.getBuffer().setLength(0);
        assertThat(run("matrix", "--os", "windows")).isEqualTo(2);
        assertThat(err.toString().lines().count()).isEqualTo(1);
    }
}
