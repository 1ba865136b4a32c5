package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.add;
import static io.jnetstack.wire.tcp.SeqNum.lt;

import io.jnetstack.personality.CongestionAlgorithm;
import io.jnetstack.personality.IcmpClass;
import io.jnetstack.personality.Personality;
import io.jnetstack.personality.SynRetransmission;
import io.jnetstack.stack.tcp.cc.CongestionControls;
import io.jnetstack.wire.tcp.TcpHeader;
import java.util.ArrayDeque;

/**
 * One TCP connection (RFC 9293), sans-IO: {@link #onSegment} and {@link #onTimer} take segments and time in; the
 * segments to send come out of {@link #pollOutput} and the facts for the socket layer out of {@link #pollEvent};
 * {@link #nextDeadlineNs} says when the connection next needs {@link #onTimer}.
 *
 * <p>This class holds the transmission control block — variables named as in RFC 9293 §3.3.1 (SND.UNA, SND.NXT,
 * SND.WND, RCV.NXT, RCV.WND, ISS, IRS), declared in {@link TransmissionControlBlock} and package-private so the rule
 * classes of this package can work on them: {@link ActiveOpen} and {@link Handshake} (opening),
 * {@link SegmentArrival}, {@link SynSentInput}, {@link SynchronizedInput} and {@link TimeWaitInput} (segment
 * arrival), {@link IcmpInput} (ICMP errors, path MTU), {@link Timeouts} (timers), {@link Sender} (output,
 * retransmission, persist), {@link Recovery} (duplicate ACKs, SACK and NewReno recovery), {@link Receiver}
 * (acceptability, text, FIN, delayed ACKs, window), {@link Closer} (the user's CLOSE and ABORT), {@link KeepAlive} and
 * {@link Segments} (building what goes out).
 */
public final class TcpConnection extends TransmissionControlBlock {
    private final ArrayDeque<TcpSegment> outbox = new ArrayDeque<>();
    private long scheduledNs = Long.MAX_VALUE;
    private final ArrayDeque<TcpEvent> events = new ArrayDeque<>();

    private TcpConnection(Personality personality, int localPort, int remotePort, int iss, int mss, int tsOffset) {
        super(personality, localPort, remotePort, iss, mss, tsOffset);
    }

    /**
     * Active open (RFC 9293 §3.10.1, OPEN call in CLOSED state): sends the personality's SYN and enters SYN-SENT.
     *
     * @param iss      initial send sequence number (RFC 6528: the caller draws it)
     * @param mss      our MSS (route MTU minus IP and TCP headers)
     * @param tsOffset the per-connection offset added to the 1 kHz timestamp clock
     */
    public static TcpConnection connect(Personality p, int localPort, int remotePort, int iss, int mss, int tsOffset,
            long nowNs) {
        return connect(p, localPort, remotePort, iss, mss, tsOffset, p.synRetransmission(), nowNs);
    }

    /**
     * Active open with SYN schedule {@code r} in place of the personality's (TCP_SYNCNT, TCP_KEEPINIT,
     * TCP_CONNECTIONTIMEOUT set before connect()); otherwise as {@link #connect(Personality, int, int, int, int,
     * int, long)}.
     */
    public static TcpConnection connect(Personality p, int localPort, int remotePort, int iss, int mss, int tsOffset,
            SynRetransmission r, long nowNs) {
        return connect(p, localPort, remotePort, iss, mss, tsOffset, r, TcpOutputOptions.DEFAULTS, nowNs);
    }

    /** As {@link #connect(Personality, int, int, int, int, int, SynRetransmission, long)}, the SYN shaped by {@code out}. */
    public static TcpConnection connect(Personality p, int localPort, int remotePort, int iss, int mss, int tsOffset,
            SynRetransmission r, TcpOutputOptions out, long nowNs) {
        return connect(p, localPort, remotePort, iss, mss, tsOffset, r, out, null, nowNs);
    }

    /**
     * As {@link #connect(Personality, int, int, int, int, int, SynRetransmission, TcpOutputOptions, long)}, opened
     * by a TCP_FASTOPEN sendto ({@code fo}, or null for an ordinary connect): the data is queued first, so a SYN
     * carrying a cookie carries it too (RFC 7413 §3).
     */
    public static TcpConnection connect(Personality p, int localPort, int remotePort, int iss, int mss, int tsOffset,
            SynRetransmission r, TcpOutputOptions out, FastOpen fo, long nowNs) {
        TcpConnection c = new TcpConnection(p, localPort, remotePort, iss, mss, tsOffset);
        ActiveOpen.open(c, r, out, fo, nowNs);
        return c;
    }

    /** Whether the SYN waits for the first write (Linux DEFER_CONNECT). */
    public boolean synDeferred() {
        return synDeferred;
    }

    /**
     * The first write on a deferred Fast Open connect (Linux tcp_sendmsg_fastopen → tcp_send_syn_data): as much of
     * {@code data[off, off+len)} as the SYN holds next to its options is queued and the SYN leaves carrying it with
     * the cached cookie. Returns the bytes the SYN carries (the caller queues the rest once connected).
     */
    public int sendDeferredSyn(byte[] data, int off, int len, long nowNs) {
        return ActiveOpen.sendDeferredSyn(this, data, off, len, nowNs);
    }

    /**
     * Passive open: a SYN arrived at a LISTEN endpoint (RFC 9293 §3.10.7.2 "third check for a SYN"): records the
     * peer's options, answers with a SYN-ACK carrying those of ours the peer offered, and enters SYN-RECEIVED.
     */
    public static TcpConnection accept(Personality p, int localPort, int remotePort, TcpSegment syn, int iss, int mss,
            int tsOffset, long nowNs) {
        return accept(p, localPort, remotePort, syn, iss, mss, tsOffset, TcpOutputOptions.DEFAULTS, nowNs);
    }

    /**
     * As {@link #accept(Personality, int, int, TcpSegment, int, int, int, long)} for a listener whose socket set
     * {@code out} (the SYN-ACK and everything after carry it; TCP_NOOPT: a SYN-ACK without options and no
     * options negotiated, FreeBSD syncache).
     */
    public static TcpConnection accept(Personality p, int localPort, int remotePort, TcpSegment syn, int iss, int mss,
            int tsOffset, TcpOutputOptions out, long nowNs) {
        TcpConnection c = new TcpConnection(p, localPort, remotePort, iss, mss, tsOffset);
        Handshake.accept(c, syn, out, nowNs);
        return c;
    }

    // ---- the user's calls (RFC 9293 §3.10.2–3.10.6) ----

    /**
     * Queues application data (RFC 9293 SEND call) and sends what the peer's window allows; returns how many
     * bytes were taken (0 when the send buffer is full, or the connection is in no state to send: only ESTABLISHED
     * and CLOSE-WAIT take data, and only until the user shuts the sending side).
     */
    public int send(byte[] data, int off, int len, long nowNs) {
        if (!TcpState.sendsText(state) || finQueued) {
            return 0;
        }
        int n = sendBuffer.append(data, off, len);
        Sender.output(this, nowNs);
        return n;
    }

    /**
     * Reads up to {@code max} received bytes (RFC 9293 RECEIVE call). When that opens the window from below one
     * MSS (or half the buffer) to at least that, a window update is sent (RFC 9293 §3.8.6.2.2, receiver-side silly
     * window avoidance).
     */
    public byte[] read(int max, long nowNs) {
        return Receiver.read(this, max, nowNs);
    }

    /** As {@link #read(int, long)}, into {@code into[off, off+len)}; returns the bytes read. */
    public int read(byte[] into, int off, int len, long nowNs) {
        return Receiver.read(this, into, off, len, nowNs);
    }

    /** A copy of up to {@code max} received bytes, left in the buffer (recv with MSG_PEEK): no window change. */
    public byte[] peek(int max) {
        return received.copy(0, Math.min(max, received.size()));
    }

    /**
     * The CLOSE call (RFC 9293 §3.10.4): the user will neither send nor read any more. A FIN follows the queued
     * data; a connection not yet synchronized simply goes away; with unread data the personality may abort instead.
     */
    public void close(long nowNs) {
        Closer.close(this, nowNs);
    }

    /** shutdown(SHUT_WR): a FIN follows the queued data, and reading continues (a half-close, RFC 9293 §3.6). */
    public void shutdownOutput(long nowNs) {
        Closer.shutdownOutput(this, nowNs);
    }

    /** The ABORT call (RFC 9293 §3.10.5): a RST to the peer when synchronized, then CLOSED at once. */
    public void abort(long nowNs) {
        Closer.abort(this, nowNs);
    }

    // ---- queries ----

    /** The current state. */
    public TcpState state() {
        return state;
    }

    /** Queues a segment to transmit (the rule classes build them; see {@link Segments}). */
    void enqueue(TcpSegment seg) {
        outbox.addLast(seg);
    }

    /** The next segment to transmit, or null. */
    public TcpSegment pollOutput() {
        return outbox.pollFirst();
    }

    /** The next fact for the socket layer, or null. */
    public TcpEvent pollEvent() {
        return events.pollFirst();
    }

    /** When {@link #onTimer} is next needed; {@link Long#MAX_VALUE} when no timer runs. */
    public long nextDeadlineNs() {
        return Math.min(Math.min(deadlineNs, retransmitAtNs), Math.min(delackAtNs, keepAtNs));
    }

    /** Bytes received in order and not yet read. */
    public int available() {
        return received.size();
    }

    /** True once the peer's FIN has been received in order: after {@link #available()} bytes, end of file. */
    public boolean peerClosed() {
        return Receiver.peerClosed(this);
    }

    /** Bytes written by the application and not yet acknowledged. */
    public int unacknowledged() {
        return sendBuffer.size();
    }

    /** Room left in the send buffer. */
    public int sendSpace() {
        return sendBuffer.space();
    }

    /** Bytes held beyond RCV.NXT waiting for a gap to fill. */
    public int heldOutOfOrder() {
        return outOfOrder.size();
    }

    /** A one-line summary of the sequence variables, for traces and test failures. */
    public String describe() {
        return String.format("%s una=%d nxt=%d max=%d wnd=%d rcv.nxt=%d rcv.wnd=%d unacked=%d rto=%dms timer=%s",
                state.getClass().getSimpleName(), sndUna & 0xFFFFFFFFL, sndNxt & 0xFFFFFFFFL, sndMax & 0xFFFFFFFFL,
                sndWnd, rcvNxt & 0xFFFFFFFFL, rcvWnd(), sendBuffer.size(), rtt.rtoNs() / MS,
                nextDeadlineNs() == Long.MAX_VALUE ? "none" : (nextDeadlineNs() / MS) + "ms");
    }

    /** The current retransmission timeout. */
    public long rtoNs() {
        return rtt.rtoNs();
    }

    /** SND.UNA. */
    public int sndUna() {
        return sndUna;
    }

    /** SND.NXT. */
    public int sndNxt() {
        return sndNxt;
    }

    /** RCV.NXT. */
    public int rcvNxt() {
        return rcvNxt;
    }

    /** SND.WND in bytes (the peer's window, scaled). */
    public int sndWnd() {
        return sndWnd;
    }

    /** The congestion window in bytes (0 before the connection is synchronized). */
    public long cwnd() {
        return cc == null ? 0 : cc.cwnd();
    }

    /** The slow-start threshold in bytes ({@link Long#MAX_VALUE} until the first loss). */
    public long ssthresh() {
        return cc == null ? Long.MAX_VALUE : cc.ssthresh();
    }

    /** The congestion control algorithm's name ("cubic", "newreno"), or "none" before synchronization. */
    public String congestionControl() {
        return cc == null ? "none" : cc.name();
    }

    /** The receive buffer's current size (auto-sizing raises it). */
    public int receiveBufferSize() {
        return received.capacity();
    }

    /** The send buffer's current size (auto-sizing raises it). */
    public int sendBufferSize() {
        return sendBuffer.capacity();
    }

    /** Heap bytes this connection's buffers hold right now (they are released when they drain). */
    public int bufferBytesAllocated() {
        return received.allocated() + sendBuffer.allocated();
    }

    /** TCP_NODELAY: when true, small segments go at once instead of waiting for outstanding data (RFC 896). */
    public void setNoDelay(boolean on, long nowNs) {
        noDelay = on;
        if (on) {
            Sender.output(this, nowNs);
        }
    }

    /**
     * TCP_CONGESTION: use {@code a} instead of the personality's default. Before synchronization it takes effect at
     * ESTABLISHED; afterwards the new algorithm starts from the current window (Linux
     * tcp_reinit_congestion_control keeps cwnd).
     */
    public void setCongestionControl(CongestionAlgorithm a) {
        algorithm = a;
        if (cc != null) {
            long w = cc.cwnd();
            cc = CongestionControls.create(a, effectiveMss(), w, personality.congestionTuning());
        }
    }

    /** SO_KEEPALIVE (RFC 1122 §4.2.3.6): probes after the idle time; off by default on every OS. */
    public void setKeepAlive(boolean on, long nowNs) {
        KeepAlive.set(this, on, nowNs);
    }

    /** TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT: this connection's keep-alive schedule. */
    public void setKeepAliveSchedule(long idleNs, long intervalNs, int count, long nowNs) {
        KeepAlive.schedule(this, idleNs, intervalNs, count, nowNs);
    }

    /** IP TTL and TOS and TCP_NOOPT for the segments sent from now on. */
    public void setOutputOptions(TcpOutputOptions o) {
        output = java.util.Objects.requireNonNull(o);
    }

    /** The socket's per-segment settings (IP TTL and TOS, TCP_NOOPT). */
    public TcpOutputOptions outputOptions() {
        return output;
    }

    /**
     * A path MTU report (Packet Too Big) quoting our unanswered SYN, where the personality lets it lower the MSS
     * the next SYN offers ({@link Personality#synMssFollowsPathMtu}): at most {@code pathMss} from now on.
     */
    public void lowerSynMss(int pathMss) {
        if (state instanceof TcpState.SynSent && pathMss > 0) {
            synMss = Math.min(synMss, pathMss);
        }
    }

    /** The MSS the next SYN offers. */
    public int synMss() {
        return synMss;
    }

    /**
     * The outgoing link cuts TCP datagrams of up to {@code bytes} into segments itself (TSO/GSO): new data may
     * leave in super-segments of whole MSS-sized segments (Linux tcp_tso_segs); 0 turns it off.
     */
    public void setSegmentOffload(int bytes) {
        segmentOffload = Math.max(0, bytes);
    }

    /**
     * Whether the outgoing link completes TCP checksums itself: one with segmentation offload does (TSO needs
     * checksum offload, as Linux's NETIF_F_TSO needs NETIF_F_HW_CSUM), so segments leave with the pseudo-header sum
     * only ({@link io.jnetstack.wire.tcp.TcpHeader#emitChecksumPartial}).
     */
    public boolean checksumOffload() {
        return segmentOffload > 0;
    }

    /**
     * The stack builds this connection's datagrams behind an IP header of {@code bytes} (20 or 40): data segments
     * leave room for it and the TCP header before their payload, so the datagram is built around it in place.
     */
    public void setIpHeaderRoom(int bytes) {
        ipHeaderRoom = Math.max(0, bytes);
    }

    /**
     * TCP_MAXSEG: at most {@code bytes} of payload per segment from now on (the smaller of this and the peer's MSS
     * wins, as Linux tp->rx_opt.user_mss does; the MSS our SYN advertised is not changed after the fact).
     */
    public void setMaxSegment(int bytes) {
        if (bytes < 64) {
            throw new IllegalArgumentException("TCP_MAXSEG below 64: " + bytes);
        }
        userMss = bytes;
        if (cc != null) {
            cc.setMss(effectiveMss());
        }
    }

    /**
     * The sequence offset in the received stream just past the peer's urgent data (RFC 6093: the urgent pointer
     * points to the byte after it), counted from the first byte of the connection; -1 when no urgent data was
     * signalled. Decision: urgent data stays in line (SO_OOBINLINE semantics); the socket layer reports the mark.
     */
    public long urgentMark() {
        return rcvUpAbs < 0 ? -1 : rcvUpAbs - SeqSpace.origin(irs + 1);
    }

    /** Whether SACK was negotiated. */
    public boolean sackEnabled() {
        return sackOk;
    }

    /** Whether both SYNs carried the window scale option (RFC 7323 §2.2). */
    public boolean windowScalingEnabled() {
        return windowScaling;
    }

    /** Whether ECN was negotiated (RFC 3168 §6.1.1): data then leaves marked ECT(0). */
    public boolean ecnEnabled() {
        return ecn;
    }

    /**
     * Whether segment {@code s} leaves marked ECT(0): new data (no retransmission, RFC 3168 §6.1.5) on a connection
     * that negotiated ECN (FreeBSD tcp_ecn_output_established). Called once per segment as it is sent.
     */
    public boolean markEct(TcpSegment s) {
        int len = s.payload().length();
        if (!ecn || len == 0 || ectMarked && lt(s.header().seq(), ectMark)) {
            return false;
        }
        ectMarked = true;
        ectMark = add(s.header().seq(), len);
        return true;
    }

    /** Whether timestamps were negotiated (RFC 7323 §3.2). */
    public boolean timestampsEnabled() {
        return timestamps;
    }

    /** Bytes sent and not yet acknowledged (SND.NXT − SND.UNA). */
    public int bytesInFlight() {
        return sndNxt - sndUna;
    }

    /**
     * The deadline under which the owner (the stack's timer index) last filed this connection; the connection itself
     * never reads it. {@link Long#MAX_VALUE}: not filed.
     */
    public long scheduledNs() {
        return scheduledNs;
    }

    /** Sets the owner's filing mark (see {@link #scheduledNs()}). */
    public void scheduledNs(long ns) {
        scheduledNs = ns;
    }

    /** This connection's counters. */
    public TcpStats stats() {
        return stats;
    }

    /** The MSS this side offered (from the route's MTU). */
    public int localMss() {
        return mss;
    }

    /** The peer's MSS (536 when it sent none; or a path MTU reduction of it). */
    public int peerMss() {
        return peerMss;
    }

    // ---- input ----

    /**
     * Processes one arriving segment (RFC 9293 §3.10.7). A SYN+FIN the personality drops goes before anything else
     * (FreeBSD tcp_do_segment and tcp_twcheck under drop_synfin), without even counting as heard for keep-alive.
     */
    public void onSegment(TcpSegment s, long nowNs) {
        SegmentArrival.process(this, s, nowNs);
    }

    /**
     * Whether this connection's personality drops segment {@code h} for carrying both SYN and FIN (asked now: the
     * OS's sysctl may have changed). The owner asks before any shortcut of its own, such as a SYN reopening a
     * 4-tuple in TIME-WAIT.
     */
    public boolean discardsSynFin(TcpHeader h) {
        return InputScreening.dropsSynFin(this, h);
    }

    /**
     * Runs the timers that are due: data retransmission or a window probe, SYN retransmission or give-up, the end
     * of TIME-WAIT or of an orphaned FIN-WAIT-2.
     */
    public void onTimer(long nowNs) {
        Timeouts.run(this, nowNs);
    }

    /**
     * An ICMP error quoting one of our segments whose sequence number is {@code quotedSeq}. Only errors quoting a
     * sequence number in [SND.UNA, SND.MAX) count (RFC 5927 §4.1; FreeBSD tcp_ctlinput), or in [SND.UNA, SND.NXT]
     * where the personality says so (Linux tcp_v4_err: {@code between(seq, snd_una, snd_nxt)}, both ends in). In
     * SYN-SENT the personality decides between abort, soft error and nothing; in the synchronized states the error
     * is remembered as a soft error (RFC 1122 §4.2.3.9: codes 0, 1 and 5 must not abort the connection), reported
     * if the connection later times out.
     */
    public void onIcmp(IcmpClass icmp, int quotedSeq, long nowNs) {
        onIcmp(icmp, null, quotedSeq, nowNs);
    }

    /**
     * As {@link #onIcmp(IcmpClass, int, long)}, remembering the message {@code detail} (null when unknown) whenever
     * the error is kept or ends the connection, for {@link #lastIcmp()}.
     */
    public void onIcmp(IcmpClass icmp, IcmpError detail, int quotedSeq, long nowNs) {
        IcmpInput.error(this, icmp, detail, quotedSeq);
    }

    /** net.inet.tcp.icmp_may_rst for this connection: when off, ICMP errors in SYN-SENT take tcp_notify's path. */
    public void setIcmpMayReset(boolean on) {
        icmpMayReset = on;
    }

    /**
     * The ICMP or ICMPv6 message behind the connection's ICMP-class event or remembered soft error (the last one
     * that counted), or null when none arrived or the caller did not pass it. It stays readable after the connection
     * has reported its failure, while the caller holds the connection.
     */
    public IcmpError lastIcmp() {
        return lastIcmp;
    }

    /**
     * Path MTU discovery (RFC 1191 §6.3, RFC 8201 §5.2; Linux tcp_v4_mtu_reduced → tcp_simple_retransmit): when an
     * ICMP quoting a segment in [SND.UNA, SND.MAX) reports that the path takes segments of at most {@code pathMss}
     * bytes, sending uses that MSS from now on and everything in flight is sent again at the new size; the
     * congestion window is not cut, since nothing was lost to congestion.
     */
    public void onPacketTooBig(int pathMss, int quotedSeq, long nowNs) {
        IcmpInput.packetTooBig(this, pathMss, quotedSeq, nowNs);
    }

    // ---- operations used by the rule classes ----

    /** Enters CLOSED, stops every timer and reports {@code why} (null: nothing to report). */
    void close(TcpEvent why) {
        state = new TcpState.Closed();
        deadlineNs = Long.MAX_VALUE;
        retransmitAtNs = Long.MAX_VALUE;
        delackAtNs = Long.MAX_VALUE;
        keepAtNs = Long.MAX_VALUE;
        if (why != null) {
            events.addLast(why);
        }
    }

    void report(TcpEvent e) {
        events.addLast(e);
    }

    /** Enters TIME-WAIT for the personality's 2MSL (restarted by a retransmitted FIN). */
    void enterTimeWait(long nowNs) {
        state = new TcpState.TimeWait();
        retransmitAtNs = Long.MAX_VALUE;
        keepAtNs = Long.MAX_VALUE;
        deadlineNs = nowNs + timers.timeWaitNs();
    }
}
