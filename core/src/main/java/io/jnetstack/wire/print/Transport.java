package io.jnetstack.wire.print;

import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.icmp.Icmpv4Message;
import io.jnetstack.wire.icmp.Icmpv6Message;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.StringJoiner;

/** The transport part of a tcpdump line: TCP, UDP, ICMP and ICMPv6. */
final class Transport {
    private Transport() {}

    static String describe(IpAddress src, IpAddress dst, int proto, byte[] b, int at, int len, int version) {
        return switch (proto) {
            case IpProtocol.TCP -> tcp(src, dst, b, at, len);
            case IpProtocol.UDP -> PacketPrinter.udp(src, dst, b, at, len);
            case IpProtocol.ICMP -> src + " > " + dst + ": " + icmp4(b, at, len);
            case IpProtocol.ICMPV6 -> src + " > " + dst + ": " + icmp6((Ipv6Address) src, (Ipv6Address) dst, b, at,
                    len);
            default -> src + " > " + dst + ": ip-proto-" + proto + " " + len;
        };
    }

    private static String tcp(IpAddress src, IpAddress dst, byte[] b, int at, int len) {
        Parsed<TcpHeader> p = TcpHeader.parse(b, at, len, new PseudoHeader(src, dst, IpProtocol.TCP));
        if (!(p instanceof Parsed.Ok<TcpHeader> ok)) {
            return src + " > " + dst + ": tcp [malformed: " + PacketPrinter.reason(p) + "]";
        }
        TcpHeader t = ok.value();
        int data = len - t.headerLength();
        StringBuilder sb = new StringBuilder();
        sb.append(src).append('.').append(t.sourcePort()).append(" > ").append(dst).append('.')
                .append(t.destinationPort()).append(": Flags [").append(flags(t)).append("]");
        long seq = t.seq() & 0xFFFF_FFFFL;
        // tcpdump print-tcp.c prints the sequence only for data or SYN/FIN/RST (a bare ACK shows just its ack).
        if (data > 0 || t.has(TcpHeader.SYN) || t.has(TcpHeader.FIN) || t.has(TcpHeader.RST)) {
            sb.append(", seq ").append(seq);
            if (data > 0) {
                sb.append(':').append((seq + data) & 0xFFFF_FFFFL);
            }
        }
        if (t.has(TcpHeader.ACK)) {
            sb.append(", ack ").append(t.ack() & 0xFFFF_FFFFL);
        }
        sb.append(", win ").append(t.window());
        if (t.has(TcpHeader.URG)) {
            sb.append(", urg ").append(t.urgentPointer());
        }
        if (!t.options().isEmpty()) {
            StringJoiner j = new StringJoiner(",", ", options [", "]");
            for (TcpOption o : t.options()) {
                j.add(o.describe());
            }
            sb.append(j);
        }
        return sb.append(", length ").append(data).toString();
    }

    /** Flag bits in the order of tcpdump's print-tcp.c tcp_flag_values table, with their letters. */
    private static final int[] FLAG_BITS = {TcpHeader.FIN, TcpHeader.SYN, TcpHeader.RST, TcpHeader.PSH,
        TcpHeader.ACK, TcpHeader.URG, TcpHeader.ECE, TcpHeader.CWR, TcpHeader.AE};
    private static final String FLAG_LETTERS = "FSRP.UEWe";

    /** tcpdump's flag letters ("S.", "P.", "none" when no flag is set). */
    private static String flags(TcpHeader t) {
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if (t.has(FLAG_BITS[i])) {
                f.append(FLAG_LETTERS.charAt(i));
            }
        }
        return f.isEmpty() ? "none" : f.toString();
    }

    private static String icmp4(byte[] b, int at, int len) {
        Parsed<Icmpv4Message> p = Icmpv4Message.parse(b, at, len);
        if (!(p instanceof Parsed.Ok<Icmpv4Message> ok)) {
            return "ICMP [malformed: " + PacketPrinter.reason(p) + "]";
        }
        Icmpv4Message m = ok.value();
        return switch (m.type()) {
            case 0 -> "ICMP echo reply, id " + Bytes.u16(b, at + 4) + ", seq " + Bytes.u16(b, at + 6) + ", length " + len;
            case 8 -> "ICMP echo request, id " + Bytes.u16(b, at + 4) + ", seq " + Bytes.u16(b, at + 6) + ", length "
                    + len;
            case 3 -> "ICMP " + unreachable(m.code(), b, at + 8, len - 8) + ", length " + len;
            case 11 -> "ICMP time exceeded " + (m.code() == 0 ? "in-transit" : "reassembly") + ", length " + len;
            case 12 -> "ICMP parameter problem - octet " + Bytes.u8(b, at + 4) + ", length " + len;
            default -> "ICMP type-#" + m.type() + ", length " + len;
        };
    }

    /** tcpdump print-icmp.c texts for the common unreachable codes. */
    private static String unreachable(int code, byte[] b, int q, int qlen) {
        String dst = qlen >= 20 ? Ipv4Address.read(b, q + 16).toString() : "?";
        int proto = qlen >= 20 ? Bytes.u8(b, q + 9) : -1;
        int ihl = qlen >= 1 ? (Bytes.u8(b, q) & 0xF) * 4 : 0;
        int dport = qlen >= ihl + 4 ? Bytes.u16(b, q + ihl + 2) : -1;
        return switch (code) {
            case 0 -> "net " + dst + " unreachable";
            case 1 -> "host " + dst + " unreachable";
            case 2 -> dst + " protocol " + proto + " unreachable";
            case 3 -> dst + (proto == IpProtocol.TCP ? " tcp" : " udp") + " port " + dport + " unreachable";
            case 4 -> dst + " unreachable - need to frag (mtu " + Bytes.u16(b, q - 2) + ")";
            case 13 -> dst + " unreachable - admin prohibited filter";
            default -> dst + " unreachable - code " + code;
        };
    }

    private static String unreachable6(int code) {
        return switch (code) {
            case 0 -> "unreachable route";
            case 1 -> "unreachable prohibited";
            case 3 -> "unreachable address";
            case 4 -> "unreachable port";
            default -> "code " + code;
        };
    }

    private static String icmp6(Ipv6Address src, Ipv6Address dst, byte[] b, int at, int len) {
        Parsed<Icmpv6Message> p = Icmpv6Message.parse(b, at, len, src, dst);
        if (!(p instanceof Parsed.Ok<Icmpv6Message> ok)) {
            return "ICMP6 [malformed: " + PacketPrinter.reason(p) + "]";
        }
        Icmpv6Message m = ok.value();
        String what = switch (m.type()) {
            case 1 -> "destination unreachable, " + unreachable6(m.code())
                    + (len >= 48 ? " " + Ipv6Address.read(b, at + 8 + 24) : "");
            case 2 -> "packet too big, mtu " + Bytes.u32(b, at + 4);
            case 3 -> "time exceeded " + (m.code() == 0 ? "in-transit" : "reassembly");
            case 4 -> "parameter problem, code " + m.code() + ", pointer " + Bytes.u32(b, at + 4);
            case 128 -> "echo request, id " + Bytes.u16(b, at + 4) + ", seq " + Bytes.u16(b, at + 6);
            case 129 -> "echo reply, id " + Bytes.u16(b, at + 4) + ", seq " + Bytes.u16(b, at + 6);
            case 133 -> "router solicitation";
            case 134 -> "router advertisement";
            case 135 -> "neighbor solicitation, who has " + Ipv6Address.read(b, at + 8);
            case 136 -> "neighbor advertisement, tgt is " + Ipv6Address.read(b, at + 8);
            default -> "type " + m.type();
        };
        return "ICMP6, " + what + ", length " + len;
    }
}
