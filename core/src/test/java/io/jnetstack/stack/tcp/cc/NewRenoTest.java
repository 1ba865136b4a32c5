package io.jnetstack.stack.tcp.cc;

import io.jnetstack.personality.CongestionTuning;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.CongestionAlgorithm;
import org.junit.jupiter.api.Test;

class NewRenoTest {
    private static final int MSS = 1000;
    private static final long RTT = 100_000_000L;

    private static NewReno newReno(long iw) {
        return new NewReno(MSS, iw, CongestionTuning.rfc());
    }

    /** One RTT: every byte of cwnd acknowledged one MSS per ACK, the sender cwnd-limited. */
    private static void ackOneWindow(CongestionControl cc, long now) {
        long flight = cc.cwnd();
        for (long acked = 0; acked < flight; acked += MSS) {
            cc.onAck(MSS, flight - acked, true, RTT, now);
        }
    }

    @Test
    void initialWindow_isTheGivenBytes_andSsthreshIsArbitrarilyHigh() {
        CongestionControl cc = CongestionControls.create(CongestionAlgorithm.NEWRENO, MSS, 10 * MSS);
        assertThat(cc.name()).isEqualTo("newreno");
        assertThat(cc.cwnd()).isEqualTo(10 * MSS);
        assertThat(cc.ssthresh()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void slowStart_doublesTheWindowEveryRoundTrip() {
        NewReno cc = newReno(10 * MSS);
        ackOneWindow(cc, 0);
        assertThat(cc.cwnd()).isEqualTo(20 * MSS);
        ackOneWindow(cc, RTT);
        assertThat(cc.cwnd()).isEqualTo(40 * MSS);
        ackOneWindow(cc, 2 * RTT);
        assertThat(cc.cwnd()).isEqualTo(80 * MSS);
    }

    @Test
    void abcLimit_capsSlowStartGrowthPerAck_atTwoSegments() {
        NewReno capped = newReno(10 * MSS);
        capped.onAck(5 * MSS, 10 * MSS, true, RTT, 0);
        assertThat(capped.cwnd()).isEqualTo(12 * MSS);

        NewReno uncapped = new NewReno(MSS, 10 * MSS, CongestionTuning.linux());
        uncapped.onAck(5 * MSS, 10 * MSS, true, RTT, 0);
        assertThat(uncapped.cwnd()).isEqualTo(15 * MSS);
    }

    @Test
    void congestionAvoidance_addsOneSegmentPerWindowOfAcknowledgedData() {
        NewReno cc = newReno(20 * MSS);
        cc.onCongestionEvent(20 * MSS, 0);
        assertThat(cc.cwnd()).isEqualTo(10 * MSS);
        for (int i = 0; i < 9; i++) {
            cc.onAck(MSS, 10 * MSS, true, RTT, 0);
        }
        assertThat(cc.cwnd()).isEqualTo(10 * MSS);
        cc.onAck(MSS, 10 * MSS, true, RTT, 0);
        assertThat(cc.cwnd()).isEqualTo(11 * MSS);
        cc.onAck(10 * MSS, 11 * MSS, true, RTT, 0);
        assertThat(cc.cwnd()).as("10 of the 11 bytes-of-cwnd needed").isEqualTo(11 * MSS);
        cc.onAck(MSS, 11 * MSS, true, RTT, 0);
        assertThat(cc.cwnd()).isEqualTo(12 * MSS);
    }

    @Test
    void congestionEvent_halvesTheFlight_withATwoSegmentFloor() {
        NewReno cc = newReno(40 * MSS);
        cc.onCongestionEvent(30 * MSS + 500, 0);
        assertThat(cc.ssthresh()).isEqualTo(15 * MSS + 250);
        assertThat(cc.cwnd()).isEqualTo(cc.ssthresh());

        NewReno small = newReno(10 * MSS);
        small.onCongestionEvent(3 * MSS, 0);
        assertThat(small.ssthresh()).isEqualTo(2 * MSS);
        assertThat(small.cwnd()).isEqualTo(2 * MSS);
    }

    @Test
    void timeout_setsCwndToOneSegment_andSsthreshToHalfTheFlight_once() {
        NewReno cc = newReno(40 * MSS);
        cc.onTimeout(40 * MSS, 0);
        assertThat(cc.cwnd()).isEqualTo(MSS);
        assertThat(cc.ssthresh()).isEqualTo(20 * MSS);
        cc.onTimeout(4 * MSS, RTT);
        assertThat(cc.ssthresh()).as("a repeated timeout keeps ssthresh (RFC 5681 §3.1)").isEqualTo(20 * MSS);
        cc.onAck(MSS, MSS, true, RTT, 2 * RTT);
        assertThat(cc.cwnd()).isEqualTo(2 * MSS);
        cc.onTimeout(4 * MSS, 3 * RTT);
        assertThat(cc.ssthresh()).isEqualTo(2 * MSS);
    }

    @Test
    void recoveryExit_deflatesCwndToSsthresh_andIsANoOpBeforeAnyCongestion() {
        NewReno fresh = newReno(10 * MSS);
        fresh.onRecoveryExit(5 * MSS, 0);
        assertThat(fresh.cwnd()).isEqualTo(10 * MSS);

        NewReno cc = newReno(40 * MSS);
        cc.onCongestionEvent(40 * MSS, 0);
        for (int i = 0; i < 20; i++) {
            cc.onAck(MSS, 20 * MSS, true, RTT, 0);
        }
        assertThat(cc.cwnd()).isEqualTo(21 * MSS);
        cc.onRecoveryExit(19 * MSS, RTT);
        assertThat(cc.cwnd()).isEqualTo(20 * MSS);
    }

    @Test
    void notCwndLimited_theWindowDoesNotGrow() {
        NewReno cc = newReno(10 * MSS);
        cc.onAck(MSS, 2 * MSS, false, RTT, 0);
        assertThat(cc.cwnd()).isEqualTo(10 * MSS);
        cc.onCongestionEvent(20 * MSS, 0);
        for (int i = 0; i < 50; i++) {
            cc.onAck(MSS, 10 * MSS, false, RTT, 0);
        }
        assertThat(cc.cwnd()).isEqualTo(10 * MSS);
    }

    @Test
    void slowStart_growsWhenCwndIsBelowTwiceTheFlight_evenIfNotReportedLimited() {
        NewReno cc = newReno(10 * MSS);
        cc.onAck(MSS, 6 * MSS, false, RTT, 0);
        assertThat(cc.cwnd()).as("Linux tcp_is_cwnd_limited: cwnd < 2 * packets out").isEqualTo(11 * MSS);
    }

    @Test
    void idleRestart_restartWindowRule_dropsToTheInitialWindow_andRaisesSsthreshToThreeQuarters() {
        NewReno cc = newReno(10 * MSS);
        ackOneWindow(cc, 0);
        ackOneWindow(cc, RTT);
        ackOneWindow(cc, 2 * RTT);
        assertThat(cc.cwnd()).isEqualTo(80 * MSS);
        cc.onIdleRestart(RTT, 2 * RTT, 10 * RTT);
        assertThat(cc.cwnd()).as("idle shorter than the RTO").isEqualTo(80 * MSS);
        cc.onIdleRestart(3 * RTT, 2 * RTT, 10 * RTT);
        assertThat(cc.cwnd()).isEqualTo(10 * MSS);
        assertThat(cc.ssthresh()).as("an infinite ssthresh stays infinite").isEqualTo(Long.MAX_VALUE);

        NewReno afterLoss = new NewReno(MSS, 10 * MSS, CongestionTuning.linux());
        afterLoss.onTimeout(20 * MSS, 0);
        afterLoss.onAck(9 * MSS, MSS, true, RTT, RTT);
        afterLoss.onAck(70 * MSS, 10 * MSS, true, RTT, 2 * RTT);
        assertThat(afterLoss.cwnd()).as("slow start to ssthresh 10, then 7 CA steps").isEqualTo(17 * MSS);
        afterLoss.onIdleRestart(3 * RTT, 2 * RTT, 10 * RTT);
        assertThat(afterLoss.ssthresh()).as("max(10 segments, 3/4 of 17)").isEqualTo(12_750);
        assertThat(afterLoss.cwnd()).isEqualTo(10 * MSS);
    }

    @Test
    void idleRestart_linuxRule_halvesOncePerRtoBeyondTheFirst_downToTheRestartWindow() {
        NewReno cc = grownLinuxStyle();
        cc.onIdleRestart(250, 100, 0);
        assertThat(cc.cwnd()).as("80 -> 40 -> 20 segments").isEqualTo(20 * MSS);
        NewReno longIdle = grownLinuxStyle();
        longIdle.onIdleRestart(100_000, 100, 0);
        assertThat(longIdle.cwnd()).as("never below RW = min(IW, cwnd)").isEqualTo(10 * MSS);
    }

    private static NewReno grownLinuxStyle() {
        NewReno cc = new NewReno(MSS, 10 * MSS, CongestionTuning.linux());
        cc.onAck(70 * MSS, 10 * MSS, true, RTT, 0);
        assertThat(cc.cwnd()).isEqualTo(80 * MSS);
        return cc;
    }

    @Test
    void mssChange_keepsTheSegmentCounts() {
        NewReno cc = newReno(40 * MSS);
        cc.onCongestionEvent(40 * MSS, 0);
        cc.setMss(500);
        assertThat(cc.cwnd()).isEqualTo(20 * 500);
        assertThat(cc.ssthresh()).isEqualTo(20 * 500);
    }
}
