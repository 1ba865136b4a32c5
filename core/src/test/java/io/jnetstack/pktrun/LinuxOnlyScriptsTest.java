package io.jnetstack.pktrun;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Scripts of behaviour only Linux has (core/src/test/pkt-linux-only, e.g. TCP_FASTOPEN_CONNECT): each passes on the
 * simulated Linux personality and, where root and /dev/net/tun are available, on the host kernel — the same script,
 * so the kernel is the oracle for the simulation.
 */
class LinuxOnlyScriptsTest {
    static final Path ROOT = Path.of("src/test/pkt-linux-only");

    static Stream<Path> scripts() throws IOException {
        return SuiteRun.scripts(List.of(ROOT)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void passesOnTheSimulatedLinuxPersonality(Path script) throws IOException {
        String text = Files.readString(script);
        ScriptResult r = ScriptRunner.run(Parser.parse(script.toString(), text), text, Personality.named("linux"),
                null);
        assertThat(r.verdict()).as(r.reason()).isEqualTo(ScriptResult.Verdict.PASS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void passesOnTheHostKernel(Path script) throws IOException {
        HostScriptsTest.assertPassesOnTheHost(script);
    }
}
