package io.jnetstack.stack;

import io.jnetstack.personality.PortSelection;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import java.util.TreeMap;

/**
 * The stack's TCP active opens (RFC 9293 OPEN): connect's refusals (routes, local address, ports, a four-tuple in
 * use), the ephemeral port choice in the personality's connect scope, the reuse of a four-tuple held in TIME-WAIT,
 * and the new connection in SYN-SENT with its options applied before its SYN leaves.
 */
final class TcpActiveOpen {
    /** RFC 8200 §5: the IPv6 minimum link MTU. */
    private static final int IPV6_MINIMUM_MTU = 1280;

    private final Stack stack;
    private final TcpDemux demux;
    /** The demux's connections by four-tuple (shared, not copied). */
    private final TreeMap<TcpHandle, TcpConnection> connections;
    private final PassiveOpen passive;
    private final EphemeralPorts ports;
    private final TcpTunnel tunnel;
    private final RandomSource random;
    private final FastOpenConnect fastOpen;
    private boolean icmpMayReset = true;

    TcpActiveOpen(Stack stack, TcpDemux demux, TreeMap<TcpHandle, TcpConnection> connections, PassiveOpen passive,
            EphemeralPorts ports, TcpTunnel tunnel, RandomSource random) {
        this.stack = stack;
        this.demux = demux;
        this.connections = connections;
        this.passive = passive;
        this.ports = ports;
        this.tunnel = tunnel;
        this.random = random;
        this.fastOpen = new FastOpenConnect(stack);
    }

    /** net.inet.tcp.icmp_may_rst for connections opened from now on. */
    void setIcmpMayReset(boolean on) {
        icmpMayReset = on;
    }

    boolean icmpMayReset() {
        return icmpMayReset;
    }

    /** Opens a connection; null when every ephemeral port to that destination is in use. */
    TcpHandle connect(IpAddress dst, int port, long nowNs) {
        IpAddress src = stack.sourceFor(dst);
        int local = ephemeralPort(src, dst, port);
        if (local < 0) {
            return null;
        }
        TcpHandle h = new TcpHandle(src, local, dst, port);
        return open(h, TcpConnectOptions.DEFAULTS, null, demux.iss(h, nowNs), nowNs);
    }

    /** Opens a connection from {@code local} and {@code localPort} (see Stack#tcpConnect), or says why not. */
    TcpConnectResult connect(IpAddress local, int localPort, IpAddress dst, int port, TcpConnectOptions opts,
            long nowNs) {
        return connect(local, localPort, dst, port, opts, null, nowNs);
    }

    /** As {@link #connect(IpAddress, int, IpAddress, int, TcpConnectOptions, long)}; see Stack#tcpConnectFastOpen. */
    TcpConnectResult connect(IpAddress local, int localPort, IpAddress dst, int port, TcpConnectOptions opts,
            byte[] fastOpenData, long nowNs) {
        if (local != null && local.version() != dst.version()) {
            throw new IllegalArgumentException("local " + local + " and destination " + dst + " differ in version");
        }
        Route r = stack.route(dst);
        if (r != null && r.kind() == Route.Kind.BLACKHOLE && stack.personality().blackholeRoute() != null) {
            return new TcpConnectResult.Failure(TcpConnectResult.Reason.BLACKHOLE_ROUTE, false);
        }
        if (r == null || r.kind() == Route.Kind.UNREACHABLE || r.kind() == Route.Kind.PROHIBIT) {
            return new TcpConnectResult.Failure(r == null ? TcpConnectResult.Reason.NO_ROUTE
                    : r.kind() == Route.Kind.PROHIBIT ? TcpConnectResult.Reason.PROHIBITED_ROUTE
                    : TcpConnectResult.Reason.UNREACHABLE_ROUTE, false);
        }
        IpAddress src = Routing.isWildcard(local) ? stack.sourceFor(dst) : local;
        if (Routing.isWildcard(src) || !stack.isLocal(src)) {
            return new TcpConnectResult.Failure(TcpConnectResult.Reason.LOCAL_NOT_AVAILABLE, false);
        }
        int lport = localPort != 0 ? localPort : ephemeralPort(src, dst, port);
        if (lport < 0) {
            return new TcpConnectResult.Failure(TcpConnectResult.Reason.NO_PORTS, false);
        }
        TcpHandle h = new TcpHandle(src, lport, dst, port);
        TcpConnection old = connections.get(h);
        int iss = demux.iss(h, nowNs);
        if (old != null) {
            boolean timeWait = old.state() instanceof io.jnetstack.stack.tcp.TcpState.TimeWait;
            if (!(timeWait && localPort != 0 && old.timestampsEnabled()
                    && stack.personality().tcpRules().timeWaitReuseOnBoundConnect())) {
                return new TcpConnectResult.Failure(TcpConnectResult.Reason.TUPLE_IN_USE, timeWait);
            }
            // Linux tcp_twsk_unique (twp == NULL): the TIME-WAIT entry goes, write_seq = tw_snd_nxt + 65535 + 2
            iss = old.sndNxt() + 65535 + 2;
            iss = iss == 0 ? 1 : iss;
            demux.retire(h, old);
        }
        return new TcpConnectResult.Ok(open(h, opts, fastOpenData, iss, nowNs));
    }

    /** Creates connection {@code h} in SYN-SENT with options {@code o} applied before its SYN leaves. */
    private TcpHandle open(TcpHandle h, TcpConnectOptions o, byte[] fastOpenData, int iss, long nowNs) {
        int mss = demux.mss(h.remoteAddress()) - tunnel.mssReduction(o.udpEncapsulationPort());
        if (o.ipv6MinimumMtu() && h.remoteAddress().version() == 6) {
            mss = Math.min(mss, IPV6_MINIMUM_MTU - 60 - tunnel.mssReduction(o.udpEncapsulationPort()));
        }
        if (o.maxSegment() > 0) {
            mss = Math.min(mss, o.maxSegment());
        }
        var p = stack.personality();
        TcpConnection c = TcpConnection.connect(p, h.localPort(), h.remotePort(), iss, mss,
                random.nextInt(Integer.MAX_VALUE), o.synSchedule() != null ? o.synSchedule() : p.synRetransmission(),
                o.output(), fastOpen.fastOpen(h, fastOpenData, nowNs), nowNs);
        c.setIcmpMayReset(icmpMayReset);
        if (o.udpEncapsulationPort() == 0) {
            c.setSegmentOffload(stack.output().tcpOffloadTo(h.remoteAddress()));
            c.setIpHeaderRoom(HostOutput.headroom(h.remoteAddress()));
        }
        if (o.maxSegment() > 0) {
            c.setMaxSegment(o.maxSegment());
        }
        if (o.congestion() != null) {
            c.setCongestionControl(o.congestion());
        }
        if (o.noDelay()) {
            c.setNoDelay(true, nowNs);
        }
        if (o.keepAlive()) {
            c.setKeepAlive(true, nowNs);
        }
        demux.add(h, c, o.udpEncapsulationPort());
        demux.flush(h, c, nowNs);
        return h;
    }

    private int ephemeralPort(IpAddress src, IpAddress dst, int dport) {
        boolean local = stack.personality().portSelection().connectScope() == PortSelection.Scope.LOCAL_PORT;
        return ports.pick(EphemeralPorts.Use.CONNECT, src, dst, dport, p -> passive.listensOn(p)
                || (local ? boundLocally(src, p) : connections.containsKey(new TcpHandle(src, p, dst, dport))));
    }

    /** True when some connection uses local port {@code p} on {@code src} (handles sort by local address, port). */
    private boolean boundLocally(IpAddress src, int p) {
        TcpHandle h = connections.ceilingKey(new TcpHandle(src, p, new Ipv4Address(0), 0));
        return h != null && h.localAddress().equals(src) && h.localPort() == p;
    }
}
