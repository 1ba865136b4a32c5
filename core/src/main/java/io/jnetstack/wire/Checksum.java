package io.jnetstack.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071): the 16-bit one's complement of the one's complement sum of 16-bit words.
 *
 * <p>The sum is computed 8 bytes at a time with 64-bit big-endian loads, carrying into a {@code long} accumulator
 * that cannot overflow for any input under 2^32 bytes of 0xFFFF words folded every 2^16 loads (RFC 1071 §2(C):
 * "deferred carries"). Pseudo-headers for TCP/UDP/ICMPv6 (RFC 9293 §3.1, RFC 768, RFC 8200 §8.1) are summed
 * with {@link #pseudoHeaderV4} / {@link #pseudoHeaderV6} and combined with {@link #partial}.
 */
public final class Checksum {
    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Checksum() {}

    /**
     * Adds the 16-bit big-endian words of {@code buf[off, off+len)} to {@code initial}; an odd trailing byte is
     * padded with zero (RFC 1071 §4.1). Returns an unfolded partial sum.
     */
    public static long partial(byte[] buf, int off, int len, long initial) {
        long sum = initial;
        int i = off;
        int end = off + len;
        // 64-bit loads: add the two 32-bit halves so the long accumulator never overflows.
        while (end - i >= 8) {
            long v = (long) LONG_BE.get(buf, i);
            sum += (v >>> 32) + (v & 0xFFFF_FFFFL);
            i += 8;
        }
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
