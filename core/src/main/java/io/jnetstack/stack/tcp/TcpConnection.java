package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.add;
import static io.jnetstack.wire.tcp.SeqNum.leq;
import static io.jnetstack.wire.tcp.SeqNum.lt;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.SynRetransmission;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One TCP connection (RFC 9293), sans-IO: {@link #onSegment} and {@link #onTimer} take segments and time in; the
 * segments to send come out of {@link #pollOutput} and the facts for the socket layer out of {@link #pollEvent};
 * {@link #nextDeadlineNs} says when the connection next needs {@link #onTimer}.
 *
 * <p>Variables are named as in RFC 9293 §3.3.1 (SND.UNA, SND.NXT, SND.WND, RCV.NXT, RCV.WND, ISS, IRS).
 */
public final class TcpConnection {
    /** RFC 9293 §3.7.1 / RFC 6691: the MSS to assume when the peer's SYN carries none (IPv4). */
    static final int DEFAULT_PEER_MSS = 536;
    private static final long MS = 1_000_000L;
    /**
     * Send buffer size. Decision: a fixed 256 KiB for every personality until send-buffer auto-sizing arrives
     * (Linux tcp_wmem, FreeBSD sendbuf_auto).
     */
    static final int SEND_BUFFER = 256 * 1024;
    /** RFC 7323 §3: the timestamps option with its two NOPs takes 12 bytes of every segment. */
    private static final int TS_OPTION_BYTES = 12;

    private final Personality personality;
    private final int localPort;
    private final int remotePort;
    private final int mss;
    private final int tsOffset;
    private final ArrayDeque<TcpSegment> outbox = new ArrayDeque<>();
    private final ArrayDeque<TcpEvent> events = new ArrayDeque<>();
    private final ReceiveBuffer received;
    private TcpState state;
    private long deadlineNs = Long.MAX_VALUE;

    private int iss;
    private int irs;
    private int sndUna;
    private int sndNxt;
    /** The highest sequence number sent (BSD snd_max): SND.NXT falls back to SND.UNA on a timeout, this does not. */
    private int sndMax;
    private int sndWnd;
    private int sndWl1;
    private int sndWl2;
    private int maxSndWnd;
    private int rcvNxt;
    /** The right edge of the window we last advertised (RCV.NXT + RCV.WND as sent): it never moves left. */
    private int rcvAdv;
    /** RCV.NXT unwrapped to 64 bits, for the reassembly queue's ordering. */
    private long rcvNxtAbs;
    private final ReassemblyQueue outOfOrder = new ReassemblyQueue();
    private int dupAcks;
    private int peerMss = DEFAULT_PEER_MSS;
    private int sndShift;
    private int rcvShift;
    private boolean timestamps;
    private int tsRecent;
    private TcpEvent softError;
    private final SendBuffer sendBuffer = new SendBuffer(SEND_BUFFER);
    private final RttEstimator rtt;
    private final TcpStats stats = new TcpStats();
    private long retransmitAtNs = Long.MAX_VALUE;
    private boolean timing;
    private int timedSeq;
    private long timedAtNs;

    private TcpConnection(Personality personality, int localPort, int remotePort, int iss, int mss, int tsOffset) {
        this.personality = personality;
        this.localPort = localPort;
        this.remotePort = remotePort;
        this.iss = iss;
        this.mss = mss;
        this.tsOffset = tsOffset;
        this.received = new ReceiveBuffer(personality.synWindow(mss));
        this.rtt = new RttEstimator(personality.rto());
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
        TcpConnection c = new TcpConnection(p, localPort, remotePort, iss, mss, tsOffset);
        c.sndUna = iss;
        c.sndNxt = add(iss, 1);
        c.sndMax = c.sndNxt;
        c.state = new TcpState.SynSent(nowNs, 1);
        c.sendSyn(nowNs);
        SynRetransmission r = p.synRetransmission();
        c.deadlineNs = nowNs + (r.synCount() > 1 ? r.offsetNs(1) : r.giveUpNs());
        return c;
    }

    /**
     * Passive open: a SYN arrived at a LISTEN endpoint (RFC 9293 §3.10.7.2 "third check for a SYN"): records the
     * peer's options, answers with a SYN-ACK carrying those of ours the peer offered, and enters SYN-RECEIVED.
     */
    public static TcpConnection accept(Personality p, int localPort, int remotePort, TcpSegment syn, int iss, int mss,
            int tsOffset, long nowNs) {
        TcpConnection c = new TcpConnection(p, localPort, remotePort, iss, mss, tsOffset);
        c.irs = syn.header().seq();
        c.rcvNxt = add(c.irs, 1);
        c.rcvAdv = c.rcvNxt;
        c.sndUna = iss;
        c.sndNxt = add(iss, 1);
        c.sndMax = c.sndNxt;
        SynOptions.Offer offer = c.learnPeerOptions(syn.header(), SynOptions.Offer.ALL);
        c.updateWindow(syn.header(), false);
        c.state = new TcpState.SynReceived(true);
        c.sendSynAck(offer, nowNs);
        return c;
    }

    // ---- queries ----

    /** The current state. */
    public TcpState state() {
        return state;
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
        return Math.min(deadlineNs, retransmitAtNs);
    }

    /** Bytes received in order and not yet read. */
    public int available() {
        return received.size();
    }

    /**
     * Reads up to {@code max} received bytes. When that opens the window from below one MSS (or half the buffer)
     * to at least that, a window update is sent (RFC 9293 §3.8.6.2.2, receiver-side silly window avoidance).
     */
    public byte[] read(int max, long nowNs) {
        int threshold = Math.min(mss, received.capacity() / 2);
        boolean wasSmall = received.space() < threshold;
        byte[] out = received.take(max);
        if (wasSmall && received.space() >= threshold && state instanceof TcpState.Established) {
            sendAck(nowNs);
        }
        return out;
    }

    /**
     * Queues application data (RFC 9293 SEND call) and sends what the peer's window allows; returns how many
     * bytes were taken (0 when the send buffer is full or the connection is not ESTABLISHED).
     */
    public int send(byte[] data, int off, int len, long nowNs) {
        if (!(state instanceof TcpState.Established)) {
            return 0;
        }
        int n = sendBuffer.append(data, off, len);
        output(nowNs);
        return n;
    }

    /** Bytes written by the application and not yet acknowledged. */
    public int unacknowledged() {
        return sendBuffer.size();
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

    /** The congestion window in bytes (the peer's window until congestion control arrives). */
    public long cwnd() {
        return sndWnd;
    }

    /** Bytes sent and not yet acknowledged (SND.NXT − SND.UNA). */
    public int bytesInFlight() {
        return sndNxt - sndUna;
    }

    /** This connection's counters. */
    public TcpStats stats() {
        return stats;
    }

    /** The peer's MSS (536 when it sent none). */
    public int peerMss() {
        return peerMss;
    }

    // ---- input ----

    /** Processes one arriving segment (RFC 9293 §3.10.7). */
    public void onSegment(TcpSegment s, long nowNs) {
        switch (state) {
            case TcpState.Closed c -> { }
            case TcpState.SynSent ss -> SynSentInput.process(this, s, nowNs);
            case TcpState.SynReceived sr -> SynchronizedInput.process(this, s, nowNs);
            case TcpState.Established e -> SynchronizedInput.process(this, s, nowNs);
        }
    }

    /** Runs the timer that is due: SYN retransmission or give-up, data retransmission or a window probe. */
    public void onTimer(long nowNs) {
        if (nowNs >= retransmitAtNs && state instanceof TcpState.Established) {
            retransmitTimeout(nowNs);
        }
        if (nowNs < deadlineNs || !(state instanceof TcpState.SynSent ss)) {
            return;
        }
        SynRetransmission r = personality.synRetransmission();
        if (nowNs >= ss.firstSynNs() + r.giveUpNs() || ss.synsSent() >= r.synCount()) {
            if (nowNs >= ss.firstSynNs() + r.giveUpNs()) {
                // A remembered soft error replaces ETIMEDOUT (Linux sk_err_soft, BSD t_softerror).
                close(softError != null ? softError : TcpEvent.TIMED_OUT);
            } else {
                deadlineNs = ss.firstSynNs() + r.giveUpNs();
            }
            return;
        }
        int sent = ss.synsSent() + 1;
        state = new TcpState.SynSent(ss.firstSynNs(), sent);
        sendSyn(nowNs);
        deadlineNs = ss.firstSynNs() + (sent < r.synCount() ? r.offsetNs(sent) : r.giveUpNs());
    }

    /**
     * An ICMP error quoting one of our segments whose sequence number is {@code quotedSeq}. Only errors quoting a
     * sequence number in [SND.UNA, SND.NXT) count (RFC 5927 §4.1; Linux tcp_v4_err, FreeBSD tcp_ctlinput). In
     * SYN-SENT the personality decides between abort, soft error and nothing; other states ignore them for now
     * (RFC 1122 §4.2.3.9: they must not abort an established connection for codes 0, 1 and 5).
     */
    public void onIcmp(io.jnetstack.personality.IcmpClass icmp, int quotedSeq, long nowNs) {
        if (!(state instanceof TcpState.SynSent ss) || !(leq(sndUna, quotedSeq) && lt(quotedSeq, sndNxt))) {
            return;
        }
        TcpEvent fact = TcpEvent.of(icmp);
        switch (personality.synSentIcmp(icmp, ss.synsSent() - 1, softError != null)) {
            case ABORT -> close(fact);
            case SOFT -> softError = fact;
            case IGNORE -> { }
        }
    }

    /**
     * Sends new data within the peer's window (RFC 9293 §3.8.6.2.1) in segments of at most the effective MSS
     * (the peer's MSS less the timestamps option), starts the retransmission timer, and times one segment at a
     * time for RTT (RFC 6298 §3). A zero window with data waiting sends one byte anyway when nothing is in flight:
     * the window probe of RFC 9293 §3.8.6.1, retransmitted and backed off by the same timer.
     */
    void output(long nowNs) {
        int inFlight = sndNxt - sndUna;
        int unsent = sendBuffer.size() - inFlight;
        int usable = (sndWnd == 0 && inFlight == 0 && unsent > 0 ? 1 : sndWnd) - inFlight;
        int maxSeg = peerMss - (timestamps ? TS_OPTION_BYTES : 0);
        while (unsent > 0 && usable > 0) {
            int n = Math.min(maxSeg, Math.min(unsent, usable));
            int flags = TcpHeader.ACK | (n == unsent ? TcpHeader.PSH : 0);
            send(sndNxt, rcvNxt, flags, dataOptions(nowNs), ByteString.copyOf(sendBuffer.copy(inFlight, n)));
            if (!timing) {
                timing = true;
                timedSeq = sndNxt;
                timedAtNs = nowNs;
            }
            sndNxt = add(sndNxt, n);
            if (lt(sndMax, sndNxt)) {
                sndMax = sndNxt;
            }
            inFlight += n;
            unsent -= n;
            usable -= n;
        }
        if (inFlight > 0 && retransmitAtNs == Long.MAX_VALUE) {
            retransmitAtNs = nowNs + rtt.rtoNs();
        }
    }

    /** SND.UNA advanced to {@code ack}: drop acknowledged data, sample the RTT, restart or stop the timer. */
    void onNewAck(int ack, long nowNs) {
        dupAcks = 0;
        sendBuffer.drop(ack - sndUna);
        sndUna = ack;
        if (lt(sndNxt, ack)) {
            sndNxt = ack; // after a timeout rewound SND.NXT, the peer had more than we resent
        }
        if (timing && lt(timedSeq, ack)) {
            timing = false;
            rtt.sample(nowNs - timedAtNs);
        }
        // RFC 6298 §5.2 / §5.3: stop the timer when everything is acknowledged, else restart it.
        retransmitAtNs = sndUna == sndMax ? Long.MAX_VALUE : nowNs + rtt.rtoNs();
    }

    /**
     * RFC 6298 §5.4–5.6: retransmit the earliest unacknowledged segment, back off the timer, and (go-back-N, until
     * SACK and fast retransmit arrive) send again from SND.UNA. Karn's rule: no RTT sample from retransmitted data.
     */
    private void retransmitTimeout(long nowNs) {
        rtt.backOff();
        timing = false;
        sndNxt = sndUna;
        retransmitAtNs = Long.MAX_VALUE;
        output(nowNs);
    }

    /** An RTT sample from the handshake (the SYN was not retransmitted: Karn's rule). */
    void sampleHandshake(long rttNs) {
        rtt.sample(rttNs);
    }

    // ---- package-private operations used by the input processors ----

    Personality personality() {
        return personality;
    }

    int iss() {
        return iss;
    }

    void setState(TcpState s) {
        state = s;
    }

    /** Enters CLOSED, stops every timer and reports {@code why} (null: nothing to report). */
    void close(TcpEvent why) {
        state = new TcpState.Closed();
        deadlineNs = Long.MAX_VALUE;
        if (why != null) {
            events.addLast(why);
        }
    }

    void report(TcpEvent e) {
        events.addLast(e);
    }

    void stopTimer() {
        deadlineNs = Long.MAX_VALUE;
    }

    void synchronize(TcpHeader synAck, SynOptions.Offer ours) {
        irs = synAck.seq();
        rcvNxt = add(irs, 1);
        rcvAdv = rcvNxt;
        learnPeerOptions(synAck, ours);
    }

    void acknowledge(int ack) {
        sndUna = ack;
    }

    /** SYN-SENT bookkeeping for the handshake RTT sample. */
    TcpState.SynSent synSent() {
        return state instanceof TcpState.SynSent ss ? ss : null;
    }

    int rcvWnd() {
        return received.space();
    }

    /**
     * RFC 9293 §3.10.7.4 "first check sequence number": the four-case acceptability table over RCV.NXT and
     * RCV.WND.
     */
    boolean acceptable(TcpSegment s) {
        int len = s.sequenceLength();
        int seq = s.header().seq();
        // RCV.WND is the window as advertised: a window the application has since filled does not shrink it
        // (RFC 9293 §3.8.6.2.2), so a peer that sent up to the edge we offered is not refused.
        int wnd = Math.max(rcvWnd(), lt(rcvNxt, rcvAdv) ? rcvAdv - rcvNxt : 0);
        if (len == 0) {
            // Zero-length segments (pure ACKs) at the right edge itself are accepted, as BSD tcp_input
            // ("todrop > 0") and Linux tcp_sequence (!after(seq, rcv_nxt + window)) both do.
            return wnd == 0 ? seq == rcvNxt : leq(rcvNxt, seq) && leq(seq, add(rcvNxt, wnd));
        }
        return wnd != 0 && (inWindow(seq, wnd) || inWindow(add(seq, len - 1), wnd));
    }

    boolean inWindow(int seq, int wnd) {
        return leq(rcvNxt, seq) && lt(seq, add(rcvNxt, wnd));
    }

    /** RFC 5961 §5.2: SND.UNA − MAX.SND.WND ≤ SEG.ACK ≤ SND.NXT (the highest SND.NXT reached: SND.MAX). */
    boolean ackInRange(int ack) {
        return leq(add(sndUna, -maxSndWnd), ack) && leq(ack, sndMax);
    }

    /** RFC 9293 §3.10.7.4 fifth check: SND.WND updates from segments newer than the last one used. */
    void updateWindow(TcpHeader h, boolean scaled) {
        if (lt(sndWl1, h.seq()) || sndWl1 == h.seq() && leq(sndWl2, h.ack()) || !scaled) {
            sndWnd = h.window() << (scaled ? sndShift : 0);
            sndWl1 = h.seq();
            sndWl2 = h.ack();
            maxSndWnd = Math.max(maxSndWnd, sndWnd);
        }
    }

    /**
     * Accepts text: the part at RCV.NXT goes to the application's buffer (as much as fits) followed by whatever
     * held text now continues it; text beyond RCV.NXT but inside the advertised window is held in the reassembly
     * queue (RFC 9293 §3.10.7.4 seventh).
     */
    void acceptText(TcpSegment s) {
        ByteString p = s.payload();
        int offset = s.header().seq() - rcvNxt;
        if (offset > 0) {
            int room = Math.max(rcvWnd(), lt(rcvNxt, rcvAdv) ? rcvAdv - rcvNxt : 0) - offset;
            if (room > 0) {
                byte[] part = new byte[Math.min(p.length(), room)];
                for (int i = 0; i < part.length; i++) {
                    part[i] = (byte) p.u8(i);
                }
                outOfOrder.add(rcvNxtAbs + offset, part);
            }
            return;
        }
        int skip = -offset;
        if (skip < p.length()) {
            int n = Math.min(p.length() - skip, rcvWnd());
            received.append(p, skip, n);
            advanceRcvNxt(n);
        }
        for (byte[] more = outOfOrder.takeFrom(rcvNxtAbs, rcvWnd()); more.length > 0;
                more = outOfOrder.takeFrom(rcvNxtAbs, rcvWnd())) {
            received.append(more);
            advanceRcvNxt(more.length);
        }
    }

    private void advanceRcvNxt(int n) {
        rcvNxt = add(rcvNxt, n);
        rcvNxtAbs += n;
    }

    /** Bytes held beyond RCV.NXT waiting for a gap to fill. */
    public int heldOutOfOrder() {
        return outOfOrder.size();
    }

    /**
     * A duplicate ACK (RFC 5681 §2: no data, SEG.ACK = SND.UNA, data outstanding). The third one triggers fast
     * retransmit of the first unacknowledged segment (RFC 5681 §3.2) without rewinding SND.NXT. Decision: no
     * congestion window yet, so there is no fast-recovery inflation; that arrives with NewReno/CUBIC.
     */
    void onDuplicateAck(long nowNs) {
        if (sndUna == sndMax || ++dupAcks != 3) {
            return;
        }
        int n = Math.min(peerMss - (timestamps ? TS_OPTION_BYTES : 0), Math.min(sndMax - sndUna, sendBuffer.size()));
        if (n > 0) {
            send(sndUna, rcvNxt, TcpHeader.ACK, dataOptions(nowNs), ByteString.copyOf(sendBuffer.copy(0, n)));
            timing = false; // Karn: this segment is a retransmission
            retransmitAtNs = nowNs + rtt.rtoNs();
        }
    }

    void noteTimestamp(TcpHeader h) {
        if (!timestamps) {
            return;
        }
        for (TcpOption o : h.options()) {
            if (o instanceof TcpOption.Timestamps ts && leq(h.seq(), rcvNxt)) {
                tsRecent = ts.tsVal();
            }
        }
    }

    /**
     * {@code <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>}: the reply to an unacceptable segment and the challenge ACK. A
     * pure ACK carries SND.MAX, not a SND.NXT rewound by a timeout, so the peer does not find it outside its
     * window (FreeBSD tcp_output: "For ACK only packets ... use snd_max instead of snd_nxt").
     */
    void sendAck(long nowNs) {
        send(sndMax, rcvNxt, TcpHeader.ACK, dataOptions(nowNs), ByteString.EMPTY);
    }

    /** {@code <SEQ=seq><CTL=RST>} (RFC 9293 §3.10.7.3 and §3.10.7.4 for an unacceptable ACK). */
    void sendReset(int seq) {
        outbox.addLast(TcpSegment.of(TcpHeader.of(localPort, remotePort, seq, 0, TcpHeader.RST, 0, List.of())));
    }

    void sendSynAck(SynOptions.Offer offer, long nowNs) {
        List<TcpOption> opts = SynOptions.build(personality.synOptionLayout(), offer, mss,
                personality.windowScale(), tsVal(nowNs), tsRecent);
        send(iss, rcvNxt, TcpHeader.SYN | TcpHeader.ACK, opts, ByteString.EMPTY, personality.synWindow(mss));
    }

    private void sendSyn(long nowNs) {
        List<TcpOption> opts = SynOptions.build(personality.synOptionLayout(), SynOptions.Offer.ALL, mss,
                personality.windowScale(), tsVal(nowNs), 0);
        send(iss, 0, TcpHeader.SYN, opts, ByteString.EMPTY, personality.synWindow(mss));
    }

    private List<TcpOption> dataOptions(long nowNs) {
        return timestamps ? List.of(new TcpOption.Nop(), new TcpOption.Nop(),
                new TcpOption.Timestamps(tsVal(nowNs), tsRecent)) : List.of();
    }

    private void send(int seq, int ack, int flags, List<TcpOption> opts, ByteString payload) {
        int wnd = Math.min(rcvWnd() >>> rcvShift, 65535);
        int edge = add(rcvNxt, wnd << rcvShift);
        if (lt(rcvAdv, edge)) {
            rcvAdv = edge;
        }
        send(seq, ack, flags, opts, payload, wnd);
    }

    private void send(int seq, int ack, int flags, List<TcpOption> opts, ByteString payload, int window) {
        outbox.addLast(new TcpSegment(TcpHeader.of(localPort, remotePort, seq, ack, flags, window, opts), payload));
    }

    /** RFC 7323 §4.1: a 1 kHz clock plus the connection's random offset (Linux secure_tcp_ts_off). */
    private int tsVal(long nowNs) {
        return (int) (nowNs / MS) + tsOffset;
    }

    /**
     * Records what the peer's SYN or SYN-ACK says about MSS, window scaling (RFC 7323 §2.2: both sides must offer
     * it, shift capped at 14), timestamps and SACK; returns what it offered.
     */
    private SynOptions.Offer learnPeerOptions(TcpHeader syn, SynOptions.Offer ours) {
        SynOptions.Offer peer = SynOptions.offerOf(syn.options());
        for (TcpOption o : syn.options()) {
            if (o instanceof TcpOption.Mss m) {
                peerMss = m.mss();
            } else if (o instanceof TcpOption.WindowScale w) {
                sndShift = Math.min(w.shift(), 14);
            } else if (o instanceof TcpOption.Timestamps ts) {
                tsRecent = ts.tsVal();
            }
        }
        boolean scaling = peer.windowScale() && ours.windowScale();
        sndShift = scaling ? sndShift : 0;
        rcvShift = scaling ? personality.windowScale() : 0;
        timestamps = peer.timestamps() && ours.timestamps();
        return peer;
    }
}
