package io.jnetstack.stack;

import io.jnetstack.wire.IpAddress;

/**
 * One routing-table entry.
 *
 * @param destination the prefix it covers (0.0.0.0/0 or ::/0 for a default route)
 * @param gateway     the next hop, or null when the destination is on the link
 * @param ifIndex     the outgoing interface (ignored for reject kinds)
 * @param kind        forward, or one of the reject kinds of {@code ip route} (blackhole, unreachable, prohibit)
 */
public record Route(Prefix destination, IpAddress gateway, int ifIndex, Kind kind) {

    /** What the route does with a matching datagram. */
    public enum Kind {
        /** Forward through {@code ifIndex}, to {@code gateway} if set. */
        UNICAST,
        /** Silently discard. */
        BLACKHOLE,
        /** Discard and report host unreachable. */
        UNREACHABLE,
        /** Discard and report administratively prohibited. */
        PROHIBIT
    }

    /** A forwarding route. */
    public static Route via(Prefix destination, IpAddress gateway, int ifIndex) {
        return new Route(destination, gateway, ifIndex, Kind.UNICAST);
    }

    /** An on-link route. */
    public static Route onLink(Prefix destination, int ifIndex) {
        return new Route(destination, null, ifIndex, Kind.UNICAST);
    }
}
