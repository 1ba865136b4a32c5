package io.jnetstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the CLI ends with one line on stderr and exit status 2; good input works. */
class JnsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Jns.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void assertOneLineError(String mustContain) {
        assertThat(err.toString().lines().toList()).hasSize(1);
        assertThat(err.toString()).startsWith("jns: ").contains(mustContain);
    }

    @Test
    void unknownFlag_isOneLineError_exit2() {
        assertThat(run("demo", "--bogus")).isEqualTo(2);
        assertOneLineError("--bogus");
    }

    @Test
    void unknownSubcommand_isOneLineError_exit2() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertOneLineError("frobnicate");
    }

    @Test
    void badSeed_isOneLineError_exit2() {
        assertThat(run("demo", "--seed", "twelve")).isEqualTo(2);
        assertOneLineError("twelve");
    }

    @Test
    void unwritablePcapDirectory_isOneLineError_exit2(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThat(run("demo", "--pcap", file.resolve("sub").toString())).isEqualTo(2);
        assertOneLineError("pcap directory");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void demo_printsTheTrace_andWritesOnePcapPerLink(@TempDir Path dir) {
        assertThat(run("demo", "--seed", "3", "--pcap", dir.toString())).isZero();
        assertThat(out.toString()).contains("ICMP echo request", "ICMP net 192.0.2.1 unreachable", "summary:");
        assertThat(dir.resolve("lan-a.pcap")).isRegularFile();
        assertThat(dir.resolve("lan-b.pcap")).isRegularFile();
        assertThat(dir.resolve("wan.pcap")).isRegularFile();
        assertThat(err.toString()).isEmpty();
    }
}
