package io.jnetstack.wire.ethernet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.EtherType;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EthernetFrameTest {

    @Test
    void wrap_readsTheCapturedArpRequestFrame() {
        byte[] f = HexFormat.of().parseHex(EthernetHeaderTest.ARP_REQUEST_FRAME);
        EthernetFrame e = EthernetFrame.wrap(f, 0, f.length).orThrow();
        assertThat(e.destination()).isEqualTo(MacAddress.BROADCAST);
        assertThat(e.source()).isEqualTo(MacAddress.parse("3a:82:d8:2f:16:50").orThrow());
        assertThat(e.etherType()).isEqualTo(EtherType.ARP);
        assertThat(e.payloadOffset()).isEqualTo(14);
        assertThat(e.payloadLength()).isEqualTo(28);
        assertThat(e.buffer()).isSameAs(f);
        assertThat(e.offset()).isZero();
        assertThat(e.length()).isEqualTo(42);
    }

    @Test
    void setters_rewriteTheHeaderInPlace() {
        byte[] b = new byte[20];
        EthernetFrame e = EthernetFrame.wrap(b, 2, 18).orThrow();
        MacAddress m = MacAddress.parse("02:00:00:00:00:01").orThrow();
        e.destination(MacAddress.BROADCAST);
        e.source(m);
        e.etherType(EtherType.IPV6);
        assertThat(e.header().orThrow()).isEqualTo(new EthernetHeader(MacAddress.BROADCAST, m, EtherType.IPV6));
        assertThat(e.payloadOffset()).isEqualTo(16);
        assertThat(e.payloadLength()).isEqualTo(4);
        e.etherType(0x0040); // a length: the view allows it, the header parser refuses it
        assertThat(e.etherType()).isEqualTo(0x40);
        assertThat(e.header()).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void wrap_rejectsShortFrames() {
        assertThat(EthernetFrame.wrap(new byte[13], 0, 13))
                .isInstanceOfSatisfying(Parsed.Malformed.class, m -> assertThat(m.reason())
                        .isEqualTo(MalformedReason.TRUNCATED));
        assertThat(EthernetFrame.wrap(new byte[14], 1, 14)).isInstanceOf(Parsed.Malformed.class);
    }
}
