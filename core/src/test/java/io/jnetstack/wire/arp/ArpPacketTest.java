package io.jnetstack.wire.arp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.EtherType;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import org.junit.jupiter.api.Test;

class ArpPacketTest {

    @Test
    void wrap_readsEveryFieldOfTheCapturedReply() {
        byte[] b = ArpMessageTest.hex(ArpMessageTest.REPLY);
        ArpPacket p = ArpPacket.wrap(b, 0, b.length).orThrow();
        assertThat(p.hardwareType()).isEqualTo(1);
        assertThat(p.protocolType()).isEqualTo(EtherType.IPV4);
        assertThat(p.hardwareLength()).isEqualTo(6);
        assertThat(p.protocolLength()).isEqualTo(4);
        assertThat(p.operation()).isEqualTo(ArpMessage.REPLY);
        assertThat(p.senderMac()).isEqualTo(MacAddress.parse("de:e4:46:2b:29:c2").orThrow());
        assertThat(p.senderIp()).isEqualTo(Ipv4Address.of("10.9.0.2"));
        assertThat(p.targetMac()).isEqualTo(MacAddress.parse("3a:82:d8:2f:16:50").orThrow());
        assertThat(p.targetIp()).isEqualTo(Ipv4Address.of("10.9.0.1"));
        assertThat(p.buffer()).isSameAs(b);
        assertThat(p.offset()).isZero();
        assertThat(p.length()).isEqualTo(28);
    }

    @Test
    void setters_buildARequestInPlace_thatParsesAsAMessage() {
        byte[] b = new byte[30];
        ArpPacket p = ArpPacket.wrap(b, 2, 28).orThrow();
        p.hardwareType(1);
        p.protocolType(EtherType.IPV4);
        p.hardwareLength(6);
        p.protocolLength(4);
        p.operation(ArpMessage.REQUEST);
        MacAddress mac = MacAddress.parse("02:00:00:00:00:07").orThrow();
        p.senderMac(mac);
        p.senderIp(Ipv4Address.of("192.0.2.7"));
        p.targetMac(MacAddress.ZERO);
        p.targetIp(Ipv4Address.of("192.0.2.1"));
        assertThat(p.message().orThrow()).isEqualTo(ArpMessage.request(mac, Ipv4Address.of("192.0.2.7"),
                Ipv4Address.of("192.0.2.1")));
    }

    @Test
    void wrap_rejectsShortPackets() {
        assertThat(ArpPacket.wrap(new byte[27], 0, 27)).isInstanceOfSatisfying(Parsed.Malformed.class,
                m -> assertThat(m.reason()).isEqualTo(MalformedReason.TRUNCATED));
    }
}
