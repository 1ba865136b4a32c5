package io.jnetstack.wire.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ipv4PacketTest {

    @Test
    void wrap_readsEveryFieldOfTheCapturedRecordRouteRequest() {
        byte[] f = L3Fixtures.hex(L3Fixtures.V4_RECORD_ROUTE_REQUEST);
        Ipv4Packet p = Ipv4Packet.wrap(f, 14, f.length - 14).orThrow();
        assertThat(p.version()).isEqualTo(4);
        assertThat(p.headerLength()).isEqualTo(60);
        assertThat(p.tos()).isZero();
        assertThat(p.totalLength()).isEqualTo(124);
        assertThat(p.identification()).isEqualTo(0x5a50);
        assertThat(p.reservedFlag()).isFalse();
        assertThat(p.dontFragment()).isTrue();
        assertThat(p.moreFragments()).isFalse();
        assertThat(p.fragmentOffsetBytes()).isZero();
        assertThat(p.ttl()).isEqualTo(64);
        assertThat(p.protocol()).isEqualTo(1);
        assertThat(p.checksum()).isEqualTo(0x9003);
        assertThat(p.checksumValid()).isTrue();
        assertThat(p.source()).isEqualTo(Ipv4Address.of("10.9.0.1"));
        assertThat(p.destination()).isEqualTo(Ipv4Address.of("10.9.0.2"));
        assertThat(p.optionsOffset()).isEqualTo(34);
        assertThat(p.optionsLength()).isEqualTo(40);
        assertThat(p.payloadOffset()).isEqualTo(74);
        assertThat(p.payloadLength()).isEqualTo(64);
        assertThat(p.buffer()).isSameAs(f);
        assertThat(p.offset()).isEqualTo(14);
        assertThat(p.length()).isEqualTo(124);
    }

    @Test
    void forwarding_decrementsTtl_andRecomputedChecksumVerifies() {
        byte[] f = L3Fixtures.hex(L3Fixtures.V4_ECHO_REQUEST);
        Ipv4Packet p = Ipv4Packet.wrap(f, 14, f.length - 14).orThrow();
        p.ttl(p.ttl() - 1);
        assertThat(p.checksumValid()).isFalse();
        p.recomputeChecksum();
        assertThat(p.checksumValid()).isTrue();
        assertThat(p.checksum()).isEqualTo(0xcdc3);
        assertThat(p.header().orThrow().ttl()).isEqualTo(63);
    }

    @Test
    void setters_writeTheirFields() {
        byte[] f = L3Fixtures.hex(L3Fixtures.V4_ECHO_REQUEST);
        Ipv4Packet p = Ipv4Packet.wrap(f, 14, f.length - 14).orThrow();
        p.tos(0xb8);
        p.identification(0x1234);
        p.dontFragment(false);
        p.moreFragments(true);
        p.fragmentOffsetBytes(1480);
        p.protocol(17);
        p.source(Ipv4Address.of("1.2.3.4"));
        p.destination(Ipv4Address.of("5.6.7.8"));
        p.totalLength(80);
        p.recomputeChecksum();
        Ipv4Header h = p.header().orThrow();
        assertThat(h).isEqualTo(new Ipv4Header(0xb8, 80, 0x1234, false, true, 1480, 64, 17,
                Ipv4Address.of("1.2.3.4"), Ipv4Address.of("5.6.7.8"), io.jnetstack.wire.ByteString.EMPTY));
        assertThat(p.payloadLength()).isEqualTo(60);
        p.versionAndHeaderLength(6, 20);
        assertThat(p.version()).isEqualTo(6);
        p.checksum(0xabcd);
        assertThat(p.checksum()).isEqualTo(0xabcd);
    }

    @Test
    void wrap_rejectsWithTheStructuralReasons() {
        byte[] b = Ipv4HeaderTest.ip(L3Fixtures.V4_ECHO_REQUEST);
        assertThat(reason(Ipv4Packet.wrap(b, 0, 10))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(Ipv4Packet.wrap(b, 0, 83))).isEqualTo(MalformedReason.BAD_LENGTH);
        byte[] v = Arrays.copyOf(b, b.length);
        v[0] = 0x35;
        assertThat(reason(Ipv4Packet.wrap(v, 0, v.length))).isEqualTo(MalformedReason.BAD_VERSION);
        v[0] = 0x43;
        assertThat(reason(Ipv4Packet.wrap(v, 0, v.length))).isEqualTo(MalformedReason.BAD_HEADER_LENGTH);
        b[8] = 0; // checksum is not the view's business
        assertThat(Ipv4Packet.wrap(b, 0, b.length).isOk()).isTrue();
    }

    static MalformedReason reason(Parsed<?> p) {
        return p instanceof Parsed.Malformed<?> m ? m.reason() : null;
    }
}
