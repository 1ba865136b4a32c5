package io.jnetstack.pktrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.pkt.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jnetstack's own scripts (core/src/test/pkt/OS/*.pkt): each catalogue row a script can express, once per
 * personality, must pass under that personality.
 */
class OwnScriptsTest {
    static final Path ROOT = Path.of("src/test/pkt");
    static final List<String> OSES = List.of("linux", "freebsd", "openbsd", "macos");

    static Stream<Path> scripts() throws IOException {
        return SuiteRun.scripts(List.of(ROOT)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void passesUnderItsOwnPersonality(Path script) throws IOException {
        String os = script.getParent().getFileName().toString();
        String text = Files.readString(script);
        ScriptResult r = ScriptRunner.run(Parser.parse(script.toString(), text), text, Personality.named(os), null);
        assertThat(r.verdict()).as(r.reason()).isEqualTo(ScriptResult.Verdict.PASS);
    }

    @Test
    void everyOsHasTheSameRows() throws IOException {
        List<String> linux = names("linux");
        assertThat(linux).hasSizeGreaterThanOrEqualTo(12);
        for (String os : OSES) {
            assertThat(names(os)).as(os).isEqualTo(linux);
        }
    }

    private static List<String> names(String os) throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve(os))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
