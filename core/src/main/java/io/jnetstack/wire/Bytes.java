package io.jnetstack.wire;

/** Big-endian (network order) field access on byte arrays; callers check bounds before calling. */
public final class Bytes {
    private Bytes() {}

    /** Unsigned 8-bit read. */
    public static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    /** Unsigned 16-bit big-endian read. */
    public static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }

    /** 32-bit big-endian read. */
    public static int getInt(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }

    /** Unsigned 32-bit big-endian read. */
    public static long u32(byte[] b, int off) {
        return getInt(b, off) & 0xFFFF_FFFFL;
    }

    /** 64-bit big-endian read. */
    public static long getLong(byte[] b, int off) {
        return (long) getInt(b, off) << 32 | (getInt(b, off + 4) & 0xFFFF_FFFFL);
    }

    /** 8-bit write. */
    public static void put8(byte[] b, int off, int v) {
        b[off] = (byte) v;
    }

    /** 16-bit big-endian write. */
    public static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    /** 32-bit big-endian write. */
    public static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /** 64-bit big-endian write. */
    public static void putLong(byte[] b, int off, long v) {
        putInt(b, off, (int) (v >>> 32));
        putInt(b, off + 4, (int) v);
    }
}
