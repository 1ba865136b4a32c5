package io.jnetstack.wire.ip;

import io.jnetstack.wire.ByteView;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;

/**
 * A mutable view over an IPv4 packet in {@code buf[off, off+len)}. {@link #wrap} checks the structure only
 * (version, IHL, total length against the bytes present); the checksum, flags and options are not validated.
 * The wrapped range may extend past the total length (Ethernet padding); the payload ends at the total length.
 */
public final class Ipv4Packet extends ByteView {

    private Ipv4Packet(byte[] buf, int off, int len) {
        super(buf, off, len);
    }

    /** Wraps {@code b[off, off+len)} after the structural checks. */
    public static Parsed<Ipv4Packet> wrap(byte[] b, int off, int len) {
        Parsed<Ipv4Packet> bad = checkStructure(b, off, len);
        return bad != null ? bad : Parsed.ok(new Ipv4Packet(b, off, len));
    }

    /** The structural checks shared with {@link Ipv4Header#parse}; null when they pass (RFC 791 §3.1). */
    static <T> Parsed<T> checkStructure(byte[] b, int off, int len) {
        Parsed<T> range = outOfBounds(b, off, len, "IPv4");
        if (range != null) {
            return range;
        }
        if (len < Ipv4Header.MIN_LENGTH) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "IPv4 header needs 20 bytes, got " + len);
        }
        int version = (b[off] & 0xFF) >>> 4;
        if (version != 4) {
            return Parsed.malformed(MalformedReason.BAD_VERSION, "IP version " + version + ", expected 4");
        }
        int hl = (b[off] & 0x0F) * 4;
        if (hl < Ipv4Header.MIN_LENGTH || hl > len) {
            return Parsed.malformed(MalformedReason.BAD_HEADER_LENGTH, "IPv4 IHL " + hl / 4 + " (" + hl
                    + " bytes) with " + len + " bytes present, minimum 5");
        }
        int total = Bytes.u16(b, off + 2);
        if (total < hl || total > len) {
            return Parsed.malformed(MalformedReason.BAD_LENGTH, "IPv4 total length " + total + " outside "
                    + hl + ".." + len + " (header length..bytes present)");
        }
        return null;
    }



    /** Length of the wrapped range (may exceed {@link #totalLength()}). */
    public int length() {
        return len;
    }

    /** Version field (4 for a wrapped packet unless mutated). */
    public int version() {
        return (buf[off] & 0xFF) >>> 4;
    }

    /** Header length in bytes (IHL * 4). */
    public int headerLength() {
        return (buf[off] & 0x0F) * 4;
    }

    /** Sets version and IHL (header length in bytes, a multiple of 4). */
    public void versionAndHeaderLength(int version, int headerLength) {
        Bytes.put8(buf, off, version << 4 | (headerLength / 4 & 0x0F));
    }

    /** Type-of-service byte. */
    public int tos() {
        return Bytes.u8(buf, off + 1);
    }

    /** Sets the type-of-service byte. */
    public void tos(int v) {
        Bytes.put8(buf, off + 1, v);
    }

    /** Total length. */
    public int totalLength() {
        return Bytes.u16(buf, off + 2);
    }

    /** Sets the total length (the caller keeps it within the buffer). */
    public void totalLength(int v) {
        Bytes.put16(buf, off + 2, v);
    }

    /** Identification. */
    public int identification() {
        return Bytes.u16(buf, off + 4);
    }

    /** Sets the identification. */
    public void identification(int v) {
        Bytes.put16(buf, off + 4, v);
    }

    /** The reserved (evil) flag bit. */
    public boolean reservedFlag() {
        return (buf[off + 6] & 0x80) != 0;
    }

    /** Sets the reserved flag bit. */
    public void reservedFlag(boolean v) {
        setFlag(0x80, v);
    }

    /** The DF flag. */
    public boolean dontFragment() {
        return (buf[off + 6] & 0x40) != 0;
    }

    /** Sets the DF flag. */
    public void dontFragment(boolean v) {
        setFlag(0x40, v);
    }

    /** The MF flag. */
    public boolean moreFragments() {
        return (buf[off + 6] & 0x20) != 0;
    }

    /** Sets the MF flag. */
    public void moreFragments(boolean v) {
        setFlag(0x20, v);
    }

    private void setFlag(int mask, boolean v) {
        buf[off + 6] = (byte) (v ? buf[off + 6] | mask : buf[off + 6] & ~mask);
    }

    /** Fragment offset in bytes. */
    public int fragmentOffsetBytes() {
        return (Bytes.u16(buf, off + 6) & 0x1FFF) * 8;
    }

    /** Sets the fragment offset in bytes (a multiple of 8), keeping the flags. */
    public void fragmentOffsetBytes(int v) {
        Bytes.put16(buf, off + 6, Bytes.u16(buf, off + 6) & 0xE000 | (v / 8 & 0x1FFF));
    }

    /** Time to live. */
    public int ttl() {
        return Bytes.u8(buf, off + 8);
    }

    /** Sets the TTL (call {@link #recomputeChecksum()} afterwards when forwarding). */
    public void ttl(int v) {
        Bytes.put8(buf, off + 8, v);
    }

    /** Protocol number. */
    public int protocol() {
        return Bytes.u8(buf, off + 9);
    }

    /** Sets the protocol number. */
    public void protocol(int v) {
        Bytes.put8(buf, off + 9, v);
    }

    /** The header checksum field. */
    public int checksum() {
        return Bytes.u16(buf, off + 10);
    }

    /** Sets the header checksum field. */
    public void checksum(int v) {
        Bytes.put16(buf, off + 10, v);
    }

    /** Source address. */
    public Ipv4Address source() {
        return Ipv4Address.read(buf, off + 12);
    }

    /** Sets the source address. */
    public void source(Ipv4Address v) {
        v.write(buf, off + 12);
    }

    /** Destination address. */
    public Ipv4Address destination() {
        return Ipv4Address.read(buf, off + 16);
    }

    /** Sets the destination address. */
    public void destination(Ipv4Address v) {
        v.write(buf, off + 16);
    }

    /** Recomputes and stores the header checksum (RFC 1071) over the current header length. */
    public void recomputeChecksum() {
        checksum(0);
        checksum(Checksum.compute(buf, off, headerLength()));
    }

    /** True when the header checksum field verifies. */
    public boolean checksumValid() {
        return Checksum.verifies(buf, off, headerLength(), 0);
    }

    /** Absolute index of the options area. */
    public int optionsOffset() {
        return off + Ipv4Header.MIN_LENGTH;
    }

    /** Length of the options area. */
    public int optionsLength() {
        return headerLength() - Ipv4Header.MIN_LENGTH;
    }

    /** Absolute index of the payload in {@link #buffer()}. */
    public int payloadOffset() {
        return off + headerLength();
    }

    /** Payload length: total length minus header length (excludes link padding). */
    public int payloadLength() {
        return totalLength() - headerLength();
    }

    /** Parses the header as a validated value (checksum, flags, options). */
    public Parsed<Ipv4Header> header() {
        return Ipv4Header.parse(buf, off, len);
    }
}
