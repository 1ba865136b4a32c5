package io.jnetstack.wire.udp;

import io.jnetstack.wire.ByteView;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;

/**
 * A view over a UDP datagram in {@code buf[off, off+len)} (RFC 768). {@link #wrap} checks only structure (8
 * header bytes present, length field within 8..len); the checksum is checked by {@link UdpHeader#parse} or
 * {@link #checksumVerifies}. Setters write through to the buffer (for building and fault injection).
 */
public final class UdpPacket extends ByteView {

    private UdpPacket(byte[] buf, int off, int len) {
        super(buf, off, len);
    }

    /** Wraps {@code b[off, off+len)}; TRUNCATED under 8 bytes, BAD_LENGTH when the length field is out of 8..len. */
    public static Parsed<UdpPacket> wrap(byte[] b, int off, int len) {
        Parsed<UdpPacket> range = outOfBounds(b, off, len, "UDP");
        if (range != null) {
            return range;
        }
        if (len < UdpHeader.LENGTH) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "UDP needs 8 header bytes, have " + len);
        }
        int length = Bytes.u16(b, off + 4);
        if (length < UdpHeader.LENGTH || length > len) {
            return Parsed.malformed(MalformedReason.BAD_LENGTH, "UDP length field " + length + " outside 8.." + len);
        }
        return Parsed.ok(new UdpPacket(b, off, len));
    }



    /** Bytes available to the view (the IP payload length). */
    public int available() {
        return len;
    }

    /** Source port. */
    public int sourcePort() {
        return Bytes.u16(buf, off);
    }

    /** Sets the source port. */
    public void sourcePort(int v) {
        Bytes.put16(buf, off, v);
    }

    /** Destination port. */
    public int destinationPort() {
        return Bytes.u16(buf, off + 2);
    }

    /** Sets the destination port. */
    public void destinationPort(int v) {
        Bytes.put16(buf, off + 2, v);
    }

    /** The length field (header plus payload). */
    public int length() {
        return Bytes.u16(buf, off + 4);
    }

    /** Sets the length field (not re-validated). */
    public void length(int v) {
        Bytes.put16(buf, off + 4, v);
    }

    /** The checksum field. */
    public int checksum() {
        return Bytes.u16(buf, off + 6);
    }

    /** Sets the checksum field. */
    public void checksum(int v) {
        Bytes.put16(buf, off + 6, v);
    }

    /** Offset of the payload in the buffer. */
    public int payloadOffset() {
        return off + UdpHeader.LENGTH;
    }

    /** Payload bytes per the length field, clamped to what the view holds. */
    public int payloadLength() {
        return Math.max(0, Math.min(length(), len) - UdpHeader.LENGTH);
    }

    /** True when the checksum field verifies over the pseudo-header and {@code length} bytes (0 counts as false). */
    public boolean checksumVerifies(PseudoHeader ph) {
        int n = Math.min(length(), len);
        return checksum() != 0 && Checksum.verifies(buf, off, n, ph.sum(n));
    }

    /** Recomputes and stores the checksum over the pseudo-header and {@code length} bytes (0 sent as 0xFFFF). */
    public void fillChecksum(PseudoHeader ph) {
        int n = Math.min(length(), len);
        checksum(0);
        int c = Checksum.finish(Checksum.partial(buf, off, n, ph.sum(n)));
        checksum(c == 0 ? 0xFFFF : c);
    }
}
