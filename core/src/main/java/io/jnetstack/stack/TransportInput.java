package io.jnetstack.stack;

import io.jnetstack.personality.IcmpClass;
import io.jnetstack.stack.StackListener.LocalFailure;
import io.jnetstack.stack.StackListener.Origin;
import io.jnetstack.stack.tcp.IcmpError;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.udp.UdpHeader;

/**
 * What the IP layers hand a stack's transports: TCP segments and UDP datagrams to this host (TCP over UDP
 * included), ICMP errors quoting a segment or datagram this host sent, and local failures to send one.
 */
final class TransportInput {
    private final Stack stack;
    private final TcpDemux tcp;
    private final UdpDemux udpDemux;

    TransportInput(Stack stack, TcpDemux tcp, UdpDemux udpDemux) {
        this.stack = stack;
        this.tcp = tcp;
        this.udpDemux = udpDemux;
    }

    /** A TCP segment inside datagram {@code d[off, off+len)}, at {@code tcpOff}, addressed to this host. */
    void tcpInput(IpAddress src, IpAddress dst, byte[] d, int off, int len, int tcpOff, long nowNs) {
        tcp.input(src, dst, d, off, len, tcpOff, nowNs);
    }

    /** Fragmentation needed / Packet Too Big about a segment of {@code h}; {@code port}: its UDP port, else 0. */
    void tcpPacketTooBig(TcpHandle h, int mtu, int quotedSeq, int port, long nowNs) {
        tcp.icmpErrors().packetTooBig(h, mtu, quotedSeq, port, nowNs);
    }

    /** Another ICMP error about a segment of {@code h}; {@code port}: the UDP port it went to inside UDP, else 0. */
    void tcpIcmp(TcpHandle h, IcmpClass icmp, IcmpError detail, int quotedSeq, int port, long nowNs) {
        tcp.icmpErrors().icmp(h, icmp, detail, quotedSeq, port, nowNs);
    }

    /** Whether a unicast datagram from local UDP port {@code port} is TCP over UDP (the tunneling port). */
    boolean tcpTunnelTakes(int port) {
        return tcp.tunnelTakes(port);
    }

    /**
     * A valid UDP datagram to this host; false when no endpoint takes it. A unicast one to the TCP tunneling port
     * goes to TCP (FreeBSD tcp_over_udp_start: a kernel UDP socket bound there, tcp_recv_udp_tunneled_packet).
     */
    boolean udpInput(IpAddress src, IpAddress dst, boolean toGroup, UdpHeader h, byte[] b, int at, long nowNs) {
        if (!toGroup && tcp.tunnelTakes(h.destinationPort())) {
            tcp.inputTunneled(src, dst, h.sourcePort(), b, at + UdpHeader.LENGTH, h.length() - UdpHeader.LENGTH,
                    nowNs);
            return true;
        }
        return udpDemux.input(src, dst, toGroup, h, b, at, nowNs);
    }

    /** An ICMP error quoting a UDP datagram {@code src}:sport → {@code dst}:dport this host sent. */
    void udpIcmp(IpAddress src, int sport, IpAddress dst, int dport, StackListener.IcmpReport r, long nowNs) {
        udpDemux.icmpError(src, sport, dst, dport, r, nowNs);
    }

    /**
     * A datagram from this host to {@code dst} could not be sent ({@code f}): told to the UDP endpoint or, as Linux
     * arp_error_report does for an unresolved neighbour, the TCP connection that sent it, then to the listener.
     */
    void reportLocalFailure(IpAddress dst, LocalFailure f, Origin origin, long nowNs) {
        if (origin.protocol() == IpProtocol.UDP) {
            udpDemux.localFailure(dst, f, origin, nowNs);
        }
        if (origin.protocol() == IpProtocol.TCP && f == LocalFailure.NEIGHBOR_UNREACHABLE
                && stack.personality().neighborFailureAsIcmp()) {
            tcp.icmpErrors().neighborUnreachable(dst, origin.first(), origin.second(), nowNs);
        }
        stack.listener().onLocalFailure(dst, f, origin, nowNs);
    }
}
