package io.jnetstack.wire.ip;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded mutation sweep: feeds mutated seeds (and odd buffer windows) to a parser and fails on any exception. */
public final class MutationSweep {

    /** A parser call over a buffer window. */
    @FunctionalInterface
    public interface Target {
        /** Parses {@code b[off, off+len)}; must not throw. */
        void parse(byte[] b, int off, int len);
    }

    private MutationSweep() {}

    /** Runs {@code count} mutated inputs derived from {@code seeds} with random seed {@code seed}. */
    public static void run(List<byte[]> seeds, long seed, int count, Target target) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int n = 0; n < count; n++) {
            byte[] b = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
            int off = 0;
            int len = b.length;
            int window = rnd.nextInt(20);
            if (window == 0) {
                off = rnd.nextInt(-2, b.length + 3);
                len = rnd.nextInt(-2, b.length + 3);
            } else if (window == 1 && b.length > 0) {
                off = rnd.nextInt(b.length);
                len = b.length - off;
            }
            try {
                target.parse(b, off, len);
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + " case " + n + " threw on off=" + off + " len=" + len + " bytes="
                        + java.util.HexFormat.of().formatHex(b), e);
            }
        }
    }

    private static byte[] mutate(byte[] original, SplittableRandom rnd) {
        byte[] b = original.clone();
        int edits = rnd.nextInt(1, 5);
        for (int e = 0; e < edits; e++) {
            switch (rnd.nextInt(6)) {
                case 0 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
                case 1 -> b = java.util.Arrays.copyOf(b, b.length + rnd.nextInt(1, 64));
                case 2 -> flipBit(b, rnd);
                case 3 -> setByte(b, rnd, rnd.nextInt(256));
                case 4 -> setByte(b, rnd, rnd.nextBoolean() ? 0 : 0xFF);
                default -> setByte(b, rnd, 1 << rnd.nextInt(8));
            }
        }
        return b;
    }

    private static void flipBit(byte[] b, SplittableRandom rnd) {
        if (b.length > 0) {
            int i = rnd.nextInt(b.length);
            b[i] ^= (byte) (1 << rnd.nextInt(8));
        }
    }

    private static void setByte(byte[] b, SplittableRandom rnd, int v) {
        if (b.length > 0) {
            // bias towards the header: most interesting fields are in the first 64 bytes
            int i = rnd.nextInt(rnd.nextBoolean() ? Math.min(b.length, 64) : b.length);
            b[i] = (byte) v;
        }
    }
}
