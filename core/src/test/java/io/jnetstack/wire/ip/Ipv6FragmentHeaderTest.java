package io.jnetstack.wire.ip;

import static io.jnetstack.wire.ip.Ipv4PacketTest.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Ipv6FragmentHeaderTest {

    @Test
    void capturedSecondFragment_parsesEveryField_andEmitsTheSameBytes() {
        byte[] f = L3Fixtures.pingFragments()[1];
        Ipv6FragmentHeader h = Ipv6FragmentHeader.parse(f, 54, f.length - 54).orThrow();
        assertThat(h).isEqualTo(new Ipv6FragmentHeader(58, 1232, true, 0x9a163745));
        assertThat(h.isFirst()).isFalse();
        assertThat(h.isAtomic()).isFalse();
        byte[] out = new byte[h.length()];
        assertThat(h.emit(out, 0)).isEqualTo(8);
        assertThat(out).isEqualTo(Arrays.copyOfRange(f, 54, 62));
    }

    @Test
    void roundTrip_randomHeaders() {
        long seed = 44;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int n = 0; n < 3000; n++) {
            Ipv6FragmentHeader h = new Ipv6FragmentHeader(rnd.nextInt(256), rnd.nextInt(0x2000) * 8,
                    rnd.nextBoolean(), rnd.nextInt());
            byte[] b = new byte[8];
            h.emit(b, 0);
            assertThat(Ipv6FragmentHeader.parse(b, 0, 8)).as("seed %d case %d", seed, n).isEqualTo(Parsed.ok(h));
        }
    }

    @Test
    void malformedInputs_haveTheirReasons() {
        byte[] b = {58, 0, 0, 1, 1, 2, 3, 4};
        assertThat(reason(Ipv6FragmentHeader.parse(b, 0, 7))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(Ipv6FragmentHeader.parse(b, 4, 8))).isEqualTo(MalformedReason.TRUNCATED);
        byte[] reserved = b.clone();
        reserved[1] = 1;
        assertThat(reason(Ipv6FragmentHeader.parse(reserved, 0, 8))).isEqualTo(MalformedReason.BAD_FIELD);
        byte[] res = b.clone();
        res[3] = 0x05; // res bits 01 and M
        assertThat(reason(Ipv6FragmentHeader.parse(res, 0, 8))).isEqualTo(MalformedReason.BAD_FIELD);
        assertThatThrownBy(() -> new Ipv6FragmentHeader(58, 4, false, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mutationSweep_neverThrows_andAcceptedInputsRoundTrip() {
        MutationSweep.run(List.of(new byte[] {58, 0, 0, 1, 1, 2, 3, 4}), 0x44, 20_000, (b, off, len) -> {
            if (Ipv6FragmentHeader.parse(b, off, len) instanceof Parsed.Ok<Ipv6FragmentHeader>(var h)) {
                byte[] out = new byte[8];
                h.emit(out, 0);
                assertThat(out).isEqualTo(Arrays.copyOfRange(b, off, off + 8));
            }
        });
    }
}
