package io.jnetstack.link;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.ethernet.EthernetHeader;
import io.jnetstack.wire.icmp.Icmpv4Message;
import io.jnetstack.wire.icmp.Icmpv6Message;
import io.jnetstack.wire.ip.Ipv4Header;
import io.jnetstack.wire.ip.Ipv6Header;
import io.jnetstack.wire.tcp.TcpHeader;
import java.util.List;

/**
 * Builds the datagrams a network answers with: ICMP and ICMPv6 errors quoting an offending datagram, and the RST a
 * closed TCP port sends. Used by fault rules and by the stack's own error generation, so both quote alike.
 */
public final class Replies {
    /** RFC 1812 §4.3.2.3: an ICMPv4 error should not exceed 576 bytes. */
    public static final int ICMPV4_ERROR_MAX = 576;
    /** RFC 4443 §2.4(c): an ICMPv6 error must not exceed the minimum IPv6 MTU, 1280 bytes. */
    public static final int ICMPV6_ERROR_MAX = 1280;

    private Replies() {}

    /**
     * An IPv4 datagram carrying an ICMP error of {@code type}/{@code code} from {@code from} to the source of the
     * offending datagram {@code dgram[off, off+len)}, quoting as much of it as fits in {@code maxLength} bytes.
     * {@code restOfHeader} is the 32-bit field after the checksum (next-hop MTU, pointer, or 0).
     */
    public static byte[] icmpv4Error(int type, int code, int restOfHeader, Ipv4Address from, byte[] dgram, int off,
            int len, int ttl, int maxLength) {
        Ipv4Address to = Ipv4Address.read(dgram, off + 12);
        int quote = Math.min(len, maxLength - 20 - 8);
        Icmpv4Message msg = icmpv4(type, code, restOfHeader, ByteString.copyOf(dgram, off, quote));
        byte[] out = new byte[20 + msg.length()];
        Ipv4Header.simple(from, to, IpProtocol.ICMP, ttl, msg.length(), 0).emit(out, 0);
        msg.emit(out, 20);
        return out;
    }

    /** As {@link #icmpv4Error} for IPv6 (RFC 4443 §2.4): type, code, the 32-bit field, then the quote. */
    public static byte[] icmpv6Error(int type, int code, int restOfHeader, Ipv6Address from, byte[] dgram, int off,
            int len, int hopLimit, int maxLength) {
        Ipv6Address to = Ipv6Address.read(dgram, off + 8);
        int quote = Math.min(len, maxLength - 40 - 8);
        Icmpv6Message msg = icmpv6(type, code, restOfHeader, ByteString.copyOf(dgram, off, quote));
        byte[] out = new byte[40 + msg.length()];
        new Ipv6Header(0, 0, msg.length(), IpProtocol.ICMPV6, hopLimit, from, to).emit(out, 0);
        msg.emit(out, 40, from, to);
        return out;
    }

    /** The ICMPv4 error record for a type, with {@code rest} the 32-bit field after the checksum. */
    static Icmpv4Message icmpv4(int type, int code, int rest, ByteString quoted) {
        return switch (type) {
            case 3 -> new Icmpv4Message.DestinationUnreachable(code, rest >>> 16, rest & 0xFFFF, quoted);
            case 11 -> new Icmpv4Message.TimeExceeded(code, rest, quoted);
            case 12 -> new Icmpv4Message.ParameterProblem(code, rest >>> 24, rest & 0xFF_FFFF, quoted);
            default -> new Icmpv4Message.Icmpv4Other(type, code, rest, quoted);
        };
    }

    /** The ICMPv6 error record for a type, with {@code rest} the 32-bit field after the checksum. */
    static Icmpv6Message icmpv6(int type, int code, int rest, ByteString quoted) {
        return switch (type) {
            case 1 -> new Icmpv6Message.DestinationUnreachable(code, rest, quoted);
            case 2 -> new Icmpv6Message.PacketTooBig(rest, quoted);
            case 3 -> new Icmpv6Message.TimeExceeded(code, rest, quoted);
            case 4 -> new Icmpv6Message.ParameterProblem(code, rest, quoted);
            default -> {
                byte[] body = new byte[4 + quoted.length()];
                body[0] = (byte) (rest >>> 24);
                body[1] = (byte) (rest >>> 16);
                body[2] = (byte) (rest >>> 8);
                body[3] = (byte) rest;
                quoted.copyTo(body, 4);
                yield new Icmpv6Message.Icmpv6Other(type, code, ByteString.copyOf(body));
            }
        };
    }

    /**
     * The RST that answers a segment sent to a closed port (RFC 9293 §3.10.7.1): if the segment had ACK,
     * {@code <SEQ=SEG.ACK><CTL=RST>}; otherwise {@code <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>}. Null when the
     * offending segment is itself a RST (never answered) or does not parse.
     */
    public static byte[] tcpRst(FrameInfo f, int ttl) {
        return tcpRst(f, ttl, 0);
    }

    /**
     * As {@link #tcpRst(FrameInfo, int)}, with TOS byte (IPv4) or traffic class (IPv6) {@code tos}: a RST a
     * socket's IP options shape (FreeBSD tcp_respond with the inpcb's inp_ip_tos).
     */
    public static byte[] tcpRst(FrameInfo f, int ttl, int tos) {
        return tcpRst(f, ttl, tos, List.of());
    }

    /**
     * As {@link #tcpRst(FrameInfo, int, int)}, carrying TCP options {@code options} (FreeBSD tcp_respond adds the
     * connection's options, e.g. an MD5 signature option for the stack to fill in).
     */
    public static byte[] tcpRst(FrameInfo f, int ttl, int tos, List<io.jnetstack.wire.tcp.TcpOption> options) {
        if (!f.isIp() || f.protocol() != IpProtocol.TCP) {
            return null;
        }
        IpAddress src = f.source();
        IpAddress dst = f.destination();
        int tcpLen = f.ipLength() - (f.transportOffset() - f.ipOffset());
        if (!(TcpHeader.parse(f.bytes(), f.transportOffset(), tcpLen, new PseudoHeader(src, dst, IpProtocol.TCP))
                instanceof Parsed.Ok<TcpHeader> ok) || ok.value().has(TcpHeader.RST)) {
            return null;
        }
        TcpHeader seg = ok.value();
        int segLen = tcpLen - seg.headerLength() + (seg.has(TcpHeader.SYN) ? 1 : 0) + (seg.has(TcpHeader.FIN) ? 1 : 0);
        TcpHeader rst = seg.has(TcpHeader.ACK)
                ? TcpHeader.of(seg.destinationPort(), seg.sourcePort(), seg.ack(), 0, TcpHeader.RST, 0, options)
                : TcpHeader.of(seg.destinationPort(), seg.sourcePort(), 0, seg.seq() + segLen,
                        TcpHeader.RST | TcpHeader.ACK, 0, options);
        PseudoHeader ph = new PseudoHeader(dst, src, IpProtocol.TCP);
        int ipLen = src.version() == 4 ? 20 : 40;
        byte[] out = new byte[ipLen + rst.headerLength()];
        switch (dst) {
            case Ipv4Address d -> new Ipv4Header(tos, Ipv4Header.MIN_LENGTH + rst.headerLength(), 0, false, false, 0,
                    ttl, IpProtocol.TCP, d, (Ipv4Address) src, io.jnetstack.wire.ByteString.EMPTY).emit(out, 0);
            case Ipv6Address d -> new Ipv6Header(tos, 0, rst.headerLength(), IpProtocol.TCP, ttl, d,
                    (Ipv6Address) src).emit(out, 0);
        }
        rst.emit(out, ipLen, ph, 0);
        return out;
    }

    /** The reply a verdict asks for, as a frame for the link {@code f} came from; null when there is none. */
    public static byte[] replyFrame(FrameInfo f, Verdict v) {
        if (!f.isIp()) {
            return null;
        }
        byte[] dgram = switch (v) {
            case Verdict.ReplyRst r -> tcpRst(f, 64);
            case Verdict.ReplyIcmp r -> icmpFor(f, r);
            case Verdict.Pass p -> null;
            case Verdict.Drop d -> null;
            case Verdict.Delay d -> null;
            case Verdict.Duplicate d -> null;
            case Verdict.Corrupt c -> null;
        };
        if (dgram == null || f.medium() == Medium.IP) {
            return dgram;
        }
        MacAddress dstMac = MacAddress.read(f.bytes(), f.offset());
        MacAddress srcMac = MacAddress.read(f.bytes(), f.offset() + 6);
        int type = f.ipVersion() == 4 ? io.jnetstack.wire.EtherType.IPV4 : io.jnetstack.wire.EtherType.IPV6;
        byte[] frame = new byte[EthernetHeader.LENGTH + dgram.length];
        new EthernetHeader(srcMac, dstMac, type).emit(frame, 0);
        System.arraycopy(dgram, 0, frame, EthernetHeader.LENGTH, dgram.length);
        return frame;
    }

    private static byte[] icmpFor(FrameInfo f, Verdict.ReplyIcmp r) {
        byte[] b = f.bytes();
        int off = f.ipOffset();
        int len = f.ipLength();
        if (f.protocol() == (f.ipVersion() == 4 ? IpProtocol.ICMP : IpProtocol.ICMPV6) && isIcmpError(f)) {
            return null; // RFC 1122 §3.2.2: never answer an ICMP error with an ICMP error
        }
        return switch (f.destination()) {
            case Ipv4Address d -> icmpv4Error(r.type(), r.code(), 0, r.from() == null ? d : (Ipv4Address) r.from(),
                    b, off, len, 64, ICMPV4_ERROR_MAX);
            case Ipv6Address d -> icmpv6Error(r.type(), r.code(), 0, r.from() == null ? d : (Ipv6Address) r.from(),
                    b, off, len, 64, ICMPV6_ERROR_MAX);
        };
    }

    /** True when the frame's transport is an ICMP error message (ICMPv4 types 3,4,5,11,12; ICMPv6 types < 128). */
    public static boolean isIcmpError(FrameInfo f) {
        int t = f.transportOffset();
        int icmp = f.ipVersion() == 4 ? IpProtocol.ICMP : IpProtocol.ICMPV6;
        if (t < 0 || t >= f.offset() + f.length() || f.protocol() != icmp) {
            return false; // only an ICMP message can be an ICMP error: a TCP port's high byte is not a type
        }
        int type = f.bytes()[t] & 0xFF;
        return f.ipVersion() == 4 ? type == 3 || type == 4 || type == 5 || type == 11 || type == 12 : type < 128;
    }
}
