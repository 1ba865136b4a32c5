package io.jnetstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jns pkt}: one line per script, the closing counts, exit statuses 0 / 1 / 2, pcaps. */
class PktCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Jns.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void ownScripts_allPass_exitZero() {
        assertThat(run("pkt", "--os", "openbsd", "src/test/pkt/openbsd")).isZero();
        assertThat(out.toString().lines().filter(l -> l.startsWith("PASS  ")).count()).isGreaterThanOrEqualTo(12);
        assertThat(out.toString()).contains(" passed, 0 failed, 0 skipped");
    }

    @Test
    void aFailingScript_isOneFailLineAndExitOne(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.pkt");
        Files.writeString(f, "0 socket(..., SOCK_STREAM, IPPROTO_TCP) = -1 EMFILE (Too many open files)\n");
        assertThat(run("pkt", f.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL  " + f + ": line 1: 'socket(..., SOCK_STREAM, IPPROTO_TCP) = -1 "
                + "EMFILE (Too many open files)': returned 3").endsWith("0 passed, 1 failed, 0 skipped\n");
    }

    @Test
    void aMalformedScript_namesFileLineAndColumn_exitTwo(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.pkt");
        Files.writeString(f, "0 socket(..., SOCK_STREAM\n");
        assertThat(run("pkt", f.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("FAIL  " + f + ": parse error: " + f + ":1:").contains("1 did not parse");
    }

    @Test
    void aMissingPath_isAOneLineError_exitTwo() {
        assertThat(run("pkt", "/nonexistent/x.pkt")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("jns: no such file or directory: /nonexistent/x.pkt")
                .doesNotContain("Exception");
    }

    @Test
    void targetHost_runsOnlyTheLinuxKernel_andSaysSoInOneLine() {
        assertThat(run("pkt", "--target", "host", "--os", "freebsd", "src/test/pkt/freebsd")).isEqualTo(2);
        assertThat(err.toString().strip().lines().findFirst().orElse(""))
                .startsWith("jns: --target host runs this machine's Linux kernel: use --os linux");
        assertThat(run("pkt", "--target", "moon", "src/test/pkt/linux")).isEqualTo(2);
    }

    @Test
    void pcap_writesOneFilePerScript(@TempDir Path dir) {
        assertThat(run("pkt", "--os", "freebsd", "--pcap", dir.toString(),
                "src/test/pkt/freebsd/c21-blocking-connect-refused.pkt")).isZero();
        assertThat(dir.resolve("c21-blocking-connect-refused.pcap")).isNotEmptyFile();
    }
}
