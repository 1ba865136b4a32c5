package io.jnetstack.wire.udp;

import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;

/**
 * A validated UDP header (RFC 768). The payload is {@code b[off+8, off+length)} of the parsed buffer.
 *
 * <p>Checksum rules: a zero checksum field over IPv4 means "no checksum" and is accepted (RFC 768); over IPv6 it
 * is rejected (RFC 8200 §8.1). A computed checksum of zero is transmitted as 0xFFFF (RFC 768).
 *
 * <p>{@link #emit} always computes the checksum, except that a record whose {@code checksum} is 0 emitted with an
 * IPv4 pseudo-header writes 0 ("no checksum" is kept, so a received checksum-less datagram round-trips).
 *
 * @param sourcePort      0..65535 (0 = none, RFC 768)
 * @param destinationPort 0..65535
 * @param length          header plus payload bytes, 8..65535
 * @param checksum        the received field 0..65535, or {@link #COMPUTE} (-1) for "compute on emit"
 */
public record UdpHeader(int sourcePort, int destinationPort, int length, int checksum) {
    /** Header length in bytes. */
    public static final int LENGTH = 8;
    /** Checksum sentinel meaning "not yet computed; emit computes it". */
    public static final int COMPUTE = -1;

    /** Validates field ranges. */
    public UdpHeader {
        check("sourcePort", sourcePort, 0, 0xFFFF);
        check("destinationPort", destinationPort, 0, 0xFFFF);
        check("length", length, LENGTH, 0xFFFF);
        check("checksum", checksum, COMPUTE, 0xFFFF);
    }

    private static void check(String name, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " out of range " + min + ".." + max + ": " + v);
        }
    }

    /** A header for {@code payloadLength} payload bytes whose checksum emit computes. */
    public static UdpHeader of(int sourcePort, int destinationPort, int payloadLength) {
        return new UdpHeader(sourcePort, destinationPort, LENGTH + payloadLength, COMPUTE);
    }

    /** Payload bytes: {@code length - 8}. */
    public int payloadLength() {
        return length - LENGTH;
    }

    /** Bytes {@link #emit} writes (the header only): 8. */
    public int headerLength() {
        return LENGTH;
    }

    /**
     * Parses and validates the header at {@code b[off, off+len)}, where {@code len} is the IP payload length.
     * Rejections: TRUNCATED (len &lt; 8), BAD_LENGTH (length field &lt; 8 or &gt; len), BAD_CHECKSUM.
     */
    public static Parsed<UdpHeader> parse(byte[] b, int off, int len, PseudoHeader ph) {
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "UDP buffer bounds off=" + off + " len=" + len);
        }
        if (len < LENGTH) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "UDP needs 8 header bytes, have " + len);
        }
        int length = Bytes.u16(b, off + 4);
        if (length < LENGTH || length > len) {
            return Parsed.malformed(MalformedReason.BAD_LENGTH,
                    "UDP length field " + length + " outside 8.." + len + " (IP payload length)");
        }
        int checksum = Bytes.u16(b, off + 6);
        boolean v4 = ph.source() instanceof Ipv4Address;
        if (checksum == 0 && !v4) {
            return Parsed.malformed(MalformedReason.BAD_CHECKSUM, "UDP checksum 0 not allowed over IPv6 (RFC 8200 §8.1)");
        }
        if (checksum != 0 && !Checksum.verifies(b, off, length, ph.sum(length))) {
            return Parsed.malformed(MalformedReason.BAD_CHECKSUM,
                    "UDP checksum 0x" + Integer.toHexString(checksum) + " does not verify over " + length + " bytes");
        }
        return Parsed.ok(new UdpHeader(Bytes.u16(b, off), Bytes.u16(b, off + 2), length, checksum));
    }

    /**
     * Writes the header at {@code off} and the checksum over it and the {@code length - 8} payload bytes the caller
     * already placed at {@code off + 8}. Returns 8.
     */
    public int emit(byte[] b, int off, PseudoHeader ph) {
        Bytes.put16(b, off, sourcePort);
        Bytes.put16(b, off + 2, destinationPort);
        Bytes.put16(b, off + 4, length);
        Bytes.put16(b, off + 6, 0);
        if (checksum == 0 && ph.source() instanceof Ipv4Address) {
            return LENGTH; // RFC 768: zero means "no checksum"; kept as received.
        }
        int c = Checksum.finish(Checksum.partial(b, off, length, ph.sum(length)));
        Bytes.put16(b, off + 6, c == 0 ? 0xFFFF : c);
        return LENGTH;
    }
}
