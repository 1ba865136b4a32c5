package io.jnetstack.stack.tcp;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;

/**
 * Keep-alive (RFC 1122 §4.2.3.6), off unless the application turns it on (SO_KEEPALIVE), so an idle connection
 * costs no timer events. After the idle time without hearing from the peer, a probe goes — an ACK with SEG.SEQ =
 * SND.UNA − 1 and no data, as Linux tcp_write_wakeup/tcp_xmit_probe_skb and the BSDs' tcp_respond send it, which the
 * peer must answer with an ACK — then one every interval; after the personality's count of unanswered probes the
 * connection is dropped with a RST and reported as timed out (Linux 7200 s + 9 × 75 s = 7875 s, the BSDs 7200 s +
 * 8 × 75 s = 7800 s).
 */
final class KeepAlive {
    private KeepAlive() {}

    /** A segment arrived: the peer is alive, the idle clock restarts. */
    static void heard(TcpConnection c, long nowNs) {
        c.lastHeardNs = nowNs;
        c.keepProbes = 0;
        if (c.keepAlive && applies(c.state)) {
            c.keepAtNs = nowNs + c.keepIdleNs;
        }
    }

    /** SO_KEEPALIVE on or off; turning it on starts the idle clock now. */
    static void set(TcpConnection c, boolean on, long nowNs) {
        c.keepAlive = on;
        c.keepAtNs = on && applies(c.state) ? nowNs + c.keepIdleNs : Long.MAX_VALUE; // Linux tcp_set_keepalive
    }

    /** TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT: a new schedule, which a running idle clock starts again with. */
    static void schedule(TcpConnection c, long idleNs, long intervalNs, int count, long nowNs) {
        if (idleNs <= 0 || intervalNs <= 0 || count <= 0) {
            throw new IllegalArgumentException("keep-alive idle, interval and count must be positive");
        }
        c.keepIdleNs = idleNs;
        c.keepIntervalNs = intervalNs;
        c.keepCount = count;
        set(c, c.keepAlive, nowNs);
    }

    /** The keep-alive timer fired. */
    static void expire(TcpConnection c, long nowNs) {
        c.keepAtNs = Long.MAX_VALUE;
        if (!c.keepAlive || !applies(c.state)) {
            return;
        }
        if (c.sndUna != c.sndMax || c.sendBuffer.size() > 0) {
            c.keepAtNs = nowNs + c.keepIdleNs; // data outstanding: the retransmission timer watches the peer
            return;
        }
        if (c.keepProbes >= c.keepCount) {
            Segments.resetAck(c);
            c.close(TcpEvent.TIMED_OUT);
            return;
        }
        c.keepProbes++;
        c.stats.increment(TcpStats.Counter.KEEPALIVE_PROBES);
        Segments.send(c, c.sndUna - 1, c.rcvNxt, TcpHeader.ACK, Segments.options(c, nowNs), ByteString.EMPTY);
        c.keepAtNs = nowNs + c.keepIntervalNs;
    }

    /** Keep-alive runs in the synchronized states where the connection is open for data. */
    private static boolean applies(TcpState s) {
        return s instanceof TcpState.Established || s instanceof TcpState.CloseWait
                || s instanceof TcpState.FinWait1 || s instanceof TcpState.FinWait2;
    }
}
