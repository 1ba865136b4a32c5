package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.add;

import io.jnetstack.stack.tcp.cc.CongestionControls;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;

/**
 * What the three-way handshake settles (RFC 9293 §3.5): the passive side's answer to a SYN, the peer's SYN options
 * (MSS, window scaling, timestamps, SACK, ECN), the buffer sizes for the negotiated MSS, and the congestion control
 * and SACK state that start once the connection is established.
 */
final class Handshake {
    private Handshake() {}

    /**
     * Passive open of {@code c}, just constructed, with output options {@code out}: records the peer's SYN, answers
     * with a SYN-ACK carrying those of our options the peer offered, and enters SYN-RECEIVED.
     */
    static void accept(TcpConnection c, TcpSegment syn, TcpOutputOptions out, long nowNs) {
        c.output = out;
        c.irs = syn.header().seq();
        c.rcvNxt = add(c.irs, 1);
        c.rcvNxtAbs = SeqSpace.origin(c.rcvNxt);
        c.rcvAdv = add(c.rcvNxt, c.personality.synWindow(c.mss)); // what our SYN-ACK offers
        c.sndUna = c.iss;
        c.sndNxt = add(c.iss, 1);
        c.sndMax = c.sndNxt;
        SynOptions.Offer offer = learnPeerOptions(c, syn.header(), ownOffer(c, SynOptions.Offer.ALL));
        SynchronizedInput.updateWindow(c, syn.header(), false);
        c.state = new TcpState.SynReceived(true);
        acceptEcnSetup(c, syn.header());
        Segments.synAck(c, offer, nowNs);
        SynAckTimer.arm(c, nowNs);
    }

    /**
     * An ECN-setup SYN from the peer (ECE and CWR set, RFC 3168 §6.1.1) is answered with an ECN-setup SYN-ACK when
     * the personality accepts ECN (FreeBSD tcp_ecn_syncache_add / tcp_ecn_input_parallel_syn).
     */
    static void acceptEcnSetup(TcpConnection c, TcpHeader syn) {
        if (syn.has(TcpHeader.ECE) && syn.has(TcpHeader.CWR) && c.personality.acceptsEcnSetup()) {
            c.ecn = true;
        }
    }

    /** The active side learns the IRS and the peer's options from its SYN-ACK (or SYN, in a simultaneous open). */
    static void synchronize(TcpConnection c, TcpHeader synAck, SynOptions.Offer ours) {
        c.irs = synAck.seq();
        c.rcvNxt = add(c.irs, 1);
        c.rcvNxtAbs = SeqSpace.origin(c.rcvNxt);
        c.rcvAdv = add(c.rcvNxt, c.personality.synWindow(c.mss)); // what our SYN offered (SYN windows are never scaled)
        learnPeerOptions(c, synAck, ownOffer(c, ours));
        sizeBuffersForSegment(c);
    }

    /** {@code ours} less what this connection stopped offering (TCP_NOOPT, dropped SYN options): MSS only. */
    private static SynOptions.Offer ownOffer(TcpConnection c, SynOptions.Offer ours) {
        return c.output.noOptions() || c.synOptionsDropped ? new SynOptions.Offer(false, false, false) : ours;
    }

    /**
     * The personality's buffer rule once the segment size is known (FreeBSD tcp_mss(): each buffer rounds up to a
     * multiple of it, as the socket's SO_RCVBUF then shows): on the active side when the SYN-ACK or the SYN of a
     * simultaneous open arrives (tcp_do_segment calls tcp_mss in SYN-SENT), on the passive side when the handshake
     * completes (syncache_socket: a SYN-RECEIVED entry lives in the syncache, whose window is the SYN-ACK's).
     * RCV.WND follows the larger receive buffer. Rounding again changes nothing.
     */
    private static void sizeBuffersForSegment(TcpConnection c) {
        int segment = Math.min(c.peerMss, c.mss);
        c.received.setCapacity(c.personality.tcpBufferAfterHandshake(c.received.capacity(), segment));
        c.sendBuffer.setCapacity(c.personality.tcpBufferAfterHandshake(c.sendBuffer.capacity(), segment));
    }

    /**
     * The handshake is complete: the buffers take the personality's size for the negotiated MSS (FreeBSD tcp_mss()),
     * congestion control starts with the personality's algorithm and initial window for the effective MSS (RFC 5681
     * §3.1, RFC 6928), and the SACK state when both sides offered it.
     */
    static void established(TcpConnection c) {
        sizeBuffersForSegment(c);
        int smss = c.effectiveMss();
        c.cc = CongestionControls.create(c.algorithm, smss, c.personality.initialWindow(smss),
                c.personality.congestionTuning());
        c.sndUnaAbs = SeqSpace.origin(c.sndUna);
        if (c.sackOk) {
            c.scoreboard = new SackScoreboard(c.sndUnaAbs);
            c.scoreboard.onSent(c.sndUnaAbs + (c.sndMax - c.sndUna));
            c.sackBlocks = new SackBlocks(c.rcvNxtAbs, c.personality.sackReporting());
        }
    }

    /**
     * Records what the peer's SYN or SYN-ACK says about MSS, window scaling (RFC 7323 §2.2: both sides must offer
     * it, shift capped at 14), timestamps and SACK; returns what it offered.
     */
    private static SynOptions.Offer learnPeerOptions(TcpConnection c, TcpHeader syn, SynOptions.Offer ours) {
        SynOptions.Offer peer = SynOptions.offerOf(syn.options());
        for (TcpOption o : syn.options()) {
            if (o instanceof TcpOption.Mss m) {
                // RFC 9293 §3.7.1: Eff.snd.MSS = min(SendMSS, MMS_S − headers) — the offer never takes a segment
                // past our own route's MTU (Linux tcp_sync_mss: min(mss_clamp, pmtu − headers); FreeBSD
                // tcp_mss_update: min(route or host-cache MTU − headers, offer)), nor past a path MTU learnt in
                // SYN-SENT (synMss)
                c.peerMss = Math.min(m.mss(), Math.min(c.synMss, c.mss));
            } else if (o instanceof TcpOption.WindowScale w) {
                c.sndShift = Math.min(w.shift(), 14);
            } else if (o instanceof TcpOption.Timestamps ts) {
                c.tsRecent = ts.tsVal();
                c.tsRecentValid = true;
            }
        }
        boolean scaling = peer.windowScale() && ours.windowScale();
        c.windowScaling = scaling;
        c.sndShift = scaling ? c.sndShift : 0;
        c.rcvShift = scaling ? c.personality.windowScale() : 0;
        c.timestamps = peer.timestamps() && ours.timestamps();
        c.sackOk = peer.sackPermitted() && ours.sackPermitted()
                && c.personality.synOptionLayout().contains(io.jnetstack.personality.SynOption.SACK_PERMITTED);
        return peer;
    }
}
