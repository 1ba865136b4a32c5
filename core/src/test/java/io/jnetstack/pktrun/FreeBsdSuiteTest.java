package io.jnetstack.pktrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnetstack.personality.Personality;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The freebsd-net TCP test suite (read in place from ../shared/peer-tests) under the FreeBSD personality: the
 * number of passing scripts per folder may only grow. Raise a floor when more pass; never lower one.
 */
class FreeBsdSuiteTest {
    static final Path SUITE = Path.of("../../shared/peer-tests/freebsd-tcp-testsuite");

    /** Passing scripts per top-level folder, as last measured (README "FreeBSD TCP test suite" table). */
    static final Map<String, Integer> FLOOR = new TreeMap<>(Map.of(
            "fast-open", 84,
            "rcv-data-segments", 217,
            "rcv-icmp", 12,
            "snd-syn", 30,
            "snippets", 36,
            "socket-api", 22,
            "state-event-engine", 614,
            "tcp-over-udp", 52));

    @Test
    void passingScriptsNeverDrop() throws IOException {
        assumeTrue(Files.isDirectory(SUITE), "the FreeBSD suite is not at " + SUITE.toAbsolutePath());
        List<SuiteRun.Line> lines = new ArrayList<>();
        SuiteRun.run(SuiteRun.scripts(List.of(SUITE)), Personality.named("freebsd"),
                new PrintWriter(new StringWriter()), null, lines);
        Map<String, Integer> passed = new TreeMap<>();
        FLOOR.keySet().forEach(f -> passed.put(f, 0));
        for (SuiteRun.Line l : lines) {
            assertThat(l.reason()).as(l.script().toString()).doesNotContain("internal error");
            if (l.status().equals("PASS")) {
                passed.merge(SUITE.relativize(l.script()).getName(0).toString(), 1, Integer::sum);
            }
        }
        for (var e : FLOOR.entrySet()) {
            assertThat(passed.get(e.getKey())).as(e.getKey() + " passing scripts").isGreaterThanOrEqualTo(e.getValue());
        }
        assertThat(lines).hasSize(1103);
    }
}
