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

    private static int advertisedWindow(TcpConnection c) {
        return Math.max(c.rcvWnd(), lt(c.rcvNxt, c.rcvAdv) ? c.rcvAdv - c.rcvNxt : 0);
    }

    private static boolean inWindow(TcpConnection c, int seq, int wnd) {
        return leq(c.rcvNxt, seq) && lt(seq, add(c.rcvNxt, wnd));
    }

    /**
     * Seventh and eighth checks: the text at RCV.NXT goes to the application's buffer (as much as fits) followed by
     * whatever held text now continues it; text beyond RCV.NXT inside the advertised window is held. A FIN is
     * taken once every byte before it has arrived (one held ahead of a gap waits for the gap to fill). Returns true
     * when the segment's FIN was processed.
     */
    static boolean acceptTextAndFin(TcpConnection c, TcpSegment s, long nowNs) {
        ByteString p = s.payload();
        int offset = s.header().seq() - c.rcvNxt;
        if (s.has(TcpHeader.FIN) && c.peerFinAbs < 0) {
            c.peerFinAbs = c.rcvNxtAbs + offset + p.length();
        }
        if (offset > 0) {
            holdOutOfOrder(c, p, offset);
        } else if (-offset < p.length()) {
            int n = Math.min(p.length() + offset, c.rcvWnd());
            c.received.append(p, -offset, n);
            advance(c, n);
        } else if (p.length() > 0) {
            c.stats.increment(TcpStats.Counter.DUPLICATE_SEGMENTS_IN);
        }
        for (byte[] more = c.outOfOrder.takeFrom(c.rcvNxtAbs, c.rcvWnd()); more.length > 0;
                more = c.outOfOrder.takeFrom(c.rcvNxtAbs, c.rcvWnd())) {
            c.received.append(more);
            advance(c, more.length);
        }
        if (c.peerFinAbs >= 0 && c.peerFinAbs == c.rcvNxtAbs) {
            c.peerFinAbs = Long.MIN_VALUE; // taken: never again
            c.rcvNxt = add(c.rcvNxt, 1);
            c.rcvNxtAbs++;
            onFin(c, nowNs);
            return true;
        }
        return false;
    }

    private static void holdOutOfOrder(TcpConnection c, ByteString p, int offset) {
        int room = advertisedWindow(c) - offset;
        if (room > 0 && p.length() > 0) {
            byte[] part = new byte[Math.min(p.length(), room)];
            p.copyTo(0, part, 0, part.length);
            c.outOfOrder.add(c.rcvNxtAbs + offset, part);
            c.stats.increment(TcpStats.Counter.OUT_OF_ORDER_IN);
        }
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

    /** The RECEIVE call: takes up to {@code max} bytes, sending a window update when that reopens the window. */
    static byte[] read(TcpConnection c, int max, long nowNs) {
        int threshold = Math.min(c.mss, c.received.capacity() / 2);
        boolean wasSmall = c.received.space() < threshold;
        byte[] out = c.received.take(max);
        if (wasSmall && c.received.space() >= threshold && TcpState.receivesText(c.state)) {
            c.sendAck(nowNs);
        }
        return out;
    }
}
