package io.jnetstack.wire.ip;

import static io.jnetstack.wire.ip.Ipv4PacketTest.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Ipv6HeaderTest {

    static byte[] ip(byte[] frame) {
        return Arrays.copyOfRange(frame, 14, frame.length);
    }

    private static void assertEmitReproduces(byte[] ip, Ipv6Header h) {
        byte[] out = new byte[h.length()];
        assertThat(h.emit(out, 0)).isEqualTo(40);
        assertThat(out).isEqualTo(Arrays.copyOf(ip, 40));
    }

    @Test
    void capturedEchoRequest_parsesEveryField_andEmitsTheSameBytes() {
        byte[] b = ip(L3Fixtures.hex(L3Fixtures.V6_ECHO_REQUEST));
        Ipv6Header h = Ipv6Header.parse(b, 0, b.length).orThrow();
        assertThat(h).isEqualTo(new Ipv6Header(0, 0xe80bf, 64, 58, 64, Ipv6Address.of("fd00:9::1"),
                Ipv6Address.of("fd00:9::2")));
        assertEmitReproduces(b, h);
    }

    @Test
    void capturedMldReport_withTrafficClassZeroAndHopByHop_roundTrips() {
        byte[] b = ip(L3Fixtures.hex(L3Fixtures.V6_MLD_HOP_BY_HOP));
        Ipv6Header h = Ipv6Header.parse(b, 0, b.length).orThrow();
        assertThat(h).isEqualTo(new Ipv6Header(0, 0, 56, 0, 1, Ipv6Address.of("fe80::dce4:46ff:fe2b:29c2"),
                Ipv6Address.of("ff02::16")));
        assertEmitReproduces(b, h);
    }

    @Test
    void capturedFirstFragment_parsesWithFragmentNextHeader() {
        byte[] b = ip(L3Fixtures.pingFragments()[0]);
        Ipv6Header h = Ipv6Header.parse(b, 0, b.length).orThrow();
        assertThat(h).isEqualTo(new Ipv6Header(0, 0xe80bf, 1240, 44, 64, Ipv6Address.of("fd00:9::1"),
                Ipv6Address.of("fd00:9::2")));
        assertEmitReproduces(b, h);
    }

    @Test
    void trafficClassAndFlowLabel_roundTripOverRandomHeaders() {
        long seed = 8200;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int n = 0; n < 4000; n++) {
            Ipv6Header h = new Ipv6Header(rnd.nextInt(256), rnd.nextInt(1 << 20), rnd.nextInt(1, 300),
                    rnd.nextInt(256), rnd.nextInt(256), new Ipv6Address(rnd.nextLong(), rnd.nextLong()),
                    new Ipv6Address(rnd.nextLong(), rnd.nextLong()));
            byte[] b = new byte[40 + h.payloadLength() + rnd.nextInt(0, 10)];
            h.emit(b, 0);
            assertThat(Ipv6Header.parse(b, 0, b.length)).as("seed %d case %d", seed, n).isEqualTo(Parsed.ok(h));
        }
    }

    @Test
    void malformedInputs_haveTheirReasons() {
        byte[] b = ip(L3Fixtures.hex(L3Fixtures.V6_ECHO_REQUEST));
        assertThat(reason(Ipv6Header.parse(b, 0, 39))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(Ipv6Header.parse(b, 1, b.length))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(Ipv6Header.parse(b, 0, 103))).isEqualTo(MalformedReason.BAD_LENGTH);
        byte[] v = b.clone();
        v[0] = 0x40;
        assertThat(reason(Ipv6Header.parse(v, 0, v.length))).isEqualTo(MalformedReason.BAD_VERSION);
        byte[] jumbo = b.clone();
        jumbo[4] = 0;
        jumbo[5] = 0;
        assertThat(reason(Ipv6Header.parse(jumbo, 0, jumbo.length))).isEqualTo(MalformedReason.UNSUPPORTED);
        assertThat(Ipv6Packet.wrap(jumbo, 0, jumbo.length).isOk()).isTrue();
    }

    @Test
    void constructor_rejectsOutOfRangeFields() {
        assertThatThrownBy(() -> Ipv6Header.simple(Ipv6Address.ANY, Ipv6Address.ANY, 58, 64, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ipv6Header(0, 1 << 20, 8, 58, 64, Ipv6Address.ANY, Ipv6Address.ANY))
                .isInstanceOf(IllegalArgumentException.class);
        Ipv6Header h = Ipv6Header.simple(Ipv6Address.LOOPBACK, Ipv6Address.LOOPBACK, 17, 64, 8);
        assertThat(h.withHopLimit(1).withPayloadLength(9).withNextHeader(6))
                .isEqualTo(new Ipv6Header(0, 0, 9, 6, 1, Ipv6Address.LOOPBACK, Ipv6Address.LOOPBACK));
    }

    @Test
    void mutationSweep_neverThrows_andAcceptedInputsRoundTrip() {
        List<byte[]> seeds = List.of(ip(L3Fixtures.hex(L3Fixtures.V6_ECHO_REQUEST)),
                ip(L3Fixtures.hex(L3Fixtures.V6_MLD_HOP_BY_HOP)), ip(L3Fixtures.pingFragments()[2]));
        MutationSweep.run(seeds, 0x6666, 50_000, (b, off, len) -> {
            if (Ipv6Header.parse(b, off, len) instanceof Parsed.Ok<Ipv6Header>(Ipv6Header h)) {
                byte[] out = new byte[40];
                h.emit(out, 0);
                assertThat(out).isEqualTo(Arrays.copyOfRange(b, off, off + 40));
            }
            if (Ipv6Packet.wrap(b, off, len) instanceof Parsed.Ok<Ipv6Packet>(Ipv6Packet p)) {
                p.extensions();
            }
        });
    }
}
