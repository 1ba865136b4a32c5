package io.jnetstack.wire.ip;

import static io.jnetstack.wire.ip.L3Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Ipv4HeaderTest {
    private static final int ETH = 14;

    private static Parsed<Ipv4Header> parseFrame(byte[] frame) {
        return Ipv4Header.parse(frame, ETH, frame.length - ETH);
    }

    private static void assertEmitReproduces(byte[] frame, Ipv4Header h) {
        byte[] out = new byte[h.length()];
        assertThat(h.emit(out, 0)).isEqualTo(h.headerLength());
        assertThat(out).isEqualTo(Arrays.copyOfRange(frame, ETH, ETH + h.headerLength()));
    }

    @Test
    void capturedEchoRequest_parsesEveryField_andEmitsTheSameBytes() {
        byte[] f = hex(L3Fixtures.V4_ECHO_REQUEST);
        Ipv4Header h = parseFrame(f).orThrow();
        assertThat(h).isEqualTo(new Ipv4Header(0, 84, 0x59d1, true, false, 0, 64, 1, Ipv4Address.of("10.9.0.1"),
                Ipv4Address.of("10.9.0.2"), ByteString.EMPTY));
        assertThat(h.headerLength()).isEqualTo(20);
        assertThat(h.payloadLength()).isEqualTo(64);
        assertThat(h.isFragment()).isFalse();
        assertEmitReproduces(f, h);
    }

    @Test
    void capturedEchoReply_withDfClear_roundTrips() {
        byte[] f = hex(L3Fixtures.V4_ECHO_REPLY);
        Ipv4Header h = parseFrame(f).orThrow();
        assertThat(h).isEqualTo(new Ipv4Header(0, 84, 0xf84f, false, false, 0, 64, 1, Ipv4Address.of("10.9.0.2"),
                Ipv4Address.of("10.9.0.1"), ByteString.EMPTY));
        assertEmitReproduces(f, h);
    }

    @Test
    void capturedRecordRouteRequest_keepsNopAndRecordRouteOptions() {
        byte[] f = hex(L3Fixtures.V4_RECORD_ROUTE_REQUEST);
        Ipv4Header h = parseFrame(f).orThrow();
        assertThat(h.headerLength()).isEqualTo(60);
        assertThat(h.totalLength()).isEqualTo(124);
        assertThat(h.identification()).isEqualTo(0x5a50);
        assertThat(h.dontFragment()).isTrue();
        assertThat(h.moreFragments()).isFalse();
        assertThat(h.fragmentOffsetBytes()).isZero();
        assertThat(h.tos()).isZero();
        assertThat(h.ttl()).isEqualTo(64);
        assertThat(h.protocol()).isEqualTo(1);
        assertThat(h.source()).isEqualTo(Ipv4Address.of("10.9.0.1"));
        assertThat(h.destination()).isEqualTo(Ipv4Address.of("10.9.0.2"));
        assertThat(h.options()).isEqualTo(ByteString.copyOf(f, ETH + 20, 40));
        assertThat(h.options().u8(0)).isEqualTo(1); // NOP
        assertThat(h.options().u8(1)).isEqualTo(7); // record route
        assertThat(h.options().u8(2)).isEqualTo(39);
        assertThat(h.options().u8(3)).isEqualTo(8);
        assertEmitReproduces(f, h);
    }

    @Test
    void capturedRecordRouteReply_endsWithEol_andRoundTrips() {
        byte[] f = hex(L3Fixtures.V4_RECORD_ROUTE_REPLY);
        Ipv4Header h = parseFrame(f).orThrow();
        assertThat(h.options().u8(0)).isEqualTo(7);
        assertThat(h.options().u8(2)).isEqualTo(16);
        assertThat(h.options().u8(39)).isZero(); // EOL
        assertThat(h.source()).isEqualTo(Ipv4Address.of("10.9.0.2"));
        assertThat(h.dontFragment()).isFalse();
        assertEmitReproduces(f, h);
    }

    @Test
    void trailingEthernetPadding_isAllowed() {
        byte[] f = Arrays.copyOf(hex(L3Fixtures.V4_ECHO_REQUEST), 98 + 10);
        assertThat(parseFrame(f).orThrow().totalLength()).isEqualTo(84);
    }

    @Test
    void simple_buildsAHeaderThatParsesBack() {
        Ipv4Header h = Ipv4Header.simple(Ipv4Address.of("192.0.2.1"), Ipv4Address.of("198.51.100.7"), 17, 64, 8, 42);
        assertThat(h.totalLength()).isEqualTo(28);
        assertThat(h.dontFragment()).isFalse();
        byte[] b = new byte[28];
        h.emit(b, 0);
        assertThat(Ipv4Header.parse(b, 0, 28).orThrow()).isEqualTo(h);
        assertThat(h.withTtl(1).ttl()).isEqualTo(1);
        assertThat(h.withPayloadLength(100).totalLength()).isEqualTo(120);
        assertThat(h.withOptions(ByteString.ofHex("01010100")).totalLength()).isEqualTo(32);
        assertThat(h.withFragment(false, true, 1480).isFragment()).isTrue();
    }

    @Test
    void roundTrip_randomValidHeaders_emitParseEmit() {
        long seed = 791;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int n = 0; n < 4000; n++) {
            Ipv4Header h = randomHeader(rnd);
            byte[] b = new byte[h.totalLength() + rnd.nextInt(0, 8)];
            h.emit(b, 0);
            Parsed<Ipv4Header> p = Ipv4Header.parse(b, 0, b.length);
            assertThat(p).as("seed %d case %d", seed, n).isEqualTo(Parsed.ok(h));
            byte[] again = new byte[h.length()];
            p.orThrow().emit(again, 0);
            assertThat(again).as("seed %d case %d", seed, n).isEqualTo(Arrays.copyOf(b, h.length()));
        }
    }

    static Ipv4Header randomHeader(SplittableRandom rnd) {
        ByteString options = randomOptions(rnd);
        int frag = rnd.nextInt(4) == 0 ? rnd.nextInt(0, 0x2000) * 8 : 0;
        return new Ipv4Header(rnd.nextInt(256), 20 + options.length() + rnd.nextInt(0, 200), rnd.nextInt(65536),
                rnd.nextBoolean(), rnd.nextBoolean(), frag, rnd.nextInt(256), rnd.nextInt(256),
                new Ipv4Address(rnd.nextInt()), new Ipv4Address(rnd.nextInt()), options);
    }

    /** A structurally valid options area: NOPs, random TLV options, maybe EOL followed by arbitrary bytes. */
    static ByteString randomOptions(SplittableRandom rnd) {
        int size = rnd.nextInt(0, 11) * 4;
        byte[] o = new byte[size];
        int i = 0;
        while (i < size) {
            int left = size - i;
            int kind = rnd.nextInt(8);
            if (kind == 0) {
                o[i] = 0; // EOL: the rest is opaque padding
                for (int j = i + 1; j < size; j++) {
                    o[j] = (byte) (rnd.nextBoolean() ? 0 : rnd.nextInt(256));
                }
                break;
            } else if (kind == 1 || left < 2) {
                o[i++] = 1;
            } else {
                int len = rnd.nextInt(2, Math.min(left, 40) + 1);
                o[i] = (byte) rnd.nextInt(2, 256);
                o[i + 1] = (byte) len;
                for (int j = i + 2; j < i + len; j++) {
                    o[j] = (byte) rnd.nextInt(256);
                }
                i += len;
            }
        }
        return ByteString.copyOf(o);
    }

    @Test
    void constructor_rejectsOptionsThatAreNotAMultipleOfFourOrTooLongOrMalformed() {
        Ipv4Header h = Ipv4Header.simple(Ipv4Address.ANY, Ipv4Address.ANY, 6, 64, 0, 0);
        assertThatThrownBy(() -> h.withOptions(ByteString.ofHex("010101")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.withOptions(ByteString.copyOf(new byte[44])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.withOptions(ByteString.ofHex("07010000")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.withFragment(false, false, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.withTotalLength(19)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mutationSweep_neverThrows_andAcceptedInputsRoundTrip() {
        List<byte[]> seeds = List.of(ip(L3Fixtures.V4_ECHO_REQUEST), ip(L3Fixtures.V4_RECORD_ROUTE_REQUEST),
                ip(L3Fixtures.V4_RECORD_ROUTE_REPLY));
        MutationSweep.run(seeds, 0x1F00D, 50_000, (b, off, len) -> {
            Parsed<Ipv4Header> p = Ipv4Header.parse(b, off, len);
            if (p instanceof Parsed.Ok<Ipv4Header>(Ipv4Header h)) {
                byte[] out = new byte[h.length()];
                h.emit(out, 0);
                assertThat(out).isEqualTo(Arrays.copyOfRange(b, off, off + h.length()));
            }
            Ipv4Packet.wrap(b, off, len);
        });
    }

    static byte[] ip(String frameHex) {
        byte[] f = hex(frameHex);
        return Arrays.copyOfRange(f, ETH, f.length);
    }
}
