package io.jnetstack.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte sequence with value equality, for payloads and opaque fields inside wire records. */
public final class ByteString {
    /** The empty sequence. */
    public static final ByteString EMPTY = new ByteString(new byte[0]);

    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code b[off, off+len)}. */
    public static ByteString copyOf(byte[] b, int off, int len) {
        return len == 0 ? EMPTY : new ByteString(Arrays.copyOfRange(b, off, off + len));
    }

    /** Copies the whole array. */
    public static ByteString copyOf(byte[] b) {
        return copyOf(b, 0, b.length);
    }

    /** Parses lower- or upper-case hex with no separators. */
    public static ByteString ofHex(String hex) {
        return new ByteString(HexFormat.of().parseHex(hex));
    }

    /** Number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** The byte at {@code i} as 0..255. */
    public int u8(int i) {
        return bytes[i] & 0xFF;
    }

    /** Copies the bytes into {@code dst} at {@code off}; returns the count written. */
    public int copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, bytes.length);
        return bytes.length;
    }

    /** Copies {@code n} bytes starting at {@code from} into {@code dst} at {@code off}. */
    public void copyTo(int from, byte[] dst, int off, int n) {
        System.arraycopy(bytes, from, dst, off, n);
    }

    /**
     * Wraps {@code b} without copying. The caller hands the array over and must never write to it again (the
     * TCP core uses this for segment payloads it has just copied out of a buffer).
     */
    public static ByteString wrap(byte[] b) {
        return b.length == 0 ? EMPTY : new ByteString(b);
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Lower-case hex. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteString other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length <= 32 ? "0x" + hex() : "<" + bytes.length + " bytes>";
    }
}
