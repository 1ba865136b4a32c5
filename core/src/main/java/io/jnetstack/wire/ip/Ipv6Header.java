package io.jnetstack.wire.ip;

import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;

/**
 * The fixed 40-byte IPv6 header (RFC 8200 §3) as a validated value. Extension headers are not part of it: walk
 * them with {@link Ipv6ExtensionChain#walk}. Jumbograms (payload length 0, RFC 2675) are not supported.
 *
 * @param trafficClass the traffic class byte (DSCP+ECN)
 * @param flowLabel the 20-bit flow label
 * @param payloadLength bytes after this header, including extension headers, 1..65535
 * @param nextHeader the type of the next header
 * @param hopLimit the hop limit
 * @param source source address
 * @param destination destination address
 */
public record Ipv6Header(int trafficClass, int flowLabel, int payloadLength, int nextHeader, int hopLimit,
        Ipv6Address source, Ipv6Address destination) {
    /** Header length in bytes. */
    public static final int LENGTH = 40;

    /** Validates ranges. */
    public Ipv6Header {
        if (trafficClass < 0 || trafficClass > 0xFF || nextHeader < 0 || nextHeader > 0xFF || hopLimit < 0
                || hopLimit > 0xFF) {
            throw new IllegalArgumentException("traffic class, next header and hop limit are bytes: "
                    + trafficClass + ", " + nextHeader + ", " + hopLimit);
        }
        if (flowLabel < 0 || flowLabel > 0xF_FFFF) {
            throw new IllegalArgumentException("flow label wider than 20 bits: " + flowLabel);
        }
        if (payloadLength < 1 || payloadLength > 0xFFFF) {
            throw new IllegalArgumentException("payload length outside 1..65535 (0 would be a jumbogram): "
                    + payloadLength);
        }
        if (source == null || destination == null) {
            throw new IllegalArgumentException("IPv6 addresses must not be null");
        }
    }

    /** A header with traffic class and flow label 0. */
    public static Ipv6Header simple(Ipv6Address src, Ipv6Address dst, int nextHeader, int hopLimit,
            int payloadLength) {
        return new Ipv6Header(0, 0, payloadLength, nextHeader, hopLimit, src, dst);
    }

    /** Parses the header at {@code b[off, off+len)}; bytes after the payload length (link padding) are allowed. */
    public static Parsed<Ipv6Header> parse(byte[] b, int off, int len) {
        Parsed<Ipv6Header> bad = Ipv6Packet.checkStructure(b, off, len);
        if (bad != null) {
            return bad;
        }
        int payload = Bytes.u16(b, off + 4);
        if (payload == 0) {
            return Parsed.malformed(MalformedReason.UNSUPPORTED, "IPv6 payload length 0 (jumbogram, RFC 2675)");
        }
        int word0 = Bytes.getInt(b, off);
        return Parsed.ok(new Ipv6Header((word0 >>> 20) & 0xFF, word0 & 0xF_FFFF, payload, Bytes.u8(b, off + 6),
                Bytes.u8(b, off + 7), Ipv6Address.read(b, off + 8), Ipv6Address.read(b, off + 24)));
    }

    /** Bytes {@link #emit} writes: always 40. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 40-byte header at {@code off}; returns 40. */
    public int emit(byte[] b, int off) {
        Bytes.putInt(b, off, 6 << 28 | trafficClass << 20 | flowLabel);
        Bytes.put16(b, off + 4, payloadLength);
        Bytes.put8(b, off + 6, nextHeader);
        Bytes.put8(b, off + 7, hopLimit);
        source.write(b, off + 8);
        destination.write(b, off + 24);
        return LENGTH;
    }

    /** The same header with another hop limit. */
    public Ipv6Header withHopLimit(int newHopLimit) {
        return new Ipv6Header(trafficClass, flowLabel, payloadLength, nextHeader, newHopLimit, source, destination);
    }

    /** The same header with another payload length. */
    public Ipv6Header withPayloadLength(int newPayloadLength) {
        return new Ipv6Header(trafficClass, flowLabel, newPayloadLength, nextHeader, hopLimit, source, destination);
    }

    /** The same header with another next-header value. */
    public Ipv6Header withNextHeader(int newNextHeader) {
        return new Ipv6Header(trafficClass, flowLabel, payloadLength, newNextHeader, hopLimit, source, destination);
    }
}
