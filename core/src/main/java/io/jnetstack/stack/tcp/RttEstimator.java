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
    /** The computed value before slop and bounds (FreeBSD's TCP_REXMTVAL). */
    private long baseNs;
    /** Backoffs since the last sample (FreeBSD's t_rxtshift). */
    private int shift;

    RttEstimator(RetransmissionTimeout bounds) {
        this.bounds = bounds;
        this.rtoNs = bounds.initialNs();
        this.baseNs = bounds.initialNs();
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
        baseNs = Math.max(bounds.minNs(), srttNs + Math.max(G_NS, 4 * rttvarNs)); // TCP_REXMTVAL: max(t_rttmin, …)
        shift = 0;
        rtoNs = clamp(baseNs + bounds.slopNs());
    }

    /**
     * §5.5: "The host MUST set RTO <- RTO * 2 ("back off the timer")", bounded by the maximum. With a slop, the
     * computed value is multiplied by FreeBSD's tcp_backoff table ({1, 2, 4, 8, 16, 32, 64, 64, …}: doubling up to
     * 64×) and the slop added once (tcp_timer.c tcp_timer_rexmt: TCPT_RANGESET(t_rxtcur, TCP_REXMTVAL(tp) *
     * tcp_backoff[t_rxtshift], t_rttmin, TCPTV_REXMTMAX)).
     */
    void backOff() {
        if (bounds.slopNs() == 0) {
            rtoNs = Math.min(rtoNs * 2, bounds.maxNs());
            return;
        }
        shift++;
        rtoNs = clamp(Math.min(baseNs << Math.min(shift, 6), bounds.maxNs()) + bounds.slopNs());
    }

    private long clamp(long rto) {
        return Math.max(bounds.minNs(), Math.min(rto, bounds.maxNs()));
    }
}
