package io.jnetstack.wire.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeqNumTest {

    @Test
    void comparisons_holdAcrossTheWrapAround() {
        int before = 0xFFFF_FFF0;
        int after = 0x0000_0010;
        assertThat(SeqNum.lt(before, after)).isTrue();
        assertThat(SeqNum.leq(before, after)).isTrue();
        assertThat(SeqNum.gt(after, before)).isTrue();
        assertThat(SeqNum.geq(after, before)).isTrue();
        assertThat(SeqNum.gt(before, after)).isFalse();
        assertThat(SeqNum.diff(after, before)).isEqualTo(0x20);
        assertThat(SeqNum.diff(before, after)).isEqualTo(-0x20);
        assertThat(SeqNum.add(before, 0x20)).isEqualTo(after);
        assertThat(SeqNum.max(before, after)).isEqualTo(after);
        assertThat(SeqNum.min(before, after)).isEqualTo(before);
    }

    @Test
    void signBoundary_0x7fffffff_precedes_0x80000000() {
        assertThat(SeqNum.lt(0x7FFF_FFFF, 0x8000_0000)).isTrue();
        assertThat(SeqNum.gt(0x8000_0000, 0x7FFF_FFFF)).isTrue();
        assertThat(SeqNum.add(0x7FFF_FFFF, 1)).isEqualTo(0x8000_0000);
    }

    @Test
    void equalNumbers_areLeqAndGeqButNotLtOrGt() {
        for (int v : new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThat(SeqNum.leq(v, v)).isTrue();
            assertThat(SeqNum.geq(v, v)).isTrue();
            assertThat(SeqNum.lt(v, v)).isFalse();
            assertThat(SeqNum.gt(v, v)).isFalse();
            assertThat(SeqNum.diff(v, v)).isZero();
        }
    }

    @Test
    void distanceUnderHalfTheSpace_ordersConsistently_overSeededInputs() {
        SplittableRandom r = new SplittableRandom(1982);
        for (int n = 0; n < 10_000; n++) {
            int a = r.nextInt();
            int d = r.nextInt(1, Integer.MAX_VALUE);
            int b = SeqNum.add(a, d);
            assertThat(SeqNum.lt(a, b)).as("seed 1982 a=%d d=%d", a, d).isTrue();
            assertThat(SeqNum.gt(b, a)).isTrue();
            assertThat(SeqNum.lt(b, a)).isFalse();
            assertThat(SeqNum.diff(b, a)).isEqualTo(d);
            assertThat(SeqNum.inRange(SeqNum.add(a, d / 2), a, b)).isTrue();
            assertThat(SeqNum.inRange(b, a, b)).isFalse();
        }
    }

    @Test
    void inRange_worksForAWindowStraddlingZero() {
        assertThat(SeqNum.inRange(0, 0xFFFF_FF00, 0x100)).isTrue();
        assertThat(SeqNum.inRange(0xFFFF_FF00, 0xFFFF_FF00, 0x100)).isTrue();
        assertThat(SeqNum.inRange(0x100, 0xFFFF_FF00, 0x100)).isFalse();
        assertThat(SeqNum.inRange(0xFFFF_FEFF, 0xFFFF_FF00, 0x100)).isFalse();
    }
}
