package io.jnetstack.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071): the 16-bit one's complement of the one's complement sum of 16-bit words.
 *
 * <p>The sum is computed 32 bytes at a time with 64-bit little-endian loads into four {@code long} accumulators,
 * each load split into 32-bit halves so no accumulator can overflow below 2^32 loads (RFC 1071 §2(C): "deferred
 * carries"); the folded result is byte-swapped once (§2(B): the sum is byte-order independent). Pseudo-headers for TCP/UDP/ICMPv6 (RFC 9293 §3.1, RFC 768, RFC 8200 §8.1) are summed
 * with {@link #pseudoHeaderV4} / {@link #pseudoHeaderV6} and combined with {@link #partial}.
 */
public final class Checksum {
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Checksum() {}

    /**
     * Adds the 16-bit big-endian words of {@code buf[off, off+len)} to {@code initial}; an odd trailing byte is
     * padded with zero (RFC 1071 §4.1). Returns a partial sum congruent to the word sum modulo 0xFFFF (partly
     * folded, never negative): combine partial sums by addition only, never by subtraction.
     */
    public static long partial(byte[] buf, int off, int len, long initial) {
        int i = off;
        int end = off + len;
        // RFC 1071 §2(B), byte-order independence: sum little-endian 64-bit loads (no byte swap per load), each
        // split into two 32-bit halves so a long never overflows, with four independent accumulators; swap the
        // bytes of the folded result once at the end.
        long a = 0;
        long b = 0;
        long c = 0;
        long d = 0;
        int last32 = end - 32;
        for (; i <= last32; i += 32) { // a counted loop, so C2 can hoist the VarHandle bounds checks
            long v0 = (long) LONG_LE.get(buf, i);
            long v1 = (long) LONG_LE.get(buf, i + 8);
            long v2 = (long) LONG_LE.get(buf, i + 16);
            long v3 = (long) LONG_LE.get(buf, i + 24);
            a += (v0 >>> 32) + (v0 & 0xFFFF_FFFFL);
            b += (v1 >>> 32) + (v1 & 0xFFFF_FFFFL);
            c += (v2 >>> 32) + (v2 & 0xFFFF_FFFFL);
            d += (v3 >>> 32) + (v3 & 0xFFFF_FFFFL);
        }
        while (end - i >= 8) {
            long v = (long) LONG_LE.get(buf, i);
            a += (v >>> 32) + (v & 0xFFFF_FFFFL);
            i += 8;
        }
        long le = fold(a) + fold(b) + fold(c) + fold(d);
        int swapped = Integer.reverseBytes(fold(le)) >>> 16;
        long sum = initial + swapped;
        while (end - i >= 2) {
            sum += ((buf[i] & 0xFF) << 8) | (buf[i + 1] & 0xFF);
            i += 2;
        }
        if (i < end) {
            sum += (buf[i] & 0xFF) << 8;
        }
        return sum;
    }

    /** Folds a partial sum to 16 bits (end-around carry). */
    public static int fold(long sum) {
        long s = sum;
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    /** The finished checksum field value: the one's complement of the folded sum. */
    public static int finish(long sum) {
        return ~fold(sum) & 0xFFFF;
    }

    /** The checksum of {@code buf[off, off+len)} with no pseudo-header. */
    public static int compute(byte[] buf, int off, int len) {
        return finish(partial(buf, off, len, 0));
    }

    /**
     * The checksum of {@code buf[off, off+len)} plus {@code pseudo} as if the 16-bit checksum field at
     * {@code fieldAt} (an even offset inside the range) were zero: the value a sender would have written there.
     */
    public static int computeWithFieldZeroed(byte[] buf, int off, int len, int fieldAt, long pseudo) {
        long sum = partial(buf, off, fieldAt - off, pseudo);
        return finish(partial(buf, fieldAt + 2, off + len - fieldAt - 2, sum));
    }

    /** True when the bytes, including their checksum field, sum to 0xFFFF (RFC 1071 §1 "verify"). */
    public static boolean verifies(byte[] buf, int off, int len, long pseudo) {
        return fold(partial(buf, off, len, pseudo)) == 0xFFFF;
    }

    /** The IPv4 pseudo-header sum (RFC 9293 §3.1): source, destination, zero, protocol, transport length. */
    public static long pseudoHeaderV4(byte[] src4, byte[] dst4, int protocol, int length) {
        long sum = partial(src4, 0, 4, 0);
        sum = partial(dst4, 0, 4, sum);
        return sum + protocol + length;
    }

    /** The IPv6 pseudo-header sum (RFC 8200 §8.1): source, destination, 32-bit length, next header. */
    public static long pseudoHeaderV6(byte[] src16, byte[] dst16, int nextHeader, int length) {
        long sum = partial(src16, 0, 16, 0);
        sum = partial(dst16, 0, 16, sum);
        return sum + (length >>> 16) + (length & 0xFFFF) + nextHeader;
    }
}
