package io.jnetstack.pkt;

import static io.jnetstack.pkt.PktScriptTest.action;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.pkt.Packet.Direction;
import io.jnetstack.pkt.Packet.Icmp;
import io.jnetstack.pkt.Packet.Tcp;
import io.jnetstack.pkt.Packet.UdpEncapsulation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Packet lines: TCP flags, sequence, ack/win/urg, options, IP details, UDP, ICMP, UDP encapsulation. */
class PktPacketTest {

    private static Packet packet(String line) {
        return (Packet) action("+0 " + line);
    }

    private static Tcp tcp(String line) {
        return (Tcp) packet(line).transport();
    }

    @Test
    void synWithOptions_everyField() {
        Packet p = packet("> S 0:0(0) win 65535 <mss 1460,nop,wscale 6,sackOK,TS val 100 ecr 0>");
        assertThat(p.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(p.ip()).isEqualTo(IpInfo.NONE);
        assertThat(p.transport()).isEqualTo(new Tcp(Optional.empty(), new TcpFlags("S"),
                new Sequence.Range(0, 0, 0, false), OptionalLong.empty(), OptionalInt.of(65535), OptionalInt.empty(),
                new TcpOption.Listed(List.of(new TcpOption.Mss(1460), new TcpOption.Nop(),
                        new TcpOption.WindowScale(6), new TcpOption.SackPermitted(),
                        new TcpOption.Timestamp(OptionalLong.of(100), 0, false))),
                Optional.empty()));
    }

    @Test
    void flags_ackDotSeparatedBySpaces_andNoFlags() {
        assertThat(tcp("< S. 0:0(0) ack 1 win 5").flags()).isEqualTo(new TcpFlags("S."));
        assertThat(tcp("< F  . 1:1(0) ack 1 win 5").flags()).isEqualTo(new TcpFlags("F."));
        assertThat(tcp("<  . 1:1(0) ack 1 win 5").flags().ack()).isTrue();
        assertThat(tcp("> - 1:1(0)").flags()).isEqualTo(new TcpFlags(""));
        TcpFlags sew = tcp("> SEW 0:0(0)").flags();
        assertThat(sew.syn() && sew.ece() && sew.cwr() && !sew.ack() && !sew.fin()).isTrue();
        assertThat(tcp("< P. 1:1001(1000) ack 1 win 5").flags().psh()).isTrue();
        assertThat(tcp("< R 1:1(0) win 0").flags().rst()).isTrue();
    }

    @Test
    void sequence_absoluteAndAnyStart_ackWinUrg() {
        Tcp t = tcp("> R. 0:0(0)! ack 4294967295 win 0 urg 7");
        assertThat(t.sequence()).isEqualTo(new Sequence.Range(0, 0, 0, true));
        assertThat(t.ack()).isEqualTo(OptionalLong.of(4294967295L));
        assertThat(t.window()).isEqualTo(OptionalInt.of(0));
        assertThat(t.urgentPointer()).isEqualTo(OptionalInt.of(7));
        assertThat(tcp("> S. ...(0) ack 1 win 5").sequence()).isEqualTo(new Sequence.AnyStart(0));
        assertThat(tcp("< . 4294967295:4294967295(0) win 5").sequence())
                .isEqualTo(new Sequence.Range(4294967295L, 4294967295L, 0, false));
    }

    @Test
    void options_sackBlocks_eol_md5_fastOpen_unchecked_andNone() {
        assertThat(tcp("> . 1:1(0) ack 1 <nop, nop, sack 1:2 3:4,eol>").options()).isEqualTo(new TcpOption.Listed(List.of(
                new TcpOption.Nop(), new TcpOption.Nop(), new TcpOption.Sack(List.of(new TcpOption.SackBlock(1, 2),
                        new TcpOption.SackBlock(3, 4))), new TcpOption.Eol())));
        assertThat(tcp("> . 1:1(0) <nop,nop,md5 valid>").options()).isEqualTo(new TcpOption.Listed(List.of(
                new TcpOption.Nop(), new TcpOption.Nop(), new TcpOption.Md5("valid"))));
        assertThat(tcp("< S. 0:0(0) ack 1 <FO 0102030405060708,FO,FO abcd>").options()).isEqualTo(new TcpOption.Listed(
                List.of(new TcpOption.FastOpen("0102030405060708"), new TcpOption.FastOpen(""),
                        new TcpOption.FastOpen("abcd"))));
        assertThat(tcp("> S 0:0(0) win 5 <...>").options()).isEqualTo(new TcpOption.Unchecked());
        assertThat(tcp("> S 0:0(0) win 5").options()).isEqualTo(new TcpOption.Listed(List.of()));
        assertThat(tcp("> S 0:0(0) <TS val ... ecr 7!>").options()).isEqualTo(new TcpOption.Listed(List.of(
                new TcpOption.Timestamp(OptionalLong.empty(), 7, true))));
    }

    @Test
    void udpEncapsulation_afterOptionsOrWindow() {
        assertThat(tcp("> . 1:1(0) ack 1 win 5/udp(9811 > 1)").encapsulation())
                .contains(new UdpEncapsulation(9811, 1));
        assertThat(tcp("< S 0:0(0) win 5 <mss 1460>/udp(1 > 9811)").encapsulation())
                .contains(new UdpEncapsulation(1, 9811));
    }

    @Test
    void ipDetails_ttlTosHlimClassAndEcn() {
        assertThat(packet("< (ttl 3)  . 1:1(0) ack 1 win 5").ip().ttl()).isEqualTo(OptionalInt.of(3));
        assertThat(packet("> (tos 0xe0) . 1:1(0) ack 1").ip().tos()).isEqualTo(OptionalInt.of(0xe0));
        assertThat(packet("> (hlim 1) . 1:1(0) ack 1").ip().hopLimit()).isEqualTo(OptionalInt.of(1));
        assertThat(packet("> (class 0x10) . 1:1(0) ack 1").ip().trafficClass()).isEqualTo(OptionalInt.of(0x10));
        assertThat(packet("<[noecn] . 1:1(0) ack 1").ip().ecn()).contains(IpInfo.Ecn.NOT_ECT);
        assertThat(packet("> [ect0] P. 1:2(1) ack 1").ip().ecn()).contains(IpInfo.Ecn.ECT0);
        IpInfo many = packet("> (tos 0x2, ecn ce, flowlabel 0x12345, dscp af11) . 1:1(0)").ip();
        assertThat(many).isEqualTo(new IpInfo(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(2),
                OptionalInt.empty(), OptionalInt.of(0x12345), Optional.of("af11"), Optional.of(IpInfo.Ecn.CE)));
    }

    @Test
    void explicitPorts_beforeFlags_andUdpPackets() {
        assertThat(tcp("< 1234>80 S 0:0(0) win 5").ports()).contains(new Packet.Ports(1234, 80));
        assertThat(packet("< udp (10)").transport()).isEqualTo(new Packet.Udp(Optional.empty(), 10));
        assertThat(packet("> udp 53>1024 (0)").transport())
                .isEqualTo(new Packet.Udp(Optional.of(new Packet.Ports(53, 1024)), 0));
    }

    @Test
    void icmp_typeCodeQuotedSegment() {
        Packet p = packet("< icmp unreachable port_unreachable [1:1(0)]");
        assertThat(p.direction()).isEqualTo(Direction.INBOUND);
        assertThat(p.transport()).isEqualTo(new Icmp("unreachable", Optional.of("port_unreachable"),
                OptionalLong.empty(), OptionalLong.empty(),
                Optional.of(new Packet.QuotedTcp(new Sequence.Range(1, 1, 0, false), Optional.empty()))));
    }

    @Test
    void icmp_mtu_typeOnly_quotedEncapsulation_quotedUdp_andEchoId() {
        assertThat(packet("<icmp unreachable frag_needed mtu 1280 [0:0(0)/udp(1 > 9811)]").transport())
                .isEqualTo(new Icmp("unreachable", Optional.of("frag_needed"), OptionalLong.of(1280),
                        OptionalLong.empty(), Optional.of(new Packet.QuotedTcp(new Sequence.Range(0, 0, 0, false),
                                Optional.of(new UdpEncapsulation(1, 9811))))));
        assertThat(packet("< icmp packet_too_big mtu 1280 [0:0(0)]").transport())
                .extracting(t -> ((Icmp) t).code(), t -> ((Icmp) t).mtu())
                .containsExactly(Optional.empty(), OptionalLong.of(1280));
        assertThat(((Icmp) packet("< icmp source_quench [0:0(0)]").transport()).type()).isEqualTo("source_quench");
        assertThat(((Icmp) packet("< icmp unreachable port_unreachable [udp (8)]").transport()).quoted())
                .contains(new Packet.QuotedUdp(8));
        assertThat(((Icmp) packet("> icmp echo_reply id 9").transport()).echoId()).isEqualTo(OptionalLong.of(9));
    }
}
