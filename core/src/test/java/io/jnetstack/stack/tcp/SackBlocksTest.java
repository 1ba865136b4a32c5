package io.jnetstack.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.tcp.TcpOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receiver's SACK blocks against the worked examples of RFC 2018 §5 and RFC 2883 §4. */
class SackBlocksTest {
    /** Sequence numbers of the examples, offset into the absolute space so nothing depends on a zero base. */
    static final long BASE = SeqSpace.origin(0);

    /** A receiver: RCV.NXT plus {@link SackBlocks}, fed segments the way the connection will. */
    static final class Receiver {
        long rcvNxt;
        final SackBlocks sack;

        Receiver(long rcvNxt) {
            this.rcvNxt = rcvNxt;
            this.sack = new SackBlocks(rcvNxt);
        }

        /** Receives {@code [start, end)} and returns the blocks of the ACK it triggers. */
        List<SeqRange> receive(long start, long end, int maxBlocks) {
            if (end <= rcvNxt) {
                sack.onDuplicate(start, end);
            } else if (start > rcvNxt) {
                sack.onOutOfOrder(start, end);
            } else {
                if (start < rcvNxt) {
                    sack.onDuplicate(start, rcvNxt);
                }
                rcvNxt = end;
                for (boolean moved = true; moved; ) { // the reassembly queue delivers what now continues
                    moved = false;
                    for (SeqRange r : sack.held()) {
                        if (r.start() <= rcvNxt && r.end() > rcvNxt) {
                            rcvNxt = r.end();
                            moved = true;
                        }
                    }
                }
                sack.onAdvance(rcvNxt);
            }
            return sack.blocksForAck(maxBlocks);
        }

        /** Receives one segment of the RFC tables, in RFC numbers. */
        List<Long> seg(long start, long end) {
            return flat(receive(BASE + start, BASE + end, 4));
        }

        /** The ACK number in RFC numbers. */
        long ack() {
            return rcvNxt - BASE;
        }
    }

    /** Blocks as a flat list of RFC-numbered edges. */
    static List<Long> flat(List<SeqRange> blocks) {
        return blocks.stream().flatMap(b -> java.util.stream.Stream.of(b.start() - BASE, b.end() - BASE)).toList();
    }

    @Test
    void rfc2018Case2_firstSegmentLost_reportsOneGrowingBlock() {
        Receiver r = new Receiver(BASE + 5000);
        for (long seg = 5500; seg <= 8500; seg += 500) {
            assertThat(r.seg(seg, seg + 500)).as("after %d", seg).containsExactly(5500L, seg + 500);
            assertThat(r.ack()).isEqualTo(5000);
        }
    }

    @Test
    void rfc2018Case3_everyOtherSegmentLost_reportsNewestBlockFirst() {
        Receiver r = new Receiver(BASE + 5000);
        assertThat(r.seg(5000, 5500)).isEmpty();
        assertThat(r.ack()).isEqualTo(5500);
        assertThat(r.seg(6000, 6500)).containsExactly(6000L, 6500L);
        assertThat(r.seg(7000, 7500)).containsExactly(7000L, 7500L, 6000L, 6500L);
        assertThat(r.seg(8000, 8500)).containsExactly(8000L, 8500L, 7000L, 7500L, 6000L, 6500L);
        assertThat(r.ack()).isEqualTo(5500);
    }

    @Test
    void rfc2018Case3_theFourthSegmentArrivingLate_mergesThreeBlocksIntoTheFirst() {
        Receiver r = new Receiver(BASE + 5000);
        for (long seg : new long[] {5000, 6000, 7000, 8000}) {
            r.seg(seg, seg + 500);
        }
        assertThat(r.seg(6500, 7000)).containsExactly(6000L, 7500L, 8000L, 8500L);
        assertThat(r.ack()).isEqualTo(5500);
        assertThat(r.seg(5500, 6000)).as("then the 2nd segment").containsExactly(8000L, 8500L);
        assertThat(r.ack()).isEqualTo(7500);
    }

    @Test
    void rfc2883Example1_aDuplicateBelowTheCumulativeAck_isReportedOnce() {
        Receiver r = new Receiver(BASE + 3000);
        r.seg(3000, 3500);
        r.seg(3500, 4000);
        assertThat(r.seg(3000, 3500)).containsExactly(3000L, 3500L);
        assertThat(r.ack()).isEqualTo(4000);
        assertThat(r.sack.blocksForAck(4)).as("reported once").isEmpty();
    }

    @Test
    void rfc2883Example2_aDuplicateBelowTheAck_precedesTheOutOfOrderBlock() {
        Receiver r = new Receiver(BASE + 3000);
        r.seg(3000, 3500);
        r.seg(3500, 4000);
        assertThat(r.seg(4500, 5000)).containsExactly(4500L, 5000L);
        assertThat(r.seg(3000, 3500)).containsExactly(3000L, 3500L, 4500L, 5000L);
        assertThat(r.ack()).isEqualTo(4000);
    }

    @Test
    void rfc2883Example3_aDuplicateOfAnOutOfOrderSegment_isFollowedByItsContainingBlock() {
        Receiver r = new Receiver(BASE + 3500);
        r.seg(3500, 4000);
        assertThat(r.seg(4500, 5000)).containsExactly(4500L, 5000L);
        assertThat(r.seg(5000, 5500)).containsExactly(4500L, 5500L);
        assertThat(r.seg(5000, 5500)).containsExactly(5000L, 5500L, 4500L, 5500L);
        assertThat(r.seg(6000, 6500)).as("no D-SACK any more").containsExactly(6000L, 6500L, 4500L, 5500L);
    }

    @Test
    void aDuplicateInsideAnOlderBlock_movesThatBlockToSecondPlace() {
        Receiver r = new Receiver(BASE + 1000);
        r.seg(2000, 2500);
        r.seg(3000, 3500);
        assertThat(r.seg(2000, 2500)).containsExactly(2000L, 2500L, 2000L, 2500L, 3000L, 3500L);
    }

    @Test
    void rfc2883Example4_aDuplicateSubsegment_isReportedAfterTheGapFills() {
        Receiver r = new Receiver(BASE + 500);
        r.seg(500, 1000);
        assertThat(r.seg(2000, 2500)).containsExactly(2000L, 2500L);
        assertThat(r.seg(1000, 1500)).containsExactly(2000L, 2500L);
        assertThat(r.ack()).isEqualTo(1500);
        assertThat(r.seg(1000, 2000)).containsExactly(1000L, 1500L);
        assertThat(r.ack()).isEqualTo(2500);
    }

    @Test
    void rfc2883Example5_aPartlyDuplicatedRetransmission_reportsTheFirstDuplicateStretch() {
        Receiver r = new Receiver(BASE + 500);
        r.seg(500, 1000);
        assertThat(r.seg(3000, 3500)).containsExactly(3000L, 3500L);
        assertThat(r.seg(1000, 1500)).containsExactly(3000L, 3500L);
        assertThat(r.seg(2000, 2500)).containsExactly(2000L, 2500L, 3000L, 3500L);
        assertThat(r.seg(1000, 2500)).containsExactly(1000L, 1500L, 3000L, 3500L);
        assertThat(r.ack()).isEqualTo(2500);
    }

    @Test
    void anOutOfOrderSegmentPartlyHeldAlready_reportsTheOverlapAsDsack() {
        Receiver r = new Receiver(BASE + 1000);
        r.seg(2000, 2500);
        assertThat(r.seg(2200, 2800)).containsExactly(2200L, 2500L, 2000L, 2800L);
    }

    @Test
    void blocks_areLimitedToThreeWithTimestamps_andFourWithout() {
        SackBlocks s = new SackBlocks(BASE);
        for (long at = 1000; at <= 5000; at += 1000) {
            s.onOutOfOrder(BASE + at, BASE + at + 100);
        }
        assertThat(flat(s.blocksForAck(3))).containsExactly(5000L, 5100L, 4000L, 4100L, 3000L, 3100L);
        assertThat(flat(s.blocksForAck(4))).containsExactly(5000L, 5100L, 4000L, 4100L, 3000L, 3100L, 2000L, 2100L);
        s.onDuplicate(BASE + 10, BASE + 20);
        assertThat(s.blocksForAck(3)).as("the D-SACK block counts against the limit").hasSize(3)
                .first().isEqualTo(new SeqRange(BASE + 10, BASE + 20));
    }

    @Test
    void adjacentAndOverlappingRanges_mergeIntoOne() {
        SackBlocks s = new SackBlocks(BASE);
        s.onOutOfOrder(BASE + 100, BASE + 200);
        s.onOutOfOrder(BASE + 300, BASE + 400);
        s.onOutOfOrder(BASE + 200, BASE + 300);
        assertThat(s.held()).containsExactly(new SeqRange(BASE + 100, BASE + 400));
        s.onOutOfOrder(BASE + 50, BASE + 150);
        assertThat(s.held()).containsExactly(new SeqRange(BASE + 50, BASE + 400));
        assertThat(s.duplicatePending()).as("100..150 was held already").isTrue();
    }

    @Test
    void advancingIntoABlock_trimsIt_andPastIt_dropsIt() {
        SackBlocks s = new SackBlocks(BASE);
        s.onOutOfOrder(BASE + 100, BASE + 200);
        s.onOutOfOrder(BASE + 300, BASE + 400);
        s.onAdvance(BASE + 350);
        assertThat(s.held()).containsExactly(new SeqRange(BASE + 350, BASE + 400));
        s.onAdvance(BASE + 400);
        assertThat(s.held()).isEmpty();
        assertThat(s.optionForAck(4)).isEmpty();
    }

    @Test
    void beyondTheRangeLimit_theLeastRecentlyChangedRangeIsForgotten() {
        SackBlocks s = new SackBlocks(BASE);
        for (int i = 0; i <= SackBlocks.MAX_RANGES; i++) {
            s.onOutOfOrder(BASE + 10L * i + 1, BASE + 10L * i + 2);
        }
        assertThat(s.held()).hasSize(SackBlocks.MAX_RANGES)
                .doesNotContain(new SeqRange(BASE + 1, BASE + 2))
                .first().isEqualTo(new SeqRange(BASE + 321, BASE + 322));
    }

    @Test
    void theWireOption_carriesTheLow32BitsOfEachEdge_acrossTheWrap() {
        long rcvNxt = SeqSpace.origin(0xFFFF_FE00);
        SackBlocks s = new SackBlocks(rcvNxt);
        s.onOutOfOrder(rcvNxt + 0x100, rcvNxt + 0x300); // 0xFFFFFF00 .. 0x00000100
        s.onOutOfOrder(rcvNxt + 0x400, rcvNxt + 0x500);
        TcpOption.Sack option = s.optionForAck(4).orElseThrow();
        assertThat(option.blocks()).containsExactly(
                new TcpOption.SackBlock(0x0000_0200, 0x0000_0300),
                new TcpOption.SackBlock(0xFFFF_FF00, 0x0000_0100));
        assertThat(option.describe()).isEqualTo("sack 2 {512:768}{4294967040:256}");
    }
}
