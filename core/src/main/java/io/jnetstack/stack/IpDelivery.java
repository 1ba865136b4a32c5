package io.jnetstack.stack;

import io.jnetstack.link.FrameInfo;
import io.jnetstack.link.Medium;
import io.jnetstack.personality.IcmpClass;
import io.jnetstack.stack.StackListener.IcmpReport;
import io.jnetstack.stack.StackListener.Origin;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;

/** Transport-facing delivery shared by IPv4 and IPv6: ICMP errors matched to the datagram they quote. */
final class IpDelivery {
    private final Stack stack;

    IpDelivery(Stack stack) {
        this.stack = stack;
    }

    /**
     * An ICMP error arrived: find the datagram it quotes (RFC 1122 §3.2.2: the header plus at least 8 octets) and
     * report it with the transport identity of that datagram.
     */
    void icmpError(IpAddress reporter, int version, int type, int code, int rest, byte[] b, int qoff, int qlen,
            long nowNs) {
        FrameInfo quoted = new FrameInfo(Medium.IP, b, qoff, qlen, nowNs);
        IpAddress dst;
        int proto;
        int t;
        if (quoted.isIp()) {
            dst = quoted.destination();
            proto = quoted.protocol();
            t = quoted.transportOffset();
        } else if (qlen >= (version == 4 ? 20 : 40)) {
            // Quotes are often cut short, so their length fields do not parse: read the fixed header directly.
            dst = version == 4 ? Ipv4Address.read(b, qoff + 16) : Ipv6Address.read(b, qoff + 24);
            proto = version == 4 ? Bytes.u8(b, qoff + 9) : Bytes.u8(b, qoff + 6);
            t = version == 4 ? qoff + (Bytes.u8(b, qoff) & 0xF) * 4 : qoff + 40;
        } else {
            stack.stats().increment(StackStats.Counter.MALFORMED);
            return;
        }
        Origin origin = Origin.NONE;
        if (t >= 0 && t + 8 <= qoff + qlen) {
            boolean echo = proto == IpProtocol.ICMP || proto == IpProtocol.ICMPV6;
            origin = echo ? new Origin(proto, Bytes.u16(b, t + 4), Bytes.u16(b, t + 6))
                    : new Origin(proto, Bytes.u16(b, t), Bytes.u16(b, t + 2));
        }
        IpAddress src = version == 4 ? Ipv4Address.read(b, qoff + 12) : Ipv6Address.read(b, qoff + 8);
        IcmpReport report = new IcmpReport(reporter, version, type, code, rest, dst, origin);
        int tunnelPort = 0;
        if (proto == IpProtocol.UDP && t + 8 <= qoff + qlen && stack.transports().tcpTunnelTakes(origin.first())) {
            // TCP over UDP (FreeBSD tcp_ctlinput_viaudp / tcp6_ctlinput_viaudp): a quote from the tunneling port
            // carries a TCP header after the UDP one; too short a quote (no TCP ports and sequence) is ignored
            if (t + 16 > qoff + qlen) {
                stack.listener().onIcmpError(report, nowNs);
                return;
            }
            tunnelPort = origin.second();
            t += 8;
            proto = IpProtocol.TCP;
        } else if (proto == IpProtocol.UDP && t + 8 <= qoff + qlen) {
            stack.transports().udpIcmp(src, origin.first(), dst, origin.second(), report, nowNs);
        }
        if (proto == IpProtocol.TCP && t + 8 <= qoff + qlen) {
            TcpHandle h = new TcpHandle(src, Bytes.u16(b, t), dst, Bytes.u16(b, t + 2));
            boolean tooBig = version == 4 ? type == 3 && code == 4 : type == 2;
            if (tooBig) {
                // RFC 1191 §4 / RFC 8201 §4: the next-hop MTU is the low 16 bits (IPv4) or the whole field (IPv6).
                stack.transports().tcpPacketTooBig(h, version == 4 ? rest & 0xFFFF : rest, Bytes.getInt(b, t + 4),
                        tunnelPort, nowNs);
            } else {
                stack.transports().tcpIcmp(h, classify(version, type, code),
                        new io.jnetstack.stack.tcp.IcmpError(version, type, code), Bytes.getInt(b, t + 4), tunnelPort,
                        nowNs);
            }
        }
        stack.listener().onIcmpError(report, nowNs);
    }

    /** What an ICMP (RFC 792, RFC 1812 §5.2.7.1) or ICMPv6 (RFC 4443 §3) error means to a transport. */
    static IcmpClass classify(int version, int type, int code) {
        if (version == 4) {
            return switch (type) {
                case 3 -> switch (code) {
                    case 0, 6, 11 -> IcmpClass.NET_UNREACHABLE;
                    case 1, 5, 7, 8, 12, 14, 15 -> IcmpClass.HOST_UNREACHABLE;
                    case 2 -> IcmpClass.PROTOCOL_UNREACHABLE;
                    case 3 -> IcmpClass.PORT_UNREACHABLE;
                    case 9, 10, 13 -> IcmpClass.ADMIN_PROHIBITED;
                    default -> IcmpClass.OTHER;
                };
                case 11 -> code == 0 ? IcmpClass.TIME_EXCEEDED : IcmpClass.OTHER;
                case 12 -> code <= 1 ? IcmpClass.PARAMETER_PROBLEM : IcmpClass.OTHER;
                default -> IcmpClass.OTHER;
            };
        }
        return switch (type) {
            case 1 -> switch (code) {
                case 0 -> IcmpClass.NET_UNREACHABLE;
                case 1, 5, 6 -> IcmpClass.ADMIN_PROHIBITED;
                case 2, 3 -> IcmpClass.HOST_UNREACHABLE;
                case 4 -> IcmpClass.PORT_UNREACHABLE;
                default -> IcmpClass.OTHER;
            };
            case 3 -> code == 0 ? IcmpClass.TIME_EXCEEDED : IcmpClass.OTHER;
            case 4 -> code == 1 ? IcmpClass.PROTOCOL_UNREACHABLE
                    : code == 0 || code == 2 ? IcmpClass.PARAMETER_PROBLEM : IcmpClass.OTHER;
            default -> IcmpClass.OTHER;
        };
    }
}
