package io.jnetstack.wire.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Real captures on a veth pair between two throw-away namespaces (jns-h2-l4e 10.9.3.1/fd00:3::1 and jns-h2-l4f
 * 10.9.3.2/fd00:3::2) with {@code ethtool -K <veth> tx off} (so the checksums are complete; on lo they are left
 * partial by offload), {@code tcpdump -i jl4e0}, and {@code python3 -c "s.bind(('10.9.3.1', 40000));
 * s.sendto(b'hello jnetstack', ('10.9.3.2', 9))"} and the same from [fd00:3::1]:40001 to [fd00:3::2]:9 with
 * b'hello v6'. The hex is the UDP datagram (IP header stripped); tcpdump -vv reports "udp sum ok".
 */
class UdpHeaderTest {
    static final PseudoHeader V4 = new PseudoHeader(Ipv4Address.of("10.9.3.1"), Ipv4Address.of("10.9.3.2"),
            IpProtocol.UDP);
    static final PseudoHeader V6 = new PseudoHeader(Ipv6Address.of("fd00:3::1"), Ipv6Address.of("fd00:3::2"),
            IpProtocol.UDP);
    static final String UDP4 = "9c4000090017f5b468656c6c6f206a6e6574737461636b";
    static final String UDP6 = "9c4100090010af5068656c6c6f207636";

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    static MalformedReason reason(Parsed<?> p) {
        return ((Parsed.Malformed<?>) p).reason();
    }

    @Test
    void capturedIpv4Datagram_parsesEveryField_andEmitsTheSameBytes() {
        byte[] b = hex(UDP4);
        UdpHeader h = UdpHeader.parse(b, 0, b.length, V4).orThrow();
        assertThat(h).isEqualTo(new UdpHeader(40000, 9, 23, 0xf5b4));
        assertThat(h.payloadLength()).isEqualTo(15);
        assertThat(new String(b, 8, h.payloadLength())).isEqualTo("hello jnetstack");
        byte[] out = b.clone();
        java.util.Arrays.fill(out, 0, 8, (byte) 0);
        assertThat(h.emit(out, 0, V4)).isEqualTo(8);
        assertThat(out).isEqualTo(b);
    }

    @Test
    void capturedIpv6Datagram_parsesEveryField_andEmitsTheSameBytes() {
        byte[] b = hex(UDP6);
        UdpHeader h = UdpHeader.parse(b, 0, b.length, V6).orThrow();
        assertThat(h).isEqualTo(new UdpHeader(40001, 9, 16, 0xaf50));
        byte[] out = b.clone();
        java.util.Arrays.fill(out, 0, 8, (byte) 0);
        UdpHeader.of(40001, 9, 8).emit(out, 0, V6);
        assertThat(out).isEqualTo(b);
    }

    @Test
    void zeroChecksumOverIpv4_meansNoChecksum_andIsKeptOnEmit() {
        byte[] b = hex(UDP4);
        Bytes.put16(b, 6, 0);
        UdpHeader h = UdpHeader.parse(b, 0, b.length, V4).orThrow();
        assertThat(h.checksum()).isZero();
        byte[] out = b.clone();
        h.emit(out, 0, V4);
        assertThat(out).isEqualTo(b);
    }

    @Test
    void zeroChecksumOverIpv6_isRejectedAsBadChecksum() {
        byte[] b = hex(UDP6);
        Bytes.put16(b, 6, 0);
        assertThat(reason(UdpHeader.parse(b, 0, b.length, V6))).isEqualTo(MalformedReason.BAD_CHECKSUM);
    }

    @Test
    void computedZeroChecksum_isSentAsAllOnes() {
        // Choose the last payload word so the checksum computes to 0; RFC 768 then sends 0xFFFF.
        byte[] b = new byte[10];
        UdpHeader h = UdpHeader.of(1, 2, 2);
        h.emit(b, 0, V6);
        int c = Bytes.u16(b, 6);
        Bytes.put16(b, 8, c);
        h.emit(b, 0, V6);
        assertThat(Bytes.u16(b, 6)).isEqualTo(0xFFFF);
        assertThat(UdpHeader.parse(b, 0, b.length, V6).orThrow().checksum()).isEqualTo(0xFFFF);
        byte[] again = b.clone();
        UdpHeader.parse(b, 0, b.length, V6).orThrow().emit(again, 0, V6);
        assertThat(again).isEqualTo(b);
    }

    @Test
    void shortInput_isRejectedAsTruncated() {
        byte[] b = hex(UDP4);
        assertThat(reason(UdpHeader.parse(b, 0, 7, V4))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(UdpHeader.parse(b, 20, 7, V4))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(UdpHeader.parse(null, 0, 0, V4))).isEqualTo(MalformedReason.TRUNCATED);
    }

    @Test
    void lengthFieldBelowEightOrBeyondTheIpPayload_isRejectedAsBadLength() {
        byte[] b = hex(UDP4);
        Bytes.put16(b, 4, 7);
        assertThat(reason(UdpHeader.parse(b, 0, b.length, V4))).isEqualTo(MalformedReason.BAD_LENGTH);
        Bytes.put16(b, 4, 24);
        assertThat(reason(UdpHeader.parse(b, 0, b.length, V4))).isEqualTo(MalformedReason.BAD_LENGTH);
    }

    @Test
    void lengthFieldShorterThanIpPayload_coversOnlyLengthBytes() {
        byte[] b = java.util.Arrays.copyOf(hex(UDP4), 30);
        assertThat(UdpHeader.parse(b, 0, b.length, V4).orThrow().length()).isEqualTo(23);
    }

    @Test
    void corruptedPayload_isRejectedAsBadChecksum() {
        byte[] b = hex(UDP4);
        b[10] ^= 1;
        assertThat(reason(UdpHeader.parse(b, 0, b.length, V4))).isEqualTo(MalformedReason.BAD_CHECKSUM);
        byte[] c = hex(UDP6);
        c[9] ^= 0x40;
        assertThat(reason(UdpHeader.parse(c, 0, c.length, V6))).isEqualTo(MalformedReason.BAD_CHECKSUM);
    }

    @Test
    void packetView_readsAndWritesFieldsInPlace() {
        byte[] b = hex(UDP4);
        UdpPacket p = UdpPacket.wrap(b, 0, b.length).orThrow();
        assertThat(p.sourcePort()).isEqualTo(40000);
        assertThat(p.destinationPort()).isEqualTo(9);
        assertThat(p.length()).isEqualTo(23);
        assertThat(p.checksum()).isEqualTo(0xf5b4);
        assertThat(p.payloadOffset()).isEqualTo(8);
        assertThat(p.payloadLength()).isEqualTo(15);
        assertThat(p.checksumVerifies(V4)).isTrue();
        p.destinationPort(53);
        assertThat(p.checksumVerifies(V4)).isFalse();
        p.fillChecksum(V4);
        assertThat(UdpHeader.parse(b, 0, b.length, V4).orThrow().destinationPort()).isEqualTo(53);
        p.sourcePort(1);
        p.length(8);
        p.checksum(0);
        assertThat(p.sourcePort()).isEqualTo(1);
        assertThat(p.payloadLength()).isZero();
    }

    @Test
    void packetView_rejectsShortInputAndBadLengthField() {
        byte[] b = hex(UDP4);
        assertThat(reason(UdpPacket.wrap(b, 0, 5))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(UdpPacket.wrap(b, 0, 20))).isEqualTo(MalformedReason.BAD_LENGTH);
        assertThat(reason(UdpPacket.wrap(b, -1, 20))).isEqualTo(MalformedReason.TRUNCATED);
    }
}
