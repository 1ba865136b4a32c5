package io.jnetstack.stack.tcp.cc;

import io.jnetstack.personality.CongestionTuning;
/**
 * What NewReno and CUBIC share: cwnd and ssthresh in bytes, slow start, the cwnd-limited test, the restart window
 * after idle, recovery exit and MSS changes. Subclasses decide ssthresh on congestion and the growth in
 * congestion avoidance.
 */
abstract class SlowStartWindow implements CongestionControl {
    /** The tuning this controller was built with. */
    protected final CongestionTuning tuning;
    /** The sender MSS (SMSS) in bytes. */
    protected int mss;
    /** The initial window in bytes (also the base of the restart window, RFC 5681 §4.1). */
    protected long initialWindow;
    /** cwnd in bytes. */
    protected long cwnd;
    /** ssthresh in bytes. */
    protected long ssthresh = Long.MAX_VALUE;
    /** A timeout happened and no new data has been acknowledged since (RFC 5681 §3.1: keep ssthresh). */
    protected boolean backedOff;

    SlowStartWindow(int mss, long initialWindowBytes, CongestionTuning tuning) {
        if (mss <= 0) {
            throw new IllegalArgumentException("mss " + mss + " <= 0");
        }
        if (initialWindowBytes < mss) {
            throw new IllegalArgumentException("initial window " + initialWindowBytes + " < mss " + mss);
        }
        this.mss = mss;
        this.initialWindow = initialWindowBytes;
        this.cwnd = initialWindowBytes;
        this.tuning = tuning;
    }

    @Override
    public long cwnd() {
        return cwnd;
    }

    @Override
    public long ssthresh() {
        return ssthresh;
    }

    /** Linux {@code tcp_in_slow_start()}: cwnd &lt; ssthresh (RFC 5681 §3.1 lets cwnd == ssthresh go either way). */
    final boolean inSlowStart() {
        return cwnd < ssthresh;
    }

    /**
     * Linux include/net/tcp.h {@code tcp_is_cwnd_limited()}: the sender's own report, or, in slow start, cwnd below
     * twice what is in flight ("ensure cwnd grows to twice what was ACKed").
     */
    final boolean cwndLimited(boolean reported, long inFlight) {
        return reported || (inSlowStart() && cwnd < 2 * inFlight);
    }

    /**
     * Slow start (RFC 5681 §3.1, Linux {@code tcp_slow_start()}): cwnd grows by the bytes acknowledged, at most
     * L × SMSS per ACK when an RFC 3465 limit is set, and never past ssthresh.
     *
     * @return the acknowledged bytes left over once cwnd reached ssthresh, for congestion avoidance
     */
    final long slowStart(long ackedBytes) {
        long limit = (long) tuning.abcLimitSegments() * mss;
        long increment = limit > 0 ? Math.min(ackedBytes, limit) : ackedBytes;
        long grown = Math.min(cwnd + increment, ssthresh);
        long used = grown - cwnd;
        cwnd = grown;
        return increment - used;
    }

    /** Linux {@code tcp_end_cwnd_reduction()}: cwnd = ssthresh once a reduction has set ssthresh. */
    @Override
    public void onRecoveryExit(long inFlight, long nowNs) {
        if (ssthresh != Long.MAX_VALUE) {
            cwnd = ssthresh;
        }
    }

    /**
     * RFC 5681 §4.1 restart window RW = min(IW, cwnd), after ssthresh = max(ssthresh, 3/4 cwnd) (RFC 2861 §2;
     * Linux {@code tcp_current_ssthresh()} in {@code tcp_cwnd_restart()}, FreeBSD {@code newreno_cc_after_idle()}).
     */
    @Override
    public void onIdleRestart(long idleNs, long rtoNs, long nowNs) {
        if (idleNs <= rtoNs || rtoNs <= 0) {
            return;
        }
        long restart = Math.min(initialWindow, cwnd);
        ssthresh = Math.max(ssthresh, cwnd - (cwnd >> 2));
        switch (tuning.idleRestart()) {
            case RESTART_WINDOW -> cwnd = restart;
            case HALVE_PER_RTO -> {
                long window = cwnd;
                for (long left = idleNs - rtoNs; left > 0 && window > restart; left -= rtoNs) {
                    window >>= 1;
                }
                cwnd = Math.max(window, restart);
            }
        }
        afterWindowReset();
    }

    /**
     * Keeps whole-segment counts: cwnd = max(cwnd / old × new, new) (OpenBSD sys/netinet/tcp_input.c
     * {@code tcp_mss_update()}, after RFC 2414; Linux counts cwnd in segments, so a new MSS rescales it alike).
     */
    @Override
    public void setMss(int newMss) {
        if (newMss <= 0) {
            throw new IllegalArgumentException("mss " + newMss + " <= 0");
        }
        cwnd = Math.max(cwnd / mss * newMss, newMss);
        initialWindow = Math.max(initialWindow / mss * newMss, newMss);
        if (ssthresh != Long.MAX_VALUE) {
            ssthresh = Math.max(ssthresh / mss * newMss, 2L * newMss);
        }
        mss = newMss;
        afterWindowReset();
    }

    /** Called after cwnd was set from outside the growth rules; clears partial-growth accumulators. */
    abstract void afterWindowReset();
}
