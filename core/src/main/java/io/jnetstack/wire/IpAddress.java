package io.jnetstack.wire;

/** An IPv4 or IPv6 address as a value. */
public sealed interface IpAddress extends Comparable<IpAddress> permits Ipv4Address, Ipv6Address {

    /** The address in network byte order (4 or 16 bytes, a fresh array). */
    byte[] toBytes();

    /** 4 or 6. */
    int version();

    /** Parses dotted-quad or RFC 4291/5952 text; returns {@link Parsed.Malformed} for anything else. */
    static Parsed<IpAddress> parse(String text) {
        if (text.indexOf(':') >= 0) {
            return Ipv6Address.parse(text).map(a -> a);
        }
        return Ipv4Address.parse(text).map(a -> a);
    }

    /** Orders IPv4 before IPv6, then numerically. */
    @Override
    default int compareTo(IpAddress o) {
        if (version() != o.version()) {
            return Integer.compare(version(), o.version());
        }
        return switch (this) {
            case Ipv4Address a -> Integer.compareUnsigned(a.bits(), ((Ipv4Address) o).bits());
            case Ipv6Address a -> {
                Ipv6Address b = (Ipv6Address) o;
                int c = Long.compareUnsigned(a.high(), b.high());
                yield c != 0 ? c : Long.compareUnsigned(a.low(), b.low());
            }
        };
    }
}
