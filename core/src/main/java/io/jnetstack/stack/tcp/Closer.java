package io.jnetstack.stack.tcp;

/**
 * The user's CLOSE, shutdown-for-writing and ABORT calls (RFC 9293 §3.10.4, §3.10.5) and the timer that ends an
 * orphaned FIN-WAIT-2.
 */
final class Closer {
    private Closer() {}

    /**
     * CLOSE: nothing more will be sent or read. With data still unread, Linux aborts with a RST (RFC 2525 §2.17)
     * while the BSDs discard it (sbflush) and send a FIN; the personality says which. A connection already in
     * FIN-WAIT-2 after a half-close starts its orphan timer now.
     */
    static void close(TcpConnection c, long nowNs) {
        c.userClosed = true;
        if (c.received.size() > 0 && TcpState.synchronizedState(c.state)) {
            if (c.rules.resetOnUnreadData()) {
                abort(c, nowNs);
                return;
            }
            c.received.take(c.received.size());
        }
        if (c.state instanceof TcpState.FinWait2) {
            armFinWait2(c, nowNs);
        }
        shutdownOutput(c, nowNs);
    }

    /**
     * Queues the FIN (RFC 9293 §3.10.4 CLOSE): from ESTABLISHED (and SYN-RECEIVED: "if no SENDs have been issued
     * ... form a FIN segment and send it") to FIN-WAIT-1, from CLOSE-WAIT to LAST-ACK. In SYN-SENT the connection
     * is deleted without a segment. Elsewhere the FIN is already out.
     */
    static void shutdownOutput(TcpConnection c, long nowNs) {
        switch (c.state) {
            case TcpState.SynSent ss -> c.close(null);
            case TcpState.SynReceived sr -> queueFin(c, new TcpState.FinWait1(), nowNs);
            case TcpState.Established e -> queueFin(c, new TcpState.FinWait1(), nowNs);
            case TcpState.CloseWait cw -> queueFin(c, new TcpState.LastAck(), nowNs);
            case TcpState.Closed cl -> { }
            case TcpState.FinWait1 f -> { }
            case TcpState.FinWait2 f -> { }
            case TcpState.Closing cl -> { }
            case TcpState.LastAck la -> { }
            case TcpState.TimeWait tw -> { }
        }
    }

    private static void queueFin(TcpConnection c, TcpState next, long nowNs) {
        c.finQueued = true;
        c.state = next;
        Sender.output(c, nowNs);
    }

    /**
     * ABORT (RFC 9293 §3.10.5): in SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2 and CLOSE-WAIT "send a reset
     * segment <SEQ=SND.NXT><CTL=RST>" (Linux tcp_send_active_reset and BSD tcp_drop send RST,ACK); in every state
     * the connection is then deleted.
     */
    static void abort(TcpConnection c, long nowNs) {
        boolean reset = switch (c.state) {
            case TcpState.SynReceived sr -> true;
            case TcpState.Established e -> true;
            case TcpState.FinWait1 f -> true;
            case TcpState.FinWait2 f -> true;
            case TcpState.CloseWait cw -> true;
            case TcpState.Closed cl -> false;
            case TcpState.SynSent ss -> false;
            case TcpState.Closing cl -> false;
            case TcpState.LastAck la -> false;
            case TcpState.TimeWait tw -> false;
        };
        if (reset) {
            Segments.resetAck(c);
        }
        c.close(null);
    }

    /** An orphaned FIN-WAIT-2 waits the personality's time for the peer's FIN, then goes away. */
    static void armFinWait2(TcpConnection c, long nowNs) {
        c.deadlineNs = nowNs + c.timers.finWait2Ns();
    }
}
