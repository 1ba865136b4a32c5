package io.jnetstack.wire.print;

import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.EtherType;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.arp.ArpMessage;
import io.jnetstack.wire.ethernet.EthernetHeader;
import io.jnetstack.wire.ip.Ipv4Header;
import io.jnetstack.wire.ip.Ipv6ExtensionChain;
import io.jnetstack.wire.ip.Ipv6Header;
import io.jnetstack.wire.udp.UdpHeader;

/**
 * Describes packets the way {@code tcpdump -n} does, one line each:
 * {@code IP 10.0.0.1.49152 > 10.0.0.2.80: Flags [S], seq 0, win 65535, options [mss 1460], length 0}.
 */
public final class PacketPrinter {
    private PacketPrinter() {}

    /** An Ethernet II frame. */
    public static String ethernet(byte[] b, int off, int len) {
        Parsed<EthernetHeader> p = EthernetHeader.parse(b, off, len);
        if (!(p instanceof Parsed.Ok<EthernetHeader> ok)) {
            return "[malformed ethernet: " + reason(p) + "]";
        }
        int at = off + EthernetHeader.LENGTH;
        int rest = len - EthernetHeader.LENGTH;
        return switch (ok.value().etherType()) {
            case EtherType.ARP -> arp(b, at, rest);
            case EtherType.IPV4, EtherType.IPV6 -> ip(b, at, rest);
            default -> String.format("ethertype 0x%04x, length %d", ok.value().etherType(), len);
        };
    }

    /** A bare IPv4 or IPv6 datagram. */
    public static String ip(byte[] b, int off, int len) {
        int version = len > 0 ? (b[off] & 0xFF) >>> 4 : 0;
        return switch (version) {
            case 4 -> ipv4(b, off, len);
            case 6 -> ipv6(b, off, len);
            default -> "[malformed ip: version " + version + "]";
        };
    }

    private static String arp(byte[] b, int off, int len) {
        Parsed<ArpMessage> p = ArpMessage.parse(b, off, len);
        if (!(p instanceof Parsed.Ok<ArpMessage> ok)) {
            return "ARP, [malformed: " + reason(p) + "]";
        }
        ArpMessage m = ok.value();
        return m.operation() == ArpMessage.REQUEST
                ? "ARP, Request who-has " + m.targetIp() + " tell " + m.senderIp() + ", length " + len
                : "ARP, Reply " + m.senderIp() + " is-at " + m.senderMac() + ", length " + len;
    }

    private static String ipv4(byte[] b, int off, int len) {
        Parsed<Ipv4Header> p = Ipv4Header.parse(b, off, len);
        if (!(p instanceof Parsed.Ok<Ipv4Header> ok)) {
            return "IP [malformed: " + reason(p) + "]";
        }
        Ipv4Header h = ok.value();
        int at = off + h.headerLength();
        int plen = h.totalLength() - h.headerLength();
        String frag = "";
        if (h.moreFragments() || h.fragmentOffsetBytes() != 0) {
            frag = String.format(" (frag %d:%d@%d%s)", h.identification(), plen, h.fragmentOffsetBytes(),
                    h.moreFragments() ? "+" : "");
            if (h.fragmentOffsetBytes() != 0) {
                return "IP " + h.source() + " > " + h.destination() + ": ip-proto-" + h.protocol() + frag;
            }
        }
        return "IP " + Transport.describe(h.source(), h.destination(), h.protocol(), b, at, plen, 4) + frag;
    }

    private static String ipv6(byte[] b, int off, int len) {
        Parsed<Ipv6Header> p = Ipv6Header.parse(b, off, len);
        if (!(p instanceof Parsed.Ok<Ipv6Header> ok)) {
            return "IP6 [malformed: " + reason(p) + "]";
        }
        Ipv6Header h = ok.value();
        int at = off + Ipv6Header.LENGTH;
        Parsed<Ipv6ExtensionChain> c = Ipv6ExtensionChain.walk(b, at, h.payloadLength(), h.nextHeader());
        if (!(c instanceof Parsed.Ok<Ipv6ExtensionChain> chain)) {
            return "IP6 " + h.source() + " > " + h.destination() + ": [malformed: " + reason(c) + "]";
        }
        Ipv6ExtensionChain ch = chain.value();
        int plen = at + h.payloadLength() - ch.upperOffset();
        String hl = "";
        if (ch.fragment() != null) {
            String frag = String.format(" (frag 0x%08x:%d@%d%s)", ch.fragment().identification(), plen,
                    ch.fragment().fragmentOffsetBytes(), ch.fragment().moreFragments() ? "+" : "");
            if (ch.fragment().fragmentOffsetBytes() != 0) {
                return "IP6 " + h.source() + " > " + h.destination() + ": frag" + frag + hl;
            }
            return "IP6 " + Transport.describe(h.source(), h.destination(), ch.upperProtocol(), b, ch.upperOffset(),
                    plen, 6) + frag + hl;
        }
        return "IP6 " + Transport.describe(h.source(), h.destination(), ch.upperProtocol(), b, ch.upperOffset(), plen,
                6) + hl;
    }

    static String reason(Parsed<?> p) {
        return p instanceof Parsed.Malformed<?> m ? m.reason() + " (" + m.detail() + ")" : "ok";
    }

    /** UDP: "src.port > dst.port: UDP, length N". */
    static String udp(IpAddress src, IpAddress dst, byte[] b, int at, int len) {
        Parsed<UdpHeader> p = UdpHeader.parse(b, at, len, new PseudoHeader(src, dst, IpProtocol.UDP));
        if (!(p instanceof Parsed.Ok<UdpHeader> ok)) {
            return src + " > " + dst + ": UDP [malformed: " + reason(p) + "]";
        }
        UdpHeader u = ok.value();
        return src + "." + u.sourcePort() + " > " + dst + "." + u.destinationPort() + ": UDP, length "
                + (u.length() - UdpHeader.LENGTH);
    }

    static int u16(byte[] b, int off) {
        return Bytes.u16(b, off);
    }
}
