package io.jnetstack.stack.tcp;

/**
 * The SYN-ACK retransmission timer of a passively opened connection in SYN-RECEIVED (Linux reqsk_timer_handler,
 * FreeBSD syncache_timer, OpenBSD syn_cache_timer, XNU tcp_timers TCPT_REXMT in SYN_RECEIVED).
 *
 * <p>Decision: until the listen-queue work lands, a passive connection arms no timer here (a lost SYN-ACK is
 * recovered by the client's SYN retransmission, which {@link SynchronizedInput} answers as RFC 9293 does).
 */
final class SynAckTimer {
    private SynAckTimer() {}

    /** Called when the SYN-ACK is first sent. */
    static void arm(TcpConnection c, long nowNs) {
        c.deadlineNs = Long.MAX_VALUE;
    }

    /** Called when the state timer of a SYN-RECEIVED connection fires. */
    static void expire(TcpConnection c, long nowNs) {
        c.deadlineNs = Long.MAX_VALUE;
    }
}
