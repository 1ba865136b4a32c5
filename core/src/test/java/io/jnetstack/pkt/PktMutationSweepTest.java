package io.jnetstack.pkt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of suite scripts (truncations, byte flips, inserted and deleted characters, swapped
 * lines): tryParse always returns, parse throws nothing but {@link ScriptParseException}, and every error
 * points inside the text.
 */
class PktMutationSweepTest {
    private static final long SEED = 0x9e3779b97f4a7c15L;
    private static final int CASES = 20_000;
    private static final String ALPHABET = "<>()[]{}.,:=|+*~!/-`\"%#\n \t0123456789SFRPEW.xyz_";

    @Test
    void mutatedSuiteScripts_neverEscapeAnythingButParseErrors() throws IOException {
        assumeTrue(Files.isDirectory(PktCorpusTest.SUITE), "suite not present");
        List<String> texts = new ArrayList<>();
        for (var p : PktCorpusTest.scripts()) {
            texts.add(PktCorpusTest.read(p));
        }
        SplittableRandom rnd = new SplittableRandom(SEED);
        int failed = 0;
        for (int i = 0; i < CASES; i++) {
            String base = texts.get(rnd.nextInt(texts.size()));
            String mutated = mutate(base, rnd);
            ParseResult r;
            try {
                r = Parser.tryParse("m.pkt", mutated);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + SEED + " case " + i + " threw on:\n" + mutated, e);
            }
            if (r instanceof ParseResult.Failed f) {
                failed++;
                long lines = mutated.chars().filter(c -> c == '\n').count() + 1;
                assertThat(f.error().line()).as("seed %d case %d: %s", SEED, i, f.error()).isBetween(1, (int) lines);
                assertThat(f.error().column()).as("seed %d case %d", SEED, i).isPositive();
                assertThat(f.error().message()).as("seed %d case %d", SEED, i).isNotBlank();
            }
        }
        assertThat(failed).as("seed %d: mutations should mostly break scripts", SEED).isGreaterThan(CASES / 4);
    }

    static String mutate(String s, SplittableRandom rnd) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits && !b.isEmpty(); e++) {
            int at = rnd.nextInt(b.length());
            switch (rnd.nextInt(5)) {
                case 0 -> b.setLength(at);
                case 1 -> b.setCharAt(at, (char) (b.charAt(at) ^ (1 << rnd.nextInt(7))));
                case 2 -> b.insert(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                case 3 -> b.deleteCharAt(at);
                default -> b.setCharAt(at, (char) rnd.nextInt(256));
            }
        }
        return b.toString();
    }
}
