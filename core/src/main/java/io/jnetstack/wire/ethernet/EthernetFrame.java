package io.jnetstack.wire.ethernet;

import io.jnetstack.wire.ByteView;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;

/**
 * A mutable view over an Ethernet II frame in {@code buf[off, off+len)} (no FCS). {@link #wrap} only checks that
 * the 14-byte header is present; the EtherType is not validated so that any frame can be inspected or corrupted.
 */
public final class EthernetFrame extends ByteView {

    private EthernetFrame(byte[] buf, int off, int len) {
        super(buf, off, len);
    }

    /** Wraps {@code b[off, off+len)}; TRUNCATED when fewer than 14 bytes. */
    public static Parsed<EthernetFrame> wrap(byte[] b, int off, int len) {
        Parsed<EthernetFrame> range = outOfBounds(b, off, len, "Ethernet");
        if (range != null) {
            return range;
        }
        if (len < EthernetHeader.LENGTH) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "Ethernet header needs 14 bytes, got " + len);
        }
        return Parsed.ok(new EthernetFrame(b, off, len));
    }



    /** Length of the whole frame. */
    public int length() {
        return len;
    }

    /** Destination MAC. */
    public MacAddress destination() {
        return MacAddress.read(buf, off);
    }

    /** Sets the destination MAC. */
    public void destination(MacAddress mac) {
        mac.write(buf, off);
    }

    /** Source MAC. */
    public MacAddress source() {
        return MacAddress.read(buf, off + 6);
    }

    /** Sets the source MAC. */
    public void source(MacAddress mac) {
        mac.write(buf, off + 6);
    }

    /** The raw type/length field. */
    public int etherType() {
        return Bytes.u16(buf, off + 12);
    }

    /** Sets the raw type/length field. */
    public void etherType(int type) {
        Bytes.put16(buf, off + 12, type);
    }

    /** Absolute index of the payload in {@link #buffer()}. */
    public int payloadOffset() {
        return off + EthernetHeader.LENGTH;
    }

    /** Payload length (everything after the header, including any minimum-frame padding). */
    public int payloadLength() {
        return len - EthernetHeader.LENGTH;
    }

    /** Parses the header as a validated value. */
    public Parsed<EthernetHeader> header() {
        return EthernetHeader.parse(buf, off, len);
    }
}
