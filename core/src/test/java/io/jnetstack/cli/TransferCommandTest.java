package io.jnetstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code jns transfer}: bad values are one line naming the option and the value (exit 2); runs exit 0 or 1. */
class TransferCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Jns.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--bytes, 12X", "--bytes, 0", "--loss, 1.5", "--mtu, 20", "--mtu, 70000", "--from, solaris",
            "--to, windows", "--delay, -3ms", "--delay, 25", "--rate, fast", "--reorder, -0.1", "--duplicate, x",
            "--cc, bbr", "--time-limit, 0", "--interval, 0s", "--seed, twelve"})
    void aBadValue_isOneLineNamingTheOptionAndTheValue_exit2(String option, String value) {
        assertThat(run("transfer", option, value)).isEqualTo(2);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).startsWith("jns: ").contains(option).contains(value);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aGoodRun_printsTheSummary_endingInSha256Ok_exit0() {
        assertThat(run("transfer", "--bytes", "256K", "--delay", "1ms", "--from", "openbsd", "--to", "macos",
                "--cc", "cubic")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("transfer: openbsd 10.0.0.1 -> macos 10.0.0.2, 256 KiB (262144 bytes), "
                + "cc cubic, seed 1");
        assertThat(lines.getLast()).isEqualTo("sha256 ok");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFailingRun_namesTheReason_andExits1() {
        assertThat(run("transfer", "--bytes", "64K", "--loss", "1", "--time-limit", "5s")).isEqualTo(1);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(lines.size() - 2)).startsWith("transfer failed: time limit 5 s reached");
        assertThat(lines.getLast()).isEqualTo("sha256 MISMATCH");
    }

    @Test
    void plotAndPcap_areWritten_andABigPcapIsWarnedAbout(@TempDir Path dir) {
        Path svg = dir.resolve("t.svg");
        assertThat(run("transfer", "--bytes", "128K", "--plot", svg.toString(), "--pcap", dir.toString())).isZero();
        assertThat(svg).isRegularFile();
        assertThat(dir.resolve("transfer.pcap")).isRegularFile();
        assertThat(out.toString()).contains("plot: " + svg);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aPcapOfMoreThan64MiB_isWarnedAbout_onOneLine(@TempDir Path dir) {
        assertThat(run("transfer", "--bytes", "65M", "--time-limit", "1ms", "--pcap", dir.toString())).isEqualTo(1);
        assertThat(err.toString().lines().toList()).containsExactly(
                "jns: transfer: warning: the pcap of a 65 MiB transfer will be larger than that");
    }

    @Test
    void aPlotPathThatIsADirectory_isOneLineError_exit2(@TempDir Path dir) {
        assertThat(run("transfer", "--bytes", "64K", "--plot", dir.toString())).isEqualTo(2);
        assertThat(err.toString().lines().toList()).hasSize(1);
        assertThat(err.toString()).contains("plot file is a directory");
    }

    @Test
    void anUnwritablePcapDirectory_isOneLineError_exit2(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThat(run("transfer", "--pcap", file.resolve("sub").toString())).isEqualTo(2);
        assertThat(err.toString().lines().toList()).hasSize(1);
        assertThat(err.toString()).contains("pcap directory");
    }

    @Test
    void help_saysSizesAreBinary_andRatesDecimal() {
        assertThat(run("transfer", "--help")).isZero();
        assertThat(out.toString()).contains("KiB", "binary", "decimal", "--time-limit", "--reorder");
    }
}
