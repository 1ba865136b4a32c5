package io.jnetstack.stack;

import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.Parsed;

/** An address prefix such as 10.0.1.0/24 or 2001:db8::/32; {@code network} has its host bits cleared. */
public record Prefix(IpAddress network, int length) {

    /** Validates the length and clears host bits. */
    public Prefix {
        int max = network.version() == 4 ? 32 : 128;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length " + length + " out of range for IPv" + network.version());
        }
        network = mask(network, length);
    }

    /** Parses "a.b.c.d/n" or "x::/n". */
    public static Parsed<Prefix> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Parsed.malformed(io.jnetstack.wire.MalformedReason.BAD_FIELD, "prefix needs '/len': " + text);
        }
        Parsed<IpAddress> addr = IpAddress.parse(text.substring(0, slash));
        if (!(addr instanceof Parsed.Ok<IpAddress> ok)) {
            return addr.map(a -> null);
        }
        String len = text.substring(slash + 1);
        int max = ok.value().version() == 4 ? 32 : 128;
        if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)
                || Integer.parseInt(len) > max) {
            return Parsed.malformed(io.jnetstack.wire.MalformedReason.BAD_FIELD, "bad prefix length in " + text);
        }
        return Parsed.ok(new Prefix(ok.value(), Integer.parseInt(len)));
    }

    /** Parses or throws {@link IllegalArgumentException}. */
    public static Prefix of(String text) {
        return switch (parse(text)) {
            case Parsed.Ok<Prefix> ok -> ok.value();
            case Parsed.Malformed<Prefix> m -> throw new IllegalArgumentException(m.detail());
        };
    }

    /** True when {@code a} lies inside this prefix. */
    public boolean contains(IpAddress a) {
        return a.version() == network.version() && mask(a, length).equals(network);
    }

    /** The IPv4 directed broadcast address of this prefix (all host bits set); null for IPv6 or /31, /32. */
    public Ipv4Address broadcast() {
        if (!(network instanceof Ipv4Address v4) || length >= 31) {
            return null;
        }
        return new Ipv4Address(v4.bits() | (int) (0xFFFF_FFFFL >>> length));
    }

    static IpAddress mask(IpAddress a, int len) {
        return switch (a) {
            case Ipv4Address v4 -> new Ipv4Address(len == 0 ? 0 : v4.bits() & (int) (0xFFFF_FFFFL << (32 - len)));
            case Ipv6Address v6 -> new Ipv6Address(v6.high() & maskBits(len), v6.low() & maskBits(len - 64));
        };
    }

    private static long maskBits(int len) {
        if (len <= 0) {
            return 0;
        }
        return len >= 64 ? -1L : -1L << (64 - len);
    }

    @Override
    public String toString() {
        return network + "/" + length;
    }
}
