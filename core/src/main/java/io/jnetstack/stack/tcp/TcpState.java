package io.jnetstack.stack.tcp;

/**
 * The connection states of RFC 9293 §3.3.2, one record each (netstack3 style); LISTEN lives in the demultiplexer,
 * which owns listening ports. The mutable sequence variables live in {@link TcpConnection}; a state record holds
 * what only that state needs.
 */
public sealed interface TcpState {

    /**
     * CLOSED: "represents no connection state at all". Reached after a refusal, a timeout, a reset, an abort, the
     * end of LAST-ACK or TIME-WAIT.
     */
    record Closed() implements TcpState {}

    /**
     * SYN-SENT: "waiting for a matching connection request after having sent a connection request".
     *
     * @param firstSynNs when the first SYN left (the retransmission schedule is measured from it)
     * @param synsSent   SYNs sent so far, the first included
     */
    record SynSent(long firstSynNs, int synsSent) implements TcpState {}

    /**
     * SYN-RECEIVED: "waiting for a confirming connection request acknowledgment after having both received and
     * sent a connection request".
     *
     * @param passive true when reached from LISTEN (a reset then returns the connection to nothing), false after a
     *                simultaneous open from SYN-SENT
     */
    record SynReceived(boolean passive) implements TcpState {}

    /**
     * ESTABLISHED: "an open connection, data received can be delivered to the user. The normal state for the data
     * transfer phase of the connection."
     */
    record Established() implements TcpState {}

    /**
     * FIN-WAIT-1: "waiting for a connection termination request from the remote TCP, or an acknowledgment of the
     * connection termination request previously sent" (our FIN is out, not yet acknowledged).
     */
    record FinWait1() implements TcpState {}

    /** FIN-WAIT-2: "waiting for a connection termination request from the remote TCP" (our FIN is acknowledged). */
    record FinWait2() implements TcpState {}

    /** CLOSE-WAIT: "waiting for a connection termination request from the local user" (the peer's FIN arrived). */
    record CloseWait() implements TcpState {}

    /**
     * CLOSING: "waiting for a connection termination request acknowledgment from the remote TCP" (simultaneous
     * close: both FINs crossed).
     */
    record Closing() implements TcpState {}

    /**
     * LAST-ACK: "waiting for an acknowledgment of the connection termination request previously sent to the remote
     * TCP (this termination request sent to the remote TCP already included an acknowledgment of the termination
     * request sent from the remote TCP)".
     */
    record LastAck() implements TcpState {}

    /**
     * TIME-WAIT: "waiting for enough time to pass to be sure the remote TCP received the acknowledgment of its
     * connection termination request" — for the personality's 2MSL.
     */
    record TimeWait() implements TcpState {}

    /** True in the states where a connection exists and has been synchronized (all but CLOSED and SYN-SENT). */
    static boolean synchronizedState(TcpState s) {
        return switch (s) {
            case Closed c -> false;
            case SynSent ss -> false;
            case SynReceived sr -> true;
            case Established e -> true;
            case FinWait1 f -> true;
            case FinWait2 f -> true;
            case CloseWait cw -> true;
            case Closing cl -> true;
            case LastAck la -> true;
            case TimeWait tw -> true;
        };
    }

    /** True where segment text is still accepted (RFC 9293 §3.10.7.4 seventh: ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2). */
    static boolean receivesText(TcpState s) {
        return s instanceof Established || s instanceof FinWait1 || s instanceof FinWait2;
    }

    /** True where the application may still queue data (ESTABLISHED and CLOSE-WAIT). */
    static boolean sendsText(TcpState s) {
        return s instanceof Established || s instanceof CloseWait;
    }
}
