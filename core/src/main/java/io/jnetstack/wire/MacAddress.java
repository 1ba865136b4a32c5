package io.jnetstack.wire;

import java.util.HexFormat;

/** A 48-bit IEEE 802 MAC address held in the low 48 bits of a long (first octet most significant). */
public record MacAddress(long bits) {
    /** ff:ff:ff:ff:ff:ff */
    public static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);
    /** 00:00:00:00:00:00 */
    public static final MacAddress ZERO = new MacAddress(0);

    /** Validates the range. */
    public MacAddress {
        if ((bits >>> 48) != 0) {
            throw new IllegalArgumentException("MAC address wider than 48 bits: " + Long.toHexString(bits));
        }
    }

    /** Reads 6 bytes at {@code off}. */
    public static MacAddress read(byte[] buf, int off) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = v << 8 | (buf[off + i] & 0xFF);
        }
        return new MacAddress(v);
    }

    /** Writes 6 bytes at {@code off}. */
    public void write(byte[] buf, int off) {
        for (int i = 5; i >= 0; i--) {
            buf[off + i] = (byte) (bits >>> (8 * (5 - i)));
        }
    }

    /** The IPv6 multicast MAC 33:33:xx:xx:xx:xx for a group address (RFC 2464 §7). */
    public static MacAddress ipv6Multicast(Ipv6Address group) {
        return new MacAddress(0x3333_0000_0000L | (group.low() & 0xFFFF_FFFFL));
    }

    /** True when the group bit (I/G) of the first octet is set. */
    public boolean isMulticast() {
        return ((bits >>> 40) & 1) != 0;
    }

    /** Parses "aa:bb:cc:dd:ee:ff". */
    public static Parsed<MacAddress> parse(String text) {
        String[] p = text.split(":", -1);
        if (p.length != 6) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "MAC address needs six octets: " + text);
        }
        long v = 0;
        for (String o : p) {
            if (o.length() != 2 || !HexFormat.isHexDigit(o.charAt(0)) || !HexFormat.isHexDigit(o.charAt(1))) {
                return Parsed.malformed(MalformedReason.BAD_FIELD, "bad MAC octet '" + o + "' in " + text);
            }
            v = v << 8 | HexFormat.fromHexDigits(o);
        }
        return Parsed.ok(new MacAddress(v));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 5; i >= 0; i--) {
            sb.append(HexFormat.of().toHexDigits((byte) (bits >>> (8 * i))));
            if (i > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}
