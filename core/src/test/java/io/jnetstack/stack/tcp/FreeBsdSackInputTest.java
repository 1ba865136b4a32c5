package io.jnetstack.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The segment length FreeBSD's tcp_reass leaves behind (tcp_reass.c), which picks the step-6 SACK rule. */
class FreeBsdSackInputTest {
    static final List<SeqRange> HELD = List.of(new SeqRange(200, 300), new SeqRange(400, 500), new SeqRange(600, 700));

    @Test
    void emptyQueue_keepsTheSegmentLength() {
        assertThat(FreeBsdSackInput.reassLength(List.of(), 100, 150)).isEqualTo(50);
    }

    @Test
    void segmentContinuingTheLastEntry_reportsTheGrownEntry() {
        assertThat(FreeBsdSackInput.reassLength(HELD, 700, 800)).isEqualTo(200);
        assertThat(FreeBsdSackInput.reassLength(HELD, 650, 900)).isEqualTo(300);
    }

    @Test
    void segmentInsideTheLastEntry_reportsThatEntry() {
        assertThat(FreeBsdSackInput.reassLength(HELD, 600, 650)).isEqualTo(100);
    }

    @Test
    void segmentBeyondTheLastEntry_isANewEntry() {
        assertThat(FreeBsdSackInput.reassLength(HELD, 800, 900)).isEqualTo(100);
    }

    @Test
    void segmentEndingInsideTheFirstEntry_isPrependedToIt() {
        assertThat(FreeBsdSackInput.reassLength(HELD, 100, 275)).isEqualTo(200);
        assertThat(FreeBsdSackInput.reassLength(HELD, 150, 200)).isEqualTo(150);
    }

    @Test
    void segmentBeforeTheFirstEntry_orBetweenTwo_isANewEntry() {
        assertThat(FreeBsdSackInput.reassLength(HELD, 100, 150)).isEqualTo(50);
        assertThat(FreeBsdSackInput.reassLength(HELD, 325, 375)).isEqualTo(50);
    }

    @Test
    void segmentInsideAnEarlierEntry_reportsThatEntry() {
        assertThat(FreeBsdSackInput.reassLength(HELD, 400, 475)).isEqualTo(100);
    }

    @Test
    void segmentGrowingAnEarlierEntry_mergesForwardOverWhatItReaches() {
        assertThat(FreeBsdSackInput.reassLength(HELD, 250, 350)).isEqualTo(150);
        assertThat(FreeBsdSackInput.reassLength(HELD, 200, 32200)).isEqualTo(32000);
        assertThat(FreeBsdSackInput.reassLength(HELD, 450, 600)).isEqualTo(300);
    }

    @Test
    void segmentRunningOverAnEntryFromBelow_replacesItAndMergesForward() {
        assertThat(FreeBsdSackInput.reassLength(HELD, 100, 600)).isEqualTo(600);
        assertThat(FreeBsdSackInput.reassLength(HELD, 350, 450)).isEqualTo(150);
        assertThat(FreeBsdSackInput.reassLength(HELD, 100, 350)).isEqualTo(250);
    }

    @Test
    void inOrder_sortsByStart() {
        assertThat(FreeBsdSackInput.inOrder(List.of(new SeqRange(600, 700), new SeqRange(200, 300))))
                .containsExactly(new SeqRange(200, 300), new SeqRange(600, 700));
    }
}
