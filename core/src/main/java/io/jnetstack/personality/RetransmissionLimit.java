package io.jnetstack.personality;

/**
 * When an OS gives up retransmitting data on an established connection and drops it with ETIMEDOUT. Linux counts
 * elapsed time since the first unacknowledged retransmission against a model of tcp_retries2 backed-off RTOs
 * (net/ipv4/tcp_timer.c retransmits_timed_out, tcp_model_timeout); the BSDs count retransmissions
 * (TCP_MAXRXTSHIFT).
 *
 * @param maxRetransmissions retransmissions after which the next expiry drops the connection
 * @param maxElapsedNs       time since the first retransmission after which the next expiry drops it
 */
public record RetransmissionLimit(int maxRetransmissions, long maxElapsedNs) {
    /** Validates positive limits. */
    public RetransmissionLimit {
        if (maxRetransmissions <= 0 || maxElapsedNs <= 0) {
            throw new IllegalArgumentException("retransmission limits must be positive");
        }
    }

    /** A limit by count only (BSD TCP_MAXRXTSHIFT). */
    public static RetransmissionLimit count(int max) {
        return new RetransmissionLimit(max, Long.MAX_VALUE);
    }

    /** A limit by elapsed time only (Linux tcp_retries2 through tcp_model_timeout). */
    public static RetransmissionLimit elapsed(long ns) {
        return new RetransmissionLimit(Integer.MAX_VALUE, ns);
    }

    /** True when a connection that has retransmitted {@code count} times, the first {@code elapsedNs} ago, is dead. */
    public boolean exhausted(int count, long elapsedNs) {
        return count >= maxRetransmissions || elapsedNs >= maxElapsedNs;
    }
}
