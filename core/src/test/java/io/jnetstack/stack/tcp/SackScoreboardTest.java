package io.jnetstack.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sender's scoreboard and the RFC 6675 §4 routines IsLost, SetPipe and NextSeg. */
class SackScoreboardTest {
    static final long B = SeqSpace.origin(0);
    static final int SMSS = 100;

    static SeqRange r(long start, long end) {
        return new SeqRange(B + start, B + end);
    }

    /** A scoreboard with [0, 1000) sent, SND.UNA = {@code una}, after one ACK carrying {@code blocks}. */
    static SackScoreboard board(long una, SeqRange... blocks) {
        SackScoreboard s = new SackScoreboard(B);
        s.update(B + una, List.of(blocks), B + 1000);
        return s;
    }

    @Test
    void isLost_withThreeDiscontiguousSackedSegmentsAbove_butNotWithTwo() {
        int smss = 1000; // small segments: the byte rule (more than 2000 octets) stays out of play
        SackScoreboard s = board(0, r(200, 300), r(400, 500));
        assertThat(s.isLost(B, smss)).isFalse();
        s.update(B, List.of(r(600, 700)), B + 1000);
        assertThat(s.isLost(B, smss)).isTrue();
        assertThat(s.isLost(B + 199, smss)).isTrue();
        assertThat(s.isLost(B + 300, smss)).as("only two ranges above").isFalse();
        assertThat(s.isLost(B + 200, smss)).as("SACKed octets are never lost").isFalse();
    }

    @Test
    void isLost_needsMoreThanTwoSegmentsOfSackedBytesAbove() {
        SackScoreboard s = board(0, r(100, 300));
        assertThat(s.isLost(B, SMSS)).as("exactly 2 x SMSS above").isFalse();
        s.update(B, List.of(r(300, 301)), B + 1000);
        assertThat(s.isLost(B, SMSS)).isTrue();
        assertThat(s.isLost(B + 99, SMSS)).isTrue();
        assertThat(s.isLost(B + 301, SMSS)).isFalse();
    }

    @Test
    void pipe_countsOutstandingNotLost_plusRetransmissions() {
        SackScoreboard s = board(100, r(200, 300), r(300, 400), r(400, 500));
        // [100,200) is lost (300 SACKed octets above it); [500,1000) is still in the network.
        assertThat(s.isLost(B + 100, SMSS)).isTrue();
        assertThat(s.pipe(B + 100, SMSS)).isEqualTo(500);
        assertThat(s.pipe(B + 200, SMSS)).as("after retransmitting [100,200)").isEqualTo(600);
        s.update(B + 100, List.of(r(500, 600), r(200, 500)), B + 1000);
        assertThat(s.pipe(B + 200, SMSS)).isEqualTo(500);
        s.update(B + 600, List.of(), B + 1000);
        assertThat(s.pipe(B + 200, SMSS)).as("the hole was filled").isEqualTo(400);
        assertThat(s.sackedBytes()).isZero();
    }

    @Test
    void pipe_countsAnUnsackedOctetOnceMore_whenItLiesBelowHighRxt() {
        SackScoreboard s = board(0, r(100, 400));
        // [0,100) is lost (300 SACKed octets above); [400,1000) is in the network; [199,400) is SACKed anyway
        assertThat(s.pipe(B, SMSS)).isEqualTo(600);
        assertThat(s.pipe(B + 1000, SMSS)).isEqualTo(600 + 700);
    }

    @Test
    void nextSeg_retransmitsALostSegmentBeforeSendingNewData() {
        SackScoreboard s = board(100, r(200, 500));
        assertThat(s.nextSeg(B + 100, B + 1000, B + 5000, SMSS)).isEqualTo(B + 100);
        assertThat(s.holeEnd(B + 100)).isEqualTo(B + 200);
    }

    @Test
    void nextSeg_sendsNewData_onceTheLostSegmentWasRetransmitted() {
        SackScoreboard s = board(100, r(200, 500));
        assertThat(s.nextSeg(B + 200, B + 1000, B + 5000, SMSS)).isEqualTo(B + 1000);
        assertThat(s.nextSeg(B + 200, B + 1000, B + 1000, SMSS)).as("no window, nothing SACKed above 500")
                .isEqualTo(-1);
    }

    @Test
    void nextSeg_rule3_retransmitsANotYetLostHoleBelowASack_whenNoNewDataCanGo() {
        SackScoreboard s = board(100, r(200, 500), r(700, 800));
        assertThat(s.isLost(B + 500, SMSS)).isFalse();
        assertThat(s.nextSeg(B + 200, B + 1000, B + 1000, SMSS)).isEqualTo(B + 500);
        assertThat(s.nextSeg(B + 200, B + 1000, B + 2000, SMSS)).as("rule 2 first").isEqualTo(B + 1000);
        assertThat(s.nextSeg(B + 800, B + 1000, B + 1000, SMSS)).as("nothing SACKed above 800").isEqualTo(-1);
    }

    @Test
    void rescueSeg_endsWithTheHighestUnsackedOctet_oncePerRecovery() {
        SackScoreboard s = board(100, r(900, 1000));
        assertThat(s.rescueSeg(-1, SMSS)).isEqualTo(B + 800);
        assertThat(s.rescueSeg(B + 1000, SMSS)).as("RescueRxt = RecoveryPoint above HighACK").isEqualTo(-1);
        SackScoreboard tail = board(100);
        assertThat(tail.rescueSeg(-1, SMSS)).isEqualTo(B + 900);
    }

    @Test
    void aFirstBlockBelowTheCumulativeAck_isADsack_andIgnored() {
        SackScoreboard s = board(500, r(100, 200), r(600, 700));
        assertThat(s.sackedBytes()).isEqualTo(100);
        assertThat(s.isSacked(B + 650)).isTrue();
        assertThat(SackScoreboard.isDsack(List.of(r(100, 200), r(600, 700)), B + 500)).isTrue();
    }

    @Test
    void aFirstBlockInsideTheSecond_isADsack_butAFirstBlockOutsideIsNot() {
        assertThat(SackScoreboard.isDsack(List.of(r(650, 700), r(600, 800)), B + 500)).isTrue();
        assertThat(SackScoreboard.isDsack(List.of(r(800, 900), r(600, 800)), B + 500)).isFalse();
        SackScoreboard s = board(500, r(650, 700), r(600, 800));
        assertThat(s.sackedBytes()).isEqualTo(200);
    }

    @Test
    void blocksNotWhollyAboveSndUnaAndUpToSndMax_areIgnored() {
        SackScoreboard s = board(500, r(900, 1000), r(400, 600), r(500, 600), r(950, 1100));
        assertThat(s.sackedBytes()).isEqualTo(100);
        assertThat(s.isSacked(B + 550)).isFalse();
        assertThat(s.isSacked(B + 999)).isTrue();
        assertThat(s.rangeCount()).isEqualTo(1);
    }

    @Test
    void update_reportsWhetherAnythingNewWasSacked() {
        SackScoreboard s = new SackScoreboard(B);
        assertThat(s.update(B, List.of(r(200, 300)), B + 1000)).isTrue();
        assertThat(s.update(B, List.of(r(200, 300)), B + 1000)).isFalse();
        assertThat(s.update(B, List.of(r(250, 300), r(200, 250)), B + 1000)).isFalse();
        assertThat(s.update(B, List.of(r(250, 301)), B + 1000)).isTrue();
        assertThat(s.sackedBytes()).isEqualTo(101);
    }

    @Test
    void advancingSndUna_dropsAndTrimsRanges() {
        SackScoreboard s = board(0, r(100, 200), r(300, 400));
        s.update(B + 350, List.of(), B + 1000);
        assertThat(s.sackedBytes()).isEqualTo(50);
        assertThat(s.isSacked(B + 150)).isFalse();
        assertThat(s.isSacked(B + 350)).isTrue();
        assertThat(s.highestSacked()).isEqualTo(B + 400);
    }

    @Test
    void reset_forgetsEverySackMark_afterATimeout() {
        SackScoreboard s = board(0, r(100, 200), r(300, 400));
        s.reset();
        assertThat(s.sackedBytes()).isZero();
        assertThat(s.rangeCount()).isZero();
        assertThat(s.isLost(B, SMSS)).isFalse();
        assertThat(s.nextSeg(B, B + 1000, B + 1000, SMSS)).isEqualTo(-1);
        assertThat(s.sndMax()).isEqualTo(B + 1000);
    }

    @Test
    void blocksUnwrappedFromWireValues_workAcrossThe32BitWrap() {
        long una = SeqSpace.origin(0xFFFF_FF80);
        SackScoreboard s = new SackScoreboard(una);
        long left = SeqSpace.unwrap(0x0000_0010, una);
        long right = SeqSpace.unwrap(0x0000_0110, una);
        assertThat(s.update(una, List.of(new SeqRange(left, right)), una + 1000)).isTrue();
        assertThat(s.sackedBytes()).isEqualTo(0x100);
        assertThat(s.isLost(una, SMSS)).isTrue();
        assertThat(s.nextSeg(una, una + 1000, una + 1000, SMSS)).isEqualTo(una);
        assertThat(s.holeEnd(una)).isEqualTo(una + 0x90);
    }

    @Test
    void theNumberOfRanges_isCapped_butMergingBlocksStillCount() {
        SackScoreboard s = new SackScoreboard(B);
        long top = 10L * (SackScoreboard.MAX_RANGES + 2);
        for (int i = 1; i <= SackScoreboard.MAX_RANGES + 1; i++) {
            s.update(B, List.of(r(10L * i, 10L * i + 5)), B + top);
        }
        assertThat(s.rangeCount()).isEqualTo(SackScoreboard.MAX_RANGES);
        assertThat(s.update(B, List.of(r(15, 17)), B + top)).isTrue();
        assertThat(s.rangeCount()).isEqualTo(SackScoreboard.MAX_RANGES);
    }
}
