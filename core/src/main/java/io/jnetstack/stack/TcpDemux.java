package io.jnetstack.stack;

import io.jnetstack.link.FrameInfo;
import io.jnetstack.link.Medium;
import io.jnetstack.link.Replies;
import io.jnetstack.personality.PortSelection;
import io.jnetstack.stack.StackListener.Origin;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.stack.tcp.TcpSegment;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.tcp.TcpHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The stack's TCP endpoints: connections by four-tuple, listening ports, and the glue between the sans-IO
 * {@link TcpConnection}s and the IP layers (segments out as datagrams, timers, events to the listener).
 *
 * <p>Listening ports, their queues and the passive open live in {@link PassiveOpen}. Ephemeral ports come from
 * {@link EphemeralPorts} (each OS's search); a listening port, and a port busy in the personality's connect scope
 * (same four-tuple, TIME-WAIT included, or any connection on that local port), is never picked.
 */
final class TcpDemux {
    private final Stack stack;
    private final TreeMap<TcpHandle, TcpConnection> connections = new TreeMap<>();
    private final ConnectionTimers timers = new ConnectionTimers();
    /** Counters of connections that are gone. */
    private final io.jnetstack.stack.tcp.TcpStats retired = new io.jnetstack.stack.tcp.TcpStats();
    private final PassiveOpen passive;
    private final RandomSource random;
    private final long secret;
    private final EphemeralPorts ports;
    private final TcpTunnel tunnel;
    private final TcpSignatures signatures;
    /** The host's TCP Fast Open client cookie cache. */
    private final FastOpenCache fastOpenCache = new FastOpenCache();
    /** The UDP source port of the segment being taken in, 0 when it came as plain TCP (FreeBSD tcp_tun_port). */
    private int inputPort;

    TcpDemux(Stack stack) {
        this.stack = stack;
        this.tunnel = new TcpTunnel(stack);
        this.signatures = new TcpSignatures(stack);
        this.random = stack.random().fork("tcp");
        this.secret = random.nextLong();
        this.ports = EphemeralPorts.tcp(stack.personality(), stack.random().fork("ports"));
        this.passive = new PassiveOpen(this, stack.personality().listenRules(), stack.random().fork("listen"));
    }

    private boolean icmpMayReset = true;

    /** net.inet.tcp.icmp_may_rst for connections opened from now on. */
    void setIcmpMayReset(boolean on) {
        icmpMayReset = on;
    }

    boolean icmpMayReset() {
        return icmpMayReset;
    }

    /** The ephemeral port allocator connect() draws from. */
    EphemeralPorts ports() {
        return ports;
    }

    /** Starts (or re-limits) listener {@code k}; {@code backlog} as listen(2) takes it. */
    void listen(PassiveOpen.Key k, int backlog) {
        passive.listen(k, backlog);
    }

    /** What listener {@code k}'s new connections inherit (IP TTL and TOS, TCP_NOOPT). */
    void listenerOutputOptions(PassiveOpen.Key k, io.jnetstack.stack.tcp.TcpOutputOptions o) {
        passive.outputOptions(k, o);
    }

    /** Closes listener {@code k}, resetting the connections it queued. */
    void unlisten(PassiveOpen.Key k, long nowNs) {
        passive.unlisten(k, nowNs);
    }

    /** The next completed connection on listener {@code k}, or null. */
    TcpHandle accept(PassiveOpen.Key k) {
        return passive.accept(k);
    }

    /** Completed connections waiting for {@link #accept} on listener {@code k}. */
    int acceptQueueLength(PassiveOpen.Key k) {
        return passive.acceptQueueLength(k);
    }

    TcpConnection connection(TcpHandle h) {
        return connections.get(h);
    }

    /** Opens a connection; null when every ephemeral port to that destination is in use. */
    TcpHandle connect(IpAddress dst, int port, long nowNs) {
        IpAddress src = stack.sourceFor(dst);
        int local = ephemeralPort(src, dst, port);
        if (local < 0) {
            return null;
        }
        TcpHandle h = new TcpHandle(src, local, dst, port);
        return open(h, TcpConnectOptions.DEFAULTS, null, iss(h, nowNs), nowNs);
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
        IpAddress src = Stack.isWildcard(local) ? stack.sourceFor(dst) : local;
        if (Stack.isWildcard(src) || !stack.isLocal(src)) {
            return new TcpConnectResult.Failure(TcpConnectResult.Reason.LOCAL_NOT_AVAILABLE, false);
        }
        int lport = localPort != 0 ? localPort : ephemeralPort(src, dst, port);
        if (lport < 0) {
            return new TcpConnectResult.Failure(TcpConnectResult.Reason.NO_PORTS, false);
        }
        TcpHandle h = new TcpHandle(src, lport, dst, port);
        TcpConnection old = connections.get(h);
        int iss = iss(h, nowNs);
        if (old != null) {
            boolean timeWait = old.state() instanceof io.jnetstack.stack.tcp.TcpState.TimeWait;
            if (!(timeWait && localPort != 0 && old.timestampsEnabled()
                    && stack.personality().tcpRules().timeWaitReuseOnBoundConnect())) {
                return new TcpConnectResult.Failure(TcpConnectResult.Reason.TUPLE_IN_USE, timeWait);
            }
            // Linux tcp_twsk_unique (twp == NULL): the TIME-WAIT entry goes, write_seq = tw_snd_nxt + 65535 + 2
            iss = old.sndNxt() + 65535 + 2;
            iss = iss == 0 ? 1 : iss;
            retired.addAll(old.stats());
            forget(h);
        }
        return new TcpConnectResult.Ok(open(h, opts, fastOpenData, iss, nowNs));
    }

    /** Creates connection {@code h} in SYN-SENT with options {@code o} applied before its SYN leaves. */
    private TcpHandle open(TcpHandle h, TcpConnectOptions o, byte[] fastOpenData, int iss, long nowNs) {
        int mss = mss(h.remoteAddress()) - tunnel.mssReduction(o.udpEncapsulationPort());
        if (o.ipv6MinimumMtu() && h.remoteAddress().version() == 6) {
            mss = Math.min(mss, IPV6_MINIMUM_MTU - 60 - tunnel.mssReduction(o.udpEncapsulationPort()));
        }
        if (o.maxSegment() > 0) {
            mss = Math.min(mss, o.maxSegment());
        }
        var p = stack.personality();
        TcpConnection c = TcpConnection.connect(p, h.localPort(), h.remotePort(), iss, mss,
                random.nextInt(Integer.MAX_VALUE), o.synSchedule() != null ? o.synSchedule() : p.synRetransmission(),
                o.output(), fastOpen(h, fastOpenData, nowNs), nowNs);
        c.setIcmpMayReset(icmpMayReset);
        if (o.udpEncapsulationPort() == 0) {
            c.setSegmentOffload(stack.tcpOffloadTo(h.remoteAddress()));
            c.setIpHeaderRoom(Stack.headroom(h.remoteAddress()));
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
        connections.put(h, c);
        tunnel.set(h, o.udpEncapsulationPort());
        flush(h, c, nowNs);
        return h;
    }

    /**
     * The Fast Open side of an active open by a TCP_FASTOPEN sendto or a TCP_FASTOPEN_CONNECT connect (null for an
     * ordinary connect): FreeBSD tcp_usr_send calls tcp_fastopen_connect, Linux tcp_v4_connect
     * tcp_fastopen_defer_connect; both look the path up in the host's client cookie cache. A Linux connect (no
     * data) that finds a cookie defers its SYN to the first write.
     */
    private io.jnetstack.stack.tcp.FastOpen fastOpen(TcpHandle h, byte[] data, long nowNs) {
        var rules = stack.personality().fastOpenClient();
        if (data == null || rules == null) {
            return null;
        }
        var key = new FastOpenCache.Key(h.localAddress(), h.remoteAddress(), rules.keyedByPort() ? h.remotePort() : 0);
        var cookie = fastOpenCache.connect(key, rules, nowNs);
        boolean deferred = rules.defersConnect() && data.length == 0 && cookie != null && cookie.length() > 0;
        return new io.jnetstack.stack.tcp.FastOpen(cookie, data,
                fastOpenCache.path(key, () -> stack.personality().fastOpenClient()), deferred,
                fastOpenCache.serverMss(key));
    }

    /** What holds four-tuple {@code h}: null when free, else its connection. */
    TcpConnection holder(TcpHandle h) {
        return connections.get(h);
    }

    /** The strongest use of local port {@code port} on {@code address} (null or a wildcard: on any address). */
    TcpPortUse portUse(IpAddress address, int port) {
        if (passive.listensOn(address, port)) {
            return TcpPortUse.LISTENING;
        }
        boolean any = Stack.isWildcard(address);
        TcpPortUse use = TcpPortUse.FREE;
        for (var e : connections.entrySet()) { // TreeMap: ordered, deterministic
            TcpHandle h = e.getKey();
            if (h.localPort() != port || !(any || h.localAddress().equals(address))) {
                continue;
            }
            if (!(e.getValue().state() instanceof io.jnetstack.stack.tcp.TcpState.TimeWait)) {
                return TcpPortUse.CONNECTED;
            }
            use = TcpPortUse.TIME_WAIT;
        }
        return use;
    }

    /** A TCP segment inside datagram {@code d[off, off+len)} addressed to this host. */
    void input(IpAddress src, IpAddress dst, byte[] d, int off, int len, int tcpOff, long nowNs) {
        input(src, dst, d, off, len, tcpOff, 0, nowNs);
    }

    /** Whether a unicast UDP datagram to local port {@code port} is for TCP over UDP ({@link TcpTunnel#takes}). */
    boolean tunnelTakes(int port) {
        return tunnel.takes(port);
    }

    /** The remote UDP port connection {@code h} is encapsulated to (TCP_REMOTE_UDP_ENCAPS_PORT); 0 for plain TCP. */
    int udpEncapsulationPort(TcpHandle h) {
        return tunnel.port(h);
    }

    /**
     * A TCP segment at {@code b[at, at+len)} that came inside a UDP datagram from port {@code sport} to the
     * tunneling port (tcp_subr.c tcp_recv_udp_tunneled_packet → tcp_input_with_port with that port).
     */
    void inputTunneled(IpAddress src, IpAddress dst, int sport, byte[] b, int at, int len, long nowNs) {
        byte[] d = tunnel.unwrap(src, dst, b, at, len);
        if (d == null) {
            stack.stats().increment(StackStats.Counter.MALFORMED);
            return;
        }
        input(src, dst, d, 0, d.length, d.length - len, sport, nowNs);
    }

    private void input(IpAddress src, IpAddress dst, byte[] d, int off, int len, int tcpOff, int port, long nowNs) {
        int outer = inputPort;
        inputPort = port;
        try {
            demultiplex(src, dst, d, off, len, tcpOff, nowNs);
        } finally {
            inputPort = outer;
        }
    }

    private void demultiplex(IpAddress src, IpAddress dst, byte[] d, int off, int len, int tcpOff, long nowNs) {
        int tcpLen = off + len - tcpOff;
        // a segment the link verified (receive checksum offload) is not summed again; TCP inside UDP always is
        Parsed<TcpHeader> parsed = stack.checksumVerified() && inputPort == 0
                ? TcpHeader.parseChecksumVerified(d, tcpOff, tcpLen)
                : TcpHeader.parse(d, tcpOff, tcpLen, new PseudoHeader(src, dst, IpProtocol.TCP));
        if (!(parsed instanceof Parsed.Ok<TcpHeader> ok)) {
            stack.stats().increment(StackStats.Counter.MALFORMED);
            return;
        }
        TcpHeader th = ok.value();
        // the payload is read in place: input never keeps a segment, and copies every byte it keeps (into the receive
        // buffer, the out-of-order queue)
        int hl = th.headerLength();
        TcpSegment seg = new TcpSegment(th, ByteString.borrow(d, tcpOff + hl, tcpLen - hl));
        TcpHandle h = new TcpHandle(dst, th.destinationPort(), src, th.sourcePort());
        TcpConnection c = connections.get(h);
        if (c != null) {
            if (tunnel.port(h) != inputPort && !io.jnetstack.stack.tcp.SynAckTimer.reopensTimeWait(c, th,
                    stack.personality().listenRules().timeWaitSyn())) {
                // tcp_input_with_port: "(tp->t_port != port) && (tp->t_state > TCPS_LISTEN)" → dropwithreset
                // (a RST is dropped); tcp_timewait.c tcp_twcheck the same after its SYN-reopen check, which
                // "allow[s] UDP port number changes". The RST goes back the way the segment came, with the
                // socket's TTL and TOS (tcp_respond with tp: inp_ip_ttl, inp_ip_tos).
                reset(d, off, len, c.outputOptions(), nowNs);
                return;
            }
            if (c.outputOptions().signature() && !(c.state() instanceof io.jnetstack.stack.tcp.TcpState.TimeWait)
                    && !signatures.verifies(src, dst, d, tcpOff, tcpLen)) {
                // tcp_input_with_port, after the TIME-WAIT (tcp_twcheck checks no signature), CLOSED and t_port
                // cases: "if (tp->t_flags & TF_SIGNATURE)" a segment without TOF_SIGNATURE or failing TCPMD5_INPUT
                // goes to dropunlock, unanswered; syncache_expand drops the handshake's ACK the same way
                return;
            }
            if (!passive.intercept(h, c, seg, d, off, len, nowNs)) {
                c.onSegment(seg, nowNs);
                flush(h, c, nowNs);
                passive.settle(h, c);
            }
            return;
        }
        TcpListener l = passive.listenerFor(dst, th.destinationPort());
        if (l != null) {
            if (l.output().signature() && seg.has(TcpHeader.SYN) && !seg.has(TcpHeader.ACK) && !seg.has(TcpHeader.RST)
                    && !signatures.verifies(src, dst, d, tcpOff, tcpLen)) {
                // tcp_syncache.c syncache_add: "If listening socket requested TCP digests, check that received SYN
                // has signature and it is correct" (else goto done: no SYN-ACK, no RST)
                return;
            }
            onListen(l, h, seg, d, off, len, nowNs);
        } else {
            closedPort(d, off, len, closedPortOptions(dst, th.destinationPort()), nowNs);
        }
    }

    /**
     * The IP options of the RST answering a segment to {@code local}:{@code port} where no connection or listener
     * is: those of a socket merely bound there when the personality says so
     * ({@link io.jnetstack.personality.Personality#resetUsesBoundSocketIpOptions}), else the defaults.
     */
    private io.jnetstack.stack.tcp.TcpOutputOptions closedPortOptions(IpAddress local, int port) {
        if (!stack.personality().resetUsesBoundSocketIpOptions()) {
            return io.jnetstack.stack.tcp.TcpOutputOptions.DEFAULTS;
        }
        var o = stack.listener().tcpBoundSocketOptions(local, port);
        return o == null ? io.jnetstack.stack.tcp.TcpOutputOptions.DEFAULTS : o;
    }

    /**
     * RFC 9293 §3.10.7.2: LISTEN ignores RST, answers an ACK with a RST, and opens a connection for a SYN — unless
     * it carries FIN too and the personality drops those (FreeBSD tcp_input_with_port under drop_synfin, checked
     * after the RST and ACK cases: "SYN|FIN segment ignored (based on sysctl setting)").
     */
    private void onListen(TcpListener l, TcpHandle h, TcpSegment seg, byte[] d, int off, int len, long nowNs) {
        if (seg.has(TcpHeader.RST)) {
            return;
        }
        if (seg.has(TcpHeader.ACK)) {
            // tcp_input: a SYN|ACK goes to dropwithreset with the listener's tcpcb, so tcp_respond signs the RST
            // when the listener has TF_SIGNATURE; a lone ACK without a syncache entry is looked up again without
            // the wildcard and answered with no tcpcb (unsigned)
            closedPort(d, off, len, seg.has(TcpHeader.SYN) && l.output().signsSegments()
                    ? new io.jnetstack.stack.tcp.TcpOutputOptions(0, 0, false, true)
                    : io.jnetstack.stack.tcp.TcpOutputOptions.DEFAULTS, nowNs);
            return;
        }
        if (!seg.has(TcpHeader.SYN)
                || seg.has(TcpHeader.FIN) && stack.personality().tcpInputRules().dropSynFin()) {
            return;
        }
        passive.onSyn(l, h, seg, iss(h, nowNs), nowNs);
    }

    /** A passive open: the connection answering {@code syn} with a SYN-ACK from {@code iss} (not yet flushed). */
    TcpConnection openPassive(TcpHandle h, TcpSegment syn, int iss, io.jnetstack.stack.tcp.TcpOutputOptions out,
            long nowNs) {
        // tcp_syncache.c syncache_add: sc_port = port (the SYN's UDP source port); the connection inherits it
        TcpConnection c = TcpConnection.accept(stack.personality(), h.localPort(), h.remotePort(), syn, iss,
                mss(h.remoteAddress()) - tunnel.mssReduction(inputPort), random.nextInt(Integer.MAX_VALUE), out,
                nowNs);
        if (inputPort == 0) {
            c.setSegmentOffload(stack.tcpOffloadTo(h.remoteAddress()));
            c.setIpHeaderRoom(Stack.headroom(h.remoteAddress()));
        }
        connections.put(h, c);
        tunnel.set(h, inputPort);
        return c;
    }

    /** Drops connection {@code h} without a segment or an event (an evicted or refused half-open connection). */
    void forget(TcpHandle h) {
        TcpConnection c = connections.remove(h);
        tunnel.forget(h);
        if (c != null) {
            timers.update(h, c, Long.MAX_VALUE);
        }
    }

    /** The connections, in handle order, with their states. */
    java.util.List<java.util.Map.Entry<TcpHandle, io.jnetstack.stack.tcp.TcpState>> states() {
        java.util.List<java.util.Map.Entry<TcpHandle, io.jnetstack.stack.tcp.TcpState>> out = new java.util.ArrayList<>();
        for (var e : connections.entrySet()) {
            out.add(java.util.Map.entry(e.getKey(), e.getValue().state()));
        }
        return out;
    }

    /** Reports {@code e} about connection {@code h} to the stack's listener. */
    void report(TcpHandle h, TcpEvent e, long nowNs) {
        stack.listener().onTcpEvent(h, e, nowNs);
    }

    /** RFC 9293 §3.10.7.1: a segment for no connection gets the RST that Replies builds. */
    void closedPort(byte[] d, int off, int len, long nowNs) {
        closedPort(d, off, len, io.jnetstack.stack.tcp.TcpOutputOptions.DEFAULTS, nowNs);
    }

    private void closedPort(byte[] d, int off, int len, io.jnetstack.stack.tcp.TcpOutputOptions o, long nowNs) {
        stack.stats().increment(StackStats.Counter.UNREACHABLE_PORT);
        reset(d, off, len, o, nowNs);
    }

    /** Answers the segment in datagram {@code d} with the RST of RFC 9293 §3.10.7.1 (Replies builds it). */
    void reset(byte[] d, int off, int len, long nowNs) {
        reset(d, off, len, io.jnetstack.stack.tcp.TcpOutputOptions.DEFAULTS, nowNs);
    }

    private void reset(byte[] d, int off, int len, io.jnetstack.stack.tcp.TcpOutputOptions o, long nowNs) {
        int ttl = o.ttl() > 0 ? o.ttl()
                : (d[off] & 0xF0) == 0x40 ? stack.personality().defaultTtl() : stack.personality().defaultHopLimit();
        // tcp_subr.c tcp_respond with a tcpcb: "if (tp->t_flags & TF_SIGNATURE) to.to_flags |= TOF_SIGNATURE"
        byte[] rst = Replies.tcpRst(new FrameInfo(Medium.IP, d, off, len, nowNs), ttl, o.tos(),
                o.signsSegments() ? TcpSignatures.SIGNATURE_ONLY : List.of());
        if (rst != null && o.signsSegments() && !signatures.signReply(rst)) {
            return;
        }
        if (rst != null && inputPort != 0) {
            tunnel.sendReply(rst, inputPort, nowNs); // tcp_respond: in UDP to the port the segment came from
        } else if (rst != null) {
            stack.loopBackOrSend(rst, nowNs);
        }
    }

    int send(TcpHandle h, byte[] b, int off, int len, long nowNs) {
        return count(h, c -> c.send(b, off, len, nowNs), nowNs);
    }

    /** The first write of a deferred Fast Open connect: the SYN leaves with what it holds ({@code TcpConnection}). */
    int sendDeferredSyn(TcpHandle h, byte[] b, int off, int len, long nowNs) {
        return count(h, c -> c.sendDeferredSyn(b, off, len, nowNs), nowNs);
    }

    byte[] read(TcpHandle h, int max, long nowNs) {
        TcpConnection c = connections.get(h);
        if (c == null) {
            return new byte[0];
        }
        byte[] out = c.read(max, nowNs);
        flush(h, c, nowNs);
        return out;
    }

    int read(TcpHandle h, byte[] into, int off, int len, long nowNs) {
        return count(h, c -> c.read(into, off, len, nowNs), nowNs);
    }

    /** Runs a byte-moving call on connection {@code h} and sends what it produced; 0 when there is none. */
    private int count(TcpHandle h, java.util.function.ToIntFunction<TcpConnection> call, long nowNs) {
        TcpConnection c = connections.get(h);
        if (c == null) {
            return 0;
        }
        int n = call.applyAsInt(c);
        flush(h, c, nowNs);
        return n;
    }

    /** Runs a user call on connection {@code h}, if it still exists, and sends what it produced. */
    void apply(TcpHandle h, java.util.function.Consumer<TcpConnection> call, long nowNs) {
        TcpConnection c = connections.get(h);
        if (c != null) {
            call.accept(c);
            flush(h, c, nowNs);
        }
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
        apply(h, c -> {
            if (synFollows) {
                c.lowerSynMss(mss);
            }
            c.onPacketTooBig(mss, quotedSeq, nowNs);
        }, nowNs);
    }

    /** An ICMP error quoting one of our segments. */
    void icmp(TcpHandle h, io.jnetstack.personality.IcmpClass icmp, io.jnetstack.stack.tcp.IcmpError detail,
            int quotedSeq, int port, long nowNs) {
        TcpConnection c = connections.get(h);
        if (c != null && tunnel.port(h) == port) { // tcp_ctlinput_with_port: "if (tp->t_port != port) goto out"
            c.onIcmp(icmp, detail, quotedSeq, nowNs);
            flush(h, c, nowNs);
        }
    }

    /**
     * Linux arp_error_report: the host's own ICMP host unreachable (ICMPv6 address unreachable) about a segment of the
     * connection from local port {@code sport} to {@code dst}.{@code dport}, quoting its oldest unacknowledged byte.
     */
    void neighborUnreachable(IpAddress dst, int sport, int dport, long nowNs) {
        for (var e : new java.util.ArrayList<>(connections.entrySet())) {
            TcpHandle h = e.getKey();
            if (h.localPort() == sport && h.remotePort() == dport && h.remoteAddress().equals(dst)) {
                boolean v4 = dst instanceof io.jnetstack.wire.Ipv4Address;
                icmp(h, io.jnetstack.personality.IcmpClass.HOST_UNREACHABLE,
                        new io.jnetstack.stack.tcp.IcmpError(v4 ? 4 : 6, v4 ? 3 : 1, v4 ? 1 : 3), e.getValue().sndUna(),
                        tunnel.port(h), nowNs);
            }
        }
    }

    /** Counters summed over live and gone connections. */
    io.jnetstack.stack.tcp.TcpStats stats() {
        io.jnetstack.stack.tcp.TcpStats sum = new io.jnetstack.stack.tcp.TcpStats();
        sum.addAll(retired);
        for (TcpConnection c : connections.values()) {
            sum.addAll(c.stats());
        }
        return sum;
    }

    long nextDeadlineNs() {
        return Math.min(passive.nextDeadlineNs(), timers.next());
    }

    void advanceTo(long nowNs) {
        for (TcpHandle h : timers.takeDue(nowNs)) {
            TcpConnection c = connections.get(h);
            if (c != null) {
                c.scheduledNs(Long.MAX_VALUE); // taken off the schedule by takeDue
                c.onTimer(nowNs);
                flush(h, c, nowNs);
            }
        }
        passive.advanceTo(nowNs);
    }

    /** Sends what the connection queued and reports its events; forgets it once CLOSED. */
    void flush(TcpHandle h, TcpConnection c, long nowNs) {
        int room = Stack.headroom(h.remoteAddress());
        int port = tunnel.port(h);
        for (TcpSegment s = c.pollOutput(); s != null; s = c.pollOutput()) {
            if (port != 0) {
                sendTunneled(h, c, s, port, nowNs);
                continue;
            }
            int hl = s.header().headerLength();
            byte[] d = s.payload().arrayWithRoom(room + hl); // the payload came with room for the headers
            if (d == null) {
                d = new byte[room + hl + s.payload().length()]; // built in place behind the IP header's room
                s.payload().copyTo(d, room + hl);
            }
            PseudoHeader ph = new PseudoHeader(h.localAddress(), h.remoteAddress(), IpProtocol.TCP);
            boolean signed = c.outputOptions().signature();
            if (c.checksumOffload() && !signed) {
                s.header().emitChecksumPartial(d, room, ph, s.payload().length());
            } else {
                s.header().emit(d, room, ph, s.payload().length());
            }
            if (signed && !signatures.sign(h.localAddress(), h.remoteAddress(), d, room, d.length - room)) {
                continue;
            }
            int tos = c.outputOptions().tos() | (c.markEct(s) ? 0b10 : 0); // ECT(0), RFC 3168 §5
            stack.sendTransportPrepared(h.localAddress(), h.remoteAddress(), IpProtocol.TCP, d,
                    c.outputOptions().ttl(), tos, new Origin(IpProtocol.TCP, h.localPort(), h.remotePort()), nowNs);
        }
        for (TcpEvent e = c.pollEvent(); e != null; e = c.pollEvent()) {
            stack.listener().onTcpEvent(h, e, nowNs);
        }
        if (c.state() instanceof io.jnetstack.stack.tcp.TcpState.Closed) {
            if (connections.remove(h) != null) {
                retired.addAll(c.stats());
                tunnel.forget(h);
            }
            timers.update(h, c, Long.MAX_VALUE);
        } else {
            timers.update(h, c, c.nextDeadlineNs());
        }
    }

    /** Sends segment {@code s} of connection {@code h} inside UDP to remote port {@code port} (tcp_output.c). */
    private void sendTunneled(TcpHandle h, TcpConnection c, TcpSegment s, int port, long nowNs) {
        int hl = s.header().headerLength();
        byte[] seg = new byte[hl + s.payload().length()];
        s.payload().copyTo(seg, hl);
        s.header().emit(seg, 0, new PseudoHeader(h.localAddress(), h.remoteAddress(), IpProtocol.TCP),
                s.payload().length());
        if (c.outputOptions().signature() && !signatures.sign(h.localAddress(), h.remoteAddress(), seg, 0, seg.length)) {
            return;
        }
        tunnel.send(h.localAddress(), h.remoteAddress(), seg, c.outputOptions().ttl(), c.outputOptions().tos(), port,
                nowNs);
    }

    /** RFC 8200 §5: the IPv6 minimum link MTU. */
    private static final int IPV6_MINIMUM_MTU = 1280;

    /** MSS for the route to {@code dst}: the outgoing MTU less the IP and TCP headers (RFC 9293 §3.7.1). */
    private int mss(IpAddress dst) {
        int mtu = stack.mtuTo(dst);
        return mtu - (dst.version() == 4 ? 40 : 60);
    }

    /** RFC 6528: ISN = M + F(4-tuple, secret), M a 4 µs clock and F a keyed hash (here SplitMix64 of the tuple). */
    int iss(TcpHandle h, long nowNs) {
        long z = secret ^ ((long) h.localPort() << 16 | h.remotePort()) * 0x9E3779B97F4A7C15L;
        z ^= h.localAddress().hashCode() * 0xBF58476D1CE4E5B9L ^ h.remoteAddress().hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31)) + (int) (nowNs / 4000);
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
