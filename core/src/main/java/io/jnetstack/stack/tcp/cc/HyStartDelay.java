package io.jnetstack.stack.tcp.cc;

/**
 * HyStart's delay detector as Linux net/ipv4/tcp_cubic.c runs it ({@code hystart_update()}, HYSTART_DELAY): per
 * round, the minimum RTT of the round's first samples is compared with the connection's minimum RTT; once at least
 * HYSTART_MIN_SAMPLES = 8 samples are in and the round minimum exceeds delay_min + clamp(delay_min / 8, 4 ms,
 * 16 ms), slow start ends (ssthresh = cwnd).
 *
 * <p>Linux's ACK-train detector (HYSTART_ACK_TRAIN) is not implemented: it reads the spacing of ACK arrivals as a
 * measure of the path's bottleneck, and in virtual time on a paced simulated link ACK trains do not mean what they
 * mean on hardware (no interrupt coalescing, no GRO, exact serialisation).
 *
 * <p>A round ends when the bytes sent before its start are all acknowledged (Linux: snd_una after end_seq, with
 * end_seq = snd_nxt at the round's start); sequence numbers are replaced by a running count of acknowledged bytes.
 */
final class HyStartDelay {
    /** hystart_low_window: detection only when cwnd is at least 16 segments. */
    static final int LOW_WINDOW_SEGMENTS = 16;
    /** HYSTART_MIN_SAMPLES. */
    static final int MIN_SAMPLES = 8;
    /** HYSTART_DELAY_MIN, 4 ms. */
    static final long DELAY_MIN_NS = 4_000_000L;
    /** HYSTART_DELAY_MAX, 16 ms. */
    static final long DELAY_MAX_NS = 16_000_000L;

    private long ackedTotal;
    private long roundEnd;
    private long roundMinRtt = Long.MAX_VALUE;
    private int samples;
    private boolean found;

    /** Counts acknowledged bytes (every ACK, so that rounds are delimited as sequence numbers would). */
    void onAcked(long ackedBytes) {
        ackedTotal += ackedBytes;
    }

    /** Whether slow start was already ended by this detector (Linux ca->found). */
    boolean found() {
        return found;
    }

    /** Linux {@code bictcp_hystart_reset()} plus found = 0 ({@code cubictcp_state} on TCP_CA_Loss). */
    void reset(long inFlight) {
        found = false;
        startRound(inFlight);
    }

    private void startRound(long outstanding) {
        roundEnd = ackedTotal + outstanding;
        roundMinRtt = Long.MAX_VALUE;
        samples = 0;
    }

    /**
     * One RTT sample while in slow start with cwnd of at least {@link #LOW_WINDOW_SEGMENTS}.
     *
     * @param rttNs          the sample
     * @param minRttNs       the connection's minimum RTT (Linux ca->delay_min)
     * @param outstandingNow bytes still outstanding after this ACK (starts the next round's end)
     * @return true when slow start must end now
     */
    boolean update(long rttNs, long minRttNs, long outstandingNow) {
        if (ackedTotal > roundEnd) {
            startRound(outstandingNow);
        }
        roundMinRtt = Math.min(roundMinRtt, rttNs);
        if (samples < MIN_SAMPLES) {
            samples++;
            return false;
        }
        long threshold = Math.clamp(minRttNs >> 3, DELAY_MIN_NS, DELAY_MAX_NS);
        if (roundMinRtt > minRttNs + threshold) {
            found = true;
        }
        return found;
    }
}
