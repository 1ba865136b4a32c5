package io.jnetstack.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** An immutable byte sequence with value equality, for payloads and opaque fields inside wire records. */
public final class ByteString {
    /** The empty sequence. */
    public static final ByteString EMPTY = new ByteString(new byte[0]);

    private final byte[] bytes;
    /** Where the sequence starts in {@link #bytes}, and its length. */
    private final int off;
    private final int len;

    private ByteString(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private ByteString(byte[] bytes, int off, int len) {
        this.bytes = bytes;
        this.off = off;
        this.len = len;
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
        return len;
    }

    /** The byte at {@code i} as 0..255. */
    public int u8(int i) {
        return bytes[off + i] & 0xFF;
    }

    /** Copies the bytes into {@code dst} at {@code off}; returns the count written. */
    public int copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, this.off, dst, off, length());
        return length();
    }

    /** Copies {@code n} bytes starting at {@code from} into {@code dst} at {@code off}. */
    public void copyTo(int from, byte[] dst, int off, int n) {
        System.arraycopy(bytes, this.off + from, dst, off, n);
    }

    /**
     * Wraps {@code b} without copying. The caller hands the array over and must never write to it again (the
     * TCP core uses this for segment payloads it has just copied out of a buffer).
     */
    public static ByteString wrap(byte[] b) {
        return b.length == 0 ? EMPTY : new ByteString(b);
    }

    /**
     * Wraps {@code b[room, b.length)} without copying: a payload placed behind {@code room} bytes where a packet's
     * headers will be written (see {@link #arrayWithRoom}). The caller hands the array over and must never write
     * to the sequence's part of it again.
     */
    public static ByteString wrapAfterRoom(byte[] b, int room) {
        if (room < 0 || room > b.length) {
            throw new IllegalArgumentException("room " + room + " outside an array of " + b.length);
        }
        return room == b.length ? EMPTY : new ByteString(b, room, b.length - room);
    }

    /**
     * A view of {@code b[off, off+len)} without copying, for the duration of one call that reads it: the caller's
     * bytes are not handed over and may change once the call returns, so whoever receives it must copy what it keeps
     * (the stack's TCP input reads a received segment's payload in place this way, and every byte it keeps goes
     * into a buffer of its own).
     */
    public static ByteString borrow(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        return len == 0 ? EMPTY : new ByteString(b, off, len);
    }

    /**
     * The array this sequence was {@linkplain #wrapAfterRoom wrapped} from when exactly {@code room} bytes precede
     * it there, else null: the caller may fill those bytes (headers built in place in front of the payload, with
     * no copy) but never the sequence itself.
     */
    public byte[] arrayWithRoom(int room) {
        return off == room && room > 0 && off + len == bytes.length ? bytes : null;
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(bytes, off, off + len);
    }

    /** Lower-case hex. */
    public String hex() {
        return HexFormat.of().formatHex(bytes, off, off + len);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteString other
                && Arrays.equals(bytes, off, off + len, other.bytes, other.off, other.off + other.len);
    }

    /** As {@link Arrays#hashCode(byte[])} of the sequence's bytes. */
    @Override
    public int hashCode() {
        if (off == 0 && len == bytes.length) {
            return Arrays.hashCode(bytes);
        }
        int h = 1;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return length() <= 32 ? "0x" + hex() : "<" + length() + " bytes>";
    }
}
