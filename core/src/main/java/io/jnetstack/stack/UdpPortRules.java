package io.jnetstack.stack;

import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;

/** When two UDP endpoints may hold the same port: address overlap and each OS's sharing rule. */
final class UdpPortRules {
    private UdpPortRules() {}

    /** Whether some address is covered by both endpoints' local addresses (any covers its whole family). */
    static boolean overlap(UdpEndpoint a, UdpEndpoint b) {
        if (a.local != null && b.local != null) {
            return a.local.equals(b.local);
        }
        if (a.local != null) {
            return b.covers(a.local);
        }
        if (b.local != null) {
            return a.covers(b.local);
        }
        return a.accepts(4) && b.accepts(4) || a.accepts(6) && b.accepts(6);
    }

    /** The exact-match lookup of BSD in_pcblookup_local without INPLOOKUP_WILDCARD: the same address or both any. */
    static boolean sameAddress(UdpEndpoint a, UdpEndpoint b) {
        return a.local == null && b.local == null ? overlap(a, b) : a.local != null && a.local.equals(b.local);
    }

    /**
     * Whether binding {@code want} to the port {@code have} holds is refused (EADDRINUSE), given their addresses
     * and SO_REUSEADDR / SO_REUSEPORT flags.
     *
     * <ul>
     *   <li>Both SO_REUSEPORT: they share, on every OS (Linux also requires the same uid; there are no uids here).
     *   <li>Linux ({@code reuseAddrShares}), net/ipv4/udp.c {@code udp_lib_lport_inuse}: overlapping addresses
     *       conflict unless both have SO_REUSEADDR ({@code sk_reuse}) or both SO_REUSEPORT.
     *   <li>BSDs, netinet/in_pcb.c {@code in_pcbbind_setup}: for a multicast address SO_REUSEADDR counts as
     *       SO_REUSEPORT; without either flag on the new endpoint the lookup is wildcard (any overlap conflicts),
     *       with one it is exact (only the same address, or both any, conflicts).
     * </ul>
     */
    static boolean conflicts(UdpEndpoint want, UdpEndpoint have, boolean reuseAddrShares) {
        if (!overlap(want, have)) {
            return false;
        }
        if (want.reusePort && have.reusePort) {
            return false;
        }
        if (reuseAddrShares) {
            return !(want.reuseAddr && have.reuseAddr);
        }
        boolean wantShares = want.reuseAddr || want.reusePort;
        if (isGroup(want.local) && wantShares && (have.reuseAddr || have.reusePort)) {
            return false;
        }
        return !wantShares || sameAddress(want, have);
    }

    /** True for a multicast or the limited broadcast address. */
    static boolean isGroup(IpAddress a) {
        return switch (a) {
            case null -> false;
            case Ipv4Address v4 -> v4.isMulticast() || v4.equals(Ipv4Address.BROADCAST);
            case Ipv6Address v6 -> v6.isMulticast();
        };
    }

    /** True for 127.0.0.0/8 and ::1, local on every host without configuration. */
    static boolean isLoopback(IpAddress a) {
        return switch (a) {
            case Ipv4Address v4 -> v4.isLoopback();
            case Ipv6Address v6 -> v6.equals(Ipv6Address.LOOPBACK);
        };
    }
}
