package io.jnetstack.stack.tcp;

/**
 * What the connection's timers do when they come due: the delayed ACK (RFC 1122 §4.2.3.2), keep-alive, the
 * retransmission or persist timer (RFC 6298), and the state timer, whose meaning depends on the state — SYN
 * retransmission and give-up ({@link ActiveOpen}), the end of TIME-WAIT or of an orphaned FIN-WAIT-2.
 */
final class Timeouts {
    private Timeouts() {}

    /** Runs every timer of {@code c} that is due at {@code nowNs}, in the order above. */
    static void run(TcpConnection c, long nowNs) {
        if (nowNs >= c.delackAtNs) {
            Segments.ack(c, nowNs);
        }
        if (nowNs >= c.keepAtNs) {
            KeepAlive.expire(c, nowNs);
        }
        if (nowNs >= c.retransmitAtNs) {
            Sender.retransmitTimeout(c, nowNs);
        }
        if (nowNs < c.deadlineNs) {
            return;
        }
        switch (c.state) {
            case TcpState.SynSent ss -> ActiveOpen.expire(c, ss, nowNs);
            case TcpState.TimeWait tw -> c.close(TcpEvent.CLOSED);
            case TcpState.FinWait2 f -> {
                if (c.rules.resetOnOrphanTimeout()) {
                    Segments.resetAck(c);
                }
                c.close(TcpEvent.CLOSED);
            }
            case TcpState.Closed closed -> c.deadlineNs = Long.MAX_VALUE;
            case TcpState.SynReceived sr -> SynAckTimer.expire(c, nowNs);
            case TcpState.Established e -> c.deadlineNs = Long.MAX_VALUE;
            case TcpState.FinWait1 f -> c.deadlineNs = Long.MAX_VALUE;
            case TcpState.CloseWait cw -> c.deadlineNs = Long.MAX_VALUE;
            case TcpState.Closing cl -> c.deadlineNs = Long.MAX_VALUE;
            case TcpState.LastAck la -> c.deadlineNs = Long.MAX_VALUE;
        }
    }
}
