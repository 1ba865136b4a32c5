package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.gt;
import static io.jnetstack.wire.tcp.SeqNum.leq;
import static io.jnetstack.wire.tcp.SeqNum.lt;

import io.jnetstack.personality.ListenRules;
import io.jnetstack.personality.SynAckRetransmission;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;

/**
 * The SYN-ACK retransmission timer of one passively opened connection in SYN-RECEIVED (Linux reqsk_timer_handler,
 * FreeBSD syncache_timer, OpenBSD syn_cache_timer, XNU tcp_timers TCPT_REXMT and TCPT_KEEP in SYN_RECEIVED), on the
 * personality's {@link SynAckRetransmission} schedule.
 *
 * <p>Decision: the listener that owns the half-open connection holds this timer and runs it (TcpConnection has no
 * field for it and the peer's SYN options it must repeat); the static hooks {@link #arm} and {@link #expire} that
 * TcpConnection calls therefore leave the connection's state timer unarmed.
 */
public final class SynAckTimer {
    private final TcpConnection c;
    private final SynOptions.Offer offer;
    private final SynAckRetransmission schedule;
    /** When SYN-ACK number 0 counts as sent: the schedule's offsets are measured from here. */
    private long baseNs;
    /** SYN-ACKs of the schedule sent so far (the first included). */
    private int sent = 1;

    private SynAckTimer(TcpConnection c, SynOptions.Offer offer, long nowNs) {
        this.c = c;
        this.offer = offer;
        this.schedule = c.personality.listenRules().synAck();
        this.baseNs = nowNs;
    }

    /** Starts the schedule for {@code c}, whose first SYN-ACK (answering {@code syn}) left at {@code nowNs}. */
    public static SynAckTimer start(TcpConnection c, TcpSegment syn, long nowNs) {
        return new SynAckTimer(c, SynOptions.offerOf(syn.header().options()), nowNs);
    }

    /** Called by TcpConnection when the SYN-ACK is first sent: the listener runs the timer, see the class note. */
    static void arm(TcpConnection c, long nowNs) {
        c.deadlineNs = Long.MAX_VALUE;
    }

    /** Called when the state timer of a SYN-RECEIVED connection fires: never armed, see the class note. */
    static void expire(TcpConnection c, long nowNs) {
        c.deadlineNs = Long.MAX_VALUE;
    }

    /** When {@link #run} is next needed. */
    public long nextNs() {
        return baseNs + (sent < schedule.count() ? schedule.offsetNs(sent) : schedule.giveUpNs());
    }

    /**
     * Runs the timer at {@code nowNs}: a SYN-ACK retransmission when one is due, or the end of the half-open
     * connection at the give-up time (a RST,ACK first where the personality sends one). Returns false once the
     * connection has been given up (it is then CLOSED, reporting nothing: the application never saw it).
     */
    public boolean run(long nowNs) {
        if (nowNs >= baseNs + schedule.giveUpNs()) {
            if (schedule.resetOnGiveUp()) {
                Segments.resetAck(c);
            }
            c.close(null);
            return false;
        }
        if (sent < schedule.count() && nowNs >= baseNs + schedule.offsetNs(sent)) {
            Segments.synAck(c, offer, nowNs);
            sent++;
        }
        return true;
    }

    /**
     * A retransmitted SYN (its sequence number is the IRS) arrived: the SYN-ACK goes out again at once, and the
     * schedule moves as the personality says ({@link SynAckRetransmission.DuplicateSyn}).
     */
    public void duplicateSyn(long nowNs) {
        Segments.synAck(c, offer, nowNs);
        switch (schedule.onDuplicate()) {
            case RESTART_INTERVAL -> baseNs = nowNs - schedule.offsetNs(sent - 1);
            case RESTART_SCHEDULE -> {
                baseNs = nowNs;
                sent = 1;
            }
            case KEEP -> { }
        }
    }

    /**
     * Whether a SYN for a 4-tuple whose connection {@code tw} is in TIME-WAIT opens a new connection under
     * {@code rule} (docs/research/tcp-closing.md §1): after the old RCV.NXT, or (Linux) with a timestamp newer
     * than TS.Recent; XNU only when the SYN lies wholly beyond RCV.NXT + RCV.WND.
     */
    public static boolean reopensTimeWait(TcpConnection tw, TcpHeader syn, ListenRules.TimeWaitSyn rule) {
        if (!(tw.state instanceof TcpState.TimeWait) || !syn.has(TcpHeader.SYN) || syn.has(TcpHeader.ACK)
                || syn.has(TcpHeader.RST)) {
            return false;
        }
        boolean after = gt(syn.seq(), tw.rcvNxt);
        return switch (rule) {
            case AFTER_RCV_NXT -> after;
            case AFTER_RCV_NXT_OR_NEWER_TIMESTAMP -> after || tw.timestamps && newerTimestamp(tw, syn);
            case BEYOND_WINDOW -> after && leq(tw.rcvNxt + tw.rcvWnd(), syn.seq());
        };
    }

    /** Linux: {@code (s32)(tw_ts_recent - rcv_tsval) < 0}. */
    private static boolean newerTimestamp(TcpConnection tw, TcpHeader syn) {
        for (TcpOption o : syn.options()) {
            if (o instanceof TcpOption.Timestamps ts) {
                return lt(tw.tsRecent, ts.tsVal());
            }
        }
        return false;
    }
}
