package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.add;
import static io.jnetstack.wire.tcp.SeqNum.lt;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;

/**
 * The sending half of a connection: new data and the FIN within the peer's window and the congestion window (RFC
 * 9293 §3.8.6.2.1, RFC 5681), Nagle's rule (RFC 896), the retransmission timer (RFC 6298) with the personality's
 * give-up rule, the zero-window probe (RFC 9293 §3.8.6.1), and send-buffer auto-sizing. Loss recovery on duplicate
 * ACKs and SACK lives in {@link Recovery}.
 *
 * <p>The send buffer holds the bytes from SND.UNA on; the FIN, once queued, takes the sequence number after the
 * last byte of it, so "bytes of data in flight" is {@code min(SND.NXT − SND.UNA, buffered)} and the FIN is in flight
 * when SND.NXT − SND.UNA exceeds the buffered bytes.
 */
final class Sender {
    /** IPv6 header plus the longest TCP header: what an offloaded datagram needs beyond its payload. */
    private static final int MAX_HEADERS = 40 + 60;

    private Sender() {}

    /**
     * Sends what the windows allow: during SACK recovery the RFC 6675 pipe loop decides; otherwise new data in
     * segments of at most the effective MSS while SND.NXT − SND.UNA stays within min(SND.WND, cwnd) (the inflated
     * RFC 6582 window during NewReno recovery), then the FIN once every byte has gone (piggybacked on the last data
     * segment when they leave together). A zero window with data waiting and nothing in flight sends one byte: the
     * window probe, retransmitted and backed off by the retransmission timer.
     */
    static void output(TcpConnection c, long nowNs) {
        if (c.cc != null && c.inRecovery && c.sackOk) {
            Recovery.sackOutput(c, nowNs);
        } else {
            sendNewData(c, nowNs);
        }
        sendFinIfDue(c, nowNs);
        boolean blocked = c.sndWnd == 0 && c.sendBuffer.size() > c.sndNxt - c.sndUna;
        if ((c.sndNxt != c.sndUna || blocked) && c.retransmitAtNs == Long.MAX_VALUE) {
            c.retransmitAtNs = nowNs + c.rtt.rtoNs(); // the retransmission timer, or the persist timer
        }
    }

    private static void sendNewData(TcpConnection c, long nowNs) {
        int inFlight = c.sndNxt - c.sndUna;
        int dataInFlight = Math.min(inFlight, c.sendBuffer.size());
        int unsent = c.sendBuffer.size() - dataInFlight;
        if (unsent <= 0) {
            return;
        }
        restartAfterIdle(c, inFlight, nowNs);
        long cwnd = congestionLimit(c);
        int window = c.forceProbe && inFlight == 0 ? Math.max(1, c.sndWnd) : c.sndWnd;
        c.forceProbe = false;
        long usable = Math.min(window, cwnd) - inFlight;
        int maxSeg = Segments.room(c);
        int burst = offloadBurst(c, maxSeg);
        boolean idle = inFlight == 0; // BSD tcp_output computes "idle" once, before its sendalot loop
        while (unsent > 0 && usable > 0) {
            int n = (int) Math.min(burst, Math.min(unsent, usable));
            if (n > maxSeg) {
                n -= n % maxSeg; // whole segments; a short tail goes on its own, under Nagle's rule
            }
            if (n < maxSeg && !mayLeaveSmall(c, n, unsent, idle)) {
                break;
            }
            boolean last = n == unsent;
            boolean fin = last && c.finQueued;
            int flags = TcpHeader.ACK | (last ? TcpHeader.PSH : 0) | (fin ? TcpHeader.FIN : 0);
            transmit(c, c.sndNxt, flags, dataInFlight, n, nowNs);
            if (n < maxSeg) {
                c.smallSentEnd = add(c.sndNxt, n);
            }
            advance(c, n + (fin ? 1 : 0));
            inFlight += n;
            dataInFlight += n;
            unsent -= n;
            usable -= n;
        }
        c.cwndLimited = unsent > 0 && cwnd <= window && usable < maxSeg;
    }

    /**
     * The most new data one segment may carry: one MSS, or with the link's segmentation offload as many whole
     * MSS-sized segments as fit one datagram of the offload size (less room for the IP and TCP headers).
     */
    private static int offloadBurst(TcpConnection c, int maxSeg) {
        int segments = (c.segmentOffload - MAX_HEADERS) / maxSeg;
        return segments > 1 ? segments * maxSeg : maxSeg;
    }

    /**
     * Nagle (RFC 896, RFC 9293 §3.7.4) as each OS writes it: a segment shorter than the MSS leaves now only if it
     * carries the last queued byte and either nothing is outstanding (BSD tcp_output "idle") or TCP_NODELAY is set —
     * Linux's Minshall variant asks only that no earlier <em>small</em> segment be outstanding — or if it is at least
     * half the largest window the peer has offered, or if it is a retransmission after a timeout. "Nothing
     * outstanding" is judged when output starts ({@code idleAtStart}): the tail of a write that fills a segment and
     * a bit goes with it (FreeBSD tcp_output: {@code idle} is set before the {@code again:} loop that sendalot
     * repeats).
     */
    private static boolean mayLeaveSmall(TcpConnection c, int n, int unsent, boolean idleAtStart) {
        if (lt(c.sndNxt, c.sndMax) || c.maxSndWnd > 0 && n >= c.maxSndWnd / 2) {
            return true;
        }
        if (n < unsent) {
            return false; // window-limited: wait for the window to open
        }
        boolean idle = idleAtStart
                || c.ackPolicy.minshallNagle() && !lt(c.sndUna, c.smallSentEnd);
        return idle || c.noDelay || c.finQueued;
    }

    /** The congestion window, or the inflated NewReno recovery window; unlimited before synchronization. */
    private static long congestionLimit(TcpConnection c) {
        if (c.cc == null) {
            return Integer.MAX_VALUE;
        }
        return c.inRecovery ? c.recoveryWindow : c.cc.cwnd();
    }

    /** RFC 5681 §4.1: after an idle period longer than the RTO, the window restarts. */
    private static void restartAfterIdle(TcpConnection c, int inFlight, long nowNs) {
        if (c.cc != null && inFlight == 0 && c.lastSendNs >= 0 && nowNs - c.lastSendNs > c.rtt.rtoNs()) {
            c.cc.onIdleRestart(nowNs - c.lastSendNs, c.rtt.rtoNs(), nowNs);
        }
    }

    private static void sendFinIfDue(TcpConnection c, long nowNs) {
        int inFlight = c.sndNxt - c.sndUna;
        int buffered = c.sendBuffer.size();
        if (c.finQueued && !c.finAcked && inFlight == buffered) {
            // RFC 9293 §3.10.4: the FIN goes once all queued data has been sent; it needs no window.
            transmit(c, c.sndNxt, TcpHeader.ACK | TcpHeader.FIN, 0, 0, nowNs);
            advance(c, 1);
        }
    }

    /** Sends {@code n} bytes of the buffer from offset {@code from} at {@code seq}, counting retransmissions. */
    static void transmit(TcpConnection c, int seq, int flags, int from, int n, long nowNs) {
        java.util.List<io.jnetstack.wire.tcp.TcpOption> opts = Segments.options(c, nowNs);
        ByteString payload;
        if (n == 0) {
            payload = ByteString.EMPTY;
        } else if (c.ipHeaderRoom > 0) {
            // room for the IP and TCP headers in front: the stack builds the datagram around the payload, no copy
            int room = c.ipHeaderRoom + TcpHeader.of(0, 0, 0, 0, 0, 0, opts).headerLength();
            payload = ByteString.wrapAfterRoom(c.sendBuffer.copyWithRoom(room, from, n), room);
        } else {
            payload = ByteString.wrap(c.sendBuffer.copy(from, n));
        }
        Segments.send(c, seq, c.rcvNxt, flags, opts, payload);
        c.lastSendNs = nowNs;
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

    /** Moves SND.NXT (and SND.MAX, and the scoreboard's view of it) forward by {@code n}. */
    static void advance(TcpConnection c, int n) {
        c.sndNxt = add(c.sndNxt, n);
        if (lt(c.sndMax, c.sndNxt)) {
            c.sndMax = c.sndNxt;
            if (c.scoreboard != null) {
                c.scoreboard.onSent(c.sendAbs(c.sndMax));
            }
        }
    }

    /**
     * SND.UNA advanced to {@code ack}: drop acknowledged data (and note an acknowledged FIN), sample the RTT,
     * restart or stop the timer (RFC 6298 §5.2, §5.3); returns the bytes acknowledged.
     */
    static int advanceUna(TcpConnection c, int ack, long nowNs) {
        c.retransmissions = 0;
        int acked = ack - c.sndUna;
        int data = Math.min(acked, c.sendBuffer.size());
        c.sendBuffer.drop(data);
        if (c.finQueued && acked > data) {
            c.finAcked = true;
        }
        c.sndUna = ack;
        c.sndUnaAbs += acked;
        if (lt(c.sndNxt, ack)) {
            c.sndNxt = ack; // after a timeout rewound SND.NXT, the peer had more than we resent
        }
        if (c.timing && lt(c.timedSeq, ack)) {
            c.timing = false;
            c.rtt.sample(nowNs - c.timedAtNs);
        }
        c.retransmitAtNs = c.sndUna == c.sndMax ? Long.MAX_VALUE : nowNs + c.rtt.rtoNs();
        growSendBuffer(c);
        return acked;
    }

    /**
     * Send-buffer auto-sizing (Linux tcp_sndbuf_expand, FreeBSD sendbuf_auto, XNU tcp_autosndbuf): the buffer
     * tracks twice the congestion window, within the personality's initial size and ceiling.
     */
    private static void growSendBuffer(TcpConnection c) {
        if (c.cc != null) {
            long want = Math.min(c.buffers.sendMax(), 2 * c.cc.cwnd());
            if (want > c.sendBuffer.capacity()) {
                c.sendBuffer.setCapacity((int) want);
            }
        }
    }

    /**
     * The persist timer expired with the peer's window shut and data waiting (RFC 9293 §3.8.6.1, RFC 1122
     * §4.2.2.17): one byte goes as a window probe, and the timer backs off like the retransmission timer. A probe
     * that is never answered does not end the connection by itself (Linux counts probes against tcp_retries2 only
     * while the peer stays silent; the BSDs bound them by TCP_MAXRXTSHIFT likewise): the probe's own
     * retransmissions are counted by the retransmission timer.
     */
    private static void persist(TcpConnection c, long nowNs) {
        c.stats.increment(TcpStats.Counter.WINDOW_PROBES);
        c.forceProbe = true;
        c.rtt.backOff();
        output(c, nowNs);
    }

    /**
     * The retransmission timer expired (RFC 6298 §5.4–5.6): give up when the personality's limit is reached
     * (ETIMEDOUT, or the soft error an ICMP left); else the congestion window collapses to one segment (RFC 5681
     * §3.1), recovery and the SACK scoreboard are forgotten (RFC 6675 §5.1), the timer backs off and sending starts
     * again from SND.UNA (go-back-N). Karn's rule: no RTT sample from retransmitted data.
     */
    static void retransmitTimeout(TcpConnection c, long nowNs) {
        c.retransmitAtNs = Long.MAX_VALUE;
        if (!TcpState.synchronizedState(c.state) || c.state instanceof TcpState.TimeWait) {
            return;
        }
        if (c.sndUna == c.sndMax) {
            if (c.sndWnd == 0 && c.sendBuffer.size() > 0) {
                persist(c, nowNs);
            }
            return;
        }
        if (c.retransmissions == 0) {
            // Linux measures from the head segment's original transmission (retrans_stamp = the skb's timestamp):
            // the timer that just fired was armed one RTO after it.
            c.firstRetransmitNs = nowNs - c.rtt.rtoNs();
        } else if (c.retransmissionLimit.exhausted(c.retransmissions, nowNs - c.firstRetransmitNs)) {
            c.close(c.softError != null ? c.softError : TcpEvent.TIMED_OUT);
            return;
        }
        c.retransmissions++;
        boolean probe = c.sndWnd == 0;
        c.stats.increment(probe ? TcpStats.Counter.WINDOW_PROBES : TcpStats.Counter.TIMEOUTS);
        if (c.cc != null && !probe) {
            c.cc.onTimeout(c.sndMax - c.sndUna, nowNs);
            Recovery.abandon(c);
        }
        c.rtt.backOff();
        c.timing = false;
        c.sndNxt = c.sndUna;
        output(c, nowNs);
    }
}
