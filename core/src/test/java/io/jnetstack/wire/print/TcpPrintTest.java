package io.jnetstack.wire.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.ip.Ipv4Header;
import io.jnetstack.wire.ip.Ipv6Header;
import io.jnetstack.wire.pcap.LinkType;
import io.jnetstack.wire.pcap.PcapWriter;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** (Ports tcpdump dissects no application on.) TCP lines in every flag and option combination the stack will send, checked against {@code tcpdump -n -S}. */
class TcpPrintTest {
    private static final Ipv4Address A4 = Ipv4Address.of("10.0.0.1");
    private static final Ipv4Address B4 = Ipv4Address.of("10.0.0.2");
    private static final Ipv6Address A6 = Ipv6Address.of("2001:db8::1");
    private static final Ipv6Address B6 = Ipv6Address.of("2001:db8::2");

    private static byte[] datagram(IpAddress src, IpAddress dst, TcpHeader t, int payload) {
        int ipLen = src.version() == 4 ? 20 : 40;
        byte[] d = new byte[ipLen + t.headerLength() + payload];
        for (int i = 0; i < payload; i++) {
            d[ipLen + t.headerLength() + i] = (byte) ('a' + i % 26);
        }
        if (src instanceof Ipv4Address s) {
            Ipv4Header.simple(s, (Ipv4Address) dst, IpProtocol.TCP, 64, t.headerLength() + payload, 7).emit(d, 0);
        } else {
            new Ipv6Header(0, 0, t.headerLength() + payload, IpProtocol.TCP, 64, (Ipv6Address) src, (Ipv6Address) dst)
                    .emit(d, 0);
        }
        t.emit(d, ipLen, new PseudoHeader(src, dst, IpProtocol.TCP), payload);
        return d;
    }

    private static List<byte[]> segments() {
        List<TcpOption> syn = List.of(new TcpOption.Mss(1460), new TcpOption.SackPermitted(),
                new TcpOption.Timestamps(12345, 0), new TcpOption.Nop(), new TcpOption.WindowScale(7));
        List<TcpOption> ts = List.of(new TcpOption.Nop(), new TcpOption.Nop(), new TcpOption.Timestamps(2, 1));
        List<TcpOption> sack = List.of(new TcpOption.Nop(), new TcpOption.Nop(), new TcpOption.Sack(
                List.of(new TcpOption.SackBlock(3000, 4000), new TcpOption.SackBlock(5000, 6000))));
        List<byte[]> out = new ArrayList<>();
        out.add(datagram(A4, B4, TcpHeader.of(49152, 45000, 1000, 0, TcpHeader.SYN, 65535, syn), 0));
        out.add(datagram(B4, A4, TcpHeader.of(45000, 49152, 7000, 1001, TcpHeader.SYN | TcpHeader.ACK, 65160, syn), 0));
        out.add(datagram(A4, B4, TcpHeader.of(49152, 45000, 1001, 7001, TcpHeader.PSH | TcpHeader.ACK, 502, ts), 100));
        out.add(datagram(B4, A4, TcpHeader.of(45000, 49152, 7001, 1101, TcpHeader.ACK, 509, sack), 0));
        out.add(datagram(A4, B4, TcpHeader.of(49152, 45000, 1101, 7001, TcpHeader.FIN | TcpHeader.ACK, 502, List.of()),
                0));
        out.add(datagram(A4, B4, TcpHeader.of(49153, 45002, 0, 1, TcpHeader.RST | TcpHeader.ACK, 0, List.of()), 0));
        out.add(datagram(A4, B4, TcpHeader.of(49153, 45002, 55, 0, TcpHeader.RST, 0, List.of()), 0));
        out.add(datagram(A6, B6, TcpHeader.of(49152, 45001, 1, 0, TcpHeader.SYN | TcpHeader.ECE | TcpHeader.CWR, 64800,
                List.of(new TcpOption.Mss(1440), new TcpOption.FastOpenCookie(ByteString.EMPTY, false))), 0));
        out.add(datagram(A6, B6, TcpHeader.of(49152, 45001, 2, 9, TcpHeader.URG | TcpHeader.ACK, 100, List.of()), 10));
        return out;
    }

    @Test
    void tcpSegments_printAsTcpdumpPrintsThem(@TempDir Path dir) throws Exception {
        assumeTrue(PacketPrinterTest.onPath("tcpdump"), "tcpdump is not installed (apt-get install tcpdump)");
        Path pcap = dir.resolve("tcp.pcap");
        List<byte[]> segs = segments();
        try (OutputStream os = Files.newOutputStream(pcap); PcapWriter w = new PcapWriter(os, LinkType.RAW, 65535)) {
            for (int i = 0; i < segs.size(); i++) {
                w.write(i * 1_000_000L, segs.get(i), 0, segs.get(i).length);
            }
        }
        Process p = new ProcessBuilder("tcpdump", "-n", "-t", "-S", "-r", pcap.toString()).start();
        List<String> expected = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertThat(p.waitFor()).isZero();
        assertThat(expected).hasSize(segs.size());
        for (int i = 0; i < segs.size(); i++) {
            assertThat(PacketPrinter.ip(segs.get(i), 0, segs.get(i).length)).as("segment " + (i + 1))
                    .isEqualTo(expected.get(i));
        }
    }
}
