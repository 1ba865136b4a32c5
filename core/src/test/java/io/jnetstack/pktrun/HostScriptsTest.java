package io.jnetstack.pktrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnetstack.host.TunDevice;
import io.jnetstack.personality.Personality;
import io.jnetstack.pkt.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parity suite's script part: jnetstack's own Linux scripts (which pass on the simulated Linux personality,
 * {@link OwnScriptsTest}) run on the host kernel, in a namespace and behind a TUN device of their own, in real time,
 * and must pass there too. Skipped without root or /dev/net/tun, with the reason.
 */
class HostScriptsTest {
    /** Every Linux script, c19 (a blocking connect to a black hole: 135 s of real time) included. */
    static Stream<Path> scripts() throws IOException {
        return SuiteRun.scripts(List.of(OwnScriptsTest.ROOT.resolve("linux"))).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void passesOnTheHostKernel(Path script) throws IOException {
        assertPassesOnTheHost(script);
    }

    /** Runs {@code script} on the host kernel (skipped without root or /dev/net/tun) and asserts it passes. */
    static void assertPassesOnTheHost(Path script) throws IOException {
        assumeTrue(TunDevice.unavailable().isEmpty(), () -> "host target skipped: "
                + TunDevice.unavailable().orElse(""));
        String text = Files.readString(script);
        ScriptResult r = ScriptRunner.run(Parser.parse(script.toString(), text), text, Personality.named("linux"), null,
                true);
        assertThat(r.verdict()).as(r.reason()).isEqualTo(ScriptResult.Verdict.PASS);
    }
}
