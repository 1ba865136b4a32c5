package io.jnetstack.stack;

import io.jnetstack.personality.IcmpClass;
import io.jnetstack.stack.tcp.IcmpError;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.TreeMap;

/**
 * ICMP errors about the stack's TCP segments, each handed to the connection that sent the segment: path MTU
 * (fragmentation needed, packet too big), the other errors, and the host's own neighbour-unreachable reports.
 */
final class TcpIcmpErrors {
    private final Stack stack;
    private final TcpDemux demux;
    /** The demux's connections by four-tuple (shared, not copied). */
    private final TreeMap<TcpHandle, TcpConnection> connections;
    private final TcpTunnel tunnel;

    TcpIcmpErrors(Stack stack, TcpDemux demux, TreeMap<TcpHandle, TcpConnection> connections, TcpTunnel tunnel) {
        this.stack = stack;
        this.demux = demux;
        this.connections = connections;
        this.tunnel = tunnel;
    }

    /**
     * Fragmentation needed / Packet Too Big quoting one of our segments: the connection's MSS follows the reported
     * MTU (RFC 1191, RFC 8201), not below the smallest MTU each IP version allows a path to report (Linux
     * ip_rt_min_pmtu 552 for IPv4; 1280 for IPv6, RFC 8200 §5).
     */
    void packetTooBig(TcpHandle h, int mtu, int quotedSeq, int port, long nowNs) {
        if (tunnel.port(h) != port) {
            return; // tcp_ctlinput_with_port / tcp6_ctlinput_with_port: "if (tp->t_port != port) goto out"
        }
        boolean v4 = h.remoteAddress().version() == 4;
        int floor = v4 ? 552 : 1280;
        int mss = Math.max(mtu, floor) - (v4 ? 40 : 60) - tunnel.mssReduction(port);
        boolean synFollows = stack.personality().synMssFollowsPathMtu(!v4);
        demux.apply(h, c -> {
            if (synFollows) {
                c.lowerSynMss(mss);
            }
            c.onPacketTooBig(mss, quotedSeq, nowNs);
        }, nowNs);
    }

    /** An ICMP error quoting one of our segments. */
    void icmp(TcpHandle h, IcmpClass icmp, IcmpError detail, int quotedSeq, int port, long nowNs) {
        TcpConnection c = connections.get(h);
        if (c != null && tunnel.port(h) == port) { // tcp_ctlinput_with_port: "if (tp->t_port != port) goto out"
            c.onIcmp(icmp, detail, quotedSeq, nowNs);
            demux.flush(h, c, nowNs);
        }
    }

    /**
     * Linux arp_error_report: the host's own ICMP host unreachable (ICMPv6 address unreachable) about a segment of the
     * connection from local port {@code sport} to {@code dst}.{@code dport}, quoting its oldest unacknowledged byte.
     */
    void neighborUnreachable(IpAddress dst, int sport, int dport, long nowNs) {
        for (var e : new ArrayList<>(connections.entrySet())) {
            TcpHandle h = e.getKey();
            if (h.localPort() == sport && h.remotePort() == dport && h.remoteAddress().equals(dst)) {
                boolean v4 = dst instanceof Ipv4Address;
                icmp(h, IcmpClass.HOST_UNREACHABLE, new IcmpError(v4 ? 4 : 6, v4 ? 3 : 1, v4 ? 1 : 3),
                        e.getValue().sndUna(), tunnel.port(h), nowNs);
            }
        }
    }
}
