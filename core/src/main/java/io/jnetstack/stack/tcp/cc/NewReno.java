package io.jnetstack.stack.tcp.cc;

import io.jnetstack.personality.CongestionTuning;
/**
 * RFC 5681 slow start and congestion avoidance with RFC 3465 byte counting, the window side of NewReno (the
 * RFC 6582 recovery itself is the connection's).
 *
 * <p>Congestion avoidance uses the byte-accumulator form (RFC 3465 §2.1, RFC 5681 §3.1 "bytes_acked"): acknowledged
 * bytes are summed and every full cwnd of them adds one SMSS. It is exact — one SMSS per cwnd of acknowledged data
 * whatever the ACK sizes — where the per-ACK SMSS*SMSS/cwnd form under-grows with integer division and over-grows
 * with stretch ACKs. Linux {@code tcp_cong_avoid_ai()} (w = cwnd in segments) and FreeBSD
 * {@code newreno_cc_ack_received()} (CCF_ABC_SENTAWND) both count this way.
 */
public final class NewReno extends SlowStartWindow {
    private long bytesAcked;

    /** A controller starting at {@code initialWindowBytes} with the given tuning. */
    public NewReno(int mss, long initialWindowBytes, CongestionTuning tuning) {
        super(mss, initialWindowBytes, tuning);
    }

    @Override
    public String name() {
        return "newreno";
    }

    @Override
    public void onAck(long ackedBytes, long inFlight, boolean cwndLimited, long rttNs, long nowNs) {
        if (ackedBytes <= 0) {
            return;
        }
        backedOff = false;
        if (!cwndLimited(cwndLimited, inFlight)) {
            return;
        }
        long left = ackedBytes;
        if (inSlowStart()) {
            left = slowStart(ackedBytes);
        }
        if (left > 0) {
            congestionAvoidance(left);
        }
    }

    /** Linux {@code tcp_cong_avoid_ai()} with w = cwnd, in bytes; the first step spends credit earned at a larger w. */
    private void congestionAvoidance(long ackedBytes) {
        if (bytesAcked >= cwnd) {
            bytesAcked = 0;
            cwnd += mss;
        }
        bytesAcked += ackedBytes;
        if (bytesAcked >= cwnd) {
            long steps = bytesAcked / cwnd;
            bytesAcked -= steps * cwnd;
            cwnd += steps * mss;
        }
    }

    /** RFC 5681 eq. 4: ssthresh = max(FlightSize / 2, 2 × SMSS); cwnd = ssthresh (recovery is the connection's). */
    @Override
    public void onCongestionEvent(long inFlight, long nowNs) {
        ssthresh = halfFlight(inFlight);
        cwnd = ssthresh;
        bytesAcked = 0;
    }

    /** RFC 5681 §3.1: eq. 4 on the first timeout, then cwnd = LW = 1 SMSS. */
    @Override
    public void onTimeout(long inFlight, long nowNs) {
        if (!backedOff) {
            ssthresh = halfFlight(inFlight);
        }
        backedOff = true;
        cwnd = mss;
        bytesAcked = 0;
    }

    private long halfFlight(long inFlight) {
        return Math.max(inFlight / 2, 2L * mss);
    }

    @Override
    void afterWindowReset() {
        bytesAcked = 0;
    }
}
