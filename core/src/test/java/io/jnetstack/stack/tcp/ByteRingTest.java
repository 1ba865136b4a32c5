package io.jnetstack.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.ByteString;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The chunked buffer ring against a plain byte-array model, and its memory release when drained. */
class ByteRingTest {

    @Test
    void randomAppendsCopiesAndDrops_matchAPlainModel_acrossChunkBoundaries() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            ByteRing ring = new ByteRing(100_000);
            ByteArrayOutputStream model = new ByteArrayOutputStream();
            byte[] held = new byte[0];
            for (int step = 0; step < 2000; step++) {
                int op = r.nextInt(3);
                if (op == 0) {
                    byte[] b = new byte[r.nextInt(40_000)];
                    r.nextBytes(b);
                    int n = r.nextBoolean() ? ring.append(b, 0, b.length)
                            : ring.append(ByteString.copyOf(b), 0, b.length);
                    assertThat(n).as("seed %d", seed).isEqualTo(Math.min(b.length, 100_000 - held.length));
                    model.reset();
                    model.write(held, 0, held.length);
                    model.write(b, 0, n);
                    held = model.toByteArray();
                } else if (op == 1 && held.length > 0) {
                    int from = r.nextInt(held.length);
                    int n = r.nextInt(held.length - from + 1);
                    assertThat(ring.copy(from, n)).as("seed %d", seed).isEqualTo(Arrays.copyOfRange(held, from,
                            from + n));
                } else {
                    int n = r.nextInt(held.length + 1);
                    ring.drop(n);
                    held = Arrays.copyOfRange(held, n, held.length);
                }
                assertThat(ring.size()).as("seed %d", seed).isEqualTo(held.length);
            }
        }
    }

    @Test
    void aDrainedRing_holdsNoMemory() {
        ByteRing ring = new ByteRing(1 << 20);
        ring.append(new byte[100_000], 0, 100_000);
        assertThat(ring.allocated()).isGreaterThanOrEqualTo(100_000);
        assertThat(ring.take(100_000)).hasSize(100_000);
        assertThat(ring.allocated()).isZero();
    }
}
