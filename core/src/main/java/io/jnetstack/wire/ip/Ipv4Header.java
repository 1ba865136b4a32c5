package io.jnetstack.wire.ip;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;

/**
 * An IPv4 header (RFC 791 §3.1) as a validated value. Options are kept as opaque bytes (including any EOL
 * padding) so that {@code emit(parse(x))} reproduces the header exactly; they are still checked structurally.
 * The header checksum is not stored: {@link #parse} requires it to equal the computed value and {@link #emit}
 * writes a fresh one.
 *
 * @param tos the type-of-service / DSCP+ECN byte
 * @param totalLength header plus payload, in bytes
 * @param identification the 16-bit identification
 * @param dontFragment the DF flag
 * @param moreFragments the MF flag
 * @param fragmentOffsetBytes fragment offset in bytes (a multiple of 8)
 * @param ttl time to live
 * @param protocol the payload protocol number
 * @param source source address
 * @param destination destination address
 * @param options the options area, a multiple of 4 bytes, at most 40
 */
public record Ipv4Header(int tos, int totalLength, int identification, boolean dontFragment, boolean moreFragments,
        int fragmentOffsetBytes, int ttl, int protocol, Ipv4Address source, Ipv4Address destination,
        ByteString options) {
    /** Length of a header without options. */
    public static final int MIN_LENGTH = 20;
    /** Largest options area (IHL 15). */
    public static final int MAX_OPTIONS = 40;

    /** Validates ranges and the options area. */
    public Ipv4Header {
        requireRange("tos", tos, 0xFF);
        requireRange("identification", identification, 0xFFFF);
        requireRange("ttl", ttl, 0xFF);
        requireRange("protocol", protocol, 0xFF);
        if (fragmentOffsetBytes < 0 || fragmentOffsetBytes > 0x1FFF * 8 || (fragmentOffsetBytes & 7) != 0) {
            throw new IllegalArgumentException("fragment offset must be a multiple of 8 in 0..65528: "
                    + fragmentOffsetBytes);
        }
        if (source == null || destination == null || options == null) {
            throw new IllegalArgumentException("IPv4 addresses and options must not be null");
        }
        if (options.length() % 4 != 0 || options.length() > MAX_OPTIONS) {
            throw new IllegalArgumentException("IPv4 options must be a multiple of 4 bytes, at most 40: "
                    + options.length());
        }
        if (totalLength < MIN_LENGTH + options.length() || totalLength > 0xFFFF) {
            throw new IllegalArgumentException("total length " + totalLength + " outside "
                    + (MIN_LENGTH + options.length()) + "..65535");
        }
        byte[] opt = options.toByteArray();
        if (Ipv4Options.check(opt, 0, opt.length) instanceof Parsed.Malformed<?> m) {
            throw new IllegalArgumentException(m.detail());
        }
    }

    private static void requireRange(String name, int v, int max) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(name + " out of range 0.." + max + ": " + v);
        }
    }

    /** A header with DF clear, TOS 0, no options, not a fragment. */
    public static Ipv4Header simple(Ipv4Address src, Ipv4Address dst, int protocol, int ttl, int payloadLength,
            int identification) {
        return simple(src, dst, protocol, ttl, payloadLength, identification, false);
    }

    /** As {@link #simple(Ipv4Address, Ipv4Address, int, int, int, int)}, with the Don't Fragment bit as given. */
    public static Ipv4Header simple(Ipv4Address src, Ipv4Address dst, int protocol, int ttl, int payloadLength,
            int identification, boolean dontFragment) {
        return new Ipv4Header(0, MIN_LENGTH + payloadLength, identification, dontFragment, false, 0, ttl, protocol,
                src, dst, ByteString.EMPTY);
    }

    /** Parses and fully validates the header at {@code b[off, off+len)}; bytes past total length are allowed. */
    public static Parsed<Ipv4Header> parse(byte[] b, int off, int len) {
        Parsed<Ipv4Header> bad = Ipv4Packet.checkStructure(b, off, len);
        if (bad != null) {
            return bad;
        }
        int hl = (b[off] & 0x0F) * 4;
        int expected = Checksum.computeWithFieldZeroed(b, off, hl, off + 10, 0);
        int got = Bytes.u16(b, off + 10);
        if (expected != got) {
            return Parsed.malformed(MalformedReason.BAD_CHECKSUM, String.format(
                    "IPv4 header checksum expected 0x%04x got 0x%04x", expected, got));
        }
        int flags = Bytes.u8(b, off + 6);
        if ((flags & 0x80) != 0) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "IPv4 reserved flag bit is set (RFC 791 §3.1)");
        }
        Parsed<Ipv4Header> badOpt = Ipv4Options.check(b, off + MIN_LENGTH, hl - MIN_LENGTH);
        if (badOpt != null) {
            return badOpt;
        }
        return Parsed.ok(new Ipv4Header(Bytes.u8(b, off + 1), Bytes.u16(b, off + 2), Bytes.u16(b, off + 4),
                (flags & 0x40) != 0, (flags & 0x20) != 0, (Bytes.u16(b, off + 6) & 0x1FFF) * 8, Bytes.u8(b, off + 8),
                Bytes.u8(b, off + 9), Ipv4Address.read(b, off + 12), Ipv4Address.read(b, off + 16),
                ByteString.copyOf(b, off + MIN_LENGTH, hl - MIN_LENGTH)));
    }

    /** 20 plus the options length. */
    public int headerLength() {
        return MIN_LENGTH + options.length();
    }

    /** Bytes {@link #emit} writes: the header length. */
    public int length() {
        return headerLength();
    }

    /** Total length minus header length. */
    public int payloadLength() {
        return totalLength - headerLength();
    }

    /** True when this is a fragment (MF set or a non-zero offset). */
    public boolean isFragment() {
        return moreFragments || fragmentOffsetBytes != 0;
    }

    /** Writes the header with a freshly computed checksum at {@code off}; returns the header length. */
    public int emit(byte[] b, int off) {
        int hl = headerLength();
        Bytes.put8(b, off, 0x40 | hl / 4);
        Bytes.put8(b, off + 1, tos);
        Bytes.put16(b, off + 2, totalLength);
        Bytes.put16(b, off + 4, identification);
        int flags = (dontFragment ? 0x4000 : 0) | (moreFragments ? 0x2000 : 0);
        Bytes.put16(b, off + 6, flags | fragmentOffsetBytes / 8);
        Bytes.put8(b, off + 8, ttl);
        Bytes.put8(b, off + 9, protocol);
        Bytes.put16(b, off + 10, 0);
        source.write(b, off + 12);
        destination.write(b, off + 16);
        options.copyTo(b, off + MIN_LENGTH);
        Bytes.put16(b, off + 10, Checksum.compute(b, off, hl));
        return hl;
    }

    /** The same header with another TTL. */
    public Ipv4Header withTtl(int newTtl) {
        return new Ipv4Header(tos, totalLength, identification, dontFragment, moreFragments, fragmentOffsetBytes,
                newTtl, protocol, source, destination, options);
    }

    /** The same header with another total length. */
    public Ipv4Header withTotalLength(int newTotalLength) {
        return new Ipv4Header(tos, newTotalLength, identification, dontFragment, moreFragments, fragmentOffsetBytes,
                ttl, protocol, source, destination, options);
    }

    /** The same header with the total length set for {@code payloadLength} payload bytes. */
    public Ipv4Header withPayloadLength(int payloadLength) {
        return withTotalLength(headerLength() + payloadLength);
    }

    /** The same header with another identification. */
    public Ipv4Header withIdentification(int newIdentification) {
        return new Ipv4Header(tos, totalLength, newIdentification, dontFragment, moreFragments, fragmentOffsetBytes,
                ttl, protocol, source, destination, options);
    }

    /** The same header with another TOS byte. */
    public Ipv4Header withTos(int newTos) {
        return new Ipv4Header(newTos, totalLength, identification, dontFragment, moreFragments, fragmentOffsetBytes,
                ttl, protocol, source, destination, options);
    }

    /** The same header with other fragmentation fields. */
    public Ipv4Header withFragment(boolean df, boolean mf, int offsetBytes) {
        return new Ipv4Header(tos, totalLength, identification, df, mf, offsetBytes, ttl, protocol, source,
                destination, options);
    }

    /** The same header with other addresses. */
    public Ipv4Header withAddresses(Ipv4Address src, Ipv4Address dst) {
        return new Ipv4Header(tos, totalLength, identification, dontFragment, moreFragments, fragmentOffsetBytes,
                ttl, protocol, src, dst, options);
    }

    /** The same header with another options area; the total length keeps the same payload length. */
    public Ipv4Header withOptions(ByteString newOptions) {
        return new Ipv4Header(tos, totalLength - options.length() + newOptions.length(), identification,
                dontFragment, moreFragments, fragmentOffsetBytes, ttl, protocol, source, destination, newOptions);
    }
}
