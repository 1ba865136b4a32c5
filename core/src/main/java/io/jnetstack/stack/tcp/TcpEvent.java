package io.jnetstack.stack.tcp;

/**
 * Facts a connection reports upward; the socket layer turns them into errno through the personality (design.md
 * §3: errors in three layers). For the ICMP-class facts the exact message is {@link TcpConnection#lastIcmp()}, which
 * the personality's {@code tcpErrno} needs (each OS maps type and code its own way).
 */
public enum TcpEvent {
    /** The three-way handshake completed (ESTABLISHED). */
    CONNECTED,
    /** A RST answered our SYN (RFC 9293 §3.10.7.3): connect() is refused. */
    REFUSED,
    /**
     * No answer within the personality's SYN schedule (connect() times out), or later: data unacknowledged past
     * the retransmission limit, or keep-alive probes unanswered (ETIMEDOUT).
     */
    TIMED_OUT,
    /** A valid RST arrived in a synchronized state (RFC 9293 §3.10.7.4): the connection is reset. */
    RESET,
    /** The peer signalled urgent data (RFC 9293 §3.8.5); {@link TcpConnection#urgentMark()} says where it ends. */
    URGENT,
    /** The peer's FIN arrived in order: after the buffered data, reads return end of file. */
    PEER_CLOSED,
    /** The connection finished normally (LAST-ACK acknowledged, TIME-WAIT or FIN-WAIT-2 ran out) and is gone. */
    CLOSED,
    /** The attempt ended on an ICMP network unreachable (or it replaced the timeout as a soft error). */
    NET_UNREACHABLE,
    /** The attempt ended on an ICMP host (ICMPv6 address) unreachable, hard or soft. */
    HOST_UNREACHABLE,
    /** The attempt ended on an ICMP protocol unreachable. */
    PROTOCOL_UNREACHABLE,
    /** The attempt ended on an ICMP port unreachable. */
    PORT_UNREACHABLE,
    /** The attempt ended on an ICMP "communication administratively prohibited". */
    ADMIN_PROHIBITED,
    /** The attempt ended on an ICMP time exceeded in transit. */
    TIME_EXCEEDED,
    /** The attempt ended on an ICMP parameter problem (or it replaced the timeout as a soft error). */
    PARAMETER_PROBLEM;

    /** True for the facts that report a failure (the socket layer turns them into an errno). */
    public boolean isError() {
        return switch (this) {
            case CONNECTED, URGENT, PEER_CLOSED, CLOSED -> false;
            case REFUSED, TIMED_OUT, RESET, NET_UNREACHABLE, HOST_UNREACHABLE, PROTOCOL_UNREACHABLE, PORT_UNREACHABLE,
                    ADMIN_PROHIBITED, TIME_EXCEEDED, PARAMETER_PROBLEM -> true;
        };
    }

    /** The fact for an ICMP error class (null for {@link io.jnetstack.personality.IcmpClass#OTHER}). */
    public static TcpEvent of(io.jnetstack.personality.IcmpClass c) {
        return switch (c) {
            case NET_UNREACHABLE -> NET_UNREACHABLE;
            case HOST_UNREACHABLE -> HOST_UNREACHABLE;
            case PROTOCOL_UNREACHABLE -> PROTOCOL_UNREACHABLE;
            case PORT_UNREACHABLE -> PORT_UNREACHABLE;
            case ADMIN_PROHIBITED -> ADMIN_PROHIBITED;
            case TIME_EXCEEDED -> TIME_EXCEEDED;
            case PARAMETER_PROBLEM -> PARAMETER_PROBLEM;
            case OTHER -> null;
        };
    }
}
