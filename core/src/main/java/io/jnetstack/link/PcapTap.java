package io.jnetstack.link;

import io.jnetstack.wire.pcap.LinkType;
import io.jnetstack.wire.pcap.PcapWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes every frame it observes to a pcap file (nanosecond timestamps; Ethernet or raw-IP link type). */
public final class PcapTap implements FrameObserver, Closeable {
    /** Snap length written to the file header: larger than any frame we carry. */
    public static final int SNAP_LENGTH = 262_144;

    private final PcapWriter writer;

    /** Starts a capture on {@code out}; writes the file header at once. */
    public PcapTap(OutputStream out, Medium medium) throws IOException {
        LinkType type = switch (medium) {
            case ETHERNET -> LinkType.ETHERNET;
            case IP -> LinkType.RAW;
        };
        this.writer = new PcapWriter(out, type, SNAP_LENGTH);
    }

    /** Appends the frame; a failing file is an {@link UncheckedIOException} naming the cause, never a lost frame. */
    @Override
    public void observe(byte[] frame, int off, int len, long nowNs) {
        try {
            writer.write(nowNs, frame, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException("pcap write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
