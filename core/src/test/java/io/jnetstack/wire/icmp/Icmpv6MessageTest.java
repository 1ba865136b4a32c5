package io.jnetstack.wire.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.icmp.IcmpFixtures.V6;
import io.jnetstack.wire.icmp.Icmpv6Message.DestinationUnreachable;
import io.jnetstack.wire.icmp.Icmpv6Message.EchoReply;
import io.jnetstack.wire.icmp.Icmpv6Message.EchoRequest;
import io.jnetstack.wire.icmp.Icmpv6Message.Icmpv6Other;
import io.jnetstack.wire.icmp.Icmpv6Message.NeighborAdvertisement;
import io.jnetstack.wire.icmp.Icmpv6Message.NeighborSolicitation;
import io.jnetstack.wire.icmp.Icmpv6Message.PacketTooBig;
import io.jnetstack.wire.icmp.Icmpv6Message.RouterAdvertisement;
import io.jnetstack.wire.icmp.Icmpv6Message.RouterSolicitation;
import io.jnetstack.wire.icmp.Icmpv6Message.TimeExceeded;
import io.jnetstack.wire.icmp.NdpOption.Mtu;
import io.jnetstack.wire.icmp.NdpOption.PrefixInformation;
import io.jnetstack.wire.icmp.NdpOption.SourceLinkLayerAddress;
import io.jnetstack.wire.icmp.NdpOption.TargetLinkLayerAddress;
import io.jnetstack.wire.icmp.NdpOption.UnknownNdpOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ICMPv6/NDP fixtures (see {@link IcmpFixtures}) and every malformed reason. */
class Icmpv6MessageTest {
    static final MacAddress MAC_A = MacAddress.parse("8a:b9:5d:cc:6a:21").orThrow();

    static Icmpv6Message parse(V6 f) {
        byte[] b = f.bytes();
        Icmpv6Message m = Icmpv6Message.parse(b, 0, b.length, f.src(), f.dst()).orThrow();
        byte[] out = new byte[m.length()];
        assertThat(m.emit(out, 0, f.src(), f.dst())).isEqualTo(b.length);
        assertThat(out).as(f.name()).isEqualTo(b);
        return m;
    }

    static MalformedReason reason(byte[] b, V6 f) {
        Parsed<Icmpv6Message> p = Icmpv6Message.parse(b, 0, b.length, f.src(), f.dst());
        assertThat(p).isInstanceOf(Parsed.Malformed.class);
        return ((Parsed.Malformed<Icmpv6Message>) p).reason();
    }

    /** Recomputes the checksum of a modified fixture so only the intended defect remains. */
    static byte[] fix(byte[] b, V6 f) {
        Bytes.put16(b, 2, 0);
        long ph = io.jnetstack.wire.Checksum.pseudoHeaderV6(f.src().toBytes(), f.dst().toBytes(), 58, b.length);
        Bytes.put16(b, 2, io.jnetstack.wire.Checksum.finish(io.jnetstack.wire.Checksum.partial(b, 0, b.length, ph)));
        return b;
    }

    @Test
    void everyCapturedMessage_roundTripsByteForByte() {
        for (V6 f : IcmpFixtures.ALL_V6) {
            parse(f);
        }
    }

    @Test
    void capturedEchoAndErrors_parseEveryField() {
        ByteString data = ByteString.ofHex("b737026b00000000bda40b0000000000");
        assertThat(parse(IcmpFixtures.ECHO_REQUEST)).isEqualTo(new EchoRequest(0x1047, 1, data));
        assertThat(parse(IcmpFixtures.ECHO_REPLY)).isEqualTo(new EchoReply(0x1047, 1, data));
        DestinationUnreachable d = (DestinationUnreachable) parse(IcmpFixtures.PORT_UNREACHABLE);
        assertThat(d.code()).isEqualTo(DestinationUnreachable.PORT_UNREACHABLE);
        assertThat(d.unused()).isZero();
        assertThat(d.quoted().length()).isEqualTo(56);
        PacketTooBig p = (PacketTooBig) parse(IcmpFixtures.PACKET_TOO_BIG);
        assertThat(p.mtu()).isEqualTo(1280);
        assertThat(p.length()).isEqualTo(1240);
        assertThat(p.quoted().hex()).startsWith("60094b59");
        TimeExceeded t = (TimeExceeded) parse(IcmpFixtures.TIME_EXCEEDED);
        assertThat(t).isEqualTo(new TimeExceeded(0, 0, t.quoted()));
        assertThat(t.quoted().length()).isEqualTo(104);
    }

    @Test
    void capturedNeighborDiscovery_parsesEveryField() {
        assertThat(parse(IcmpFixtures.ROUTER_SOLICITATION))
                .isEqualTo(new RouterSolicitation(0, List.of(new SourceLinkLayerAddress(MAC_A))));
        assertThat(parse(IcmpFixtures.DAD_NEIGHBOR_SOLICITATION)).isEqualTo(NeighborSolicitation.of(
                IcmpFixtures.LL_A, List.of(new UnknownNdpOption(14, ByteString.ofHex("74554a8f94d4")))));
        assertThat(parse(IcmpFixtures.NEIGHBOR_SOLICITATION)).isEqualTo(NeighborSolicitation.of(
                IcmpFixtures.A1, List.of(new SourceLinkLayerAddress(MAC_A))));
        assertThat(parse(IcmpFixtures.NEIGHBOR_ADVERTISEMENT)).isEqualTo(NeighborAdvertisement.of(true, true, true,
                IcmpFixtures.A1, List.of(new TargetLinkLayerAddress(MacAddress.parse("8e:9d:72:57:6e:cd").orThrow()))));
        assertThat(parse(IcmpFixtures.ROUTER_ADVERTISEMENT)).isEqualTo(new RouterAdvertisement(64,
                RouterAdvertisement.FLAG_MANAGED | RouterAdvertisement.FLAG_OTHER, 1800, 30000, 1000, List.of(
                        new SourceLinkLayerAddress(MacAddress.parse("3a:aa:33:19:49:6b").orThrow()),
                        new Mtu(0, 1500),
                        new PrefixInformation(64, 0xc0, 86400, 14400, 0, Ipv6Address.of("2001:db8:1::")),
                        new UnknownNdpOption(24, ByteString.ofHex("000000000000")))));
        Icmpv6Other mld = (Icmpv6Other) parse(IcmpFixtures.MLD_REPORT);
        assertThat(mld.type()).isEqualTo(143);
        assertThat(mld.body().length()).isEqualTo(44);
    }

    @Test
    void linkLayerOptionOfOtherLength_isKeptAsUnknownOption() {
        NeighborSolicitation ns = NeighborSolicitation.of(IcmpFixtures.A1,
                List.of(new UnknownNdpOption(1, ByteString.ofHex("0102030405060708090a0b0c0d0e"))));
        byte[] b = new byte[ns.length()];
        ns.emit(b, 0, IcmpFixtures.A2, IcmpFixtures.A1);
        assertThat(Icmpv6Message.parse(b, 0, b.length, IcmpFixtures.A2, IcmpFixtures.A1).orThrow()).isEqualTo(ns);
    }

    @Test
    void shortMessages_areRejectedAsTruncated() {
        V6 f = IcmpFixtures.NEIGHBOR_SOLICITATION;
        assertThat(reason(new byte[3], f)).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(fix(java.util.Arrays.copyOf(f.bytes(), 20), f), f)).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(fix(java.util.Arrays.copyOf(IcmpFixtures.ECHO_REQUEST.bytes(), 6), f), f))
                .isEqualTo(MalformedReason.TRUNCATED);
    }

    @Test
    void flippedBitOrWrongAddresses_areRejectedAsBadChecksum() {
        V6 f = IcmpFixtures.PACKET_TOO_BIG;
        byte[] b = f.bytes();
        b[100] ^= 1;
        assertThat(reason(b, f)).isEqualTo(MalformedReason.BAD_CHECKSUM);
        byte[] e = IcmpFixtures.ECHO_REQUEST.bytes();
        assertThat(reason(e, new V6("x", "", IcmpFixtures.A1, Ipv6Address.LOOPBACK)))
                .isEqualTo(MalformedReason.BAD_CHECKSUM);
    }

    @Test
    void ndpWithNonzeroCodeOrMulticastTarget_isRejectedAsBadField() {
        V6 f = IcmpFixtures.NEIGHBOR_ADVERTISEMENT;
        byte[] b = f.bytes();
        b[1] = 1;
        assertThat(reason(fix(b, f), f)).isEqualTo(MalformedReason.BAD_FIELD);
        b = f.bytes();
        Ipv6Address.ALL_NODES.write(b, 8);
        assertThat(reason(fix(b, f), f)).isEqualTo(MalformedReason.BAD_FIELD);
        V6 ra = IcmpFixtures.ROUTER_ADVERTISEMENT;
        b = ra.bytes();
        b[16 + 8 + 8 + 2] = (byte) 129; // prefix length over 128
        assertThat(reason(fix(b, ra), ra)).isEqualTo(MalformedReason.BAD_FIELD);
    }

    @Test
    void badOptionLengths_areRejected() {
        V6 ra = IcmpFixtures.ROUTER_ADVERTISEMENT;
        byte[] b = ra.bytes();
        b[16 + 1] = 0; // SLLA length 0
        assertThat(reason(fix(b, ra), ra)).isEqualTo(MalformedReason.BAD_OPTION_LENGTH);
        b = ra.bytes();
        b[16 + 8 + 1] = 2; // MTU length 2
        assertThat(reason(fix(b, ra), ra)).isEqualTo(MalformedReason.BAD_OPTION_LENGTH);
        b = ra.bytes();
        b[16 + 16 + 1] = 3; // prefix information length 3
        assertThat(reason(fix(b, ra), ra)).isEqualTo(MalformedReason.BAD_OPTION_LENGTH);
    }

    @Test
    void optionRunningPastTheMessage_isRejectedAsOptionOverrun() {
        V6 ra = IcmpFixtures.ROUTER_ADVERTISEMENT;
        byte[] b = ra.bytes();
        b[b.length - 8 + 1] = 2; // the last option claims 16 bytes, 8 remain
        assertThat(reason(fix(b, ra), ra)).isEqualTo(MalformedReason.OPTION_OVERRUN);
        V6 rs = IcmpFixtures.ROUTER_SOLICITATION;
        assertThat(reason(fix(java.util.Arrays.copyOf(rs.bytes(), 9), rs), rs))
                .isEqualTo(MalformedReason.OPTION_OVERRUN);
    }
}
