package io.jnetstack.wire.ip;

import io.jnetstack.wire.ByteView;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;

/**
 * A mutable view over an IPv6 packet in {@code buf[off, off+len)}. {@link #wrap} checks the version and that the
 * payload length fits the bytes present (payload length 0 is accepted by the view). The wrapped range may
 * extend past the payload (Ethernet padding).
 */
public final class Ipv6Packet extends ByteView {

    private Ipv6Packet(byte[] buf, int off, int len) {
        super(buf, off, len);
    }

    /** Wraps {@code b[off, off+len)} after the structural checks. */
    public static Parsed<Ipv6Packet> wrap(byte[] b, int off, int len) {
        Parsed<Ipv6Packet> bad = checkStructure(b, off, len);
        return bad != null ? bad : Parsed.ok(new Ipv6Packet(b, off, len));
    }

    /** Checks shared with {@link Ipv6Header#parse}; null when they pass (RFC 8200 §3). */
    static <T> Parsed<T> checkStructure(byte[] b, int off, int len) {
        Parsed<T> range = outOfBounds(b, off, len, "IPv6");
        if (range != null) {
            return range;
        }
        if (len < Ipv6Header.LENGTH) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "IPv6 header needs 40 bytes, got " + len);
        }
        int version = (b[off] & 0xFF) >>> 4;
        if (version != 6) {
            return Parsed.malformed(MalformedReason.BAD_VERSION, "IP version " + version + ", expected 6");
        }
        int payload = Bytes.u16(b, off + 4);
        if (payload > len - Ipv6Header.LENGTH) {
            return Parsed.malformed(MalformedReason.BAD_LENGTH, "IPv6 payload length " + payload + " but only "
                    + (len - Ipv6Header.LENGTH) + " bytes follow the header");
        }
        return null;
    }



    /** Length of the wrapped range (may exceed 40 + payload length). */
    public int length() {
        return len;
    }

    /** Version field. */
    public int version() {
        return (buf[off] & 0xFF) >>> 4;
    }

    /** Sets the version field. */
    public void version(int v) {
        buf[off] = (byte) ((v & 0x0F) << 4 | (buf[off] & 0x0F));
    }

    /** Traffic class. */
    public int trafficClass() {
        return (Bytes.getInt(buf, off) >>> 20) & 0xFF;
    }

    /** Sets the traffic class. */
    public void trafficClass(int v) {
        Bytes.putInt(buf, off, Bytes.getInt(buf, off) & 0xF00F_FFFF | (v & 0xFF) << 20);
    }

    /** Flow label (20 bits). */
    public int flowLabel() {
        return Bytes.getInt(buf, off) & 0xF_FFFF;
    }

    /** Sets the flow label. */
    public void flowLabel(int v) {
        Bytes.putInt(buf, off, Bytes.getInt(buf, off) & 0xFFF0_0000 | (v & 0xF_FFFF));
    }

    /** Payload length field. */
    public int payloadLength() {
        return Bytes.u16(buf, off + 4);
    }

    /** Sets the payload length field (the caller keeps it within the buffer). */
    public void payloadLength(int v) {
        Bytes.put16(buf, off + 4, v);
    }

    /** Next header. */
    public int nextHeader() {
        return Bytes.u8(buf, off + 6);
    }

    /** Sets the next header. */
    public void nextHeader(int v) {
        Bytes.put8(buf, off + 6, v);
    }

    /** Hop limit. */
    public int hopLimit() {
        return Bytes.u8(buf, off + 7);
    }

    /** Sets the hop limit. */
    public void hopLimit(int v) {
        Bytes.put8(buf, off + 7, v);
    }

    /** Source address. */
    public Ipv6Address source() {
        return Ipv6Address.read(buf, off + 8);
    }

    /** Sets the source address. */
    public void source(Ipv6Address v) {
        v.write(buf, off + 8);
    }

    /** Destination address. */
    public Ipv6Address destination() {
        return Ipv6Address.read(buf, off + 24);
    }

    /** Sets the destination address. */
    public void destination(Ipv6Address v) {
        v.write(buf, off + 24);
    }

    /** Absolute index of the payload (the first extension header, if any) in {@link #buffer()}. */
    public int payloadOffset() {
        return off + Ipv6Header.LENGTH;
    }

    /** Parses the fixed header as a validated value. */
    public Parsed<Ipv6Header> header() {
        return Ipv6Header.parse(buf, off, len);
    }

    /** Walks the extension headers of the payload. */
    public Parsed<Ipv6ExtensionChain> extensions() {
        return Ipv6ExtensionChain.walk(buf, payloadOffset(), payloadLength(), nextHeader());
    }
}
