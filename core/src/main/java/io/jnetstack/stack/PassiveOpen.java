package io.jnetstack.stack;

import io.jnetstack.personality.ListenRules;
import io.jnetstack.stack.tcp.SynAckTimer;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.stack.tcp.TcpSegment;
import io.jnetstack.stack.tcp.TcpState;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.util.Map;
import java.util.TreeMap;

/**
 * The passive side of {@link TcpDemux}: listening ports, SYNs that open half-open connections within each OS's
 * backlog rules, the segments a half-open connection's listener answers itself (a retransmitted SYN, a final ACK
 * that finds the accept queue full), SYN-ACK timers, SYNs that reopen a 4-tuple in TIME-WAIT, and closing a
 * listener (docs/research/tcp-closing.md §§1, 6, 7).
 *
 * <p>Decisions: the SYN queue has no limit of its own (Linux with tcp_syncookies = 1 never refuses a SYN for it,
 * FreeBSD falls back to cookies; OpenBSD's syn-cache limits of about 10 000 entries are not modelled). A completed
 * connection stays in the accept queue until accepted even if it has since closed (Linux: accept() returns it).
 * A connection belongs to the listener {@link #listenerFor} finds for its local address and port; a more specific
 * listener added while a handshake is under way takes that handshake's later segments (not modelled further).
 */
final class PassiveOpen {
    private final TcpDemux demux;
    private final ListenRules rules;
    private final RandomSource random;
    private final TreeMap<Key, TcpListener> listeners = new TreeMap<>();

    /**
     * A listener's name: its port and local address. The address null means every local address of both versions
     * (the port-only API), 0.0.0.0 every IPv4 address and :: every IPv6 address; anything else that address only.
     */
    record Key(int port, IpAddress address) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(port, o.port);
            if (c != 0 || address == o.address) {
                return c;
            }
            if (address == null || o.address == null) {
                return address == null ? -1 : 1;
            }
            return address.compareTo(o.address);
        }
    }

    PassiveOpen(TcpDemux demux, ListenRules rules, RandomSource random) {
        this.demux = demux;
        this.rules = rules;
        this.random = random;
    }

    void listen(Key k, int backlog) {
        TcpListener l = listeners.get(k);
        if (l == null) {
            listeners.put(k, new TcpListener(rules, backlog));
        } else {
            l.setBacklog(backlog);
        }
    }

    /** Sets what listener {@code k}'s new connections inherit; nothing when it does not exist. */
    void outputOptions(Key k, io.jnetstack.stack.tcp.TcpOutputOptions o) {
        TcpListener l = listeners.get(k);
        if (l != null) {
            l.output(o);
        }
    }

    /**
     * The listener a segment to {@code local}:{@code port} reaches: the one bound to that address, else the
     * version's wildcard (0.0.0.0 or ::), else the all-address one; null when none.
     */
    TcpListener listenerFor(IpAddress local, int port) {
        TcpListener l = listeners.get(new Key(port, local));
        if (l == null) {
            l = listeners.get(new Key(port, local.version() == 4 ? Ipv4Address.ANY : Ipv6Address.ANY));
        }
        return l != null ? l : listeners.get(new Key(port, null));
    }

    /** Whether any listener (on any address) holds {@code port}. */
    boolean listensOn(int port) {
        Key k = listeners.ceilingKey(new Key(port, null));
        return k != null && k.port() == port;
    }

    /**
     * Whether a listener holds {@code port} in a way that overlaps {@code address} (null or a wildcard: any
     * listener on the port; a specific address: a listener on it, on its version's wildcard or on all addresses).
     */
    boolean listensOn(IpAddress address, int port) {
        if (Routing.isWildcard(address)) {
            return listensOn(port);
        }
        return listenerFor(address, port) != null;
    }

    /** The next completed connection on listener {@code k}, or null. */
    TcpHandle accept(Key k) {
        TcpListener l = listeners.get(k);
        return l == null ? null : l.accept();
    }

    int acceptQueueLength(Key k) {
        TcpListener l = listeners.get(k);
        return l == null ? 0 : l.acceptQueueLength();
    }

    /**
     * Closes the listener. Completed, unaccepted connections are aborted with RST,ACK (Linux inet_csk_listen_stop,
     * measured: {@code [R.] seq 1, ack 1}; BSD soclose soabort → tcp_drop). Half-open connections are forgotten
     * silently where they live in a SYN cache or as request socks; XNU's are sockets, aborted with a RST (derived).
     */
    void unlisten(Key k, long nowNs) {
        TcpListener l = listeners.remove(k);
        if (l == null) {
            return;
        }
        for (TcpHandle h : l.queued()) {
            demux.apply(h, c -> c.abort(nowNs), nowNs);
        }
        for (Map.Entry<TcpHandle, TcpListener.HalfOpen> e : l.halfOpen()) {
            if (rules.synAck().resetOnGiveUp()) {
                demux.apply(e.getKey(), c -> c.abort(nowNs), nowNs);
            } else {
                demux.forget(e.getKey());
            }
        }
    }

    /**
     * Before a segment reaches connection {@code c}: a SYN that reopens a TIME-WAIT 4-tuple retires the old
     * connection (reporting CLOSED, as the end of TIME-WAIT does) and opens a new one; a segment for a half-open
     * connection may be answered by its listener. Returns true when the segment has been dealt with.
     */
    boolean intercept(TcpHandle h, TcpConnection c, TcpSegment seg, byte[] d, int off, int len, long nowNs) {
        TcpListener l = listenerFor(h.localAddress(), h.localPort());
        if (l == null || c.discardsSynFin(seg.header())) {
            return false; // a SYN+FIN the personality drops reopens nothing: the connection drops it (tcp_twcheck)
        }
        if (SynAckTimer.reopensTimeWait(c, seg.header(), rules.timeWaitSyn())) {
            demux.forget(h);
            demux.report(h, TcpEvent.CLOSED, nowNs);
            int iss = switch (rules.timeWaitSyn()) {
                case AFTER_RCV_NXT_OR_NEWER_TIMESTAMP -> linuxTimeWaitIsn(c);
                case AFTER_RCV_NXT, BEYOND_WINDOW -> demux.iss(h, nowNs);
            };
            onSyn(l, h, seg, iss, nowNs);
            return true;
        }
        TcpListener.HalfOpen ho = l.halfOpen(h);
        return ho != null && halfOpenInput(l, h, ho, seg, d, off, len, nowNs);
    }

    /** Linux tcp_v4_rcv TCP_TW_SYN: {@code isn = tcptw->tw_snd_nxt + 65535 + 2; if (isn == 0) isn++;}. */
    private static int linuxTimeWaitIsn(TcpConnection tw) {
        int isn = tw.sndNxt() + 65537;
        return isn == 0 ? 1 : isn;
    }

    private boolean halfOpenInput(TcpListener l, TcpHandle h, TcpListener.HalfOpen ho, TcpSegment seg, byte[] d,
            int off, int len, long nowNs) {
        TcpHeader th = seg.header();
        TcpConnection c = ho.connection();
        if (!(c.state() instanceof TcpState.SynReceived)) {
            return false;
        }
        if (th.has(TcpHeader.SYN) && !th.has(TcpHeader.ACK) && !th.has(TcpHeader.RST) && th.seq() == ho.irs()) {
            ho.timer().duplicateSyn(nowNs);
            demux.flush(h, c, nowNs);
            return true;
        }
        boolean completes = th.has(TcpHeader.ACK) && !th.has(TcpHeader.SYN) && !th.has(TcpHeader.RST)
                && th.ack() == c.sndNxt();
        if (!completes || l.admitsCompletion()) {
            return false;
        }
        switch (rules.overflow()) {
            case DROP_SYN_IGNORE_ACK -> { }
            case RESET_FINAL_ACK -> {
                l.removeHalfOpen(h);
                demux.forget(h);
                demux.reset(d, off, len, nowNs);
            }
            case EVICT_HALF_OPEN -> throw new IllegalStateException("XNU counts half-open connections at the SYN");
        }
        return true;
    }

    /** After connection {@code h} of a listener took a segment: a completed handshake joins the accept queue. */
    void settle(TcpHandle h, TcpConnection c) {
        TcpListener l = listenerFor(h.localAddress(), h.localPort());
        if (l == null || l.halfOpen(h) == null) {
            return;
        }
        if (c.state() instanceof TcpState.Closed) {
            l.removeHalfOpen(h);
        } else if (!(c.state() instanceof TcpState.SynReceived)) {
            l.complete(h);
        }
    }

    /**
     * A SYN for no connection at listener {@code l} (RFC 9293 §3.10.7.2 third check), within the personality's
     * queue limit: Linux drops it while the accept queue is full; XNU first evicts a half-open connection.
     */
    void onSyn(TcpListener l, TcpHandle h, TcpSegment syn, int iss, long nowNs) {
        if (!l.admitsSyn()) {
            TcpHandle victim = rules.overflow() == ListenRules.AcceptOverflow.EVICT_HALF_OPEN
                    ? l.victim(random) : null;
            if (victim == null) {
                return;
            }
            l.removeHalfOpen(victim);
            demux.forget(victim);
        }
        TcpConnection c = demux.openPassive(h, syn, iss, l.output(), nowNs);
        l.addHalfOpen(h, new TcpListener.HalfOpen(c, SynAckTimer.start(c, syn, nowNs), syn.header().seq()));
        demux.flush(h, c, nowNs);
    }

    long nextDeadlineNs() {
        long next = Long.MAX_VALUE;
        for (TcpListener l : listeners.values()) {
            next = Math.min(next, l.nextDeadlineNs());
        }
        return next;
    }

    /** Runs the SYN-ACK timers that are due. */
    void advanceTo(long nowNs) {
        for (TcpListener l : listeners.values()) {
            for (Map.Entry<TcpHandle, TcpListener.HalfOpen> e : l.halfOpen()) {
                TcpListener.HalfOpen ho = e.getValue();
                if (ho.connection().state() instanceof TcpState.Closed) {
                    l.removeHalfOpen(e.getKey());
                } else if (ho.timer().nextNs() <= nowNs) {
                    if (!ho.timer().run(nowNs)) {
                        l.removeHalfOpen(e.getKey());
                    }
                    demux.flush(e.getKey(), ho.connection(), nowNs);
                }
            }
        }
    }
}
