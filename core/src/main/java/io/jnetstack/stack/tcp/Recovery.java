package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.gt;

import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What an arriving ACK means for the sender: new data acknowledged (the congestion window grows), duplicate ACKs
 * and SACK information (loss detected: fast retransmit and recovery), partial and full acknowledgments during
 * recovery. With SACK, loss recovery is RFC 6675's (scoreboard, pipe, NextSeg); without it, RFC 6582 NewReno with
 * RFC 5681's window inflation. How far the window is cut is the congestion control's decision (NewReno, CUBIC).
 */
final class Recovery {
    /** RFC 5681 §3.2 / RFC 6675 §2: DupThresh. */
    static final int DUP_THRESH = 3;

    private Recovery() {}

    /** ACK processing after RFC 9293's acceptability and range checks passed. */
    static void onAck(TcpConnection c, TcpSegment s, long nowNs) {
        TcpHeader h = s.header();
        boolean newSack = c.scoreboard != null
                && c.scoreboard.update(c.sendAbs(h.ack()), sackBlocks(c, h), c.sendAbs(c.sndMax));
        if (gt(h.ack(), c.sndUna)) {
            onNewAck(c, h.ack(), nowNs);
        } else if (h.ack() == c.sndUna && s.payload().length() == 0 && !h.has(TcpHeader.FIN) && c.sndUna != c.sndMax) {
            onDuplicateAck(c, newSack, nowNs);
        }
    }

    private static List<SeqRange> sackBlocks(TcpConnection c, TcpHeader h) {
        List<SeqRange> out = new ArrayList<>(4);
        for (TcpOption o : h.options()) {
            if (o instanceof TcpOption.Sack sack) {
                for (TcpOption.SackBlock b : sack.blocks()) {
                    long start = SeqSpace.unwrap(b.left(), c.sndUnaAbs);
                    long end = SeqSpace.unwrap(b.right(), c.sndUnaAbs);
                    if (start < end) {
                        out.add(new SeqRange(start, end));
                    }
                }
            }
        }
        return out;
    }

    private static void onNewAck(TcpConnection c, int ack, long nowNs) {
        long flightBefore = c.sndNxt - c.sndUna;
        long rttBefore = c.timing ? nowNs - c.timedAtNs : -1;
        boolean sampled = c.timing && gt(ack, c.timedSeq);
        int acked = Sender.advanceUna(c, ack, nowNs);
        if (c.cc == null) {
            return;
        }
        if (!c.inRecovery) {
            c.dupAcks = 0;
            c.cc.onAck(acked, flightBefore, c.cwndLimited, sampled ? rttBefore : -1, nowNs);
            return;
        }
        if (c.sndUnaAbs >= c.recoverAbs) {
            // Full acknowledgment: recovery ends (RFC 6582 §3.2 step 6, RFC 6675 §5 "RecoveryPoint").
            c.inRecovery = false;
            c.dupAcks = 0;
            c.cc.onRecoveryExit(c.sndNxt - c.sndUna, nowNs);
        } else if (!c.sackOk) {
            // RFC 6582 §3.2 step 5: a partial ACK — retransmit the next unacknowledged segment, deflate the window by
            // the amount acknowledged, add back one SMSS if that was at least one SMSS.
            retransmitHead(c, nowNs);
            int smss = c.effectiveMss();
            c.recoveryWindow = Math.max(smss, c.recoveryWindow - acked + (acked >= smss ? smss : 0));
        }
    }

    /**
     * RFC 5681 §2's duplicate ACK (with SACK, RFC 6675 §2: one that reports new SACKed data). The third one, or
     * — with SACK — the head segment judged lost (IsLost), starts recovery; during NewReno recovery each one
     * inflates the window by one SMSS (RFC 5681 §3.2 step 4).
     */
    private static void onDuplicateAck(TcpConnection c, boolean newSack, long nowNs) {
        c.stats.increment(TcpStats.Counter.DUPLICATE_ACKS_IN);
        if (c.cc == null) {
            return;
        }
        if (c.inRecovery) {
            if (!c.sackOk) {
                c.recoveryWindow += c.effectiveMss();
            }
            return;
        }
        if (c.sackOk && !newSack) {
            return;
        }
        c.dupAcks++;
        if (c.recoverValid && c.sndUnaAbs <= c.recoverAbs) {
            return; // RFC 6582 §3.2 step 1: the ACK does not cover more than "recover" (after a timeout)
        }
        if (c.dupAcks >= DUP_THRESH || c.sackOk && c.scoreboard.isLost(c.sndUnaAbs, c.effectiveMss())) {
            enter(c, nowNs);
        }
    }

    /**
     * Fast retransmit and the start of recovery (RFC 5681 §3.2 steps 2–3, RFC 6582 §3.2 step 2, RFC 6675 §5 step
     * 4): remember the recovery point, let the congestion control cut the window, retransmit the first
     * unacknowledged segment.
     */
    private static void enter(TcpConnection c, long nowNs) {
        c.inRecovery = true;
        c.stats.increment(TcpStats.Counter.FAST_RECOVERIES);
        c.recoverAbs = c.sendAbs(c.sndMax);
        c.recoverValid = true;
        c.cc.onCongestionEvent(c.sndMax - c.sndUna, nowNs);
        c.highRxtAbs = c.sndUnaAbs;
        c.rescueRxtAbs = -1;
        c.recoveryWindow = c.cc.ssthresh() + (long) DUP_THRESH * c.effectiveMss();
        retransmitHead(c, nowNs);
        // RFC 6675 §5 (4.3): "To prevent repeated retransmission of the same data or a premature rescue
        // retransmission, set both HighRxt and RescueRxt to the highest sequence number in the retransmitted
        // segment" — the rescue of NextSeg rule 4 waits until HighACK passes it.
        c.rescueRxtAbs = c.highRxtAbs;
    }

    /** Retransmits the segment at SND.UNA (bounded by the first SACKed block above it). */
    private static void retransmitHead(TcpConnection c, long nowNs) {
        int n = Math.min(Segments.room(c), Math.min(c.sndMax - c.sndUna, c.sendBuffer.size()));
        if (c.scoreboard != null) {
            n = (int) Math.min(n, c.scoreboard.holeEnd(c.sndUnaAbs) - c.sndUnaAbs);
        }
        if (n > 0) {
            Sender.transmit(c, c.sndUna, TcpHeader.ACK, 0, n, nowNs);
            c.highRxtAbs = Math.max(c.highRxtAbs, c.sndUnaAbs + n);
            c.timing = false; // Karn: this segment is a retransmission
            c.retransmitAtNs = nowNs + c.rtt.rtoNs();
        }
    }

    /**
     * RFC 6675 §5 steps (C): while cwnd − pipe ≥ 1 SMSS, send the segment NextSeg names — a hole judged lost, new
     * data, a hole not yet SACKed past — and, when it names none, the rescue retransmission of rule 4.
     */
    static void sackOutput(TcpConnection c, long nowNs) {
        int smss = c.effectiveMss();
        for (int guard = 0; guard < 1 << 16; guard++) {
            long pipe = c.scoreboard.pipe(c.highRxtAbs, smss);
            if (c.cc.cwnd() - pipe < smss) {
                return;
            }
            long sndNxtAbs = c.sendAbs(c.sndNxt);
            long dataEnd = c.sndUnaAbs + c.sendBuffer.size();
            long rwndEdge = Math.min(c.sndUnaAbs + c.sndWnd, dataEnd);
            long seg = c.scoreboard.nextSeg(c.highRxtAbs, sndNxtAbs, rwndEdge, smss);
            if (seg < 0) {
                seg = c.scoreboard.rescueSeg(c.rescueRxtAbs, smss);
                if (seg < 0) {
                    return;
                }
                c.rescueRxtAbs = c.recoverAbs;
            }
            if (!sendSegmentAt(c, seg, sndNxtAbs, rwndEdge, nowNs)) {
                return;
            }
        }
    }

    /**
     * Sends the segment NextSeg chose, at its own sequence number: up to the next SACKed block (or SND.MAX) for a
     * retransmission, up to the receive window for new data. SND.NXT moves only when the segment starts at it.
     */
    private static boolean sendSegmentAt(TcpConnection c, long seg, long sndNxtAbs, long rwndEdge, long nowNs) {
        int from = (int) (seg - c.sndUnaAbs);
        long sndMaxAbs = c.sendAbs(c.sndMax);
        long limit = seg >= sndMaxAbs ? rwndEdge : Math.min(c.scoreboard.holeEnd(seg), sndMaxAbs);
        int n = (int) Math.min(Math.min(Segments.room(c), limit - seg), c.sendBuffer.size() - from);
        if (n <= 0) {
            return false;
        }
        Sender.transmit(c, c.sndUna + from, TcpHeader.ACK, from, n, nowNs);
        if (seg < sndMaxAbs) {
            c.highRxtAbs = Math.max(c.highRxtAbs, seg + n);
        }
        if (seg == sndNxtAbs) {
            Sender.advance(c, n);
        }
        if (c.retransmitAtNs == Long.MAX_VALUE) {
            c.retransmitAtNs = nowNs + c.rtt.rtoNs();
        }
        return true;
    }

    /** A retransmission timeout ends recovery and clears the scoreboard (RFC 6675 §5.1, FreeBSD tcp_timer_rexmt). */
    static void abandon(TcpConnection c) {
        c.inRecovery = false;
        c.recoverAbs = c.sendAbs(c.sndMax); // RFC 6582 §4: recover = the highest sequence sent at the timeout
        c.recoverValid = true;
        c.dupAcks = 0;
        c.rescueRxtAbs = -1;
        if (c.scoreboard != null) {
            c.scoreboard.reset();
        }
    }
}
