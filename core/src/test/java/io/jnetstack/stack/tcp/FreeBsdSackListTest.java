package io.jnetstack.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * FreeBSD's receiver SACK list (sys/netinet/tcp_sack.c) on the states of the freebsd-net "overlapping" receive
 * scripts: RCV.NXT 100 with 200:300, 400:500 and 600:700 held, reported newest first.
 */
class FreeBsdSackListTest {
    static final long BASE = SeqSpace.origin(0);

    /** The list after 200:300, 400:500 and 600:700 arrived out of order with RCV.NXT at 100. */
    static FreeBsdSackList threeHeld() {
        FreeBsdSackList l = new FreeBsdSackList();
        l.updateDsackList(BASE + 200, BASE + 300, BASE + 100);
        l.updateDsackList(BASE + 400, BASE + 500, BASE + 100);
        l.updateDsackList(BASE + 600, BASE + 700, BASE + 100);
        return l;
    }

    static List<Long> flat(FreeBsdSackList l) {
        return l.blocks(FreeBsdSackList.MAX_SACK_BLKS).stream()
                .flatMap(b -> Stream.of(b.start() - BASE, b.end() - BASE)).toList();
    }

    @Test
    void outOfOrderSegments_areListedNewestFirst() {
        assertThat(flat(threeHeld())).containsExactly(600L, 700L, 400L, 500L, 200L, 300L);
    }

    @Test
    void textWhollyBelowRcvNxt_becomesTheFirstBlock_aheadOfTheHeldOnes() {
        FreeBsdSackList l = threeHeld();
        l.updateSackList(BASE + 50, BASE + 75, BASE + 100); // tcp_input todrop, RFC 2883 §4.1.1
        assertThat(flat(l)).containsExactly(50L, 75L, 600L, 700L, 400L, 500L, 200L, 300L);
    }

    @Test
    void aDsackBlock_goesOnceAnAckCarriedIt_theHeldBlocksStay() {
        FreeBsdSackList l = threeHeld();
        l.updateSackList(BASE + 50, BASE + 75, BASE + 100);
        l.cleanDsackBlocks(BASE + 100);
        assertThat(flat(l)).containsExactly(600L, 700L, 400L, 500L, 200L, 300L);
    }

    @Test
    void segmentOverlappingTheStartOfAHeldBlock_reportsTheOverlapFirst() {
        FreeBsdSackList l = threeHeld();
        // 100:275 filled the gap and RCV.NXT went to 300 (overlapping-100-275)
        l.updateDsackList(BASE + 100, BASE + 275, BASE + 300);
        assertThat(flat(l)).containsExactly(200L, 275L, 600L, 700L, 400L, 500L);
    }

    @Test
    void segmentCoveringEveryHeldBlock_reportsTheLowestOverlap_thenTheWholeBlock() {
        FreeBsdSackList l = threeHeld();
        l.updateDsackList(BASE + 200, BASE + 32200, BASE + 100); // overlapping-200-32200
        assertThat(flat(l)).containsExactly(200L, 300L, 200L, 32200L);
        l.cleanDsackBlocks(BASE + 100);
        assertThat(flat(l)).as("200:300 lies above RCV.NXT: tcp_clean_dsack_blocks keeps it")
                .containsExactly(200L, 300L, 200L, 32200L);
    }

    @Test
    void partialDuplicateBelowRcvNxt_thenTheGapFills_keepsOnlyTheDuplicate() {
        FreeBsdSackList l = threeHeld();
        l.updateSackList(BASE + 50, BASE + 100, BASE + 100); // todrop of 50:600
        assertThat(flat(l)).containsExactly(50L, 100L, 600L, 700L, 400L, 500L, 200L, 300L);
        l.updateSackList(BASE + 50, BASE + 100, BASE + 700); // "partial overlap, recorded at todrop above"
        assertThat(flat(l)).containsExactly(50L, 100L);
    }

    @Test
    void segmentContinuingAHeldBlock_extendsIt_withoutADsackBlock() {
        FreeBsdSackList l = new FreeBsdSackList();
        l.updateDsackList(BASE + 200, BASE + 300, BASE + 100);
        l.updateDsackList(BASE + 300, BASE + 400, BASE + 100);
        assertThat(flat(l)).containsExactly(200L, 400L);
    }

    @Test
    void inOrderTextFillingTheGap_leavesNoBlockForIt() {
        FreeBsdSackList l = new FreeBsdSackList();
        l.updateDsackList(BASE + 200, BASE + 300, BASE + 100);
        l.updateDsackList(BASE + 400, BASE + 500, BASE + 100);
        l.updateDsackList(BASE + 100, BASE + 200, BASE + 300); // 100:200 joined 200:300, RCV.NXT 300
        assertThat(flat(l)).containsExactly(400L, 500L);
    }

    @Test
    void aSegmentAlreadyHeld_isReportedAsDsack_followedByItsBlock() {
        FreeBsdSackList l = threeHeld();
        l.updateDsackList(BASE + 400, BASE + 500, BASE + 100);
        assertThat(flat(l)).containsExactly(400L, 500L, 400L, 500L, 600L, 700L, 200L, 300L);
    }

    @Test
    void outOfOrderText_keepsFiveBlocks_theSixthSlotIsForADsackBlock() {
        FreeBsdSackList l = new FreeBsdSackList();
        for (long s = 200; s <= 1600; s += 200) {
            l.updateDsackList(BASE + s, BASE + s + 100, BASE + 100);
        }
        // tcp_update_dsack_list fills saved_blks[1..5] behind an (empty) D-SACK slot 0: five blocks, oldest gone
        assertThat(flat(l)).containsExactly(1600L, 1700L, 1400L, 1500L, 1200L, 1300L, 1000L, 1100L, 800L, 900L);
        l.updateSackList(BASE + 10, BASE + 20, BASE + 100);
        assertThat(l.size()).isEqualTo(FreeBsdSackList.MAX_SACK_BLKS);
        assertThat(flat(l)).containsExactly(10L, 20L, 1600L, 1700L, 1400L, 1500L, 1200L, 1300L, 1000L, 1100L,
                800L, 900L);
    }

    @Test
    void clear_forgetsEverything_andBlocksHonourTheOptionSpace() {
        FreeBsdSackList l = threeHeld();
        assertThat(l.blocks(2)).hasSize(2);
        l.clear();
        assertThat(l.size()).isZero();
        assertThat(l.blocks(4)).isEmpty();
    }
}
