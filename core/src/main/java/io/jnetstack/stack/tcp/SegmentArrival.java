package io.jnetstack.stack.tcp;

/**
 * Where an arriving segment goes (RFC 9293 §3.10.7): past the personality's SYN+FIN screen, to the input rules of
 * the connection's state — {@link SynSentInput}, {@link SynchronizedInput}, or {@link TimeWaitInput} where the
 * personality checks TIME-WAIT on its own — and then, unless the connection closed, to keep-alive as a sign of life.
 */
final class SegmentArrival {
    private SegmentArrival() {}

    /**
     * Processes segment {@code s} on {@code c}. A SYN+FIN the personality drops goes before anything else (FreeBSD
     * tcp_do_segment and tcp_twcheck under drop_synfin), without even counting as heard for keep-alive.
     */
    static void process(TcpConnection c, TcpSegment s, long nowNs) {
        c.stats.increment(TcpStats.Counter.SEGMENTS_IN);
        if (c.discardsSynFin(s.header())) {
            c.stats.increment(TcpStats.Counter.SYN_FIN_DROPS);
            return;
        }
        switch (c.state) {
            case TcpState.Closed closed -> { }
            case TcpState.SynSent ss -> SynSentInput.process(c, s, nowNs);
            case TcpState.SynReceived sr -> SynchronizedInput.process(c, s, nowNs);
            case TcpState.Established e -> SynchronizedInput.process(c, s, nowNs);
            case TcpState.FinWait1 f -> SynchronizedInput.process(c, s, nowNs);
            case TcpState.FinWait2 f -> SynchronizedInput.process(c, s, nowNs);
            case TcpState.CloseWait cw -> SynchronizedInput.process(c, s, nowNs);
            case TcpState.Closing cl -> SynchronizedInput.process(c, s, nowNs);
            case TcpState.LastAck la -> SynchronizedInput.process(c, s, nowNs);
            case TcpState.TimeWait tw -> {
                if (c.stateRules.timeWaitCheck()) {
                    TimeWaitInput.process(c, s, nowNs);
                } else {
                    SynchronizedInput.process(c, s, nowNs);
                }
            }
        }
        if (!(c.state instanceof TcpState.Closed)) {
            KeepAlive.heard(c, nowNs);
        }
    }
}
