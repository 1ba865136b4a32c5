package io.jnetstack.stack.tcp.cc;

import io.jnetstack.personality.CongestionTuning;
import io.jnetstack.personality.IdleRestart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CubicTest {
    private static final int MSS = 1000;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    /** One round: cwnd's worth of one-MSS ACKs spread evenly over {@code rtt}, each carrying an RTT sample. */
    private static long round(Cubic cc, long start, long rtt, long sampleRtt) {
        long flight = cc.cwnd();
        long acks = Math.max(flight / MSS, 1);
        for (long i = 0; i < acks; i++) {
            cc.onAck(MSS, flight - i * MSS, true, sampleRtt, start + i * rtt / acks);
        }
        return start + rtt;
    }

    /** cwnd in segments at each time in {@code at} (seconds after 0), running rounds of {@code rtt} from time 0. */
    private static double[] cwndAt(Cubic cc, long rtt, double... at) {
        double[] out = new double[at.length];
        long now = 0;
        for (int i = 0; i < at.length; i++) {
            while (now < (long) (at[i] * S)) {
                now = round(cc, now, rtt, rtt);
            }
            out[i] = (double) cc.cwnd() / MSS;
        }
        return out;
    }

    private static Cubic afterLossAt(int segments) {
        Cubic cc = new Cubic(MSS, (long) segments * MSS, CongestionTuning.rfc());
        cc.onCongestionEvent((long) segments * MSS, 0);
        return cc;
    }

    @Test
    void congestionEvent_setsSsthreshToBetaTimesCwnd_withLinuxBeta717Over1024() {
        Cubic cc = afterLossAt(100);
        assertThat(cc.name()).isEqualTo("cubic");
        assertThat(cc.ssthresh()).isEqualTo(100_000L * 717 / 1024).isEqualTo(70_019);
        assertThat(cc.cwnd()).isEqualTo(70_019);
        assertThat(cc.wMaxSegments()).isEqualTo(100.0);
    }

    @Test
    void k_matchesTheFormula_cubeRootOfWmaxMinusCwndOverC() {
        Cubic cc = afterLossAt(1000);
        cc.onAck(MSS, 700 * MSS, true, 100 * MS, 0);
        // cwnd_epoch = 1_000_000 * 717 / 1024 = 700195 bytes; K = cbrt((1000 - 700.195) / 0.4) = 9.08363 s.
        assertThat(cc.kSeconds()).isCloseTo(9.08363, within(1e-4));
    }

    @Test
    void afterACongestionEvent_cwndReturnsToWmaxAtK_concaveBefore_convexAfter() {
        Cubic cc = afterLossAt(1000);
        double k = 9.08363;
        double[] w = cwndAt(cc, 100 * MS, 1, 2, 4, 5, k, k + 2, k + 3, k + 4, k + 5);
        assertThat(w[4]).as("W(K) = W_max within one MSS").isCloseTo(1000, within(1.0));
        assertThat(w[1] - w[0]).as("concave: growth slows towards K").isGreaterThan(w[3] - w[2]);
        assertThat(w[2]).isLessThan(1000);
        assertThat(w[6] - w[5]).as("convex: growth speeds up after K").isLessThan(w[8] - w[7]);
        assertThat(w[8]).isGreaterThan(1000 + 0.4 * 27);
    }

    @Test
    void fastConvergence_lowersWmax_whenTheNextLossComesBelowThePreviousWmax() {
        Cubic cc = afterLossAt(1000);
        assertThat(cc.wMaxSegments()).isEqualTo(1000.0);
        cc.onCongestionEvent(700 * MSS, S);
        // cwnd 700.195 < W_max 1000: W_max = 700.195 * (1 + 717/1024) / 2 = 595.2.
        assertThat(cc.wMaxSegments()).isCloseTo(700.195 * (1741.0 / 2048.0), within(1e-9));
        assertThat(cc.cwnd()).isEqualTo(700_195L * 717 / 1024);
    }

    @Test
    void renoFriendlyRegion_dominates_atSmallRttTimesBandwidth() {
        Cubic cc = afterLossAt(20);
        long now = 0;
        for (int r = 0; r < 100; r++) {
            now = round(cc, now, MS, MS);
        }
        // After 0.1 s (100 RTTs of 1 ms): W_cubic(0.1) = 20 + 0.4 (0.1 − 2.466)³ ≈ 14.7 segments, while W_est has
        // grown by alpha ≈ 0.529 per RTT from 14.0: ≈ 67 segments.
        double w = (double) cc.cwnd() / MSS;
        assertThat(w).isGreaterThan(60).isLessThan(70);
        assertThat(w).isCloseTo(cc.wEstSegments(), within(1.0));
    }

    @Test
    void hystart_endsSlowStart_whenTheRoundsMinimumRttRisesPastTheThreshold() {
        Cubic cc = new Cubic(MSS, 10 * MSS, CongestionTuning.rfc());
        long now = 0;
        for (int r = 0; r < 3; r++) {
            now = round(cc, now, 100 * MS, 100 * MS);
        }
        assertThat(cc.cwnd()).isEqualTo(80 * MSS);
        assertThat(cc.ssthresh()).isEqualTo(Long.MAX_VALUE);
        // threshold = clamp(100 ms / 8, 4 ms, 16 ms) = 12.5 ms; a round at 120 ms trips it on its ninth sample.
        round(cc, now, 100 * MS, 120 * MS);
        assertThat(cc.ssthresh()).isEqualTo(88 * MSS);
    }

    @Test
    void hystart_keepsSlowStart_whileRttStaysFlatOrRisesLessThanTheThreshold() {
        Cubic cc = new Cubic(MSS, 10 * MSS, CongestionTuning.rfc());
        long now = 0;
        for (int r = 0; r < 3; r++) {
            now = round(cc, now, 100 * MS, 100 * MS);
        }
        now = round(cc, now, 100 * MS, 110 * MS);
        round(cc, now, 100 * MS, 100 * MS);
        assertThat(cc.ssthresh()).isEqualTo(Long.MAX_VALUE);
        assertThat(cc.cwnd()).isEqualTo(320 * MSS);
    }

    @Test
    void withoutHystart_aRisingRttDoesNotEndSlowStart() {
        Cubic cc = new Cubic(MSS, 10 * MSS, new CongestionTuning(2, IdleRestart.RESTART_WINDOW, false));
        long now = 0;
        for (int r = 0; r < 3; r++) {
            now = round(cc, now, 100 * MS, 100 * MS);
        }
        round(cc, now, 100 * MS, 200 * MS);
        assertThat(cc.ssthresh()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void timeout_resetsTheEpoch_soTheNextEpochStartsWithKZeroAtItsOwnCwnd() {
        Cubic cc = afterLossAt(100);
        cc.onAck(MSS, 70 * MSS, true, 100 * MS, 0);
        assertThat(cc.kSeconds()).isGreaterThan(4);
        long before = cc.cwnd();
        cc.onTimeout(70 * MSS, S);
        assertThat(cc.cwnd()).isEqualTo(MSS);
        assertThat(cc.ssthresh()).isEqualTo(before * 717 / 1024);
        assertThat(cc.wMaxSegments()).isZero();
        assertThat(cc.kSeconds()).isZero();
        assertThat(cc.minRttNs()).isZero();
    }

    @Test
    void identicalInputs_giveIdenticalCwndSequences() {
        long seed = 0x5EED_CC01L;
        assertThat(trace(seed)).as("seed %x", seed).isEqualTo(trace(seed));
    }

    private static List<Long> trace(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Cubic cc = new Cubic(MSS, 10 * MSS, CongestionTuning.linux());
        List<Long> out = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < 20_000; i++) {
            now += rnd.nextLong(1, 5 * MS);
            int event = rnd.nextInt(1000);
            if (event == 0) {
                cc.onTimeout(cc.cwnd(), now);
            } else if (event < 5) {
                cc.onCongestionEvent(cc.cwnd(), now);
            } else {
                cc.onAck(rnd.nextInt(1, 3) * MSS, cc.cwnd(), rnd.nextInt(10) > 0, 50 * MS + rnd.nextLong(20 * MS), now);
            }
            out.add(cc.cwnd());
        }
        return out;
    }
}
