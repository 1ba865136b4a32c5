package io.jnetstack.wire.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.Ipv6Address;
import org.junit.jupiter.api.Test;

class Ipv6PacketTest {

    @Test
    void wrap_readsEveryFieldOfTheCapturedEchoRequest() {
        byte[] f = L3Fixtures.hex(L3Fixtures.V6_ECHO_REQUEST);
        Ipv6Packet p = Ipv6Packet.wrap(f, 14, f.length - 14).orThrow();
        assertThat(p.version()).isEqualTo(6);
        assertThat(p.trafficClass()).isZero();
        assertThat(p.flowLabel()).isEqualTo(0xe80bf);
        assertThat(p.payloadLength()).isEqualTo(64);
        assertThat(p.nextHeader()).isEqualTo(58);
        assertThat(p.hopLimit()).isEqualTo(64);
        assertThat(p.source()).isEqualTo(Ipv6Address.of("fd00:9::1"));
        assertThat(p.destination()).isEqualTo(Ipv6Address.of("fd00:9::2"));
        assertThat(p.payloadOffset()).isEqualTo(54);
        assertThat(p.offset()).isEqualTo(14);
        assertThat(p.length()).isEqualTo(104);
        assertThat(p.buffer()).isSameAs(f);
        assertThat(p.extensions().orThrow().upperOffset()).isEqualTo(54);
    }

    @Test
    void setters_writeTheirFields_withoutDisturbingNeighbours() {
        byte[] f = L3Fixtures.hex(L3Fixtures.V6_ECHO_REQUEST);
        Ipv6Packet p = Ipv6Packet.wrap(f, 14, f.length - 14).orThrow();
        p.trafficClass(0xb8);
        p.flowLabel(0x12345);
        p.hopLimit(63);
        p.nextHeader(59);
        p.payloadLength(10);
        p.source(Ipv6Address.LOOPBACK);
        p.destination(Ipv6Address.ALL_NODES);
        assertThat(p.header().orThrow()).isEqualTo(new Ipv6Header(0xb8, 0x12345, 10, 59, 63, Ipv6Address.LOOPBACK,
                Ipv6Address.ALL_NODES));
        p.version(4);
        assertThat(p.version()).isEqualTo(4);
        assertThat(p.trafficClass()).isEqualTo(0xb8);
    }
}
