package io.jnetstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.link.FrameSink;
import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.personality.Personality;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.ip.Ipv4Header;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import io.jnetstack.wire.udp.UdpHeader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FreeBSD's TCP over UDP (net.inet.tcp.udp_tunneling_port, TCP_REMOTE_UDP_ENCAPS_PORT): a passive open through the
 * tunnel answered in kind, a segment from the wrong UDP port reset the way it came, an active open sending its
 * SYN inside UDP with the MSS lowered by udp_tunneling_overhead, ICMP errors quoting an encapsulated segment, and
 * the other OSes, which have no tunnel.
 */
class TcpOverUdpTest {
    private static final long SEED = 6951;
    private static final Ipv4Address PEER = Ipv4Address.of("10.0.0.1");
    private static final Ipv4Address HOST = Ipv4Address.of("10.0.0.2");
    private static final int TUNNEL = 9811;
    private static final int PORT = 8080;

    /** A datagram the host sent: its transport protocol, UDP ports (0 for plain TCP) and the TCP header. */
    private record Out(int protocol, int udpSource, int udpDestination, TcpHeader tcp, byte[] datagram) {}

    /** The peer's end of a point-to-point link to the host. */
    private static final class Link implements LinkEndpoint {
        final Stack stack;
        final List<Out> out = new ArrayList<>();
        FrameSink sink;
        long nowNs;

        Link(String os) {
            stack = new Stack("host", Personality.named(os).forHost(), new RandomSource(SEED));
            stack.addAddress(stack.addInterface("p2p", this), HOST, 24);
        }

        /** Sends a TCP segment to the listener's port, inside UDP from {@code udpPort} (0: plain TCP). */
        void send(int udpPort, int srcPort, int seq, int ack, int flags, List<TcpOption> opts) {
            send(udpPort, srcPort, PORT, seq, ack, flags, opts);
        }

        /** Sends a TCP segment from the peer, inside UDP from {@code udpPort} to the tunnel (0: plain TCP). */
        void send(int udpPort, int srcPort, int dstPort, int seq, int ack, int flags, List<TcpOption> opts) {
            TcpHeader th = TcpHeader.of(srcPort, dstPort, seq, ack, flags, 65535, opts);
            int udp = udpPort == 0 ? 0 : UdpHeader.LENGTH;
            int tl = udp + th.headerLength();
            byte[] d = new byte[Ipv4Header.MIN_LENGTH + tl];
            th.emit(d, Ipv4Header.MIN_LENGTH + udp, new PseudoHeader(PEER, HOST, IpProtocol.TCP), 0);
            if (udpPort != 0) {
                UdpHeader.of(udpPort, TUNNEL, th.headerLength()).emit(d, Ipv4Header.MIN_LENGTH,
                        new PseudoHeader(PEER, HOST, IpProtocol.UDP));
            }
            Ipv4Header.simple(PEER, HOST, udpPort == 0 ? IpProtocol.TCP : IpProtocol.UDP, 64, tl, 0).emit(d, 0);
            sink.onFrame(d, 0, d.length, nowNs);
            stack.advanceTo(nowNs);
        }

        void inject(byte[] d) {
            sink.onFrame(d, 0, d.length, nowNs);
            stack.advanceTo(nowNs);
        }

        List<Out> take() {
            List<Out> l = List.copyOf(out);
            out.clear();
            return l;
        }

        @Override
        public Medium medium() {
            return Medium.IP;
        }

        @Override
        public int mtu() {
            return 1500;
        }

        @Override
        public MacAddress macAddress() {
            return MacAddress.ZERO;
        }

        @Override
        public void attach(FrameSink inbound) {
            sink = inbound;
        }

        @Override
        public void transmit(byte[] frame, int off, int len, long atNs) {
            byte[] d = java.util.Arrays.copyOfRange(frame, off, off + len);
            int proto = d[9] & 0xFF;
            int at = (d[0] & 0x0F) * 4;
            int sport = 0;
            int dport = 0;
            if (proto == IpProtocol.UDP) {
                sport = Bytes.u16(d, at);
                dport = Bytes.u16(d, at + 2);
                at += UdpHeader.LENGTH;
            }
            TcpHeader th = null;
            if (proto == IpProtocol.TCP || proto == IpProtocol.UDP) {
                // the TCP checksum of an encapsulated segment is 0: parse a copy with it filled in
                byte[] t = java.util.Arrays.copyOfRange(d, at, d.length);
                PseudoHeader ph = new PseudoHeader(HOST, PEER, IpProtocol.TCP);
                Bytes.put16(t, 16, Checksum.computeWithFieldZeroed(t, 0, t.length, 16, ph.sum(t.length)));
                if (TcpHeader.parse(t, 0, t.length, ph) instanceof Parsed.Ok<TcpHeader> ok) {
                    th = ok.value();
                }
            }
            out.add(new Out(proto, sport, dport, th, d));
        }
    }

    private static Link freebsdWithTunnel() {
        Link l = new Link("freebsd");
        l.stack.personality().tunables().set("net.inet.tcp.udp_tunneling_port", TUNNEL);
        return l;
    }

    private static int mss(TcpHeader th) {
        return th.options().stream().filter(o -> o instanceof TcpOption.Mss).map(o -> ((TcpOption.Mss) o).mss())
                .findFirst().orElse(-1);
    }

    @Test
    void aSynThroughTheTunnel_isAnsweredInKindAndItsConnectionStaysEncapsulated() {
        Link l = freebsdWithTunnel();
        l.stack.tcpListen(PORT);
        l.send(1, 40000, 100, 0, TcpHeader.SYN, List.of(new TcpOption.Mss(1452)));
        List<Out> out = l.take();
        assertThat(out).as("seed %d", SEED).hasSize(1);
        Out synAck = out.getFirst();
        assertThat(synAck.protocol()).isEqualTo(IpProtocol.UDP);
        assertThat(synAck.udpSource()).isEqualTo(TUNNEL);
        assertThat(synAck.udpDestination()).isEqualTo(1);
        assertThat(synAck.tcp().flags()).isEqualTo(TcpHeader.SYN | TcpHeader.ACK);
        assertThat(mss(synAck.tcp())).as("1460 less udp_tunneling_overhead 8").isEqualTo(1452);
        assertThat(Bytes.u16(synAck.datagram(), 20 + UdpHeader.LENGTH + 16)).as("tcp_output: th_sum = 0").isZero();
        assertThat(UdpHeader.parse(synAck.datagram(), 20, synAck.datagram().length - 20,
                new PseudoHeader(HOST, PEER, IpProtocol.UDP))).as("valid UDP checksum").isInstanceOf(Parsed.Ok.class);

        l.send(1, 40000, 101, synAck.tcp().seq() + 1, TcpHeader.ACK, List.of());
        assertThat(l.take()).isEmpty();
        TcpHandle h = l.stack.tcpAccept(PORT);
        assertThat(h).isNotNull();
        assertThat(l.stack.tcpUdpEncapsulationPort(h)).isEqualTo(1);
    }

    @Test
    void aSegmentFromAnotherUdpPortOrPlain_isResetTheWayItCame() {
        Link l = freebsdWithTunnel();
        l.stack.tcpListen(PORT);
        l.send(1, 40000, 100, 0, TcpHeader.SYN, List.of(new TcpOption.Mss(1452)));
        int iss = l.take().getFirst().tcp().seq();

        l.send(2, 40000, 101, iss + 1, TcpHeader.ACK, List.of());
        List<Out> out = l.take();
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().udpDestination()).isEqualTo(2);
        assertThat(out.getFirst().tcp().flags()).isEqualTo(TcpHeader.RST);
        assertThat(out.getFirst().tcp().seq()).isEqualTo(iss + 1);

        l.send(0, 40000, 101, iss + 1, TcpHeader.ACK, List.of());
        out = l.take();
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().protocol()).isEqualTo(IpProtocol.TCP);
        assertThat(out.getFirst().tcp().flags()).isEqualTo(TcpHeader.RST);
        assertThat(l.stack.tcpAccept(PORT)).as("the half-open connection is untouched").isNull();

        l.send(1, 40000, 101, iss + 1, TcpHeader.ACK, List.of());
        assertThat(l.stack.tcpAccept(PORT)).isNotNull();
    }

    @Test
    void anActiveOpenWithARemotePort_sendsItsSynInsideUdpWithTheOverheadOffTheMss() {
        Link l = freebsdWithTunnel();
        l.stack.personality().tunables().set("net.inet.tcp.udp_tunneling_overhead", 20);
        var r = l.stack.tcpConnect(null, 0, PEER, PORT, TcpConnectOptions.DEFAULTS.withUdpEncapsulationPort(7), 0);
        assertThat(r).isInstanceOf(TcpConnectResult.Ok.class);
        Out syn = l.take().getFirst();
        assertThat(syn.protocol()).isEqualTo(IpProtocol.UDP);
        assertThat(syn.udpSource()).isEqualTo(TUNNEL);
        assertThat(syn.udpDestination()).isEqualTo(7);
        assertThat(mss(syn.tcp())).isEqualTo(1460 - 20);
    }

    @Test
    void fragmentationNeededQuotingTheEncapsulatedSegment_lowersTheMssByTheOverheadToo() {
        Link l = freebsdWithTunnel();
        var ok = (TcpConnectResult.Ok) l.stack.tcpConnect(null, 0, PEER, PORT,
                TcpConnectOptions.DEFAULTS.withUdpEncapsulationPort(1), 0);
        TcpHandle h = ok.handle();
        TcpHeader syn = l.take().getFirst().tcp();
        l.send(1, PORT, h.localPort(), 500, syn.seq() + 1, TcpHeader.SYN | TcpHeader.ACK,
                List.of(new TcpOption.Mss(1452)));
        assertThat(l.take()).hasSize(1); // the ACK
        l.stack.tcpSend(h, new byte[1452], 0, 1452, l.nowNs);
        Out data = l.take().getFirst();
        assertThat(data.datagram().length).isEqualTo(20 + 8 + 20 + 1452);

        l.inject(fragNeeded(data.datagram(), 2, 1300));
        assertThat(l.take()).as("a quote naming another remote UDP port is ignored (t_port != port)").isEmpty();
        l.inject(fragNeeded(data.datagram(), 1, 1300));
        List<Out> out = l.take();
        assertThat(out).as("seed %d", SEED).isNotEmpty();
        assertThat(out.getFirst().datagram().length).as("1300 - 20 - 20 - 8 of payload").isEqualTo(1300);
        assertThat(out.getFirst().udpDestination()).isEqualTo(1);
    }

    /** ICMP frag needed from the peer quoting the host's datagram {@code d} with its UDP destination port set. */
    private static byte[] fragNeeded(byte[] d, int udpDestination, int mtu) {
        byte[] quote = java.util.Arrays.copyOf(d, 20 + 8 + 8);
        Bytes.put16(quote, 22, udpDestination);
        byte[] icmp = new byte[8 + quote.length];
        icmp[0] = 3;
        icmp[1] = 4;
        Bytes.put16(icmp, 6, mtu);
        System.arraycopy(quote, 0, icmp, 8, quote.length);
        Bytes.put16(icmp, 2, Checksum.compute(icmp, 0, icmp.length));
        byte[] out = new byte[20 + icmp.length];
        Ipv4Header.simple(PEER, HOST, IpProtocol.ICMP, 64, icmp.length, 0).emit(out, 0);
        System.arraycopy(icmp, 0, out, 20, icmp.length);
        return out;
    }

    @Test
    void otherOses_haveNoTunnel() {
        for (String os : List.of("linux", "openbsd", "macos")) {
            Personality p = Personality.named(os).forHost();
            assertThat(p.tcpUdpTunnelingPort()).as(os).isZero();
            assertThat(p.tcpUdpTunnelingOverhead()).as(os).isZero();
        }
        Link l = new Link("freebsd"); // tunneling port 0: a datagram to 9811 is plain UDP, refused
        l.stack.tcpListen(PORT);
        l.send(1, 40000, 100, 0, TcpHeader.SYN, List.of(new TcpOption.Mss(1452)));
        List<Out> out = l.take();
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().protocol()).as("ICMP port unreachable").isEqualTo(IpProtocol.ICMP);
    }
}
