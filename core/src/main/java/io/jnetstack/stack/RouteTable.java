package io.jnetstack.stack;

import io.jnetstack.wire.IpAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Routes by longest-prefix match (RFC 1812 §5.2.4.3); among equal prefixes the route added first wins. Linear in the
 * number of routes, which is small on every simulated host.
 */
public final class RouteTable {
    private final List<Route> routes = new ArrayList<>();

    /** Adds a route, keeping the list ordered by prefix length, longest first, stable for equal lengths. */
    public void add(Route r) {
        routes.add(r);
        routes.sort(Comparator.comparingInt((Route x) -> -x.destination().length()));
    }

    /** Removes every route through interface {@code ifIndex}. */
    public void removeInterface(int ifIndex) {
        routes.removeIf(r -> r.kind() == Route.Kind.UNICAST && r.ifIndex() == ifIndex);
    }

    /** The best route to {@code dst}, or null when none matches. */
    public Route lookup(IpAddress dst) {
        for (Route r : routes) {
            if (r.destination().contains(dst)) {
                return r;
            }
        }
        return null;
    }

    /** All routes, longest prefix first. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
