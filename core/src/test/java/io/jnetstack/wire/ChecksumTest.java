package io.jnetstack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChecksumTest {

    /** RFC 1071 §3 worked example: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2, checksum 220d. */
    @Test
    void rfc1071Example_sumsToDdf2() {
        byte[] b = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertThat(Checksum.fold(Checksum.partial(b, 0, b.length, 0))).isEqualTo(0xddf2);
        assertThat(Checksum.compute(b, 0, b.length)).isEqualTo(0x220d);
    }

    @Test
    void wideLoads_agreeWithWordByWordSum_overSeededInputs() {
        SplittableRandom rnd = new SplittableRandom(1071);
        for (int n = 0; n < 500; n++) {
            byte[] b = new byte[rnd.nextInt(0, 3000)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) rnd.nextInt(256);
            }
            int off = b.length == 0 ? 0 : rnd.nextInt(0, b.length);
            int len = b.length - off;
            long slow = 0;
            for (int i = off; i + 1 < off + len; i += 2) {
                slow += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
            }
            if ((len & 1) == 1) {
                slow += (b[off + len - 1] & 0xFF) << 8;
            }
            assertThat(Checksum.fold(Checksum.partial(b, off, len, 0))).as("seed 1071 case %d", n)
                    .isEqualTo(Checksum.fold(slow));
        }
    }

    @Test
    void bufferWithItsOwnChecksum_verifies() {
        byte[] b = {0x45, 0, 0, 0x1c, 0, 0, 0, 0, 0x40, 0x01, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2};
        int c = Checksum.compute(b, 0, b.length);
        Bytes.put16(b, 10, c);
        assertThat(Checksum.verifies(b, 0, b.length, 0)).isTrue();
        b[3] ^= 1;
        assertThat(Checksum.verifies(b, 0, b.length, 0)).isFalse();
    }

    @Test
    void fieldZeroed_equalsTheChecksumOfACopyWithTheFieldCleared_overSeededInputs() {
        SplittableRandom rnd = new SplittableRandom(1072);
        for (int n = 0; n < 2000; n++) {
            byte[] b = new byte[rnd.nextInt(4, 200) & ~1];
            rnd.nextBytes(b);
            int field = rnd.nextInt(0, b.length / 2) * 2;
            long pseudo = rnd.nextLong(0, 1L << 20);
            byte[] cleared = b.clone();
            cleared[field] = 0;
            cleared[field + 1] = 0;
            assertThat(Checksum.computeWithFieldZeroed(b, 0, b.length, field, pseudo)).as("seed 1072 case %d", n)
                    .isEqualTo(Checksum.finish(Checksum.partial(cleared, 0, cleared.length, pseudo)));
        }
    }

    @Test
    void partialSums_combineByAddition_acrossSplitPoints() {
        SplittableRandom rnd = new SplittableRandom(1073);
        for (int n = 0; n < 2000; n++) {
            byte[] b = new byte[rnd.nextInt(2, 400) & ~1];
            rnd.nextBytes(b);
            int cut = rnd.nextInt(0, b.length / 2 + 1) * 2;
            long whole = Checksum.partial(b, 0, b.length, 0);
            long split = Checksum.partial(b, cut, b.length - cut, Checksum.partial(b, 0, cut, 0));
            assertThat(Checksum.fold(split)).as("seed 1073 case %d", n).isEqualTo(Checksum.fold(whole));
        }
    }
}
