package io.jnetstack.time;

import java.nio.charset.StandardCharsets;

/**
 * The one seeded random source every random choice in a simulation derives from (SplitMix64, the generator
 * behind {@link java.util.SplittableRandom}, implemented here so streams are pinned independently of the JDK).
 *
 * <p>Every method consumes a fixed number of 64-bit draws except where noted, so two streams that make the
 * same calls stay aligned. Not thread-safe: one thread owns a source (fork one per thread/component).
 */
public final class RandomSource {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private final long seed;
    private long state;

    /** A source whose stream is fully determined by {@code seed}. */
    public RandomSource(long seed) {
        this.seed = seed;
        this.state = seed;
    }

    /** The seed this source was created with (print it in failure messages to reproduce a run). */
    public long seed() {
        return seed;
    }

    /**
     * A child stream for one purpose (e.g. "link-loss", "isn"). Its seed depends only on this source's seed and
     * the purpose string (64-bit FNV-1a of its UTF-8 bytes, mixed with SplitMix64's finalizer), never on how many
     * values were drawn here, so adding draws in one component does not perturb another. Draws nothing.
     */
    public RandomSource fork(String purpose) {
        long h = FNV_OFFSET;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * FNV_PRIME;
        }
        return new RandomSource(mix64(seed + GOLDEN_GAMMA) ^ mix64(h));
    }

    /** A uniformly distributed 64-bit value; one draw. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /**
     * A uniform value in {@code [0, bound)}; usually one draw (rejection sampling may take more, rarely).
     *
     * @throws IllegalArgumentException when {@code bound <= 0}
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) nextLong(0, bound);
    }

    /**
     * A uniform value in {@code [origin, bound)}; usually one draw (rejection sampling may take more, rarely).
     *
     * @throws IllegalArgumentException when {@code origin >= bound}
     */
    public long nextLong(long origin, long bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("origin " + origin + " must be below bound " + bound);
        }
        long n = bound - origin;
        if (n > 0) {
            long m = n - 1;
            if ((n & m) == 0) {
                return origin + (nextLong() & m);
            }
            long u = nextLong() >>> 1;
            for (long r = u % n; u + m - r < 0; r = u % n) {
                u = nextLong() >>> 1;
            }
            return origin + u % n;
        }
        long r = nextLong();
        while (r < origin || r >= bound) {
            r = nextLong();
        }
        return r;
    }

    /** A uniform value in {@code [0, 1)} with 53 random bits; one draw. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * True with probability {@code p}: false always for {@code p <= 0}, true always for {@code p >= 1}.
     * Always consumes exactly one draw, whatever {@code p} is, so streams stay aligned.
     */
    public boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Fills {@code b} with random bytes; consumes {@code ceil(b.length / 8)} draws. */
    public void nextBytes(byte[] b) {
        int i = 0;
        while (i < b.length) {
            long r = nextLong();
            for (int k = 0; k < 8 && i < b.length; k++, i++) {
                b[i] = (byte) r;
                r >>>= 8;
            }
        }
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "RandomSource[seed=" + seed + "]";
    }
}
