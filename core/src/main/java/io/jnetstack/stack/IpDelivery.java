package io.jnetstack.stack;

import io.jnetstack.link.FrameInfo;
import io.jnetstack.link.Medium;
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
        stack.listener().onIcmpError(new IcmpReport(reporter, version, type, code, rest, dst, origin), nowNs);
    }
}
