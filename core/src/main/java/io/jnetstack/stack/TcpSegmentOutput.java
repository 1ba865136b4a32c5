package io.jnetstack.stack;

import io.jnetstack.stack.StackListener.Origin;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.stack.tcp.TcpSegment;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.PseudoHeader;

/**
 * The way out of the stack's TCP segments: each one a connection queued, its header emitted (checksum offloaded or
 * summed, signed under TCP-MD5) and sent as an IP datagram, or inside UDP for a connection encapsulated in it.
 */
final class TcpSegmentOutput {
    private final Stack stack;
    private final TcpTunnel tunnel;
    private final TcpSignatures signatures;

    TcpSegmentOutput(Stack stack, TcpTunnel tunnel, TcpSignatures signatures) {
        this.stack = stack;
        this.tunnel = tunnel;
        this.signatures = signatures;
    }

    /** Sends every segment connection {@code c}, named {@code h}, has queued. */
    void send(TcpHandle h, TcpConnection c, long nowNs) {
        int room = HostOutput.headroom(h.remoteAddress());
        int port = tunnel.port(h);
        for (TcpSegment s = c.pollOutput(); s != null; s = c.pollOutput()) {
            if (port != 0) {
                sendTunneled(h, c, s, port, nowNs);
                continue;
            }
            int hl = s.header().headerLength();
            byte[] d = s.payload().arrayWithRoom(room + hl); // the payload came with room for the headers
            if (d == null) {
                d = new byte[room + hl + s.payload().length()]; // built in place behind the IP header's room
                s.payload().copyTo(d, room + hl);
            }
            PseudoHeader ph = new PseudoHeader(h.localAddress(), h.remoteAddress(), IpProtocol.TCP);
            boolean signed = c.outputOptions().signature();
            if (c.checksumOffload() && !signed) {
                s.header().emitChecksumPartial(d, room, ph, s.payload().length());
            } else {
                s.header().emit(d, room, ph, s.payload().length());
            }
            if (signed && !signatures.sign(h.localAddress(), h.remoteAddress(), d, room, d.length - room)) {
                continue;
            }
            int tos = c.outputOptions().tos() | (c.markEct(s) ? 0b10 : 0); // ECT(0), RFC 3168 §5
            stack.output().sendTransportPrepared(h.localAddress(), h.remoteAddress(), IpProtocol.TCP, d,
                    c.outputOptions().ttl(), tos, new Origin(IpProtocol.TCP, h.localPort(), h.remotePort()), nowNs);
        }
    }

    /** Sends segment {@code s} of connection {@code h} inside UDP to remote port {@code port} (tcp_output.c). */
    private void sendTunneled(TcpHandle h, TcpConnection c, TcpSegment s, int port, long nowNs) {
        int hl = s.header().headerLength();
        byte[] seg = new byte[hl + s.payload().length()];
        s.payload().copyTo(seg, hl);
        s.header().emit(seg, 0, new PseudoHeader(h.localAddress(), h.remoteAddress(), IpProtocol.TCP),
                s.payload().length());
        if (c.outputOptions().signature()
                && !signatures.sign(h.localAddress(), h.remoteAddress(), seg, 0, seg.length)) {
            return;
        }
        tunnel.send(h.localAddress(), h.remoteAddress(), seg, c.outputOptions().ttl(), c.outputOptions().tos(), port,
                nowNs);
    }
}
