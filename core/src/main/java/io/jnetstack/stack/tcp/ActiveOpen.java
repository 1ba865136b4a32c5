package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.add;

import io.jnetstack.personality.SynRetransmission;

/**
 * The active open (RFC 9293 §3.10.1, OPEN call in CLOSED state): the first SYN, or none yet when Linux's
 * DEFER_CONNECT waits for the first write; then SYN retransmission on the connection's {@link SynRetransmission}
 * schedule and the give-up that ends the attempt.
 */
final class ActiveOpen {
    private ActiveOpen() {}

    /**
     * Sets up {@code c}, just constructed, for an active open with SYN schedule {@code r} and output options
     * {@code out}, opened by a TCP_FASTOPEN sendto {@code fo} (null for an ordinary connect), and sends the SYN
     * unless it is deferred.
     */
    static void open(TcpConnection c, SynRetransmission r, TcpOutputOptions out, FastOpen fo, long nowNs) {
        c.output = out;
        c.synSchedule = r;
        c.sndUna = c.iss;
        c.sndNxt = add(c.iss, 1);
        c.sndMax = c.sndNxt;
        if (fo != null) {
            c.sendBuffer.append(fo.data(), 0, fo.data().length);
            c.fastOpenCookie = fo.cookie();
            c.fastOpenPath = fo.cookie() == null ? null : fo.path();
            c.fastOpenServerMss = fo.serverMss();
        }
        if (fo != null && fo.deferred()) {
            c.synDeferred = true; // tcp_fastopen_defer_connect: SYN_SENT, no tcp_connect yet
            c.state = new TcpState.SynSent(nowNs, 0);
            c.deadlineNs = Long.MAX_VALUE;
            return;
        }
        sendSyn(c, nowNs);
    }

    /** Sends the first SYN, enters SYN-SENT and arms the state timer for the schedule's next SYN or give-up. */
    private static void sendSyn(TcpConnection c, long nowNs) {
        c.state = new TcpState.SynSent(nowNs, 1);
        Segments.syn(c, nowNs);
        c.deadlineNs = nowNs + (c.synSchedule.synCount() > 1 ? c.synSchedule.offsetNs(1) : c.synSchedule.giveUpNs());
    }

    /**
     * The deferred SYN leaves, carrying as much of {@code data[off, off+len)} as it holds next to its options (see
     * {@link TcpConnection#sendDeferredSyn}); returns the bytes it carries.
     */
    static int sendDeferredSyn(TcpConnection c, byte[] data, int off, int len, long nowNs) {
        if (!c.synDeferred) {
            throw new IllegalStateException("no deferred SYN");
        }
        c.synDeferred = false;
        int n = Math.max(0, Math.min(len, Segments.synDataRoom(c, nowNs)));
        c.sendBuffer.append(data, off, n);
        sendSyn(c, nowNs);
        return n;
    }

    /**
     * The state timer fired in SYN-SENT: the next SYN of the schedule goes (without the SYN options once the
     * personality drops them), or the attempt is given up.
     */
    static void expire(TcpConnection c, TcpState.SynSent ss, long nowNs) {
        SynRetransmission r = c.synSchedule;
        if (nowNs >= ss.firstSynNs() + r.giveUpNs() || ss.synsSent() >= r.synCount()) {
            if (nowNs >= ss.firstSynNs() + r.giveUpNs()) {
                // A remembered soft error replaces ETIMEDOUT (Linux sk_err_soft, BSD t_softerror).
                c.close(c.softError != null ? c.softError : TcpEvent.TIMED_OUT);
            } else {
                c.deadlineNs = ss.firstSynNs() + r.giveUpNs();
            }
            return;
        }
        int sent = ss.synsSent() + 1;
        c.state = new TcpState.SynSent(ss.firstSynNs(), sent);
        if (c.personality.dropsSynOptions(sent - 1)) {
            c.synOptionsDropped = true; // sticky, as FreeBSD clears the TF_REQ_* flags of the tcpcb
        }
        Segments.syn(c, nowNs);
        c.deadlineNs = ss.firstSynNs() + (sent < r.synCount() ? r.offsetNs(sent) : r.giveUpNs());
    }
}
