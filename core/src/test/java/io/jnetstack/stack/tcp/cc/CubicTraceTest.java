package io.jnetstack.stack.tcp.cc;

import io.jnetstack.personality.CongestionTuning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * A short CUBIC trace against numbers worked out from RFC 9438's formulas, MSS 1000, RTT 100 ms.
 *
 * <pre>
 * beta = 717/1024, C = 0.4, alpha = 3 (1 − beta) / (1 + beta) = 0.529006
 * loss at cwnd 100 segments: W_max = 100, ssthresh = cwnd = floor(100000 × 717 / 1024) = 70019 bytes
 * first ACK (t = 0) starts the epoch: cwnd_epoch = 70.019, K = ∛((100 − 70.019) / 0.4) = 4.216273 s
 * each ACK: target = clamp(W_cubic(t + 0.1), cwnd, 1.5 cwnd), cwnd += (target − cwnd) / cwnd × segments acked,
 *           W_est += alpha × segments acked / cwnd, cwnd = max(cwnd, W_est); fractions of a byte carried.
 *
 *  now  acked  W_cubic(t+RTT)       target    growth (segs)               cwnd after (bytes)
 *  0.0   1     100+0.4(0.1−K)³ = 72.1020  72.1020   (72.1020−70.019)/70.019 = 0.02975   70048
 *  1.0   1     87.8950              87.8950   (87.8950−70.0487)/70.0487 = 0.25478  70303
 *  2.0   5     96.2088              96.2088   5 × (96.2088−70.3028)/70.3028 = 1.84244 72145
 *  4.2   1     100.0002 (≈ W_max, t ≈ K) 100.0002  0.38610                        72532
 *  6.0   1     102.6737 (convex)    102.6737  0.41556                             72947
 * 10.0   1     181.4737             1.5 × 72.947 = 109.4205  0.5 (the 1.5× cap)   73447
 * </pre>
 */
class CubicTraceTest {
    private static final int MSS = 1000;
    private static final long MS = 1_000_000L;

    /** {now in ms, acked segments, expected cwnd in bytes}. */
    private static final long[][] TRACE = {
        {0, 1, 70_048},
        {1000, 1, 70_303},
        {2000, 5, 72_145},
        {4200, 1, 72_532},
        {6000, 1, 72_947},
        {10_000, 1, 73_447},
    };

    @Test
    void cwndAfterEachAck_matchesTheHandComputedRfc9438Values() {
        Cubic cc = new Cubic(MSS, 100 * MSS, CongestionTuning.rfc());
        cc.onCongestionEvent(100 * MSS, 0);
        assertThat(cc.cwnd()).isEqualTo(70_019);
        for (long[] step : TRACE) {
            long rtt = step[0] == 0 ? 100 * MS : -1;
            cc.onAck(step[1] * MSS, 70 * MSS, true, rtt, step[0] * MS);
            assertThat(cc.cwnd()).as("at %d ms", step[0]).isCloseTo(step[2], within(1L));
        }
        assertThat(cc.kSeconds()).isCloseTo(4.216273, within(1e-6));
        assertThat(cc.wEstSegments()).isCloseTo(70.09361, within(1e-5));
    }
}
