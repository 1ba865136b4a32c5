package io.jnetstack.stack;

import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.stack.tcp.TcpSegment;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.tcp.TcpHeader;
import java.util.TreeMap;

/**
 * The stack's TCP endpoints: connections by four-tuple, listening ports, and the glue between the sans-IO
 * {@link TcpConnection}s and the IP layers (segments out as datagrams, timers, events to the listener).
 *
 * <p>Listening ports, their queues and the passive open live in {@link PassiveOpen}; the active open in {@link
 * TcpActiveOpen}. Ephemeral ports come from {@link EphemeralPorts} (each OS's search); a listening port, and a port
 * busy in the personality's connect scope (same four-tuple, TIME-WAIT included, or any connection on that local
 * port), is never picked. ICMP errors about our segments go through {@link TcpIcmpErrors}, segments out through
 * {@link TcpSegmentOutput}, the RSTs answering segments through {@link TcpResets}.
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
    private final TcpActiveOpen activeOpen;
    private final TcpIcmpErrors icmpErrors;
    private final TcpSegmentOutput output;
    private final TcpResets resets;
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
        this.activeOpen = new TcpActiveOpen(stack, this, connections, passive, ports, tunnel, random);
        this.icmpErrors = new TcpIcmpErrors(stack, this, connections, tunnel);
        this.output = new TcpSegmentOutput(stack, tunnel, signatures);
        this.resets = new TcpResets(stack, this, tunnel, signatures);
    }

    /** The active opens: connect, its port choice and TIME-WAIT reuse, icmp_may_rst. */
    TcpActiveOpen activeOpen() {
        return activeOpen;
    }

    /** The ICMP errors (path MTU included) about segments of the connections. */
    TcpIcmpErrors icmpErrors() {
        return icmpErrors;
    }

    /** The UDP source port of the segment being taken in, 0 when it came as plain TCP. */
    int inputPort() {
        return inputPort;
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

    /** What holds four-tuple {@code h}: null when free, else its connection. */
    TcpConnection holder(TcpHandle h) {
        return connections.get(h);
    }

    /** The strongest use of local port {@code port} on {@code address} (null or a wildcard: on any address). */
    TcpPortUse portUse(IpAddress address, int port) {
        if (passive.listensOn(address, port)) {
            return TcpPortUse.LISTENING;
        }
        boolean any = Routing.isWildcard(address);
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
        Parsed<TcpHeader> parsed = stack.frames().checksumVerified() && inputPort == 0
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
                resets.reset(d, off, len, c.outputOptions(), nowNs);
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
            resets.closedPort(d, off, len, resets.closedPortOptions(dst, th.destinationPort()), nowNs);
        }
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
            resets.closedPort(d, off, len, seg.has(TcpHeader.SYN) && l.output().signsSegments()
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
            c.setSegmentOffload(stack.output().tcpOffloadTo(h.remoteAddress()));
            c.setIpHeaderRoom(HostOutput.headroom(h.remoteAddress()));
        }
        add(h, c, inputPort);
        return c;
    }

    /** Files connection {@code h}, sent inside UDP to remote port {@code udpPort} (0: plain TCP). */
    void add(TcpHandle h, TcpConnection c, int udpPort) {
        connections.put(h, c);
        tunnel.set(h, udpPort);
    }

    /** Drops connection {@code h} without a segment or an event (an evicted or refused half-open connection). */
    void forget(TcpHandle h) {
        TcpConnection c = connections.remove(h);
        tunnel.forget(h);
        if (c != null) {
            timers.update(h, c, Long.MAX_VALUE);
        }
    }

    /** Drops connection {@code h}, {@code c}, as {@link #forget} does, keeping its counters. */
    void retire(TcpHandle h, TcpConnection c) {
        retired.addAll(c.stats());
        forget(h);
    }

    /** The connections, in handle order, with their states. */
    java.util.List<java.util.Map.Entry<TcpHandle, io.jnetstack.stack.tcp.TcpState>> states() {
        java.util.List<java.util.Map.Entry<TcpHandle, io.jnetstack.stack.tcp.TcpState>> out = new java.util.ArrayList<>();
        for (var e : connections.entrySet()) {
            out.add(java.util.Map.entry(e.getKey(), e.getValue().state()));
        }
        return out;
    }

    /** Drops every connection in TIME-WAIT without a segment (see Stack#tcpDropTimeWait); returns how many. */
    int dropTimeWait() {
        int n = 0;
        for (var e : states()) {
            if (e.getValue() instanceof io.jnetstack.stack.tcp.TcpState.TimeWait) {
                forget(e.getKey());
                n++;
            }
        }
        return n;
    }

    /** Reports {@code e} about connection {@code h} to the stack's listener. */
    void report(TcpHandle h, TcpEvent e, long nowNs) {
        stack.listener().onTcpEvent(h, e, nowNs);
    }

    /** Answers the segment in datagram {@code d} with the RST of RFC 9293 §3.10.7.1 (Replies builds it). */
    void reset(byte[] d, int off, int len, long nowNs) {
        resets.reset(d, off, len, nowNs);
    }

    /** A copy of up to {@code max} received bytes of connection {@code h}, left unread; empty once it is gone. */
    byte[] peek(TcpHandle h, int max) {
        TcpConnection c = connections.get(h);
        return c == null ? new byte[0] : c.peek(max);
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
        output.send(h, c, nowNs);
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

    /** MSS for the route to {@code dst}: the outgoing MTU less the IP and TCP headers (RFC 9293 §3.7.1). */
    int mss(IpAddress dst) {
        int mtu = stack.output().mtuTo(dst);
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
}
