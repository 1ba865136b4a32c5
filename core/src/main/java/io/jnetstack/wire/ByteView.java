package io.jnetstack.wire;

/**
 * The shared part of every bounds-checked view over bytes ({@code EthernetFrame}, {@code Ipv4Packet},
 * {@code TcpPacket}, ...): the array, the view's offset and the bytes it may touch. Subclasses add a getter and
 * setter per field of their format.
 */
public abstract class ByteView {
    /** The underlying array. */
    protected final byte[] buf;
    /** Offset of the view in {@link #buf}. */
    protected final int off;
    /** Bytes available to the view from {@link #off}. */
    protected final int len;

    /** A view of {@code buf[off, off+len)}; callers have checked the range with {@link #outOfBounds}. */
    protected ByteView(byte[] buf, int off, int len) {
        this.buf = buf;
        this.off = off;
        this.len = len;
    }

    /** The underlying array (writes through the view's setters land here). */
    public final byte[] buffer() {
        return buf;
    }

    /** Offset of the view in {@link #buffer()}. */
    public final int offset() {
        return off;
    }

    /**
     * A TRUNCATED rejection naming {@code what} when {@code b[off, off+len)} does not lie inside {@code b} (a null
     * array included); null when it does.
     */
    public static <T> Parsed<T> outOfBounds(byte[] b, int off, int len, String what) {
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            return Parsed.malformed(MalformedReason.TRUNCATED, what + " buffer range off=" + off + " len=" + len
                    + " outside " + (b == null ? "a null array" : "an array of " + b.length + " bytes"));
        }
        return null;
    }
}
