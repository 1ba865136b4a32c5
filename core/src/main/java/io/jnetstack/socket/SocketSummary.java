package io.jnetstack.socket;

/**
 * What connect(2)'s argument checks need to know about the descriptor: whether it names a socket, and that socket's
 * domain, type, state and blocking mode. A value the socket layer builds from its fd table before calling
 * {@link ConnectArguments#check}.
 *
 * @param descriptorValid whether the descriptor is open (false: EBADF)
 * @param socket          whether it names a socket (false: ENOTSOCK); the other fields are then ignored
 * @param domain          the socket's domain
 * @param type            the socket's type
 * @param state           the socket's connection state
 * @param nonBlocking     whether O_NONBLOCK is set
 * @param ipv6Only        IPV6_V6ONLY on an AF_INET6 socket (Linux refuses an AF_INET address on such a UDP socket)
 * @param denyOut         XNU SO_RESTRICT_DENY_OUT: soconnectlock refuses with EPERM after the listening test
 */
public record SocketSummary(boolean descriptorValid, boolean socket, Domain domain, Type type, State state,
        boolean nonBlocking, boolean ipv6Only, boolean denyOut) {

    /** A summary without outbound restrictions. */
    public SocketSummary(boolean descriptorValid, boolean socket, Domain domain, Type type, State state,
            boolean nonBlocking, boolean ipv6Only) {
        this(descriptorValid, socket, domain, type, state, nonBlocking, ipv6Only, false);
    }

    /** Validates that the enums are present. */
    public SocketSummary {
        if (domain == null || type == null || state == null) {
            throw new IllegalArgumentException("domain, type and state are required");
        }
    }

    /** A closed or never-opened descriptor. */
    public static SocketSummary badDescriptor() {
        return new SocketSummary(false, false, Domain.INET, Type.STREAM, State.UNCONNECTED, false, false);
    }

    /** An open descriptor that is not a socket (a regular file, /dev/null). */
    public static SocketSummary notSocket() {
        return new SocketSummary(true, false, Domain.INET, Type.STREAM, State.UNCONNECTED, false, false);
    }

    /** A blocking socket of this domain, type and state, IPV6_V6ONLY off. */
    public static SocketSummary of(Domain domain, Type type, State state) {
        return new SocketSummary(true, true, domain, type, state, false, false);
    }

    /** This summary with O_NONBLOCK set or cleared. */
    public SocketSummary withNonBlocking(boolean on) {
        return new SocketSummary(descriptorValid, socket, domain, type, state, on, ipv6Only, denyOut);
    }

    /** This summary with IPV6_V6ONLY set or cleared. */
    public SocketSummary withIpv6Only(boolean on) {
        return new SocketSummary(descriptorValid, socket, domain, type, state, nonBlocking, on, denyOut);
    }

    /** A socket's domain (protocol family). */
    public enum Domain {
        /** AF_INET. */
        INET,
        /** AF_INET6. */
        INET6,
        /** AF_UNIX (AF_LOCAL). */
        UNIX
    }

    /** A socket's type. */
    public enum Type {
        /** SOCK_STREAM: connection-oriented (PR_CONNREQUIRED on the BSDs). */
        STREAM,
        /** SOCK_DGRAM: connectionless; connect only sets the default peer. */
        DATAGRAM,
        /** SOCK_SEQPACKET: connection-oriented, record boundaries (AF_UNIX here). */
        SEQPACKET
    }

    /** The connection state, as the generic socket layer sees it (Linux sock->state, BSD so_state/SO_ACCEPTCONN). */
    public enum State {
        /** Not connected, not listening (Linux SS_UNCONNECTED in TCP_CLOSE). */
        UNCONNECTED,
        /** A connection attempt is under way (SS_CONNECTING / SS_ISCONNECTING). */
        CONNECTING,
        /** Connected (SS_CONNECTED / SS_ISCONNECTED), including a datagram socket with a default peer. */
        CONNECTED,
        /** listen() was called (Linux TCP_LISTEN, BSD SO_ACCEPTCONN). */
        LISTENING
    }
}
