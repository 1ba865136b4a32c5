package io.jnetstack.stack.tcp.cc;

import io.jnetstack.personality.CongestionTuning;
/**
 * CUBIC (RFC 9438) with Linux's constants (net/ipv4/tcp_cubic.c), window in segments as doubles (Java doubles are
 * IEEE-strict, so the result is deterministic), cwnd kept in bytes.
 *
 * <ul>
 *   <li>W_cubic(t) = C (t − K)³ + W_max, C = 0.4 (RFC 9438 §4.2; Linux bic_scale 41 gives 410/1024 = 0.4004).</li>
 *   <li>beta_cubic = 717/1024 ≈ 0.7002 (Linux {@code beta}); the RFC's value is 0.7.</li>
 *   <li>The epoch starts at the first congestion-avoidance ACK after a reduction (Linux {@code bictcp_update},
 *       epoch_start == 0), with K = ∛((W_max − cwnd_epoch) / C) (RFC 9438 eq. 2), or K = 0 and the origin at
 *       cwnd_epoch when W_max ≤ cwnd_epoch.</li>
 *   <li>Per ACK the target is W_cubic(t + min RTT) clamped to [cwnd, 1.5 cwnd] and cwnd grows by
 *       (target − cwnd) / cwnd per acknowledged segment (§4.4 concave, §4.5 convex; Linux ca-&gt;cnt ≥ 2).</li>
 *   <li>Reno-friendly region (§4.3): W_est += alpha_cubic × segments acked / cwnd with alpha_cubic =
 *       3 (1 − β) / (1 + β); cwnd never falls behind W_est. As in Linux (tcp_friendliness, beta_scale) alpha stays
 *       fixed; RFC 9438's switch to alpha = 1 once W_est passes W_max is not applied.</li>
 *   <li>Before any loss (W_max = 0) growth is at least 1/20 segment per acknowledged segment, 5 % per RTT (Linux
 *       {@code bictcp_update}: "if (ca-&gt;last_max_cwnd == 0 &amp;&amp; ca-&gt;cnt &gt; 20) ca-&gt;cnt = 20").</li>
 * </ul>
 */
public final class Cubic extends SlowStartWindow {
    /** Linux beta = 717 / BICTCP_BETA_SCALE (1024). */
    static final double BETA = 717.0 / 1024.0;
    /** RFC 9438 §5.1 C = 0.4. */
    static final double C = 0.4;
    /** RFC 9438 §4.3 alpha_cubic = 3 (1 − β) / (1 + β). */
    static final double ALPHA = 3.0 * (1.0 - BETA) / (1.0 + BETA);
    /** Linux {@code cubictcp_acked}: RTT samples within one second (HZ) of the epoch start are discarded. */
    private static final long SAMPLE_HOLDOFF_NS = 1_000_000_000L;
    private static final double NS_PER_S = 1e9;

    private final HyStartDelay hystart;
    private double wMax;
    private double k;
    private double origin;
    private double wEst;
    private boolean epochActive;
    private long epochStartNs;
    private long minRttNs;
    private double carryBytes;

    /** A controller starting at {@code initialWindowBytes}; HyStart delay detection when the tuning says so. */
    public Cubic(int mss, long initialWindowBytes, CongestionTuning tuning) {
        super(mss, initialWindowBytes, tuning);
        this.hystart = tuning.hystart() ? new HyStartDelay() : null;
    }

    @Override
    public String name() {
        return "cubic";
    }

    @Override
    public void onAck(long ackedBytes, long inFlight, boolean cwndLimited, long rttNs, long nowNs) {
        if (ackedBytes <= 0) {
            return;
        }
        backedOff = false;
        sample(ackedBytes, inFlight, rttNs, nowNs);
        if (!cwndLimited(cwndLimited, inFlight)) {
            return;
        }
        long left = ackedBytes;
        if (inSlowStart()) {
            left = slowStart(ackedBytes);
        }
        if (left > 0) {
            congestionAvoidance(left, nowNs);
        }
    }

    /** Linux {@code cubictcp_acked()}: min RTT tracking and HyStart, before cwnd grows on this ACK. */
    private void sample(long ackedBytes, long inFlight, long rttNs, long nowNs) {
        if (hystart != null) {
            hystart.onAcked(ackedBytes);
        }
        if (rttNs < 0 || (epochActive && nowNs - epochStartNs < SAMPLE_HOLDOFF_NS)) {
            return;
        }
        long delay = Math.max(rttNs, 1);
        if (minRttNs == 0 || delay < minRttNs) {
            minRttNs = delay;
        }
        if (hystart != null && !hystart.found() && inSlowStart()
                && cwnd >= (long) HyStartDelay.LOW_WINDOW_SEGMENTS * mss
                && hystart.update(delay, minRttNs, Math.max(inFlight - ackedBytes, 0))) {
            ssthresh = cwnd;
        }
    }

    /** RFC 9438 §4.2–§4.5 for one ACK in congestion avoidance. */
    private void congestionAvoidance(long ackedBytes, long nowNs) {
        double w = (double) cwnd / mss;
        if (!epochActive) {
            startEpoch(w, nowNs);
        }
        double t = (nowNs - epochStartNs + minRttNs) / NS_PER_S;
        double target = Math.clamp(wCubic(t), w, 1.5 * w);
        double acked = (double) ackedBytes / mss;
        double grow = (target - w) / w * acked;
        if (wMax == 0) {
            grow = Math.max(grow, acked / 20);
        }
        wEst += ALPHA * acked / w;
        double next = Math.max(w + grow, wEst);
        double bytes = (next - w) * mss + carryBytes;
        long whole = (long) bytes;
        carryBytes = bytes - whole;
        cwnd += whole;
    }

    private void startEpoch(double w, long nowNs) {
        epochActive = true;
        epochStartNs = nowNs;
        wEst = w;
        carryBytes = 0;
        if (wMax <= w) {
            k = 0;
            origin = w;
        } else {
            k = Math.cbrt((wMax - w) / C);
            origin = wMax;
        }
    }

    /** RFC 9438 eq. 1, in segments, t in seconds from the epoch start. */
    private double wCubic(double t) {
        double d = t - k;
        return C * d * d * d + origin;
    }

    /**
     * RFC 9438 §4.6 and §4.7 (Linux {@code cubictcp_recalc_ssthresh}): the epoch ends; W_max = cwnd, or
     * cwnd (1 + β) / 2 when cwnd is below the previous W_max (fast convergence); ssthresh = max(cwnd β, 2 SMSS);
     * cwnd = ssthresh.
     */
    @Override
    public void onCongestionEvent(long inFlight, long nowNs) {
        double w = (double) cwnd / mss;
        wMax = w < wMax ? w * (1.0 + BETA) / 2.0 : w;
        epochActive = false;
        ssthresh = reducedWindow();
        cwnd = ssthresh;
        carryBytes = 0;
    }

    /**
     * RFC 9438 §4.8 / Linux {@code tcp_enter_loss}: ssthresh from beta_cubic (first timeout only), then
     * {@code cubictcp_state(TCP_CA_Loss)} resets all CUBIC state (W_max = 0, so the next epoch has K = 0 and its
     * origin at the cwnd it starts from; min RTT forgotten; HyStart re-armed); cwnd = 1 SMSS.
     */
    @Override
    public void onTimeout(long inFlight, long nowNs) {
        if (!backedOff) {
            ssthresh = reducedWindow();
        }
        backedOff = true;
        wMax = 0;
        k = 0;
        wEst = 0;
        epochActive = false;
        minRttNs = 0;
        carryBytes = 0;
        if (hystart != null) {
            hystart.reset(inFlight);
        }
        cwnd = mss;
    }

    private long reducedWindow() {
        return Math.max(cwnd * 717 / 1024, 2L * mss);
    }

    /**
     * Linux {@code cubictcp_cwnd_event(CA_EVENT_TX_START)}: the epoch start moves forward by the idle time (not
     * past now) so the curve resumes where it stopped; then the shared restart-window rule.
     */
    @Override
    public void onIdleRestart(long idleNs, long rtoNs, long nowNs) {
        if (epochActive && idleNs > 0) {
            epochStartNs = Math.min(epochStartNs + idleNs, nowNs);
        }
        super.onIdleRestart(idleNs, rtoNs, nowNs);
    }

    @Override
    void afterWindowReset() {
        carryBytes = 0;
    }

    /** W_max in segments (0 before the first loss and after a timeout). */
    double wMaxSegments() {
        return wMax;
    }

    /** K in seconds of the current epoch. */
    double kSeconds() {
        return k;
    }

    /** The Reno-friendly estimate W_est in segments. */
    double wEstSegments() {
        return wEst;
    }

    /** The minimum RTT seen (Linux delay_min), 0 when none. */
    long minRttNs() {
        return minRttNs;
    }
}
