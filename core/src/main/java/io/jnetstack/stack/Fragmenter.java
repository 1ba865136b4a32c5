package io.jnetstack.stack;

import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.ip.Ipv4Header;
import io.jnetstack.wire.ip.Ipv6FragmentHeader;
import io.jnetstack.wire.ip.Ipv6Header;
import java.util.ArrayList;
import java.util.List;

/** Splits datagrams that exceed a link MTU: IPv4 (RFC 791 §3.2) and IPv6 source fragmentation (RFC 8200 §4.5). */
final class Fragmenter {
    private Fragmenter() {}

    /**
     * IPv4 fragments of datagram {@code d} (header {@code h}) for {@code mtu}: each carries a multiple of 8 data
     * bytes but the last; options are copied into every fragment (simplification: RFC 791 copies only options
     * with the copied flag set).
     */
    static List<byte[]> ipv4(Ipv4Header h, byte[] d, int mtu) {
        int hl = h.headerLength();
        int dataLen = h.totalLength() - hl;
        int chunk = (mtu - hl) & ~7;
        List<byte[]> out = new ArrayList<>();
        for (int at = 0; at < dataLen; at += chunk) {
            int n = Math.min(chunk, dataLen - at);
            boolean more = at + n < dataLen || h.moreFragments();
            Ipv4Header fh = new Ipv4Header(h.tos(), hl + n, h.identification(), false, more,
                    h.fragmentOffsetBytes() + at, h.ttl(), h.protocol(), h.source(), h.destination(), h.options());
            byte[] f = new byte[hl + n];
            fh.emit(f, 0);
            System.arraycopy(d, hl + at, f, hl, n);
            out.add(f);
        }
        return out;
    }

    /** IPv6 fragments of an extension-free datagram {@code d} for {@code mtu}, with identification {@code id}. */
    static List<byte[]> ipv6(Ipv6Header h, byte[] d, int mtu, int id) {
        int dataLen = h.payloadLength();
        int chunk = (mtu - Ipv6Header.LENGTH - Ipv6FragmentHeader.LENGTH) & ~7;
        List<byte[]> out = new ArrayList<>();
        for (int at = 0; at < dataLen; at += chunk) {
            int n = Math.min(chunk, dataLen - at);
            Ipv6Header fh = new Ipv6Header(h.trafficClass(), h.flowLabel(), Ipv6FragmentHeader.LENGTH + n,
                    IpProtocol.IPV6_FRAG, h.hopLimit(), h.source(), h.destination());
            byte[] f = new byte[Ipv6Header.LENGTH + Ipv6FragmentHeader.LENGTH + n];
            fh.emit(f, 0);
            new Ipv6FragmentHeader(h.nextHeader(), at, at + n < dataLen, id).emit(f, Ipv6Header.LENGTH);
            System.arraycopy(d, Ipv6Header.LENGTH + at, f, Ipv6Header.LENGTH + Ipv6FragmentHeader.LENGTH, n);
            out.add(f);
        }
        return out;
    }
}
