package io.jnetstack.stack.tcp;

import io.jnetstack.personality.RetransmissionTimeout;

/**
 * RFC 6298 retransmission timeout: SRTT and RTTVAR from RTT samples (§2.2, §2.3), RTO = SRTT + max(G, 4·RTTVAR)
 * clamped to the personality's bounds (§2.4, §2.5), doubled on each expiry (§5.5) until a new sample arrives.
 */
final class RttEstimator {
    /** Clock granularity G: the 1 ms tick every personality's TCP clock runs at. */
    private static final long G_NS = 1_000_000L;

    private final RetransmissionTimeout bounds;
    private long srttNs = -1;
    private long rttvarNs;
    private long rtoNs;

    RttEstimator(RetransmissionTimeout bounds) {
        this.bounds = bounds;
        this.rtoNs = bounds.initialNs();
    }

    /** The current RTO. */
    long rtoNs() {
        return rtoNs;
    }

    /** The smoothed RTT, or -1 before the first sample. */
    long srttNs() {
        return srttNs;
    }

    /** Takes one RTT measurement (Karn's rule is the caller's: never from a retransmitted segment). */
    void sample(long rttNs) {
        if (srttNs < 0) {
            srttNs = rttNs;
            rttvarNs = rttNs / 2;
        } else {
            rttvarNs = (3 * rttvarNs + Math.abs(srttNs - rttNs)) / 4;
            srttNs = (7 * srttNs + rttNs) / 8;
        }
        rtoNs = clamp(srttNs + Math.max(G_NS, 4 * rttvarNs));
    }

    /** §5.5: "The host MUST set RTO <- RTO * 2 ("back off the timer")", bounded by the maximum. */
    void backOff() {
        rtoNs = Math.min(rtoNs * 2, bounds.maxNs());
    }

    private long clamp(long rto) {
        return Math.max(bounds.minNs(), Math.min(rto, bounds.maxNs()));
    }
}
