package io.jnetstack.personality;

/**
 * When an OS acknowledges at once and when it delays (RFC 1122 §4.2.3.2, RFC 5681 §4.2), and its Nagle rule
 * (RFC 896). The delayed-ACK timer itself is in {@link TcpTimers#delayedAckNs()}.
 *
 * @param quickAcks        ACKs sent at once at the start of a connection before delaying starts (Linux quick-ack
 *                         mode, TCP_MAX_QUICKACKS 16; XNU forces its first 16)
 * @param segmentsPerAck   full-sized segments received that force an ACK (2: "at least every second full-sized
 *                         segment")
 * @param minshallNagle    the Nagle test looks only for an unacknowledged <em>small</em> segment (Linux
 *                         tcp_minshall_check); false: any unacknowledged data holds a small segment back (BSD
 *                         tcp_output "idle" test)
 */
public record AckPolicy(int quickAcks, int segmentsPerAck, boolean minshallNagle) {
    /** Validates non-negative counts and at least one segment per ACK. */
    public AckPolicy {
        if (quickAcks < 0 || segmentsPerAck < 1) {
            throw new IllegalArgumentException("bad ACK policy");
        }
    }
}
