package io.jnetstack.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Unwrapping 32-bit wire sequence numbers to the nearest 64-bit value. */
class SeqSpaceTest {
    @Test
    void aValueJustAheadOfTheReference_unwrapsAhead() {
        long near = SeqSpace.origin(1000);
        assertThat(SeqSpace.unwrap(1500, near)).isEqualTo(near + 500);
        assertThat(SeqSpace.unwrap(500, near)).isEqualTo(near - 500);
    }

    @Test
    void aValuePast2To32_unwrapsIntoTheNextEpoch() {
        long near = SeqSpace.origin(0xFFFF_FF00);
        long ahead = SeqSpace.unwrap(0x0000_0100, near);
        assertThat(ahead).isEqualTo(near + 0x200);
        assertThat(ahead >>> 32).isEqualTo(2L);
        assertThat(SeqSpace.wrap(ahead)).isEqualTo(0x100);
    }

    @Test
    void aValueBefore2To32_unwrapsIntoThePreviousEpoch() {
        long near = SeqSpace.origin(0x10);
        long behind = SeqSpace.unwrap(0xFFFF_FFF0, near);
        assertThat(behind).isEqualTo(near - 0x20);
        assertThat(behind).isEqualTo((1L << 32) - 0x10);
    }

    @Test
    void exactlyHalfTheSpaceAway_unwrapsToTheLowerCandidate() {
        long near = SeqSpace.origin(0);
        assertThat(SeqSpace.unwrap(0x8000_0000, near)).isEqualTo(near - (1L << 31));
        assertThat(SeqSpace.unwrap(0x7FFF_FFFF, near)).isEqualTo(near + (1L << 31) - 1);
    }

    @Test
    void origin_keepsTheWireValueInTheLow32Bits_andIsPositive() {
        assertThat(SeqSpace.origin(-1)).isEqualTo((2L << 32) - 1);
        assertThat(SeqSpace.wrap(SeqSpace.origin(-1))).isEqualTo(-1);
        assertThat(SeqSpace.origin(0)).isEqualTo(1L << 32);
    }

    @Test
    void unwrapThenWrap_isTheIdentity_andStaysWithinHalfTheSpace() {
        long seed = 20_24;
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 5000; i++) {
            long near = r.nextLong(1L << 40);
            int seq = r.nextInt();
            long u = SeqSpace.unwrap(seq, near);
            assertThat(SeqSpace.wrap(u)).as("seed %d near %d seq %d", seed, near, seq).isEqualTo(seq);
            assertThat(u - near).as("seed %d", seed).isBetween(-(1L << 31), (1L << 31) - 1);
        }
    }
}
