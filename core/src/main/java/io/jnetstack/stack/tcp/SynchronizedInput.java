package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.gt;
import static io.jnetstack.wire.tcp.SeqNum.leq;
import static io.jnetstack.wire.tcp.SeqNum.lt;

import io.jnetstack.personality.TcpInputRules;
import io.jnetstack.personality.TcpRules;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;

/**
 * RFC 9293 §3.10.7.4 "Other states" — SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT, CLOSING,
 * LAST-ACK and TIME-WAIT — with the RFC 5961 mitigations: RST and SYN that are not exactly right draw a challenge
 * ACK, and ACKs outside the acceptable range are refused.
 */
final class SynchronizedInput {
    private SynchronizedInput() {}

    static void process(TcpConnection c, TcpSegment s, long nowNs) {
        TcpHeader h = s.header();
        TcpInputRules in = c.personality.tcpInputRules(); // per segment: the OS's sysctls may have changed
        if (missingTimestamp(c, h, in)) {
            return;
        }
        if (h.has(TcpHeader.RST) && in.resetWindowAtLastAck()) {
            resetAtLastAck(c, h, in, nowNs);
            return;
        }
        if (h.has(TcpHeader.SYN) && InputScreening.synAborts(c, h)) {
            return; // FreeBSD insecure_syn, like the RST rule, comes before PAWS and the window test
        }
        // RFC 7323 §5.3 R1 (PAWS): a timestamp older than TS.Recent marks an old duplicate — "treat the arriving
        // segment as not acceptable: send an acknowledgment in reply ... and drop the segment" (not for a RST).
        TcpOption.Timestamps ts = timestampsOf(c, h);
        if (ts != null && c.tsRecentValid && !h.has(TcpHeader.RST) && lt(ts.tsVal(), c.tsRecent)) {
            c.stats.increment(TcpStats.Counter.PAWS_DROPS);
            Segments.ack(c, nowNs);
            return;
        }
        // First: sequence number acceptability. "If an incoming segment is not acceptable, an acknowledgment should
        // be sent in reply (unless the RST bit is set, if so drop the segment and return)."
        if (!Receiver.acceptable(c, s)) {
            c.stats.increment(TcpStats.Counter.UNACCEPTABLE_IN);
            if (!h.has(TcpHeader.RST)) {
                if (c.state instanceof TcpState.TimeWait && h.has(TcpHeader.FIN)) {
                    c.enterTimeWait(nowNs); // a retransmitted FIN: "restart the 2 MSL timeout"
                }
                Receiver.refused(c, s);
                // FreeBSD answers any SYN with tcp_respond's challenge ACK before the window test; the rest goes
                // through tcp_output (dropafterack), which may carry our FIN again.
                if (h.has(TcpHeader.SYN)) {
                    Segments.bareAck(c, nowNs);
                } else if (c.stateRules.staleAckProcessed() && h.has(TcpHeader.ACK) && c.sndUna != c.iss
                        && leq(h.seq() + s.sequenceLength(), c.rcvNxt)) {
                    staleAck(c, s, nowNs);
                } else {
                    Segments.ack(c, nowNs);
                }
            }
            return;
        }
        if (h.has(TcpHeader.RST)) {
            onReset(c, h, in, nowNs);
            return;
        }
        if (h.has(TcpHeader.SYN)) {
            onSyn(c, nowNs);
            return;
        }
        // Fifth: "if the ACK bit is off, drop the segment and return".
        if (!h.has(TcpHeader.ACK)) {
            return;
        }
        if (c.sndUna == c.iss && !ackSynReceived(c, h, nowNs)) {
            return;
        }
        if (!ackSynchronized(c, s, nowNs) || c.state instanceof TcpState.Closed) {
            return;
        }
        noteTimestamp(c, h);
        text(c, s, nowNs);
    }

    /**
     * RFC 7323 §3.2: "If a non-<RST> segment is received without a TSopt, a TCP SHOULD silently drop the segment" once
     * timestamps are in use — where the personality enforces it (FreeBSD tcp_do_segment, tolerate_missing_ts = 0).
     */
    static boolean missingTimestamp(TcpConnection c, TcpHeader h, TcpInputRules in) {
        if (in.dropMissingTimestamps() && c.timestamps && !h.has(TcpHeader.RST) && timestampsOf(c, h) == null) {
            c.stats.increment(TcpStats.Counter.MISSING_TIMESTAMP_DROPS);
            return true;
        }
        return false;
    }

    /**
     * An old duplicate wholly left of RCV.NXT where the personality still takes its ACK (FreeBSD tcp_do_segment
     * trims it to nothing, sets TF_ACKNOW and goes on to ACK processing): the ACK may move a closing state on (our
     * FIN acknowledged in CLOSING means TIME-WAIT), and the acknowledgment then reflects the new state — none when
     * LAST-ACK ended, a bare one from TIME-WAIT.
     */
    private static void staleAck(TcpConnection c, TcpSegment s, long nowNs) {
        if (ackSynchronized(c, s, nowNs) && !(c.state instanceof TcpState.Closed)) {
            Segments.ack(c, nowNs);
        }
    }

    /**
     * FreeBSD tcp_do_segment judges a RST first, before PAWS and trimming, against the window at last_ack_sent
     * ({@link InputScreening#inLastAckWindow}); outside it the RST is dropped silently.
     */
    private static void resetAtLastAck(TcpConnection c, TcpHeader h, TcpInputRules in, long nowNs) {
        if (InputScreening.inLastAckWindow(c, h.seq())) {
            onReset(c, h, in, nowNs);
        } else {
            c.stats.increment(TcpStats.Counter.UNACCEPTABLE_IN);
        }
    }

    /**
     * Seventh and eighth: text is taken in ESTABLISHED, FIN-WAIT-1 and FIN-WAIT-2 — unless the user has closed the
     * connection, when new data draws a RST and the connection ends (Linux tcp_rcv_state_process "TCPAbortOnData",
     * FreeBSD tcp_input "data received on a connection after the user processes are gone"). The receiver decides
     * whether the ACK goes at once or is delayed.
     */
    private static void text(TcpConnection c, TcpSegment s, long nowNs) {
        TcpHeader h = s.header();
        boolean carries = s.payload().length() > 0 || h.has(TcpHeader.FIN);
        if (!carries || !TcpState.receivesText(c.state) && !h.has(TcpHeader.FIN)) {
            return;
        }
        if (c.userClosed && s.payload().length() > 0 && gt(h.seq() + s.payload().length(), c.rcvNxt)) {
            Segments.reset(c, h.ack());
            c.close(null);
            return;
        }
        if (TcpState.receivesText(c.state)) {
            urgent(c, h);
            Receiver.acceptTextAndFin(c, s, nowNs);
        } else {
            Segments.ack(c, nowNs);
        }
    }

    /**
     * RFC 9293 §3.10.7.4 sixth, "check the URG bit": "set RCV.UP to max(RCV.UP,SEG.UP), and signal the user that
     * the remote side has urgent data if the urgent pointer (RCV.UP) is in advance of the data consumed". The
     * pointer is taken as RFC 6093 says every stack implements it: SEG.SEQ + SEG.UP is the byte after the urgent
     * data.
     */
    private static void urgent(TcpConnection c, TcpHeader h) {
        if (!h.has(TcpHeader.URG) || h.urgentPointer() == 0) {
            return;
        }
        long up = c.rcvNxtAbs + (h.seq() - c.rcvNxt) + h.urgentPointer();
        if (up > c.rcvUpAbs && up > c.rcvNxtAbs) {
            c.rcvUpAbs = up;
            c.report(TcpEvent.URGENT);
        }
    }

    /**
     * RFC 5961 §3.2: "If the RST bit is set and the sequence number exactly matches the next expected sequence
     * number (RCV.NXT), then TCP MUST reset the connection"; otherwise (in the window) "TCP MUST send an ACK
     * (challenge ACK)". OpenBSD instead takes a RST at RCV.NXT, RCV.NXT + 1 or the last acknowledgment sent and
     * silently drops others; with the personality's insecure rule any acceptable RST resets ({@link
     * InputScreening#resetIsExact}). TIME-WAIT follows the personality's RFC 1337 choice. RFC 9293 §3.10.7.4 second
     * check, per state: SYN-RECEIVED from a passive open returns to LISTEN without telling the user, from an active
     * open it is "connection refused"; ESTABLISHED, FIN-WAIT-1/2 and CLOSE-WAIT report "connection reset"; CLOSING
     * and LAST-ACK just close (or report "connection reset" too, as the personality says).
     */
    private static void onReset(TcpConnection c, TcpHeader h, TcpInputRules in, long nowNs) {
        TcpRules rules = c.rules;
        boolean exact = InputScreening.resetIsExact(c, in, h.seq());
        boolean timeWait = c.state instanceof TcpState.TimeWait;
        if (!exact || timeWait && !rules.timeWaitResetCloses()) {
            if (!exact && (timeWait ? rules.timeWaitChallengesReset() : rules.rfc5961Reset())) {
                c.stats.increment(TcpStats.Counter.CHALLENGE_ACKS);
                Segments.bareAck(c, nowNs);
            }
            return;
        }
        c.stats.increment(TcpStats.Counter.RESETS_IN);
        switch (c.state) {
            case TcpState.SynReceived sr -> c.close(sr.passive() ? null : TcpEvent.REFUSED);
            case TcpState.Established e -> c.close(TcpEvent.RESET);
            case TcpState.FinWait1 f -> c.close(TcpEvent.RESET);
            case TcpState.FinWait2 f -> c.close(TcpEvent.RESET);
            case TcpState.CloseWait cw -> c.close(TcpEvent.RESET);
            case TcpState.Closing cl -> c.close(in.closingResetIsReset() ? TcpEvent.RESET : TcpEvent.CLOSED);
            case TcpState.LastAck la -> c.close(in.closingResetIsReset() ? TcpEvent.RESET : TcpEvent.CLOSED);
            case TcpState.TimeWait tw -> c.close(TcpEvent.CLOSED);
            case TcpState.SynSent ss -> throw new IllegalStateException("SYN-SENT is handled by SynSentInput");
            case TcpState.Closed cl -> throw new IllegalStateException("no input in CLOSED");
        }
    }

    /**
     * Fourth check: RFC 9293 §3.10.7.4 — in SYN-RECEIVED from a passive open "return this connection to LISTEN
     * state and return"; otherwise (RFC 5961 §4.2) "TCP MUST send an ACK (challenge ACK) to the remote peer"
     * (unless the personality kept RFC 793's reset for a SYN in the window: {@link InputScreening#synAborts}).
     */
    private static void onSyn(TcpConnection c, long nowNs) {
        if (c.state instanceof TcpState.SynReceived sr && sr.passive()) {
            c.close(null);
            return;
        }
        c.stats.increment(TcpStats.Counter.CHALLENGE_ACKS);
        Segments.bareAck(c, nowNs);
    }

    /**
     * SYN-RECEIVED: "If SND.UNA < SEG.ACK =< SND.NXT, then enter ESTABLISHED state and continue processing ... If
     * the segment acknowledgment is not acceptable, form a reset segment <SEQ=SEG.ACK><CTL=RST> and send it."
     */
    private static boolean ackSynReceived(TcpConnection c, TcpHeader h, long nowNs) {
        if (lt(c.sndUna, h.ack()) && leq(h.ack(), c.sndMax)) {
            // Our SYN is acknowledged (its sequence number holds nothing of the send buffer); anything more the ACK
            // covers — a FIN queued by a close in SYN-RECEIVED — is taken by the common ACK processing.
            c.sndUna = c.sndUna + 1;
            if (c.state instanceof TcpState.SynReceived) {
                c.state = new TcpState.Established();
            }
            if (c.synAcksSent == 1) {
                c.sampleHandshake(nowNs - c.firstSynAckNs);
            }
            Handshake.established(c);
            c.report(TcpEvent.CONNECTED);
            if (c.outOfOrder.size() > 0) {
                Receiver.deliverHeld(c); // a simultaneous-open SYN's text (FreeBSD tcp_reass(tp, NULL, ...))
            }
            return true;
        }
        Segments.reset(c, h.ack());
        return false;
    }

    /**
     * ACK processing in the synchronized states with RFC 5961 §5.2: an ACK beyond SND.NXT, or older than SND.UNA −
     * MAX.SND.WND, is discarded and answered with an ACK; an ACK in (SND.UNA, SND.NXT] advances SND.UNA; the send
     * window is updated from segments newer than the last update (SND.WL1, SND.WL2). Then the closing states move
     * on when our FIN is acknowledged: FIN-WAIT-1 to FIN-WAIT-2, CLOSING to TIME-WAIT, LAST-ACK to CLOSED.
     */
    private static boolean ackSynchronized(TcpConnection c, TcpSegment s, long nowNs) {
        TcpHeader h = s.header();
        if (!c.ackInRange(h.ack())) {
            c.stats.increment(TcpStats.Counter.BAD_ACKS_IN);
            Segments.ack(c, nowNs);
            return false;
        }
        updateWindow(c, h, true);
        Recovery.onAck(c, s, nowNs);
        if (c.finAcked) {
            switch (c.state) {
                case TcpState.FinWait1 f -> {
                    c.state = new TcpState.FinWait2();
                    if (c.userClosed) {
                        Closer.armFinWait2(c, nowNs);
                    }
                }
                case TcpState.Closing cl -> c.enterTimeWait(nowNs);
                case TcpState.LastAck la -> {
                    c.close(TcpEvent.CLOSED);
                    return true;
                }
                case TcpState.SynReceived sr -> { }
                case TcpState.Established e -> { }
                case TcpState.FinWait2 f -> { }
                case TcpState.CloseWait cw -> { }
                case TcpState.TimeWait tw -> { }
                case TcpState.Closed cl -> { }
                case TcpState.SynSent ss -> { }
            }
        }
        Sender.output(c, nowNs);
        return true;
    }

    /** RFC 9293 §3.10.7.4 fifth check: SND.WND updates from segments newer than the last one used. */
    static void updateWindow(TcpConnection c, TcpHeader h, boolean scaled) {
        if (lt(c.sndWl1, h.seq()) || c.sndWl1 == h.seq() && leq(c.sndWl2, h.ack()) || !scaled) {
            c.sndWnd = h.window() << (scaled ? c.sndShift : 0);
            c.sndWl1 = h.seq();
            c.sndWl2 = h.ack();
            c.maxSndWnd = Math.max(c.maxSndWnd, c.sndWnd);
        }
    }

    /**
     * RFC 7323 §4.3 (3): "If SEG.TSval >= TS.Recent and SEG.SEQ <= Last.ACK.sent then SEG.TSval is copied to
     * TS.Recent".
     */
    private static void noteTimestamp(TcpConnection c, TcpHeader h) {
        TcpOption.Timestamps ts = timestampsOf(c, h);
        if (ts != null && (!c.tsRecentValid || leq(c.tsRecent, ts.tsVal())) && leq(h.seq(), c.lastAckSent)) {
            c.tsRecent = ts.tsVal();
            c.tsRecentValid = true;
        }
    }

    /** The segment's timestamps option when timestamps are in use, else null. */
    private static TcpOption.Timestamps timestampsOf(TcpConnection c, TcpHeader h) {
        if (!c.timestamps) {
            return null;
        }
        for (TcpOption o : h.options()) {
            if (o instanceof TcpOption.Timestamps ts) {
                return ts;
            }
        }
        return null;
    }
}
