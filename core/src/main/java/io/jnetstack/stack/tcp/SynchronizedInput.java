package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.gt;
import static io.jnetstack.wire.tcp.SeqNum.leq;
import static io.jnetstack.wire.tcp.SeqNum.lt;

import io.jnetstack.wire.tcp.TcpHeader;

/**
 * RFC 9293 §3.10.7.4 "Other states" for SYN-RECEIVED and ESTABLISHED, with the RFC 5961 mitigations: RST and SYN
 * that are not exactly right draw a challenge ACK, and ACKs outside the acceptable range are refused.
 */
final class SynchronizedInput {
    private SynchronizedInput() {}

    static void process(TcpConnection c, TcpSegment s, long nowNs) {
        TcpHeader h = s.header();
        // First: sequence number acceptability. "If an incoming segment is not acceptable, an acknowledgment should
        // be sent in reply (unless the RST bit is set, if so drop the segment and return)."
        if (!c.acceptable(s)) {
            if (!h.has(TcpHeader.RST)) {
                c.sendAck(nowNs);
            }
            return;
        }
        if (h.has(TcpHeader.RST)) {
            onReset(c, h, nowNs);
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
        if (c.state() instanceof TcpState.SynReceived && !ackSynReceived(c, h)) {
            return;
        }
        if (!ackEstablished(c, s, nowNs)) {
            return;
        }
        c.noteTimestamp(h);
        // Seventh: segment text. In-order text is delivered, text after a gap is held; either way an ACK goes back
        // at once (after a gap it is the duplicate ACK that drives the sender's fast retransmit).
        if (s.payload().length() > 0) {
            c.acceptText(s);
            c.sendAck(nowNs);
        }
    }

    /**
     * RFC 5961 §3.2: "If the RST bit is set and the sequence number exactly matches the next expected sequence
     * number (RCV.NXT), then TCP MUST reset the connection"; otherwise (in the window) "TCP MUST send an ACK
     * (challenge ACK)". Reset in SYN-RECEIVED from a passive open returns to LISTEN without telling the user; from
     * an active open it is "connection refused"; in ESTABLISHED it is "connection reset".
     */
    private static void onReset(TcpConnection c, TcpHeader h, long nowNs) {
        if (h.seq() != c.rcvNxt()) {
            c.sendAck(nowNs);
            return;
        }
        switch (c.state()) {
            case TcpState.SynReceived sr -> c.close(sr.passive() ? null : TcpEvent.REFUSED);
            case TcpState.Established e -> c.close(TcpEvent.RESET);
            case TcpState.SynSent ss -> throw new IllegalStateException("SYN-SENT is handled by SynSentInput");
            case TcpState.Closed cl -> throw new IllegalStateException("no input in CLOSED");
        }
    }

    /**
     * Fourth check: RFC 9293 §3.10.7.4 — in SYN-RECEIVED from a passive open "return this connection to LISTEN
     * state and return"; otherwise (RFC 5961 §4.2) "TCP MUST send an ACK (challenge ACK) to the remote peer".
     */
    private static void onSyn(TcpConnection c, long nowNs) {
        if (c.state() instanceof TcpState.SynReceived sr && sr.passive()) {
            c.close(null);
            return;
        }
        c.sendAck(nowNs);
    }

    /**
     * SYN-RECEIVED: "If SND.UNA < SEG.ACK =< SND.NXT, then enter ESTABLISHED state and continue processing ... If
     * the segment acknowledgment is not acceptable, form a reset segment <SEQ=SEG.ACK><CTL=RST> and send it."
     */
    private static boolean ackSynReceived(TcpConnection c, TcpHeader h) {
        if (lt(c.sndUna(), h.ack()) && leq(h.ack(), c.sndNxt())) {
            c.acknowledge(h.ack()); // the SYN's sequence number: nothing in the send buffer to drop
            c.setState(new TcpState.Established());
            c.report(TcpEvent.CONNECTED);
            return true;
        }
        c.sendReset(h.ack());
        return false;
    }

    /**
     * ESTABLISHED ACK processing with RFC 5961 §5.2: an ACK beyond SND.NXT, or older than SND.UNA − MAX.SND.WND,
     * is discarded and answered with an ACK; an ACK in (SND.UNA, SND.NXT] advances SND.UNA; the send window is
     * updated from segments newer than the last update (SND.WL1, SND.WL2).
     */
    private static boolean ackEstablished(TcpConnection c, TcpSegment s, long nowNs) {
        TcpHeader h = s.header();
        if (!c.ackInRange(h.ack())) {
            c.sendAck(nowNs);
            return false;
        }
        c.updateWindow(h, true);
        if (gt(h.ack(), c.sndUna())) {
            c.onNewAck(h.ack(), nowNs);
        } else if (h.ack() == c.sndUna() && s.payload().length() == 0) {
            c.onDuplicateAck(nowNs);
        }
        c.output(nowNs);
        return true;
    }
}
