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
    private int sndWnd;
    private int sndWl1;
    private int sndWl2;
    private int maxSndWnd;
    private int rcvNxt;
    private int peerMss = DEFAULT_PEER_MSS;
    private int sndShift;
    private int rcvShift;
    private boolean timestamps;
    private int tsRecent;
    private TcpEvent softError;

    private TcpConnection(Personality personality, int localPort, int remotePort, int iss, int mss, int tsOffset) {
        this.personality = personality;
        this.localPort = localPort;
        this.remotePort = remotePort;
        this.iss = iss;
        this.mss = mss;
        this.tsOffset = tsOffset;
        this.received = new ReceiveBuffer(personality.synWindow(mss));
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
        c.sndUna = iss;
        c.sndNxt = add(iss, 1);
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
        return deadlineNs;
    }

    /** Bytes received in order and not yet read. */
    public int available() {
        return received.size();
    }

    /** Reads up to {@code max} received bytes. */
    public byte[] read(int max) {
        return received.take(max);
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

    /** Runs the timer that is due (SYN retransmission or give-up). */
    public void onTimer(long nowNs) {
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
        learnPeerOptions(synAck, ours);
    }

    void acknowledge(int ack) {
        sndUna = ack;
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
        int wnd = rcvWnd();
        if (len == 0) {
            return wnd == 0 ? seq == rcvNxt : inWindow(seq, wnd);
        }
        return wnd != 0 && (inWindow(seq, wnd) || inWindow(add(seq, len - 1), wnd));
    }

    boolean inWindow(int seq, int wnd) {
        return leq(rcvNxt, seq) && lt(seq, add(rcvNxt, wnd));
    }

    /** RFC 5961 §5.2: SND.UNA − MAX.SND.WND ≤ SEG.ACK ≤ SND.NXT. */
    boolean ackInRange(int ack) {
        return leq(add(sndUna, -maxSndWnd), ack) && leq(ack, sndNxt);
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

    /** Accepts in-order text at RCV.NXT (the part beyond what was already received), as much as fits. */
    void acceptText(TcpSegment s) {
        ByteString p = s.payload();
        int skip = (int) Integer.toUnsignedLong(rcvNxt - s.header().seq());
        if (skip >= p.length()) {
            return;
        }
        int n = Math.min(p.length() - skip, rcvWnd());
        received.append(p, skip, n);
        rcvNxt = add(rcvNxt, n);
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

    /** {@code <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>}: the reply to an unacceptable segment and the challenge ACK. */
    void sendAck(long nowNs) {
        send(sndNxt, rcvNxt, TcpHeader.ACK, dataOptions(nowNs), ByteString.EMPTY);
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
