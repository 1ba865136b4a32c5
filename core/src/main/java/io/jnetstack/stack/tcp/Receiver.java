package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.add;
import static io.jnetstack.wire.tcp.SeqNum.leq;
import static io.jnetstack.wire.tcp.SeqNum.lt;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;

/**
 * The receiving half of a connection: segment acceptability (RFC 9293 §3.10.7.4 first check), text in order and
 * out of order (seventh), the FIN (eighth), and the application's reads with receiver-side silly window avoidance.
 */
final class Receiver {
    private Receiver() {}

    /**
     * The four-case acceptability table over RCV.NXT and RCV.WND. RCV.WND is the window as advertised: a window
     * the application has since filled does not shrink it (RFC 9293 §3.8.6.2.2), so a peer that sent up to the
     * edge we offered is not refused.
     */
    static boolean acceptable(TcpConnection c, TcpSegment s) {
        int len = s.sequenceLength();
        int seq = s.header().seq();
        int wnd = advertisedWindow(c);
        if (len == 0) {
            // Zero-length segments (pure ACKs) at the right edge itself are accepted, as BSD tcp_input
            // ("todrop > 0") and Linux tcp_sequence (!after(seq, rcv_nxt + window)) both do.
            return wnd == 0 ? seq == c.rcvNxt : leq(c.rcvNxt, seq) && leq(seq, add(c.rcvNxt, wnd));
        }
        return wnd != 0 && (inWindow(c, seq, wnd) || inWindow(c, add(seq, len - 1), wnd));
    }

    /**
     * A segment refused by {@link #acceptable}, before the ACK that answers it: FreeBSD reports one that lies wholly
     * below RCV.NXT as a D-SACK block ({@link FreeBsdSackInput#refusedDuplicate}); the generic list does not.
     */
    static void refused(TcpConnection c, TcpSegment s) {
        FreeBsdSackInput.refusedDuplicate(c, s);
    }

    /** Whether the peer's FIN has been received in order: CLOSE-WAIT, CLOSING, LAST-ACK and TIME-WAIT follow it. */
    static boolean peerClosed(TcpConnection c) {
        return switch (c.state) {
            case TcpState.CloseWait cw -> true;
            case TcpState.Closing cl -> true;
            case TcpState.LastAck la -> true;
            case TcpState.TimeWait tw -> true;
            case TcpState.Closed closed -> false;
            case TcpState.SynSent ss -> false;
            case TcpState.SynReceived sr -> false;
            case TcpState.Established e -> false;
            case TcpState.FinWait1 f -> false;
            case TcpState.FinWait2 f -> false;
        };
    }

    /** RCV.WND: the buffer's free space, but not less than what is left of the window advertised. */
    static int window(TcpConnection c) {
        return advertisedWindow(c);
    }

    private static int advertisedWindow(TcpConnection c) {
        return Math.max(c.rcvWnd(), c.offeredWindow());
    }

    /**
     * Receiver-side silly window avoidance (RFC 9293 §3.8.6.2.2, RFC 1122 §4.2.3.3; BSD tcp_output "win <
     * sb_hiwat / 4 && win < t_maxseg → 0"): an opening smaller than min(MSS, buffer/4) is not offered, and an
     * offered right edge is never taken back (RFC 9293 §3.8.6.2.2 "shrinking the window" is discouraged).
     */
    static int advertisableWindow(TcpConnection c) {
        int wnd = c.rcvWnd();
        if (wnd < Math.min(c.mss, c.received.capacity() / 4)) {
            wnd = 0;
        }
        return Math.max(wnd, c.offeredWindow());
    }

    private static boolean inWindow(TcpConnection c, int seq, int wnd) {
        return leq(c.rcvNxt, seq) && lt(seq, add(c.rcvNxt, wnd));
    }

    /**
     * Seventh and eighth checks: the text at RCV.NXT goes to the application's buffer (as much as fits) followed by
     * whatever held text now continues it; text beyond RCV.NXT inside the advertised window is held. A FIN is
     * taken once every byte before it has arrived (one held ahead of a gap waits for the gap to fill). Then the
     * acknowledgment: at once or delayed, as {@link #acknowledge} decides.
     */
    static void acceptTextAndFin(TcpConnection c, TcpSegment s, long nowNs) {
        ByteString p = s.payload();
        int offset = s.header().seq() - c.rcvNxt;
        if (s.has(TcpHeader.FIN) && c.peerFinAbs < 0 && c.peerFinAbs != Long.MIN_VALUE) {
            c.peerFinAbs = c.rcvNxtAbs + offset + p.length();
        }
        int heldBefore = c.outOfOrder.size();
        boolean duplicate = false;
        boolean full = p.length() >= c.mss - (c.timestamps ? TcpConnection.TS_OPTION_BYTES : 0);
        FreeBsdSackInput bsd = FreeBsdSackInput.begin(c, offset, p.length());
        boolean generic = c.sackBlocks != null && bsd == null;
        int stored = 0;
        if (offset > 0) {
            stored = holdOutOfOrder(c, p, offset);
        } else if (-offset < p.length()) {
            stored = takeInOrder(c, p, offset, generic);
            growWindow(c, full);
        } else if (p.length() > 0) {
            duplicate = true;
            c.stats.increment(TcpStats.Counter.DUPLICATE_SEGMENTS_IN);
            if (generic) {
                c.sackBlocks.onDuplicate(c.rcvNxtAbs + offset, c.rcvNxtAbs + offset + p.length());
            }
        }
        deliverHeld(c);
        if (bsd != null) {
            bsd.afterText(stored, c.rcvNxtAbs);
        }
        boolean fin = c.peerFinAbs >= 0 && c.peerFinAbs == c.rcvNxtAbs;
        if (fin) {
            c.peerFinAbs = Long.MIN_VALUE; // taken: never again
            c.rcvNxt = add(c.rcvNxt, 1);
            c.rcvNxtAbs++;
            onFin(c, nowNs);
        }
        boolean outOfOrder = offset > 0 || heldBefore > 0 || duplicate || bsd != null && bsd.ackNow();
        acknowledge(c, fin || outOfOrder || p.length() == 0, nowNs);
    }

    /**
     * Text that starts at or before RCV.NXT and reaches past it: the new part goes to the application's buffer (as
     * much as fits); returns the bytes taken. The generic SACK list notes a part below RCV.NXT as a duplicate.
     */
    private static int takeInOrder(TcpConnection c, ByteString p, int offset, boolean genericSack) {
        if (offset < 0 && genericSack) {
            c.sackBlocks.onDuplicate(c.rcvNxtAbs + offset, c.rcvNxtAbs); // RFC 2883 §4: a partial duplicate
        }
        int n = c.received.append(p, -offset, p.length() + offset);
        advance(c, n);
        return n;
    }

    /**
     * The text of a simultaneous-open SYN, held at RCV.NXT (as much as the window takes) until our SYN is
     * acknowledged; {@link #deliverHeld} then passes it on (FreeBSD: tcp_reass queues it in SYN_RECEIVED).
     */
    static void holdUntilEstablished(TcpConnection c, ByteString p) {
        int n = Math.min(p.length(), advertisedWindow(c));
        if (n > 0) {
            byte[] part = new byte[n];
            p.copyTo(0, part, 0, n);
            c.outOfOrder.add(c.rcvNxtAbs, part);
        }
    }

    /** Held text that now continues from RCV.NXT goes to the application's buffer (as much as fits). */
    static void deliverHeld(TcpConnection c) {
        for (byte[] more = c.outOfOrder.takeFrom(c.rcvNxtAbs, c.received.space()); more.length > 0;
                more = c.outOfOrder.takeFrom(c.rcvNxtAbs, c.received.space())) {
            c.received.append(more, 0, more.length);
            advance(c, more.length);
        }
        if (c.sackBlocks != null) {
            c.sackBlocks.onAdvance(c.rcvNxtAbs);
        }
    }

    /**
     * RFC 1122 §4.2.3.2 and RFC 5681 §4.2: an ACK goes at once for a FIN, for text out of order or filling a gap
     * (RFC 5681: "an immediate ACK ... when an out-of-order segment arrives" and when it "fills in all or part of a
     * gap"), for duplicates, during the personality's quick-ack start, and for every second full-sized segment;
     * otherwise it waits for the delayed-ACK timer (or for a data segment to carry it).
     */
    static void acknowledge(TcpConnection c, boolean now, long nowNs) {
        int perAck = c.ackPolicy.segmentsPerAck();
        if (now || c.quickAcksLeft > 0 || ++c.segmentsUnacked >= perAck) {
            if (c.quickAcksLeft > 0 && !now) {
                c.quickAcksLeft--;
            }
            Segments.ack(c, nowNs);
            return;
        }
        if (c.delackAtNs == Long.MAX_VALUE) {
            c.delackAtNs = nowNs + c.timers.delayedAckNs();
            c.stats.increment(TcpStats.Counter.DELAYED_ACKS);
        }
    }

    /**
     * Linux tcp_grow_window: each full-sized in-order segment lets the advertised window grow by two segments
     * toward the buffer (rcv_ssthresh); the BSDs advertise the whole free buffer from the start.
     */
    private static void growWindow(TcpConnection c, boolean fullSegment) {
        if (fullSegment && c.windowClamp < c.received.capacity()) {
            c.windowClamp = Math.min(c.received.capacity(), c.windowClamp + 2 * c.mss);
        }
    }

    /** Holds what fits the advertised window of text beyond RCV.NXT; returns the bytes held. */
    private static int holdOutOfOrder(TcpConnection c, ByteString p, int offset) {
        int room = advertisedWindow(c) - offset;
        if (room <= 0 || p.length() == 0) {
            return 0;
        }
        byte[] part = new byte[Math.min(p.length(), room)];
        p.copyTo(0, part, 0, part.length);
        c.outOfOrder.add(c.rcvNxtAbs + offset, part);
        c.stats.increment(TcpStats.Counter.OUT_OF_ORDER_IN);
        if (c.sackBlocks != null) {
            c.sackBlocks.onOutOfOrder(c.rcvNxtAbs + offset, c.rcvNxtAbs + offset + part.length);
        }
        return part.length;
    }

    private static void advance(TcpConnection c, int n) {
        c.rcvNxt = add(c.rcvNxt, n);
        c.rcvNxtAbs += n;
        c.stats.add(TcpStats.Counter.BYTES_RECEIVED, n);
    }

    /**
     * RFC 9293 §3.10.7.4 eighth: "signal the user 'connection closing' ... advance RCV.NXT over the FIN, and send
     * an acknowledgment"; SYN-RECEIVED and ESTABLISHED enter CLOSE-WAIT; FIN-WAIT-1 enters TIME-WAIT if our FIN
     * is acknowledged, else CLOSING; FIN-WAIT-2 enters TIME-WAIT; TIME-WAIT restarts its 2MSL timeout.
     */
    private static void onFin(TcpConnection c, long nowNs) {
        c.report(TcpEvent.PEER_CLOSED);
        switch (c.state) {
            case TcpState.SynReceived sr -> c.state = new TcpState.CloseWait();
            case TcpState.Established e -> c.state = new TcpState.CloseWait();
            case TcpState.FinWait1 f -> {
                if (c.finAcked) {
                    c.enterTimeWait(nowNs);
                } else {
                    c.state = new TcpState.Closing();
                }
            }
            case TcpState.FinWait2 f -> c.enterTimeWait(nowNs);
            case TcpState.TimeWait tw -> c.enterTimeWait(nowNs);
            case TcpState.CloseWait cw -> { }
            case TcpState.Closing cl -> { }
            case TcpState.LastAck la -> { }
            case TcpState.Closed cl -> { }
            case TcpState.SynSent ss -> { }
        }
    }

    /**
     * The RECEIVE call: takes up to {@code max} bytes, sending a window update when that reopens the window from
     * below one MSS (or half the buffer) — receiver-side silly window avoidance, RFC 9293 §3.8.6.2.2 — and auto-sizes
     * the receive buffer.
     */
    static byte[] read(TcpConnection c, int max, long nowNs) {
        int known = c.offeredWindow();
        byte[] out = c.received.take(max);
        afterRead(c, known, out.length, nowNs);
        return out;
    }

    /** As {@link #read(TcpConnection, int, long)}, into {@code into[off, off+len)}; returns the bytes read. */
    static int read(TcpConnection c, byte[] into, int off, int len, long nowNs) {
        int known = c.offeredWindow();
        int n = c.received.take(into, off, len);
        afterRead(c, known, n, nowNs);
        return n;
    }

    private static void afterRead(TcpConnection c, int known, int n, long nowNs) {
        autoSize(c, n, nowNs);
        if (TcpState.receivesText(c.state) && c.personality.windowUpdateAfterRead(known, c.rcvWnd(),
                Math.min(c.mss, c.peerMss), c.received.capacity(), c.rcvShift, c.delackAtNs != Long.MAX_VALUE)) {
            Segments.ack(c, nowNs);
        }
    }

    /**
     * Receive-buffer auto-sizing in the manner of Linux tcp_rcv_space_adjust (dynamic right-sizing) and FreeBSD's
     * recvbuf_auto: once per smoothed RTT, if the application read more than in the previous RTT (the sender is
     * not yet held back by anything but our window), the window may grow to twice what was read plus sixteen
     * segments, up to the personality's ceiling.
     */
    private static void autoSize(TcpConnection c, int n, long nowNs) {
        long rtt = c.rtt.srttNs();
        if (rtt <= 0) {
            return;
        }
        if (c.rcvSpaceStartNs < 0) {
            c.rcvSpaceStartNs = nowNs;
        }
        c.rcvSpaceCopied += n;
        if (nowNs - c.rcvSpaceStartNs < rtt) {
            return;
        }
        int cap = c.received.capacity();
        if (c.rcvSpaceCopied > c.rcvSpaceLast) {
            c.rcvSpaceLast = c.rcvSpaceCopied;
            long want = Math.min(c.buffers.receiveMax(), 2 * c.rcvSpaceCopied + 16L * c.mss);
            if (want > cap) {
                c.received.setCapacity((int) want);
                if (!c.buffers.gradualWindow()) {
                    c.windowClamp = Integer.MAX_VALUE;
                }
            }
        }
        c.rcvSpaceStartNs = nowNs;
        c.rcvSpaceCopied = 0;
    }
}
