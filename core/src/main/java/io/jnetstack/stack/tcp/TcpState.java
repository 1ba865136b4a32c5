package io.jnetstack.stack.tcp;

/**
 * RFC 9293 §3.3.2 connection states implemented so far, one record each (netstack3 style). The mutable sequence
 * variables live in {@link TcpConnection}; a state record holds what only that state needs.
 */
public sealed interface TcpState {

    /**
     * CLOSED: "represents no connection state at all". Reached after a refusal, a timeout or a reset.
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
}
