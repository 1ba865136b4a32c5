package io.jnetstack.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomSourceTest {

    @Test
    void sameSeed_givesTheSameStream() {
        RandomSource a = new RandomSource(42);
        RandomSource b = new RandomSource(42);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void stream_matchesSplitMix64AsUsedBySplittableRandom() {
        // SplittableRandom(seed) uses the same SplitMix64 stream for nextLong (golden gamma, mix64 finalizer).
        RandomSource a = new RandomSource(1234);
        SplittableRandom ref = new SplittableRandom(1234);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(ref.nextLong());
        }
    }

    @Test
    void pinnedValues_neverChange() {
        RandomSource r = new RandomSource(0);
        assertThat(r.nextLong()).isEqualTo(PINNED_SEED0_FIRST);
        RandomSource f = new RandomSource(7).fork("link-loss");
        assertThat(f.seed()).isEqualTo(PINNED_FORK_SEED);
        assertThat(f.nextLong()).isEqualTo(PINNED_FORK_FIRST);
        assertThat(new RandomSource(7).fork("isn").nextInt(1000)).isEqualTo(PINNED_ISN_INT);
    }

    // Values printed by the first run of this implementation; they pin the streams across refactorings.
    private static final long PINNED_SEED0_FIRST = 0xE220A8397B1DCDAFL;
    private static final long PINNED_FORK_SEED = 0x45D2DCA3D356B1BFL;
    private static final long PINNED_FORK_FIRST = 0xB7D13670C7D50EDCL;
    private static final int PINNED_ISN_INT = 154;

    @Test
    void forks_areStable_independentOfParentDraws_andDifferByPurpose() {
        RandomSource parent = new RandomSource(99);
        long before = parent.fork("a").nextLong();
        parent.nextLong();
        parent.nextLong();
        assertThat(parent.fork("a").nextLong()).isEqualTo(before);
        assertThat(parent.fork("b").nextLong()).isNotEqualTo(before);
        assertThat(new RandomSource(100).fork("a").nextLong()).isNotEqualTo(before);
        assertThat(parent.fork("a").seed()).isNotEqualTo(parent.seed());
    }

    @Test
    void chance_alwaysConsumesExactlyOneDraw() {
        RandomSource a = new RandomSource(5);
        RandomSource b = new RandomSource(5);
        assertThat(a.chance(0)).isFalse();
        assertThat(a.chance(-1)).isFalse();
        assertThat(a.chance(1)).isTrue();
        assertThat(a.chance(0.5)).isIn(true, false);
        for (int i = 0; i < 4; i++) {
            b.nextLong();
        }
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }

    @Test
    void chance_matchesItsProbabilityRoughly() {
        RandomSource r = new RandomSource(11);
        int hits = 0;
        for (int i = 0; i < 100_000; i++) {
            hits += r.chance(0.25) ? 1 : 0;
        }
        assertThat(hits).isBetween(24_000, 26_000);
    }

    @Test
    void boundedDraws_stayInRange() {
        RandomSource r = new RandomSource(3);
        for (int i = 0; i < 10_000; i++) {
            assertThat(r.nextInt(7)).isBetween(0, 6);
            assertThat(r.nextLong(-5, 5)).isBetween(-5L, 4L);
            assertThat(r.nextLong(Long.MIN_VALUE, Long.MAX_VALUE)).isLessThan(Long.MAX_VALUE);
            assertThat(r.nextLong(10, 1L << 40)).isBetween(10L, (1L << 40) - 1);
            assertThat(r.nextDouble()).isGreaterThanOrEqualTo(0).isLessThan(1);
        }
        assertThatThrownBy(() -> r.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextLong(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextBytes_usesOneDrawPerEightBytes() {
        RandomSource a = new RandomSource(8);
        RandomSource b = new RandomSource(8);
        byte[] buf = new byte[9];
        a.nextBytes(buf);
        long first = b.nextLong();
        assertThat(buf[0]).isEqualTo((byte) first);
        assertThat(buf[7]).isEqualTo((byte) (first >>> 56));
        assertThat(buf[8]).isEqualTo((byte) b.nextLong());
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
}
