package io.jnetstack.wire.icmp;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import java.util.ArrayList;
import java.util.List;

/**
 * A Neighbor Discovery option (RFC 4861 §4.6): type, length in units of 8 octets, then data.
 *
 * <p>Link-layer address options (types 1 and 2) whose length is not 1 (not a 6-byte Ethernet address, e.g. other
 * link types) are kept as {@link UnknownNdpOption} of that type, so they round-trip. Prefix Information (type 3)
 * must have length 4 and MTU (type 5) length 1, else BAD_OPTION_LENGTH.
 */
public sealed interface NdpOption {
    /** Source link-layer address option type. */
    int SOURCE_LINK_LAYER_ADDRESS = 1;
    /** Target link-layer address option type. */
    int TARGET_LINK_LAYER_ADDRESS = 2;
    /** Prefix information option type. */
    int PREFIX_INFORMATION = 3;
    /** MTU option type. */
    int MTU = 5;

    /** The option type byte. */
    int type();

    /** Bytes {@link #emit} writes (a multiple of 8). */
    int length();

    /** Writes the option at {@code off}; returns {@link #length()}. */
    int emit(byte[] b, int off);

    /** Source link-layer address, type 1, length 1 (RFC 4861 §4.6.1, Ethernet per RFC 2464 §8). */
    record SourceLinkLayerAddress(MacAddress mac) implements NdpOption {
        /** Validates non-null. */
        public SourceLinkLayerAddress {
            FieldRange.nonNull("mac", mac);
        }

        @Override public int type() { return SOURCE_LINK_LAYER_ADDRESS; }
        @Override public int length() { return 8; }
        @Override public int emit(byte[] b, int off) { return writeMac(b, off, type(), mac); }
    }

    /** Target link-layer address, type 2, length 1 (RFC 4861 §4.6.1). */
    record TargetLinkLayerAddress(MacAddress mac) implements NdpOption {
        /** Validates non-null. */
        public TargetLinkLayerAddress {
            FieldRange.nonNull("mac", mac);
        }

        @Override public int type() { return TARGET_LINK_LAYER_ADDRESS; }
        @Override public int length() { return 8; }
        @Override public int emit(byte[] b, int off) { return writeMac(b, off, type(), mac); }
    }

    /**
     * Prefix information, type 3, length 4 (RFC 4861 §4.6.2). {@code flags} is the raw byte (L=0x80, A=0x40);
     * lifetimes are unsigned 32-bit seconds (0xFFFFFFFF = infinity); {@code reserved2} is the raw 32 bits.
     */
    record PrefixInformation(int prefixLength, int flags, long validLifetime, long preferredLifetime, int reserved2,
            Ipv6Address prefix) implements NdpOption {
        /** On-link flag. */
        public static final int FLAG_ON_LINK = 0x80;
        /** Autonomous address-configuration flag. */
        public static final int FLAG_AUTONOMOUS = 0x40;

        /** Validates ranges. */
        public PrefixInformation {
            FieldRange.check("prefixLength", prefixLength, 0, 128);
            FieldRange.check("flags", flags, 0, 0xFF);
            FieldRange.check("validLifetime", validLifetime, 0, 0xFFFF_FFFFL);
            FieldRange.check("preferredLifetime", preferredLifetime, 0, 0xFFFF_FFFFL);
            FieldRange.nonNull("prefix", prefix);
        }

        @Override public int type() { return PREFIX_INFORMATION; }
        @Override public int length() { return 32; }

        @Override
        public int emit(byte[] b, int off) {
            Bytes.put8(b, off, PREFIX_INFORMATION);
            Bytes.put8(b, off + 1, 4);
            Bytes.put8(b, off + 2, prefixLength);
            Bytes.put8(b, off + 3, flags);
            Bytes.putInt(b, off + 4, (int) validLifetime);
            Bytes.putInt(b, off + 8, (int) preferredLifetime);
            Bytes.putInt(b, off + 12, reserved2);
            prefix.write(b, off + 16);
            return 32;
        }
    }

    /** MTU, type 5, length 1 (RFC 4861 §4.6.4): 16 reserved bits, then the unsigned 32-bit MTU. */
    record Mtu(int reserved, long mtu) implements NdpOption {
        /** Validates ranges. */
        public Mtu {
            FieldRange.check("reserved", reserved, 0, 0xFFFF);
            FieldRange.check("mtu", mtu, 0, 0xFFFF_FFFFL);
        }

        @Override public int type() { return MTU; }
        @Override public int length() { return 8; }

        @Override
        public int emit(byte[] b, int off) {
            Bytes.put8(b, off, MTU);
            Bytes.put8(b, off + 1, 1);
            Bytes.put16(b, off + 2, reserved);
            Bytes.putInt(b, off + 4, (int) mtu);
            return 8;
        }
    }

    /**
     * Any other option, or a link-layer address option whose length is not 1: {@code data} is the bytes after
     * type and length ({@code 8 * len - 2} of them).
     */
    record UnknownNdpOption(int type, ByteString data) implements NdpOption {
        /** Validates the type, the data length (6 mod 8, at most 2038) and that no dedicated record applies. */
        public UnknownNdpOption {
            FieldRange.check("type", type, 0, 0xFF);
            FieldRange.nonNull("data", data);
            FieldRange.check("data length", data.length(), 6, 8 * 255 - 2);
            if ((data.length() + 2) % 8 != 0) {
                throw new IllegalArgumentException("option data length must be 8n-2: " + data.length());
            }
            boolean linkLayer = type == SOURCE_LINK_LAYER_ADDRESS || type == TARGET_LINK_LAYER_ADDRESS;
            if (type == PREFIX_INFORMATION || type == MTU || (linkLayer && data.length() == 6)) {
                throw new IllegalArgumentException("option type " + type + " has its own record");
            }
        }

        @Override public int length() { return data.length() + 2; }

        @Override
        public int emit(byte[] b, int off) {
            Bytes.put8(b, off, type);
            Bytes.put8(b, off + 1, length() / 8);
            data.copyTo(b, off + 2);
            return length();
        }
    }

    private static int writeMac(byte[] b, int off, int type, MacAddress mac) {
        Bytes.put8(b, off, type);
        Bytes.put8(b, off + 1, 1);
        mac.write(b, off + 2);
        return 8;
    }

    /** Total bytes of {@code options}. */
    static int lengthOf(List<NdpOption> options) {
        int n = 0;
        for (NdpOption o : options) {
            n += o.length();
        }
        return n;
    }

    /** Writes all options at {@code off}; returns the bytes written. */
    static int emitAll(List<NdpOption> options, byte[] b, int off) {
        int p = off;
        for (NdpOption o : options) {
            p += o.emit(b, p);
        }
        return p - off;
    }

    /**
     * Parses the options filling {@code b[off, off+len)} (RFC 4861 §4.6). Rejections: BAD_OPTION_LENGTH (length
     * 0, or wrong for a known type), OPTION_OVERRUN (an option runs past the end), BAD_FIELD (prefix length over
     * 128).
     */
    static Parsed<List<NdpOption>> parseAll(byte[] b, int off, int len) {
        List<NdpOption> out = new ArrayList<>();
        int p = off;
        int end = off + len;
        while (p < end) {
            if (end - p < 2) {
                return Parsed.malformed(MalformedReason.OPTION_OVERRUN, "NDP option header at " + (p - off)
                        + " needs 2 bytes, " + (end - p) + " left");
            }
            int type = Bytes.u8(b, p);
            int units = Bytes.u8(b, p + 1);
            if (units == 0) {
                return Parsed.malformed(MalformedReason.BAD_OPTION_LENGTH, "NDP option type " + type
                        + " at " + (p - off) + " has length 0 (RFC 4861 §4.6)");
            }
            if (8 * units > end - p) {
                return Parsed.malformed(MalformedReason.OPTION_OVERRUN, "NDP option type " + type + " length "
                        + (8 * units) + " at " + (p - off) + " runs past " + len + " option bytes");
            }
            Parsed<NdpOption> one = parseOne(b, p, type, units);
            if (one instanceof Parsed.Malformed<NdpOption> m) {
                return Parsed.malformed(m.reason(), m.detail());
            }
            out.add(one.orThrow());
            p += 8 * units;
        }
        return Parsed.ok(List.copyOf(out));
    }

    private static Parsed<NdpOption> parseOne(byte[] b, int p, int type, int units) {
        switch (type) {
            case SOURCE_LINK_LAYER_ADDRESS, TARGET_LINK_LAYER_ADDRESS -> {
                if (units == 1) {
                    MacAddress mac = MacAddress.read(b, p + 2);
                    return Parsed.ok(type == SOURCE_LINK_LAYER_ADDRESS
                            ? new SourceLinkLayerAddress(mac) : new TargetLinkLayerAddress(mac));
                }
            }
            case PREFIX_INFORMATION -> {
                if (units != 4) {
                    return Parsed.malformed(MalformedReason.BAD_OPTION_LENGTH,
                            "prefix information option length " + units + ", must be 4 (RFC 4861 §4.6.2)");
                }
                int plen = Bytes.u8(b, p + 2);
                if (plen > 128) {
                    return Parsed.malformed(MalformedReason.BAD_FIELD, "prefix length " + plen + " over 128");
                }
                return Parsed.ok(new PrefixInformation(plen, Bytes.u8(b, p + 3), Bytes.u32(b, p + 4),
                        Bytes.u32(b, p + 8), Bytes.getInt(b, p + 12), Ipv6Address.read(b, p + 16)));
            }
            case MTU -> {
                if (units != 1) {
                    return Parsed.malformed(MalformedReason.BAD_OPTION_LENGTH,
                            "MTU option length " + units + ", must be 1 (RFC 4861 §4.6.4)");
                }
                return Parsed.ok(new Mtu(Bytes.u16(b, p + 2), Bytes.u32(b, p + 4)));
            }
            default -> { }
        }
        return Parsed.ok(new UnknownNdpOption(type, ByteString.copyOf(b, p + 2, 8 * units - 2)));
    }
}
