package io.jnetstack.wire.ethernet;

import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;

/**
 * An Ethernet II header (destination MAC, source MAC, EtherType) as an immutable value.
 *
 * <p>Only DIX/Ethernet II frames are represented: a type/length field below 0x0600 is an IEEE 802.3 length
 * (802.2 LLC follows) and is rejected as {@link MalformedReason#UNSUPPORTED} (IEEE 802.3 §3.2.6).
 *
 * @param destination the destination MAC address
 * @param source the source MAC address
 * @param etherType the EtherType, 0x0600..0xFFFF
 */
public record EthernetHeader(MacAddress destination, MacAddress source, int etherType) {
    /** Header length in bytes (no 802.1Q tag, no FCS). */
    public static final int LENGTH = 14;
    /** The smallest type/length value that is an EtherType rather than an 802.3 length. */
    public static final int MIN_ETHER_TYPE = 0x0600;

    /** Validates the fields. */
    public EthernetHeader {
        if (destination == null || source == null) {
            throw new IllegalArgumentException("Ethernet addresses must not be null");
        }
        if (etherType < MIN_ETHER_TYPE || etherType > 0xFFFF) {
            throw new IllegalArgumentException("EtherType out of range 0x0600..0xffff: 0x"
                    + Integer.toHexString(etherType));
        }
    }

    /** Parses the header at {@code b[off, off+len)}; bytes after the first 14 are the payload and ignored. */
    public static Parsed<EthernetHeader> parse(byte[] b, int off, int len) {
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "buffer range off=" + off + " len=" + len
                    + " outside the array");
        }
        if (len < LENGTH) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "Ethernet header needs 14 bytes, got " + len);
        }
        int type = Bytes.u16(b, off + 12);
        if (type < MIN_ETHER_TYPE) {
            return Parsed.malformed(MalformedReason.UNSUPPORTED, "type/length field 0x" + Integer.toHexString(type)
                    + " is an 802.3 length, not an EtherType");
        }
        return Parsed.ok(new EthernetHeader(MacAddress.read(b, off), MacAddress.read(b, off + 6), type));
    }

    /** Bytes {@link #emit} writes: always 14. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 14-byte header at {@code off}; returns 14. */
    public int emit(byte[] b, int off) {
        destination.write(b, off);
        source.write(b, off + 6);
        Bytes.put16(b, off + 12, etherType);
        return LENGTH;
    }

    /** The same header with another EtherType. */
    public EthernetHeader withEtherType(int type) {
        return new EthernetHeader(destination, source, type);
    }

    /** The header of a reply: source and destination swapped. */
    public EthernetHeader swapped() {
        return new EthernetHeader(source, destination, etherType);
    }
}
