package io.jnetstack.wire.arp;

import io.jnetstack.wire.ByteView;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;

/**
 * A mutable view over an ARP packet in {@code buf[off, off+len)}. {@link #wrap} only checks that 28 bytes are
 * present (the Ethernet/IPv4 layout); the address getters and setters assume that layout (hardware length 6,
 * protocol length 4), whatever the length fields say, so corrupted packets can still be inspected.
 */
public final class ArpPacket extends ByteView {

    private ArpPacket(byte[] buf, int off, int len) {
        super(buf, off, len);
    }

    /** Wraps {@code b[off, off+len)}; TRUNCATED when fewer than 28 bytes. */
    public static Parsed<ArpPacket> wrap(byte[] b, int off, int len) {
        Parsed<ArpPacket> range = outOfBounds(b, off, len, "ARP");
        if (range != null) {
            return range;
        }
        if (len < ArpMessage.LENGTH) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "ARP packet needs 28 bytes, got " + len);
        }
        return Parsed.ok(new ArpPacket(b, off, len));
    }



    /** Length of the wrapped range (28 plus any padding). */
    public int length() {
        return len;
    }

    /** Hardware type (1 = Ethernet). */
    public int hardwareType() {
        return Bytes.u16(buf, off);
    }

    /** Sets the hardware type. */
    public void hardwareType(int v) {
        Bytes.put16(buf, off, v);
    }

    /** Protocol type (0x0800 = IPv4). */
    public int protocolType() {
        return Bytes.u16(buf, off + 2);
    }

    /** Sets the protocol type. */
    public void protocolType(int v) {
        Bytes.put16(buf, off + 2, v);
    }

    /** Hardware address length. */
    public int hardwareLength() {
        return Bytes.u8(buf, off + 4);
    }

    /** Sets the hardware address length. */
    public void hardwareLength(int v) {
        Bytes.put8(buf, off + 4, v);
    }

    /** Protocol address length. */
    public int protocolLength() {
        return Bytes.u8(buf, off + 5);
    }

    /** Sets the protocol address length. */
    public void protocolLength(int v) {
        Bytes.put8(buf, off + 5, v);
    }

    /** Operation (1 request, 2 reply). */
    public int operation() {
        return Bytes.u16(buf, off + 6);
    }

    /** Sets the operation. */
    public void operation(int v) {
        Bytes.put16(buf, off + 6, v);
    }

    /** Sender hardware address. */
    public MacAddress senderMac() {
        return MacAddress.read(buf, off + 8);
    }

    /** Sets the sender hardware address. */
    public void senderMac(MacAddress v) {
        v.write(buf, off + 8);
    }

    /** Sender protocol address. */
    public Ipv4Address senderIp() {
        return Ipv4Address.read(buf, off + 14);
    }

    /** Sets the sender protocol address. */
    public void senderIp(Ipv4Address v) {
        v.write(buf, off + 14);
    }

    /** Target hardware address. */
    public MacAddress targetMac() {
        return MacAddress.read(buf, off + 18);
    }

    /** Sets the target hardware address. */
    public void targetMac(MacAddress v) {
        v.write(buf, off + 18);
    }

    /** Target protocol address. */
    public Ipv4Address targetIp() {
        return Ipv4Address.read(buf, off + 24);
    }

    /** Sets the target protocol address. */
    public void targetIp(Ipv4Address v) {
        v.write(buf, off + 24);
    }

    /** Parses the packet as a validated value. */
    public Parsed<ArpMessage> message() {
        return ArpMessage.parse(buf, off, len);
    }
}
