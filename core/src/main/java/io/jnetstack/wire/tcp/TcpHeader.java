package io.jnetstack.wire.tcp;

import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import java.util.List;
import java.util.StringJoiner;

/**
 * A validated TCP header (RFC 9293 §3.1) with its options. {@code seq}/{@code ack} are raw 32-bit values;
 * {@code flags} is the 12-bit field after the data offset (4 reserved bits, 0x100 being AE, then the 8 control
 * bits). The checksum is not stored: {@link #parse} verifies it and {@link #emit} computes it.
 *
 * <p>Round trip: for every accepted segment, {@code emit} rewrites the same header bytes; bytes after an EOL live in
 * {@link TcpOption.Eol#trailing()}, and {@code emit} pads with zeros only past what the options cover.
 */
public record TcpHeader(int sourcePort, int destinationPort, int seq, int ack, int flags, int window,
                        int urgentPointer, List<TcpOption> options) {
    /** FIN: no more data from sender. */
    public static final int FIN = 0x01;
    /** SYN: synchronize sequence numbers. */
    public static final int SYN = 0x02;
    /** RST: reset the connection. */
    public static final int RST = 0x04;
    /** PSH: push function. */
    public static final int PSH = 0x08;
    /** ACK: acknowledgment field is significant. */
    public static final int ACK = 0x10;
    /** URG: urgent pointer field is significant. */
    public static final int URG = 0x20;
    /** ECE: ECN-Echo (RFC 3168). */
    public static final int ECE = 0x40;
    /** CWR: congestion window reduced (RFC 3168). */
    public static final int CWR = 0x80;
    /** AE: accurate ECN, formerly NS (reserved bit 0x100 of the 12-bit field). */
    public static final int AE = 0x100;
    /** Fixed header length in bytes. */
    public static final int MIN_LENGTH = 20;
    /** Largest options area: data offset 15 words minus the fixed header. */
    public static final int MAX_OPTIONS_LENGTH = 40;

    /** Validates field ranges and that the options fit 40 bytes with EOL, if present, last. */
    public TcpHeader {
        checkRange("source port", sourcePort, 0xFFFF);
        checkRange("destination port", destinationPort, 0xFFFF);
        checkRange("flags", flags, 0xFFF);
        checkRange("window", window, 0xFFFF);
        checkRange("urgent pointer", urgentPointer, 0xFFFF);
        TcpOptionList list = TcpOptionList.copyOf(options);
        options = list;
        int total = list.wireLength();
        if (total > MAX_OPTIONS_LENGTH) {
            throw new IllegalArgumentException("options take " + total + " bytes > 40");
        }
        for (int i = 0; i < options.size() - 1; i++) {
            if (options.get(i) instanceof TcpOption.Eol) {
                throw new IllegalArgumentException("EOL must be the last option, found at index " + i);
            }
        }
    }

    /** A header with urgent pointer 0, for the stack's segment builder. */
    public static TcpHeader of(int srcPort, int dstPort, int seq, int ack, int flags, int window,
                               List<TcpOption> options) {
        return new TcpHeader(srcPort, dstPort, seq, ack, flags, window, 0, options);
    }

    static void checkRange(String field, int v, int max) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(field + " " + v + " not in 0.." + max);
        }
    }

    /** True when every bit of {@code flag} is set. */
    public boolean has(int flag) {
        return (flags & flag) == flag;
    }

    /** 20 + the options' length rounded up to a multiple of 4. */
    public int headerLength() {
        return MIN_LENGTH + ((((TcpOptionList) options).wireLength() + 3) & ~3);
    }

    /** Bytes {@link #emit} writes: {@link #headerLength()}. */
    public int length() {
        return headerLength();
    }

    /**
     * Parses and fully validates the segment {@code b[off, off+len)} (header + payload): structure, checksum over
     * {@code ph.sum(len)} and the segment (RFC 9293 §3.1), then the options (RFC 9293 §3.2).
     */
    public static Parsed<TcpHeader> parse(byte[] b, int off, int len, PseudoHeader ph) {
        return parse(b, off, len, ph, true);
    }

    /**
     * As {@link #parse}, for a segment whose checksum the link has already verified (receive checksum offload: a
     * virtio device's VIRTIO_NET_HDR_F_NEEDS_CSUM or DATA_VALID, the kernel's CHECKSUM_UNNECESSARY): every check
     * but the checksum's.
     */
    public static Parsed<TcpHeader> parseChecksumVerified(byte[] b, int off, int len) {
        return parse(b, off, len, null, false);
    }

    private static Parsed<TcpHeader> parse(byte[] b, int off, int len, PseudoHeader ph, boolean verify) {
        Parsed<TcpPacket> wrapped = TcpPacket.wrap(b, off, len);
        if (!(wrapped instanceof Parsed.Ok<TcpPacket>(TcpPacket p))) {
            return wrapped.map(x -> null);
        }
        if (verify && ph == null) {
            return Parsed.malformed(MalformedReason.BAD_CHECKSUM, "no pseudo-header to verify the checksum with");
        }
        if (verify && !p.checksumValid(ph)) {
            return Parsed.malformed(MalformedReason.BAD_CHECKSUM, String.format(
                    "checksum 0x%04x, expected 0x%04x", p.checksum(), p.expectedChecksum(ph)));
        }
        Parsed<List<TcpOption>> opts =
                TcpOptions.parse(b, p.optionsOffset(), p.optionsOffset() + p.optionsLength(), off);
        return opts.map(list -> new TcpHeader(p.sourcePort(), p.destinationPort(), p.seq(), p.ack(), p.flags(),
                p.window(), p.urgentPointer(), list));
    }

    /**
     * Writes the header and options at {@code b[off]} (zero padding to a 4-byte multiple) and the checksum over
     * {@code ph}, the header and the {@code payloadLength} bytes the caller already placed after it.
     * Returns {@link #headerLength()}.
     */
    public int emit(byte[] b, int off, PseudoHeader ph, int payloadLength) {
        int hl = emitFields(b, off);
        int total = hl + payloadLength;
        Bytes.put16(b, off + 16, Checksum.finish(Checksum.partial(b, off, total, ph.sum(total))));
        return hl;
    }

    /**
     * As {@link #emit}, for a link that completes the checksum itself (transmit checksum offload: Linux
     * CHECKSUM_PARTIAL, virtio VIRTIO_NET_HDR_F_NEEDS_CSUM): the checksum field holds only the folded pseudo-header
     * sum over {@code ph}, not complemented; the device sums from the header to the end and stores the complement.
     */
    public int emitChecksumPartial(byte[] b, int off, PseudoHeader ph, int payloadLength) {
        int hl = emitFields(b, off);
        Bytes.put16(b, off + 16, Checksum.fold(ph.sum(hl + payloadLength)));
        return hl;
    }

    /** Every field and option, the checksum field zero; returns {@link #headerLength()}. */
    private int emitFields(byte[] b, int off) {
        int hl = headerLength();
        Bytes.put16(b, off, sourcePort);
        Bytes.put16(b, off + 2, destinationPort);
        Bytes.putInt(b, off + 4, seq);
        Bytes.putInt(b, off + 8, ack);
        Bytes.put16(b, off + 12, (hl / 4) << 12 | flags);
        Bytes.put16(b, off + 14, window);
        Bytes.put16(b, off + 16, 0);
        Bytes.put16(b, off + 18, urgentPointer);
        int written = TcpOptions.write(options, b, off + MIN_LENGTH);
        for (int i = off + MIN_LENGTH + written; i < off + hl; i++) {
            b[i] = 0;
        }
        return hl;
    }

    /** The options as tcpdump prints them: {@code [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7]}. */
    public String describeOptions() {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (TcpOption o : options) {
            j.add(o.describe());
        }
        return j.toString();
    }
}
