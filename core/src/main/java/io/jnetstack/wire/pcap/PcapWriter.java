package io.jnetstack.wire.pcap;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a classic pcap file: nanosecond magic {@code 0xA1B23C4D}, version 2.4, little-endian, one link type.
 * Buffers internally; {@link #flush} or {@link #close} to push bytes out. Not thread-safe.
 */
public final class PcapWriter implements Closeable {
    /** The nanosecond-resolution magic number (the µs one is {@code 0xA1B2C3D4}). */
    public static final int MAGIC_NANOS = 0xA1B23C4D;
    static final int GLOBAL_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final OutputStream out;
    private final int snapLength;
    private final byte[] header = new byte[GLOBAL_HEADER_LENGTH];

    /**
     * Writes the global header to {@code out}.
     *
     * @throws IllegalArgumentException when {@code snapLength <= 0}
     * @throws IOException              from {@code out}
     */
    public PcapWriter(OutputStream out, LinkType linkType, int snapLength) throws IOException {
        if (snapLength <= 0) {
            throw new IllegalArgumentException("snapLength must be positive: " + snapLength);
        }
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.snapLength = snapLength;
        putLe32(header, 0, MAGIC_NANOS);
        putLe16(header, 4, 2);
        putLe16(header, 6, 4);
        putLe32(header, 8, 0); // thiszone
        putLe32(header, 12, 0); // sigfigs
        putLe32(header, 16, snapLength);
        putLe32(header, 20, linkType.value());
        this.out.write(header, 0, GLOBAL_HEADER_LENGTH);
    }

    /**
     * Appends one record: {@code incl_len = min(len, snapLength)}, {@code orig_len = len}.
     *
     * @param timestampNs nanoseconds since the epoch, {@code 0 <= timestampNs < 2^32 s}
     * @throws IllegalArgumentException for a timestamp outside the format's range or a bad slice
     * @throws IOException              from the stream
     */
    public void write(long timestampNs, byte[] b, int off, int len) throws IOException {
        long seconds = timestampNs / NANOS_PER_SECOND;
        if (timestampNs < 0 || seconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp out of pcap range: " + timestampNs + " ns");
        }
        if (off < 0 || len < 0 || off > b.length - len) {
            throw new IllegalArgumentException("bad slice off=" + off + " len=" + len + " of " + b.length);
        }
        int incl = Math.min(len, snapLength);
        putLe32(header, 0, (int) seconds);
        putLe32(header, 4, (int) (timestampNs % NANOS_PER_SECOND));
        putLe32(header, 8, incl);
        putLe32(header, 12, len);
        out.write(header, 0, RECORD_HEADER_LENGTH);
        out.write(b, off, incl);
    }

    /** Pushes buffered bytes to the underlying stream and flushes it. */
    public void flush() throws IOException {
        out.flush();
    }

    /** Flushes and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        out.close();
    }

    static void putLe32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    static void putLe16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }
}
