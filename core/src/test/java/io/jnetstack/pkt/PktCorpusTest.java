package io.jnetstack.pkt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every script of the FreeBSD TCP test suite (read in place from /work/shared, never copied; skipped
 * when absent). Scripts that legitimately do not parse are listed with the expected error in
 * {@code corpus-expected-failures.txt}, so the count that parses can only go up.
 */
class PktCorpusTest {
    static final Path SUITE = Path.of("/work/shared/peer-tests/freebsd-tcp-testsuite");

    /** The suite's scripts, sorted by path. */
    static List<Path> scripts() throws IOException {
        try (Stream<Path> s = Files.walk(SUITE)) {
            return s.filter(p -> p.toString().endsWith(".pkt")).sorted().toList();
        }
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.ISO_8859_1);
    }

    @Test
    void everySuiteScript_parses_exceptTheListedOnes() throws IOException {
        assumeTrue(Files.isDirectory(SUITE), "suite not present at " + SUITE);
        Map<String, String> failures = new TreeMap<>();
        int parsed = 0;
        List<Path> all = scripts();
        for (Path p : all) {
            String rel = SUITE.relativize(p).toString();
            switch (Parser.tryParse(rel, read(p))) {
                case ParseResult.Ok ok -> parsed++;
                case ParseResult.Failed f -> failures.put(rel, f.error().toString());
            }
        }
        System.out.println("pkt corpus: " + parsed + " of " + all.size() + " scripts parse");
        assertThat(all).hasSize(1103);
        assertThat(failures).isEqualTo(expectedFailures());
        assertThat(parsed + failures.size()).isEqualTo(all.size());
    }

    /** Path (relative to the suite) to the exact error, from the checked-in list; '#' lines are reasons. */
    static Map<String, String> expectedFailures() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (InputStream in = PktCorpusTest.class.getResourceAsStream("corpus-expected-failures.txt")) {
            List<String> lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .split("\n")));
            for (String line : lines) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.put(line.substring(0, line.indexOf(':')), line.strip());
                }
            }
        }
        return out;
    }
}
