package io.jnetstack.wire.tcp;

/**
 * Modular 32-bit sequence-number arithmetic (RFC 9293 §3.4, RFC 1982 serial numbers) on raw {@code int}s.
 *
 * <p>{@code a} is "less than" {@code b} when {@code b} is ahead of {@code a} by 1..2^31-1 modulo 2^32. At a distance
 * of exactly 2^31 the order is undefined (RFC 1982 §3.2); these helpers then report each as less than the other.
 */
public final class SeqNum {
    private SeqNum() {}

    /** True when {@code a} precedes {@code b} modulo 2^32. */
    public static boolean lt(int a, int b) {
        return a - b < 0;
    }

    /** True when {@code a} precedes or equals {@code b} modulo 2^32. */
    public static boolean leq(int a, int b) {
        return a - b <= 0;
    }

    /** True when {@code a} follows {@code b} modulo 2^32. */
    public static boolean gt(int a, int b) {
        return a - b > 0;
    }

    /** True when {@code a} follows or equals {@code b} modulo 2^32. */
    public static boolean geq(int a, int b) {
        return a - b >= 0;
    }

    /** {@code a + n} modulo 2^32. */
    public static int add(int a, int n) {
        return a + n;
    }

    /** The signed distance {@code a - b} modulo 2^32, in -2^31..2^31-1. */
    public static int diff(int a, int b) {
        return a - b;
    }

    /** The larger of two sequence numbers in modular order. */
    public static int max(int a, int b) {
        return gt(a, b) ? a : b;
    }

    /** The smaller of two sequence numbers in modular order. */
    public static int min(int a, int b) {
        return lt(a, b) ? a : b;
    }

    /** True when {@code lo <= x < hi} in modular order (a receive-window test, RFC 9293 §3.10.7.4). */
    public static boolean inRange(int x, int lo, int hi) {
        return leq(lo, x) && lt(x, hi);
    }
}
