package io.jnetstack.personality;

/**
 * An OS's bounds on the TCP retransmission timeout (RFC 6298): the value before any RTT sample, the floor and the
 * ceiling of the computed value.
 *
 * @param initialNs RTO before the first RTT measurement (RFC 6298 §2.1)
 * @param minNs     lower bound of the computed RTO (RFC 6298 §2.4 says 1 s; every kernel but OpenBSD uses less)
 * @param maxNs     upper bound after backoff (RFC 6298 §2.5)
 */
public record RetransmissionTimeout(long initialNs, long minNs, long maxNs) {
    /** Validates 0 < min ≤ initial ≤ max. */
    public RetransmissionTimeout {
        if (minNs <= 0 || initialNs < minNs || maxNs < initialNs) {
            throw new IllegalArgumentException("RTO bounds out of order");
        }
    }

    /** From milliseconds. */
    public static RetransmissionTimeout ofMillis(long initialMs, long minMs, long maxMs) {
        return new RetransmissionTimeout(initialMs * 1_000_000L, minMs * 1_000_000L, maxMs * 1_000_000L);
    }
}
