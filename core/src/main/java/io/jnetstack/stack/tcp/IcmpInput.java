package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.leq;
import static io.jnetstack.wire.tcp.SeqNum.lt;

import io.jnetstack.personality.IcmpClass;
import io.jnetstack.personality.IcmpDisposition;

/**
 * ICMP and ICMPv6 errors quoting one of the connection's segments: soft and hard errors (RFC 1122 §4.2.3.9,
 * RFC 5927), decided by the personality in SYN-SENT, and path MTU reports (RFC 1191, RFC 8201).
 */
final class IcmpInput {
    private IcmpInput() {}

    /**
     * An ICMP error of class {@code icmp} (message {@code detail}, or null) quoting sequence number {@code
     * quotedSeq}: see {@link TcpConnection#onIcmp(IcmpClass, IcmpError, int, long)}.
     */
    static void error(TcpConnection c, IcmpClass icmp, IcmpError detail, int quotedSeq) {
        boolean inWindow = c.personality.icmpQuoteIncludesSndNxt()
                ? leq(c.sndUna, quotedSeq) && leq(quotedSeq, c.sndNxt)
                : leq(c.sndUna, quotedSeq) && lt(quotedSeq, c.sndMax);
        if (!inWindow || TcpEvent.of(icmp) == null) {
            return;
        }
        TcpEvent fact = TcpEvent.of(icmp);
        if (!(c.state instanceof TcpState.SynSent ss)) {
            c.softError = fact;
            c.lastIcmp = detail;
            return;
        }
        // with icmp_may_rst off (FreeBSD/XNU tcp_ctlinput), every message takes tcp_notify's path, as host
        // unreachable does
        IcmpDisposition d = c.personality.synSentIcmp(c.icmpMayReset ? icmp : IcmpClass.HOST_UNREACHABLE,
                ss.synsSent() - 1, c.softError != null);
        if (d != IcmpDisposition.IGNORE) {
            c.lastIcmp = detail;
        }
        switch (d) {
            case ABORT -> c.close(fact);
            case SOFT -> c.softError = fact;
            case REPORT -> {
                c.softError = fact;
                c.report(fact); // the socket's error; the attempt goes on
            }
            case IGNORE -> { }
        }
    }

    /**
     * A path MTU report quoting {@code quotedSeq}: sending uses {@code pathMss} from now on and what is in flight
     * goes again at the new size (see {@link TcpConnection#onPacketTooBig}).
     */
    static void packetTooBig(TcpConnection c, int pathMss, int quotedSeq, long nowNs) {
        if (!(leq(c.sndUna, quotedSeq) && lt(quotedSeq, c.sndMax)) || pathMss >= c.peerMss) {
            return;
        }
        c.peerMss = pathMss;
        c.stats.increment(TcpStats.Counter.PMTU_REDUCTIONS);
        if (c.cc != null) {
            c.cc.setMss(c.effectiveMss());
        }
        if (TcpState.synchronizedState(c.state) && c.sndNxt != c.sndUna) {
            c.sndNxt = c.sndUna;
            c.timing = false;
            Sender.output(c, nowNs);
        }
    }
}
