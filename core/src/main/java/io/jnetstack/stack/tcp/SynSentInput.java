package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.add;
import static io.jnetstack.wire.tcp.SeqNum.gt;
import static io.jnetstack.wire.tcp.SeqNum.leq;

import io.jnetstack.wire.tcp.TcpHeader;

/** RFC 9293 §3.10.7.3: a segment arriving in SYN-SENT. */
final class SynSentInput {
    private SynSentInput() {}

    static void process(TcpConnection c, TcpSegment s, long nowNs) {
        TcpHeader h = s.header();
        boolean ackOk = false;
        if (h.has(TcpHeader.ACK)) {
            // "If SEG.ACK =< ISS or SEG.ACK > SND.NXT, send a reset (unless the RST bit is set) ... and discard."
            if (leq(h.ack(), c.iss) || gt(h.ack(), c.sndNxt)) {
                if (!h.has(TcpHeader.RST)) {
                    Segments.reset(c, h.ack());
                }
                return;
            }
            // "If SND.UNA < SEG.ACK =< SND.NXT, then the ACK is acceptable." (SND.UNA = ISS here.)
            ackOk = true;
        }
        if (h.has(TcpHeader.RST)) {
            // "If the ACK was acceptable, then signal to the user 'error: connection reset', drop the segment, enter
            // CLOSED state ... Otherwise (no ACK), drop the segment and return." RFC 5961 §3.2 keeps this rule.
            if (ackOk) {
                c.close(TcpEvent.REFUSED);
            }
            return;
        }
        if (!h.has(TcpHeader.SYN)) {
            return; // "fifth, if neither of the SYN or RST bits is set, then drop the segment and return."
        }
        Handshake.synchronize(c, h, SynOptions.Offer.ALL);
        fastOpenVerdict(c, h, nowNs);
        if (ackOk) {
            // "If SND.UNA > ISS (our SYN has been ACKed), change the connection state to ESTABLISHED, form an ACK
            // segment <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and send it."
            TcpState.SynSent ss = c.synSent();
            if (ss.synsSent() == 1) {
                c.sampleHandshake(nowNs - ss.firstSynNs());
            }
            synDataAcked(c, h.ack());
            c.sndUna = h.ack();
            SynchronizedInput.updateWindow(c, h, false);
            // RFC 3168 §6.1.1: our ECN-setup SYN answered by an ECN-setup SYN-ACK (ECE without CWR) — FreeBSD
            // tcp_ecn_input_syn_sent
            c.ecn = c.ecnRequested && h.has(TcpHeader.ECE) && !h.has(TcpHeader.CWR);
            c.state = new TcpState.Established();
            c.deadlineNs = Long.MAX_VALUE;
            Handshake.established(c);
            c.report(TcpEvent.CONNECTED);
            if (c.stateRules.synTextAccepted() && (s.payload().length() > 0 || h.has(TcpHeader.FIN))) {
                // "If there are other controls or text in the segment, then continue processing at the sixth step"
                // (FreeBSD: goto process_ACK, then dodata; text alone is acknowledged by the delayed-ACK timer).
                Receiver.acceptTextAndFin(c, pastTheSyn(s), nowNs);
                return;
            }
            if (c.sendBuffer.size() > c.sndNxt - c.sndUna) {
                Sender.output(c, nowNs); // FreeBSD: TF_ACKNOW, and tcp_output sends the queued data with the ACK
                return;
            }
            Segments.ack(c, nowNs);
            return;
        }
        // "Otherwise, enter SYN-RECEIVED, form a SYN,ACK segment <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> and send it."
        // (Simultaneous open, RFC 9293 §3.5 figure 7.)
        SynchronizedInput.updateWindow(c, h, false);
        if (c.stateRules.synTextAccepted() && s.payload().length() > 0) {
            Receiver.holdUntilEstablished(c, s.payload()); // FreeBSD goto step6: tcp_reass holds it, FIN lost
        }
        c.state = new TcpState.SynReceived(false);
        c.deadlineNs = Long.MAX_VALUE;
        Handshake.acceptEcnSetup(c, h);
        Segments.synAck(c, SynOptions.offerOf(h.options()), nowNs);
    }

    /**
     * FreeBSD tcp_input.c tcp_do_segment (SYN-SENT, a SYN arrived) with TF_FASTOPEN: a Fast Open option updates the
     * client cookie cache (tcp_fastopen_update_cache with the SYN-ACK's MSS, else TCP_MSS / TCP6_MSS; the cache
     * judges the cookie's length); none disables the path (tcp_fastopen_disable_path, which clears TF_FASTOPEN).
     */
    private static void fastOpenVerdict(TcpConnection c, TcpHeader h, long nowNs) {
        if (c.fastOpenPath == null) {
            return;
        }
        io.jnetstack.wire.ByteString cookie = null;
        int mss = 0;
        for (io.jnetstack.wire.tcp.TcpOption o : h.options()) {
            if (o instanceof io.jnetstack.wire.tcp.TcpOption.FastOpenCookie f && !f.experimental()) {
                cookie = f.cookie();
            } else if (o instanceof io.jnetstack.wire.tcp.TcpOption.UnknownOption u
                    && u.kind() == io.jnetstack.wire.tcp.TcpOption.KIND_FAST_OPEN) {
                cookie = u.data(); // a cookie length the wire format does not allow: the cache refuses it
            } else if (o instanceof io.jnetstack.wire.tcp.TcpOption.Mss m) {
                mss = m.mss();
            }
        }
        if (cookie != null) {
            c.fastOpenPath.update(mss, cookie, nowNs);
        } else {
            c.fastOpenPath.disable(nowNs);
            c.fastOpenCookie = null;
        }
        c.fastOpenPath = null;
    }

    /**
     * The SYN-ACK acknowledges {@code ack}: the data of our SYN up to it leaves the send buffer (tcp_do_segment
     * process_ACK sbdrop); with TF_FASTOPEN still set, if not all of it was acknowledged, SND.NXT goes back to {@code ack} so the rest is sent at once (FreeBSD tcp_do_segment: "If not
     * all the data that was sent in the TFO SYN has been acked, resend the remainder right away", snd_nxt = th_ack).
     */
    private static void synDataAcked(TcpConnection c, int ack) {
        int dataAcked = ack - add(c.iss, 1);
        c.sendBuffer.drop(Math.min(Math.max(dataAcked, 0), c.sendBuffer.size()));
        if (c.fastOpenCookie != null && ack != c.sndMax) {
            c.sndNxt = ack; // only while TF_FASTOPEN is set: a SYN-ACK without the option cleared it first
        }
    }

    /** The segment with its SYN taken off: the text starts at SEG.SEQ + 1 (FreeBSD "th->th_seq++"). */
    private static TcpSegment pastTheSyn(TcpSegment s) {
        TcpHeader h = s.header();
        TcpHeader rest = new TcpHeader(h.sourcePort(), h.destinationPort(), add(h.seq(), 1), h.ack(),
                h.flags() & ~TcpHeader.SYN, h.window(), h.urgentPointer(), h.options());
        return new TcpSegment(rest, s.payload());
    }
}
