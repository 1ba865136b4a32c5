package io.jnetstack.stack;

/**
 * What {@link Stack#tcpConnect(io.jnetstack.wire.IpAddress, int, io.jnetstack.wire.IpAddress, int,
 * TcpConnectOptions, long)} did: opened a connection (its SYN is on its way), or refused at once with a fact the socket
 * layer turns into each OS's errno.
 */
public sealed interface TcpConnectResult {

    /** The connection was opened; its later facts reach {@link StackListener#onTcpEvent}. */
    record Ok(TcpHandle handle) implements TcpConnectResult {}

    /**
     * The connection could not be opened.
     *
     * @param reason   why
     * @param timeWait for {@link Reason#TUPLE_IN_USE}: the connection holding the four-tuple is in TIME-WAIT
     *                 (catalogue E5: Linux may recycle it, the BSDs say EADDRINUSE); false otherwise
     */
    record Failure(Reason reason, boolean timeWait) implements TcpConnectResult {}

    /** Why a connection could not be opened. */
    enum Reason {
        /**
         * No route matches the destination (catalogue D10: Linux, FreeBSD and macOS ENETUNREACH, OpenBSD
         * EADDRNOTAVAIL from source selection).
         */
        NO_ROUTE,
        /** An "unreachable" reject route matches (Linux RTN_UNREACHABLE → EHOSTUNREACH; BSD RTF_REJECT). */
        UNREACHABLE_ROUTE,
        /** A "prohibit" reject route matches (Linux RTN_PROHIBIT → EACCES; BSD RTF_REJECT). */
        PROHIBITED_ROUTE,
        /** The route is a blackhole route the personality refuses at connect (Linux RTN_BLACKHOLE: EINVAL). */
        BLACKHOLE_ROUTE,
        /** Every ephemeral port towards the destination is in use (catalogue E2). */
        NO_PORTS,
        /** The chosen local address and port already have a connection to that destination (catalogue E4, E5). */
        TUPLE_IN_USE,
        /**
         * The requested local address is not this host's, or no address of the destination's version is
         * configured to send from (EADDRNOTAVAIL).
         */
        LOCAL_NOT_AVAILABLE
    }
}
