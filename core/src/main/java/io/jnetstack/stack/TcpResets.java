package io.jnetstack.stack;

import io.jnetstack.link.FrameInfo;
import io.jnetstack.link.Medium;
import io.jnetstack.link.Replies;
import io.jnetstack.stack.tcp.TcpOutputOptions;
import io.jnetstack.wire.IpAddress;
import java.util.List;

/**
 * The RSTs the stack's TCP answers segments with (RFC 9293 §3.10.7.1): built by {@link Replies} with the IP options
 * of the socket they answer for, if any, signed when it signs, and sent back the way the segment came (inside UDP
 * to the port a tunneled one came from).
 */
final class TcpResets {
    private final Stack stack;
    private final TcpDemux demux;
    private final TcpTunnel tunnel;
    private final TcpSignatures signatures;

    TcpResets(Stack stack, TcpDemux demux, TcpTunnel tunnel, TcpSignatures signatures) {
        this.stack = stack;
        this.demux = demux;
        this.tunnel = tunnel;
        this.signatures = signatures;
    }

    /**
     * The IP options of the RST answering a segment to {@code local}:{@code port} where no connection or listener
     * is: those of a socket merely bound there when the personality says so
     * ({@link io.jnetstack.personality.Personality#resetUsesBoundSocketIpOptions}), else the defaults.
     */
    TcpOutputOptions closedPortOptions(IpAddress local, int port) {
        if (!stack.personality().resetUsesBoundSocketIpOptions()) {
            return TcpOutputOptions.DEFAULTS;
        }
        var o = stack.listener().tcpBoundSocketOptions(local, port);
        return o == null ? TcpOutputOptions.DEFAULTS : o;
    }

    /** RFC 9293 §3.10.7.1: a segment for no connection gets the RST that Replies builds. */
    void closedPort(byte[] d, int off, int len, long nowNs) {
        closedPort(d, off, len, TcpOutputOptions.DEFAULTS, nowNs);
    }

    /** As {@link #closedPort(byte[], int, int, long)}, the RST sent with IP options {@code o}. */
    void closedPort(byte[] d, int off, int len, TcpOutputOptions o, long nowNs) {
        stack.stats().increment(StackStats.Counter.UNREACHABLE_PORT);
        reset(d, off, len, o, nowNs);
    }

    /** Answers the segment in datagram {@code d} with the RST of RFC 9293 §3.10.7.1 (Replies builds it). */
    void reset(byte[] d, int off, int len, long nowNs) {
        reset(d, off, len, TcpOutputOptions.DEFAULTS, nowNs);
    }

    /** As {@link #reset(byte[], int, int, long)}, the RST sent with IP options {@code o} and signed if they sign. */
    void reset(byte[] d, int off, int len, TcpOutputOptions o, long nowNs) {
        int ttl = o.ttl() > 0 ? o.ttl()
                : (d[off] & 0xF0) == 0x40 ? stack.personality().defaultTtl() : stack.personality().defaultHopLimit();
        // tcp_subr.c tcp_respond with a tcpcb: "if (tp->t_flags & TF_SIGNATURE) to.to_flags |= TOF_SIGNATURE"
        byte[] rst = Replies.tcpRst(new FrameInfo(Medium.IP, d, off, len, nowNs), ttl, o.tos(),
                o.signsSegments() ? TcpSignatures.SIGNATURE_ONLY : List.of());
        if (rst != null && o.signsSegments() && !signatures.signReply(rst)) {
            return;
        }
        int inputPort = demux.inputPort();
        if (rst != null && inputPort != 0) {
            tunnel.sendReply(rst, inputPort, nowNs); // tcp_respond: in UDP to the port the segment came from
        } else if (rst != null) {
            stack.output().loopBackOrSend(rst, nowNs);
        }
    }
}
