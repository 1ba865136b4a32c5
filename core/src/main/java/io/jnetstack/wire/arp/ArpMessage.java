package io.jnetstack.wire.arp;

import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.EtherType;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;

/**
 * An ARP request or reply for Ethernet/IPv4 (RFC 826 "Packet format"): hardware type 1, protocol type 0x0800,
 * hardware length 6, protocol length 4.
 *
 * <p>Parsing accepts bytes after the 28-byte message (Ethernet minimum-frame padding) and ignores them; the
 * round trip {@code emit(parse(x))} reproduces the first 28 bytes.
 *
 * @param operation {@link #REQUEST} or {@link #REPLY}
 * @param senderMac sender hardware address
 * @param senderIp sender protocol address
 * @param targetMac target hardware address (zero in a request, by convention)
 * @param targetIp target protocol address
 */
public record ArpMessage(int operation, MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac,
        Ipv4Address targetIp) {
    /** ares_op$REQUEST. */
    public static final int REQUEST = 1;
    /** ares_op$REPLY. */
    public static final int REPLY = 2;
    /** Message length for Ethernet/IPv4. */
    public static final int LENGTH = 28;
    /** ares_hrd$Ethernet. */
    public static final int HTYPE_ETHERNET = 1;

    /** Validates the operation and non-null addresses. */
    public ArpMessage {
        if (operation != REQUEST && operation != REPLY) {
            throw new IllegalArgumentException("ARP operation must be 1 or 2: " + operation);
        }
        if (senderMac == null || senderIp == null || targetMac == null || targetIp == null) {
            throw new IllegalArgumentException("ARP addresses must not be null");
        }
    }

    /** A request asking who has {@code targetIp}, with a zero target MAC. */
    public static ArpMessage request(MacAddress senderMac, Ipv4Address senderIp, Ipv4Address targetIp) {
        return new ArpMessage(REQUEST, senderMac, senderIp, MacAddress.ZERO, targetIp);
    }

    /** The reply to this request saying {@code ownMac} has the requested address (RFC 826 "Packet Reception"). */
    public ArpMessage replyFrom(MacAddress ownMac) {
        return new ArpMessage(REPLY, ownMac, targetIp, senderMac, senderIp);
    }

    /** Parses an Ethernet/IPv4 ARP message at {@code b[off, off+len)}. */
    public static Parsed<ArpMessage> parse(byte[] b, int off, int len) {
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "buffer range off=" + off + " len=" + len
                    + " outside the array");
        }
        if (len < LENGTH) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "ARP message needs 28 bytes, got " + len);
        }
        Parsed<ArpMessage> bad = checkFixedFields(b, off);
        if (bad != null) {
            return bad;
        }
        int op = Bytes.u16(b, off + 6);
        if (op != REQUEST && op != REPLY) {
            return Parsed.malformed(MalformedReason.UNSUPPORTED, "ARP operation " + op + " is not request/reply");
        }
        return Parsed.ok(new ArpMessage(op, MacAddress.read(b, off + 8), Ipv4Address.read(b, off + 14),
                MacAddress.read(b, off + 18), Ipv4Address.read(b, off + 24)));
    }

    private static Parsed<ArpMessage> checkFixedFields(byte[] b, int off) {
        int htype = Bytes.u16(b, off);
        if (htype != HTYPE_ETHERNET) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "ARP hardware type " + htype + ", expected 1");
        }
        int ptype = Bytes.u16(b, off + 2);
        if (ptype != EtherType.IPV4) {
            return Parsed.malformed(MalformedReason.BAD_FIELD,
                    "ARP protocol type 0x" + Integer.toHexString(ptype) + ", expected 0x0800");
        }
        int hlen = Bytes.u8(b, off + 4);
        if (hlen != 6) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "ARP hardware length " + hlen + ", expected 6");
        }
        int plen = Bytes.u8(b, off + 5);
        if (plen != 4) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "ARP protocol length " + plen + ", expected 4");
        }
        return null;
    }

    /** Bytes {@link #emit} writes: always 28. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 28-byte message at {@code off}; returns 28. */
    public int emit(byte[] b, int off) {
        Bytes.put16(b, off, HTYPE_ETHERNET);
        Bytes.put16(b, off + 2, EtherType.IPV4);
        Bytes.put8(b, off + 4, 6);
        Bytes.put8(b, off + 5, 4);
        Bytes.put16(b, off + 6, operation);
        senderMac.write(b, off + 8);
        senderIp.write(b, off + 14);
        targetMac.write(b, off + 18);
        targetIp.write(b, off + 24);
        return LENGTH;
    }
}
