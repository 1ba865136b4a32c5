package io.jnetstack.wire.pcap;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a classic pcap file: microsecond ({@code 0xA1B2C3D4}) or nanosecond ({@code 0xA1B23C4D}) magic, either
 * byte order, version 2.x, link types from {@link LinkType}. Never throws on malformed content; I/O errors of
 * the stream propagate. After a {@link Parsed.Malformed} record the reader is stuck: {@link #next} keeps
 * returning that rejection (the record framing is lost), so stop at the first one.
 */
public final class PcapReader implements Closeable {
    private static final int MAGIC_MICROS = 0xA1B2C3D4;
    private static final int HEADER = PcapWriter.GLOBAL_HEADER_LENGTH;
    private static final int RECORD = PcapWriter.RECORD_HEADER_LENGTH;

    private final InputStream in;
    private final boolean bigEndian;
    private final boolean nanos;
    private final LinkType linkType;
    private final int snapLength;
    private final byte[] recordHeader = new byte[RECORD];
    private Parsed<PcapRecord> failure;

    private PcapReader(InputStream in, boolean bigEndian, boolean nanos, LinkType linkType, int snapLength) {
        this.in = in;
        this.bigEndian = bigEndian;
        this.nanos = nanos;
        this.linkType = linkType;
        this.snapLength = snapLength;
    }

    /**
     * Reads and validates the 24-byte global header. Rejections: TRUNCATED (fewer than 24 bytes), BAD_FIELD
     * (unknown magic, snaplen 0 or above 2^31-1), BAD_VERSION (major version not 2), UNSUPPORTED (link type).
     */
    public static Parsed<PcapReader> open(InputStream in) throws IOException {
        InputStream buffered = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        byte[] h = buffered.readNBytes(HEADER);
        if (h.length < HEADER) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "global header needs 24 bytes, got " + h.length);
        }
        int le = le32(h, 0);
        int be = Integer.reverseBytes(le);
        boolean bigEndian = be == MAGIC_MICROS || be == PcapWriter.MAGIC_NANOS;
        int magic = bigEndian ? be : le;
        if (magic != MAGIC_MICROS && magic != PcapWriter.MAGIC_NANOS) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, String.format("magic 0x%08x is not a pcap magic", le));
        }
        int major = u16(h, 4, bigEndian);
        if (major != 2) {
            return Parsed.malformed(MalformedReason.BAD_VERSION,
                    "version " + major + "." + u16(h, 6, bigEndian) + ", expected 2.4");
        }
        long snap = u32(h, 16, bigEndian);
        if (snap == 0 || snap > Integer.MAX_VALUE) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "snaplen " + snap + " outside 1.." + Integer.MAX_VALUE);
        }
        long link = u32(h, 20, bigEndian) & 0xFFFF; // upper bits: FCS length flags (draft-ietf-opsawg-pcap §4)
        if (!LinkType.isKnown((int) link)) {
            return Parsed.malformed(MalformedReason.UNSUPPORTED, "linktype " + link + " is not ETHERNET(1) or RAW(101)");
        }
        PcapReader r = new PcapReader(buffered, bigEndian, magic == PcapWriter.MAGIC_NANOS, LinkType.of((int) link),
                (int) snap);
        return Parsed.ok(r);
    }

    /** The file's link type. */
    public LinkType linkType() {
        return linkType;
    }

    /** The file's snap length (the most bytes any record may hold). */
    public int snapLength() {
        return snapLength;
    }

    /** True when the file stores nanosecond (rather than microsecond) timestamps. */
    public boolean nanosecondResolution() {
        return nanos;
    }

    /**
     * The next record, or null at a clean end of file (no byte of a further record). Rejections: TRUNCATED (a
     * partial record header or fewer data bytes than incl_len), BAD_LENGTH (incl_len above snaplen or orig_len),
     * BAD_FIELD (sub-second part of the timestamp not below 10^9 ns / 10^6 µs).
     */
    public Parsed<PcapRecord> next() throws IOException {
        if (failure != null) {
            return failure;
        }
        int got = in.readNBytes(recordHeader, 0, RECORD);
        if (got == 0) {
            return null;
        }
        Parsed<PcapRecord> result = got < RECORD
                ? Parsed.malformed(MalformedReason.TRUNCATED, "record header needs 16 bytes, got " + got)
                : readBody();
        if (!result.isOk()) {
            failure = result;
        }
        return result;
    }

    private Parsed<PcapRecord> readBody() throws IOException {
        long sec = u32(recordHeader, 0, bigEndian);
        long frac = u32(recordHeader, 4, bigEndian);
        long incl = u32(recordHeader, 8, bigEndian);
        long orig = u32(recordHeader, 12, bigEndian);
        long fracLimit = nanos ? 1_000_000_000L : 1_000_000L;
        if (frac >= fracLimit) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "ts fraction " + frac + " >= " + fracLimit);
        }
        if (incl > snapLength) {
            return Parsed.malformed(MalformedReason.BAD_LENGTH, "incl_len " + incl + " > snaplen " + snapLength);
        }
        if (incl > orig || orig > Integer.MAX_VALUE) {
            return Parsed.malformed(MalformedReason.BAD_LENGTH, "incl_len " + incl + " vs orig_len " + orig);
        }
        byte[] data = in.readNBytes((int) incl); // reads in chunks: a lying length cannot force a huge allocation
        if (data.length < incl) {
            return Parsed.malformed(MalformedReason.TRUNCATED,
                    "record data needs " + incl + " bytes, got " + data.length);
        }
        long ts = sec * 1_000_000_000L + (nanos ? frac : frac * 1_000L);
        return Parsed.ok(new PcapRecord(ts, (int) orig, ByteString.copyOf(data)));
    }

    /** Closes the underlying stream. */
    @Override
    public void close() throws IOException {
        in.close();
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    private static long u32(byte[] b, int off, boolean bigEndian) {
        int v = le32(b, off);
        return (bigEndian ? Integer.reverseBytes(v) : v) & 0xFFFF_FFFFL;
    }

    private static int u16(byte[] b, int off, boolean bigEndian) {
        int lo = b[off] & 0xFF;
        int hi = b[off + 1] & 0xFF;
        return bigEndian ? lo << 8 | hi : hi << 8 | lo;
    }
}
