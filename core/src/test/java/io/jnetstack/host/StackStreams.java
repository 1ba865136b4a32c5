package io.jnetstack.host;

import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.stack.tcp.TcpState;
import io.jnetstack.wire.IpAddress;
import java.io.ByteArrayOutputStream;

/**
 * Blocking-style stream calls on a {@link RealTimeHost}'s stack for interop tests: each waits by asking the owner
 * thread again, never by sleeping; a wait longer than {@link #GUARD_NS} of the host's real-time clock is a hang and
 * fails (a guard, not a timing assertion).
 */
final class StackStreams {
    private static final long GUARD_NS = 60_000_000_000L;
    private final RealTimeHost jns;

    StackStreams(RealTimeHost jns) {
        this.jns = jns;
    }

    TcpHandle accept(int port) {
        for (long end = jns.nowNs() + GUARD_NS; jns.nowNs() < end; ) {
            TcpHandle h = jns.call(st -> st.tcpAccept(port));
            if (h != null) {
                return h;
            }
        }
        throw new AssertionError("nothing connected to port " + port);
    }

    TcpHandle connect(IpAddress dst, int port) {
        TcpHandle h = jns.call(st -> st.tcpConnect(dst, port, jns.nowNs()));
        for (long end = jns.nowNs() + GUARD_NS; jns.nowNs() < end; ) {
            TcpState s = jns.call(st -> {
                TcpConnection c = st.tcpConnection(h);
                return c == null ? new TcpState.Closed() : c.state();
            });
            if (s instanceof TcpState.Established || s instanceof TcpState.CloseWait) {
                return h;
            }
            if (s instanceof TcpState.Closed) {
                return null;
            }
        }
        throw new AssertionError("connect to port " + port + " did not complete");
    }

    void writeAll(TcpHandle h, byte[] data) {
        int off = 0;
        for (long end = jns.nowNs() + GUARD_NS; off < data.length; ) {
            int from = off;
            off += jns.call(st -> st.tcpSend(h, data, from, data.length - from, jns.nowNs()));
            if (jns.nowNs() > end) {
                throw new AssertionError("send stalled at " + off + " of " + data.length);
            }
        }
    }

    /** Up to {@code max} bytes; empty at end of stream; waits while nothing is there. */
    byte[] read(TcpHandle h, int max) {
        for (long end = jns.nowNs() + GUARD_NS; jns.nowNs() < end; ) {
            byte[] b = jns.call(st -> {
                TcpConnection c = st.tcpConnection(h);
                if (c == null || c.available() == 0 && c.peerClosed()) {
                    return new byte[0];
                }
                return c.available() == 0 ? null : st.tcpRead(h, max, jns.nowNs());
            });
            if (b != null) {
                return b;
            }
        }
        throw new AssertionError("read waited too long");
    }

    byte[] readToEnd(TcpHandle h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b = read(h, 65_536); b.length > 0; b = read(h, 65_536)) {
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    void close(TcpHandle h) {
        jns.call(st -> {
            st.tcpClose(h, jns.nowNs());
            return null;
        });
    }
}
