package io.jnetstack.wire.icmp;

import java.util.Objects;

/** Argument checks for record constructors (programmer errors throw IllegalArgumentException). */
final class FieldRange {
    private FieldRange() {}

    /** Throws unless {@code min <= v <= max}. */
    static void check(String name, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " out of range " + min + ".." + max + ": " + v);
        }
    }

    /** Throws when {@code v} is null. */
    static <T> T nonNull(String name, T v) {
        if (v == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return Objects.requireNonNull(v);
    }

    /** True when {@code b[off, off+len)} is a valid range of a non-null array. */
    static boolean inBounds(byte[] b, int off, int len) {
        return b != null && off >= 0 && len >= 0 && off <= b.length - len;
    }
}
