package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.add;
import static io.jnetstack.wire.tcp.SeqNum.lt;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;

/**
 * The sending half of a connection: new data and the FIN within the peer's window (RFC 9293 §3.8.6.2.1), the
 * retransmission timer (RFC 6298), the zero-window probe (RFC 9293 §3.8.6.1), acknowledgment of sent data, and
 * fast retransmit (RFC 5681 §3.2).
 *
 * <p>The send buffer holds the bytes from SND.UNA on; the FIN, once queued, takes the sequence number after the
 * last byte of it, so "bytes of data in flight" is {@code min(SND.NXT − SND.UNA, buffered)} and the FIN is in flight
 * when SND.NXT − SND.UNA exceeds the buffered bytes.
 */
final class Sender {
    private Sender() {}

    /**
     * Sends new data within the peer's window in segments of at most the effective MSS, then the FIN if one is
     * queued and every byte has gone (piggybacked on the last data segment when they leave together), starts the
     * retransmission timer, and times one segment at a time for RTT (RFC 6298 §3). A zero window with data waiting
     * sends one byte anyway when nothing is in flight: the window probe, retransmitted and backed off by the same
     * timer.
     */
    static void output(TcpConnection c, long nowNs) {
        int inFlight = c.sndNxt - c.sndUna;
        int buffered = c.sendBuffer.size();
        int dataInFlight = Math.min(inFlight, buffered);
        int unsent = buffered - dataInFlight;
        boolean finOut = c.finQueued && inFlight > buffered;
        int usable = (c.sndWnd == 0 && inFlight == 0 && unsent > 0 ? 1 : c.sndWnd) - inFlight;
        int maxSeg = c.effectiveMss();
        while (unsent > 0 && usable > 0) {
            int n = Math.min(maxSeg, Math.min(unsent, usable));
            boolean last = n == unsent;
            boolean fin = last && c.finQueued;
            int flags = TcpHeader.ACK | (last ? TcpHeader.PSH : 0) | (fin ? TcpHeader.FIN : 0);
            transmit(c, c.sndNxt, flags, dataInFlight, n, nowNs);
            advance(c, n + (fin ? 1 : 0));
            finOut |= fin;
            dataInFlight += n;
            unsent -= n;
            usable -= n;
        }
        if (c.finQueued && !finOut && unsent == 0 && !c.finAcked) {
            // RFC 9293 §3.10.4: the FIN goes once all queued data has been sent; it needs no window.
            transmit(c, c.sndNxt, TcpHeader.ACK | TcpHeader.FIN, 0, 0, nowNs);
            advance(c, 1);
        }
        if (c.sndNxt != c.sndUna && c.retransmitAtNs == Long.MAX_VALUE) {
            c.retransmitAtNs = nowNs + c.rtt.rtoNs();
        }
    }

    private static void transmit(TcpConnection c, int seq, int flags, int from, int n, long nowNs) {
        ByteString payload = n == 0 ? ByteString.EMPTY : ByteString.wrap(c.sendBuffer.copy(from, n));
        c.send(seq, c.rcvNxt, flags, c.dataOptions(nowNs), payload);
        if (lt(seq, c.sndMax)) {
            c.stats.increment(TcpStats.Counter.RETRANSMITTED_SEGMENTS);
            c.stats.add(TcpStats.Counter.RETRANSMITTED_BYTES, n);
        } else {
            c.stats.add(TcpStats.Counter.BYTES_SENT, n);
            if (!c.timing) {
                c.timing = true;
                c.timedSeq = seq;
                c.timedAtNs = nowNs;
            }
        }
    }

    private static void advance(TcpConnection c, int n) {
        c.sndNxt = add(c.sndNxt, n);
        if (lt(c.sndMax, c.sndNxt)) {
            c.sndMax = c.sndNxt;
        }
    }

    /**
     * SND.UNA advanced to {@code ack}: drop acknowledged data (and note an acknowledged FIN), sample the RTT,
     * restart or stop the timer (RFC 6298 §5.2, §5.3).
     */
    static void onNewAck(TcpConnection c, int ack, long nowNs) {
        c.dupAcks = 0;
        c.retransmissions = 0;
        int acked = ack - c.sndUna;
        int data = Math.min(acked, c.sendBuffer.size());
        c.sendBuffer.drop(data);
        if (c.finQueued && acked > data) {
            c.finAcked = true;
        }
        c.sndUna = ack;
        if (lt(c.sndNxt, ack)) {
            c.sndNxt = ack; // after a timeout rewound SND.NXT, the peer had more than we resent
        }
        if (c.timing && lt(c.timedSeq, ack)) {
            c.timing = false;
            c.rtt.sample(nowNs - c.timedAtNs);
        }
        c.retransmitAtNs = c.sndUna == c.sndMax ? Long.MAX_VALUE : nowNs + c.rtt.rtoNs();
    }

    /**
     * The retransmission timer expired (RFC 6298 §5.4–5.6): give up when the personality's limit is reached
     * (ETIMEDOUT, or the soft error an ICMP left), else back off the timer and send again from SND.UNA
     * (go-back-N). Karn's rule: no RTT sample from retransmitted data.
     */
    static void retransmitTimeout(TcpConnection c, long nowNs) {
        c.retransmitAtNs = Long.MAX_VALUE;
        if (c.sndUna == c.sndMax || !TcpState.synchronizedState(c.state) || c.state instanceof TcpState.TimeWait) {
            return;
        }
        if (c.retransmissions == 0) {
            // Linux measures from the head segment's original transmission (retrans_stamp = the skb's timestamp):
            // the timer that just fired was armed one RTO after it.
            c.firstRetransmitNs = nowNs - c.rtt.rtoNs();
        } else if (c.personality.retransmissionLimit().exhausted(c.retransmissions, nowNs - c.firstRetransmitNs)) {
            c.close(c.softError != null ? c.softError : TcpEvent.TIMED_OUT);
            return;
        }
        c.retransmissions++;
        c.stats.increment(c.sndWnd == 0 ? TcpStats.Counter.WINDOW_PROBES : TcpStats.Counter.TIMEOUTS);
        c.rtt.backOff();
        c.timing = false;
        c.sndNxt = c.sndUna;
        output(c, nowNs);
    }

    /**
     * A duplicate ACK (RFC 5681 §2: no data, SEG.ACK = SND.UNA, data outstanding). The third one triggers fast
     * retransmit of the first unacknowledged segment (RFC 5681 §3.2) without rewinding SND.NXT. Decision: no
     * congestion window yet, so there is no fast-recovery inflation; that arrives with NewReno/CUBIC.
     */
    static void onDuplicateAck(TcpConnection c, long nowNs) {
        if (c.sndUna == c.sndMax) {
            return;
        }
        c.stats.increment(TcpStats.Counter.DUPLICATE_ACKS_IN);
        if (++c.dupAcks != 3) {
            return;
        }
        int n = Math.min(c.effectiveMss(), Math.min(c.sndMax - c.sndUna, c.sendBuffer.size()));
        if (n > 0) {
            c.stats.increment(TcpStats.Counter.FAST_RECOVERIES);
            transmit(c, c.sndUna, TcpHeader.ACK, 0, n, nowNs);
            c.timing = false; // Karn: this segment is a retransmission
            c.retransmitAtNs = nowNs + c.rtt.rtoNs();
        }
    }
}
