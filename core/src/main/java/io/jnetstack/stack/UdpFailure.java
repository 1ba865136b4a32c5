package io.jnetstack.stack;

/**
 * Why a UDP bind, connect or send did not happen: facts for the socket layer, which turns them into each OS's errno.
 */
public enum UdpFailure {
    /** The port is taken on an overlapping address and the bind rule does not let them share (EADDRINUSE-class). */
    IN_USE,
    /** Every ephemeral port is in use (Linux EADDRINUSE on bind(0), EAGAIN on autobind; BSD EADDRNOTAVAIL). */
    NO_PORTS,
    /** The local address is not configured on this host (EADDRNOTAVAIL-class). */
    NOT_LOCAL,
    /** bind on an endpoint that already has a port (EINVAL-class). */
    ALREADY_BOUND,
    /** No route to the destination (ENETUNREACH-class). */
    NO_ROUTE,
    /** An "unreachable" reject route (or a blackhole route the personality lets through) matched. */
    REJECT_ROUTE,
    /** The route to the peer is a "prohibit" reject route (ip route prohibit; BSD RTF_REJECT is REJECT_ROUTE). */
    PROHIBITED_ROUTE,
    /** The route to the peer is a blackhole route the personality refuses at connect (Linux RTN_BLACKHOLE). */
    BLACKHOLE_ROUTE,
    /** The payload exceeds what one datagram carries: 65507 bytes over IPv4, 65527 over IPv6 (EMSGSIZE-class). */
    MESSAGE_TOO_BIG,
    /** No destination given and the endpoint is not connected (EDESTADDRREQ / ENOTCONN-class). */
    NOT_CONNECTED,
    /**
     * The address family cannot be used here: an IPv4 (or v4-mapped) address on a v6-only endpoint, or a peer of
     * the other family than the endpoint's specific local address (EAFNOSUPPORT / ENETUNREACH / EINVAL-class).
     */
    FAMILY_MISMATCH
}
