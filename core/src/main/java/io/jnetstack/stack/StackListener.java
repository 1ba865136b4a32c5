package io.jnetstack.stack;

import io.jnetstack.wire.IpAddress;

/**
 * What the network layer reports upward. The socket layer (and the demo's ping) implement this; every method has
 * an empty default.
 */
public interface StackListener {

    /** Why a datagram this host originated could not leave. */
    enum LocalFailure {
        /** No route matched (ENETUNREACH-class). */
        NO_ROUTE,
        /** A reject route matched (unreachable/prohibit). */
        REJECT_ROUTE,
        /** Link-layer resolution failed after the personality's probes (EHOSTUNREACH-class). */
        NEIGHBOR_UNREACHABLE,
        /** The outgoing interface is down (ENETDOWN-class). */
        INTERFACE_DOWN
    }

    /** An ICMP echo reply arrived. {@code ttl} is the reply's TTL or hop limit. */
    default void onEchoReply(IpAddress from, int identifier, int sequence, int ttl, int dataLength, long nowNs) {}

    /** An ICMP/ICMPv6 error arrived about a datagram this host sent. */
    default void onIcmpError(IcmpReport report, long nowNs) {}

    /**
     * The IP options (TTL, TOS; TCP_NOOPT unused) of a socket bound to {@code local}:{@code port} that neither
     * listens nor is connected, for the RST answering a segment sent there where the personality uses them; null
     * when there is no such socket or it set none.
     */
    default io.jnetstack.stack.tcp.TcpOutputOptions tcpBoundSocketOptions(IpAddress local, int port) {
        return null;
    }

    /** A TCP connection reports a fact (connected, refused, timed out, reset). */
    default void onTcpEvent(TcpHandle connection, io.jnetstack.stack.tcp.TcpEvent event, long nowNs) {}

    /**
     * An ICMP/ICMPv6 error quotes a datagram UDP endpoint {@code endpoint} sent (reported before {@link
     * #onIcmpError}). Whether it becomes a socket error (connected only on Linux, ...) is the socket layer's call.
     */
    default void onUdpError(UdpHandle endpoint, IcmpReport report, long nowNs) {}

    /**
     * A datagram UDP endpoint {@code endpoint} sent to {@code destination} could not leave this host (reported before
     * {@link #onLocalFailure}); Linux turns a failed neighbour resolution into a host-unreachable error this way.
     */
    default void onUdpLocalFailure(UdpHandle endpoint, IpAddress destination, LocalFailure failure, long nowNs) {}

    /** A datagram was queued on UDP endpoint {@code endpoint}. */
    default void onUdpReadable(UdpHandle endpoint, long nowNs) {}

    /** A datagram this host originated could not be sent. */
    default void onLocalFailure(IpAddress destination, LocalFailure failure, Origin origin, long nowNs) {}

    /**
     * The transport identity of a datagram this host originated, kept so a later failure can be matched to the
     * sender: protocol, and for ICMP echo the identifier and sequence, for TCP/UDP the ports.
     */
    record Origin(int protocol, int first, int second) {
        /** An unknown origin. */
        public static final Origin NONE = new Origin(-1, 0, 0);
    }

    /**
     * An ICMP error matched to the datagram it quotes.
     *
     * @param reporter    who sent the error
     * @param version     4 or 6
     * @param type        ICMP type
     * @param code        ICMP code
     * @param restOfHeader the 32-bit field after the checksum (MTU for packet-too-big / frag-needed)
     * @param destination the quoted datagram's destination
     * @param origin      the quoted datagram's transport identity
     */
    record IcmpReport(IpAddress reporter, int version, int type, int code, int restOfHeader, IpAddress destination,
            Origin origin) {

        /** What the error means to a transport (RFC 792, RFC 1812 §5.2.7.1; RFC 4443 §3). */
        public io.jnetstack.personality.IcmpClass icmpClass() {
            return IpDelivery.classify(version, type, code);
        }
    }
}
