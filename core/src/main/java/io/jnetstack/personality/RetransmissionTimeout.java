package io.jnetstack.personality;

/**
 * An OS's bounds on the TCP retransmission timeout (RFC 6298): the value before any RTT sample, the floor and the
 * ceiling of the computed value.
 *
 * @param initialNs RTO before the first RTT measurement (RFC 6298 §2.1)
 * @param minNs     lower bound of the computed RTO (RFC 6298 §2.4 says 1 s; every kernel but OpenBSD uses less)
 * @param maxNs     upper bound after backoff (RFC 6298 §2.5)
 * @param slopNs    added to the computed (and backed-off) value before the bounds apply: FreeBSD's TCPT_RANGESET adds
 *                  net.inet.tcp.rexmit_slop (tcp_timer.h); 0 for the others
 */
public record RetransmissionTimeout(long initialNs, long minNs, long maxNs, long slopNs) {
    /** Validates 0 < min ≤ initial ≤ max and slop ≥ 0. */
    public RetransmissionTimeout {
        if (minNs <= 0 || initialNs < minNs || maxNs < initialNs || slopNs < 0) {
            throw new IllegalArgumentException("RTO bounds out of order");
        }
    }

    /** From milliseconds, with no slop. */
    public static RetransmissionTimeout ofMillis(long initialMs, long minMs, long maxMs) {
        return new RetransmissionTimeout(initialMs * 1_000_000L, minMs * 1_000_000L, maxMs * 1_000_000L, 0);
    }

    /** The same bounds with {@code slopMs} added to every computed value. */
    public RetransmissionTimeout withSlopMillis(long slopMs) {
        return new RetransmissionTimeout(initialNs, minNs, maxNs, slopMs * 1_000_000L);
    }
}
