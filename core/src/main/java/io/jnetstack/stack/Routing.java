package io.jnetstack.stack;

import io.jnetstack.personality.Personality;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.util.List;

/**
 * Where a stack's datagrams go: whether an address is this host's, the route a destination takes (a local one
 * through the implicit loopback interface), the source address datagrams to it carry, and which addresses stand
 * for any local one (a wildcard bind or connect).
 */
final class Routing {
    private final Personality personality;
    /** The stack's interfaces (its list, not a copy). */
    private final List<NetInterface> interfaces;
    private final RouteTable routes;
    private final Ipv4Layer ipv4;
    private final Ipv6Layer ipv6;

    Routing(Personality personality, List<NetInterface> interfaces, RouteTable routes, Ipv4Layer ipv4,
            Ipv6Layer ipv6) {
        this.personality = personality;
        this.interfaces = interfaces;
        this.routes = routes;
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
    }

    /** True for null, 0.0.0.0 and ::. */
    static boolean isWildcard(IpAddress a) {
        return a == null || a.equals(Ipv4Address.ANY) || a.equals(Ipv6Address.ANY);
    }

    /** See {@link Stack#isLocal}: configured on an interface (RFC 1122 §3.3.4.2), or implicit loopback. */
    boolean isLocal(IpAddress a) {
        if (ImplicitLoopback.holds(personality, a)) {
            return true;
        }
        for (NetInterface i : interfaces) {
            if (i.hasAddress(a)) {
                return true;
            }
        }
        return false;
    }

    /** See {@link Stack#route}: a host route through the implicit loopback for a local address, else the lookup. */
    Route route(IpAddress dst) {
        if (isLocal(dst)) {
            return Route.onLink(new Prefix(dst, dst.version() == 4 ? 32 : 128), ImplicitLoopback.INDEX);
        }
        return routes.lookup(dst);
    }

    /** See {@link Stack#sourceFor}: the IP layer of {@code dst}'s version chooses (RFC 1122 §3.3.4.3). */
    IpAddress sourceFor(IpAddress dst) {
        return switch (dst) {
            case Ipv4Address d -> ipv4.sourceFor(d);
            case Ipv6Address d -> ipv6.sourceFor(d);
        };
    }
}
