package io.jnetstack.socket;

import io.jnetstack.personality.SocketRules;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.stack.tcp.TcpState;
import io.jnetstack.wire.IpAddress;

/**
 * A TCP socket: the generic layer's state (Linux sock->state kept explicitly; on the BSDs derived from the
 * connection, as so_state's SS_ISCONNECTING/SS_ISCONNECTED follow the protocol), its bound address, its connection
 * in the stack, and the facts that connection reported.
 */
final class TcpSocket extends Socket {
    /** Linux sock->state (SS_UNCONNECTED, SS_CONNECTING, SS_CONNECTED); unused on the BSDs. */
    SocketSummary.State linuxState = SocketSummary.State.UNCONNECTED;
    TcpHandle handle;
    private boolean buffersSized;
    /** The connection once had a handshake complete (it was ESTABLISHED). */
    boolean established;
    /** The peer's FIN arrived: reads return 0 after the data. */
    boolean peerClosed;
    /** The stack forgot the connection (it ended: reset, refused, timed out, or closed). */
    boolean connectionGone;
    IpAddress boundAddress;
    int boundPort;
    /** bind() was called (an explicit bind, as opposed to the implicit one at connect). */
    boolean explicitlyBound;
    boolean listening;
    int backlog;

    TcpSocket(SocketKernel kernel, SocketSummary.Domain domain) {
        super(kernel, domain, SocketSummary.Type.STREAM);
        options.v6Only = domain == SocketSummary.Domain.INET6 && kernel.rules().defaultV6Only();
        options.receiveBuffer = kernel.personality().tcpBuffers().receiveInitial();
        options.sendBuffer = kernel.personality().tcpBuffers().sendInitial();
    }

    /** A socket for a connection accept() took from a listener. */
    static TcpSocket accepted(SocketKernel kernel, SocketSummary.Domain domain, TcpHandle h) {
        TcpSocket s = new TcpSocket(kernel, domain);
        s.handle = h;
        s.linuxState = SocketSummary.State.CONNECTED;
        s.established = true;
        s.boundAddress = h.localAddress();
        s.boundPort = h.localPort();
        return s;
    }

    /**
     * The socket buffers once the handshake has fixed the segment size: the personality's
     * {@link io.jnetstack.personality.Personality#tcpBufferAfterHandshake} rule (FreeBSD tcp_mss() rounds both
     * up to a multiple of the MSS), applied once.
     */
    void sizeBuffersForMss() {
        TcpConnection c = connection();
        if (buffersSized || c == null || c.state() instanceof TcpState.SynSent
                || c.state() instanceof TcpState.Closed) {
            return;
        }
        buffersSized = true;
        int mss = Math.min(c.peerMss(), c.localMss());
        options.receiveBuffer = kernel.personality().tcpBufferAfterHandshake(options.receiveBuffer, mss);
        options.sendBuffer = kernel.personality().tcpBufferAfterHandshake(options.sendBuffer, mss);
    }

    TcpConnection connection() {
        return handle == null ? null : kernel.stack().tcpConnection(handle);
    }

    /** Linux DEFER_CONNECT: a TCP_FASTOPEN_CONNECT connect found a cookie; the SYN waits for the first write. */
    boolean synDeferred() {
        TcpConnection c = connection();
        return c != null && c.synDeferred();
    }

    /** SYN-SENT or SYN-RECEIVED: the handshake is under way. */
    boolean attemptInProgress() {
        TcpConnection c = connection();
        return c != null && (c.state() instanceof TcpState.SynSent || c.state() instanceof TcpState.SynReceived);
    }

    /** The connection is gone or CLOSED (Linux sk_state == TCP_CLOSE). */
    boolean closed() {
        TcpConnection c = connection();
        return c == null || c.state() instanceof TcpState.Closed;
    }

    boolean inTimeWait() {
        TcpConnection c = connection();
        return c != null && c.state() instanceof TcpState.TimeWait;
    }

    @Override
    SocketSummary.State state() {
        if (listening) {
            return SocketSummary.State.LISTENING;
        }
        if (kernel.rules().lifecycle() == SocketRules.ConnectLifecycle.LINUX_SOCK_STATE) {
            return linuxState;
        }
        // BSD so_state: soisconnecting at connect, soisconnected at ESTABLISHED, soisdisconnected at TIME_WAIT or drop
        TcpConnection c = connection();
        if (c == null) {
            return SocketSummary.State.UNCONNECTED;
        }
        return switch (c.state()) {
            case TcpState.SynSent s -> SocketSummary.State.CONNECTING;
            case TcpState.SynReceived s -> SocketSummary.State.CONNECTING;
            case TcpState.Established s -> SocketSummary.State.CONNECTED;
            case TcpState.FinWait1 s -> SocketSummary.State.CONNECTED;
            case TcpState.FinWait2 s -> SocketSummary.State.CONNECTED;
            case TcpState.CloseWait s -> SocketSummary.State.CONNECTED;
            case TcpState.Closing s -> SocketSummary.State.CONNECTED;
            case TcpState.LastAck s -> SocketSummary.State.CONNECTED;
            case TcpState.TimeWait s -> SocketSummary.State.UNCONNECTED;
            case TcpState.Closed s -> SocketSummary.State.UNCONNECTED;
        };
    }

    /** A fact from the stack about this socket's connection. */
    void onEvent(TcpEvent e) {
        switch (e) {
            case CONNECTED -> established = true;
            case PEER_CLOSED -> peerClosed = true;
            case URGENT -> { }
            case CLOSED -> connectionGone = true;
            case REFUSED, TIMED_OUT, RESET, NET_UNREACHABLE, HOST_UNREACHABLE, PROTOCOL_UNREACHABLE,
                    PORT_UNREACHABLE, ADMIN_PROHIBITED, TIME_EXCEEDED, PARAMETER_PROBLEM -> {
                Errno mapped = kernel.errnoFor(e, handle, established);
                if (mapped != null) {
                    error = mapped;
                }
                if (closed()) {
                    connectionGone = true;
                }
            }
        }
    }

    @Override
    Readiness readiness() {
        if (listening) {
            return new Readiness(kernel.acceptQueueLength(this) > 0, false, false, false, false);
        }
        TcpConnection c = connection();
        boolean readable = c != null && c.available() > 0 || peerClosed || readShut;
        boolean connected = c != null && !attemptInProgress() && !(c.state() instanceof TcpState.Closed);
        boolean room = connected && c.sendSpace() > 0;
        boolean pending = error != null;
        boolean closedNow = closed();
        return switch (kernel.rules().poll()) {
            // net/ipv4/tcp.c tcp_poll
            // (sk_err comes with tcp_done's SHUTDOWN_MASK, hence POLLIN, except after tcp_disconnect: no handle)
            case LINUX -> new Readiness(readable || closedNow && handle != null || pending && handle != null,
                    !attemptInProgress() && (room || closedNow || writeShut) || synDeferred(),
                    closedNow || readShut && writeShut,
                    pending, peerClosed || readShut);
            // kern/sys_socket.c soo_poll: POLLHUP and POLLOUT are exclusive once disconnected
            case OPENBSD -> new Readiness(readable || pending || gone(), !gone() && (room || pending || writeShut),
                    gone(), false, false);
            // FreeBSD kern/uipc_socket.c sopoll_generic, XNU bsd/kern/uipc_socket2.c sowriteable/soreadable: so_error
            // makes a socket readable and writable; POLLHUP once both directions are shut
            case FREEBSD, XNU -> new Readiness(readable || pending || gone(), room || pending || gone() || writeShut,
                    (peerClosed || readShut || gone()) && (writeShut || gone()), false, false);
        };
    }

    /** The connection ended (BSD: soisdisconnected — SBS_CANTRCVMORE and SBS_CANTSENDMORE). */
    private boolean gone() {
        return handle != null && (closed() || inTimeWait());
    }

    @Override
    void release(long nowNs) {
        kernel.closeTcp(this, nowNs);
    }

    /** The errno a failed attempt or a second connect on a finished socket returns (per the OS's lifecycle). */
    Errno afterEnd() {
        return switch (kernel.rules().lifecycle()) {
            case LINUX_SOCK_STATE -> {
                Errno e = takeError();
                yield e != null ? e : Errno.ECONNABORTED;
            }
            case FREEBSD_DROPPED_PCB -> {
                error = null; // soconnectat zeroes so_error before pru_connect
                yield inTimeWait() ? Errno.EADDRINUSE : Errno.ECONNREFUSED;
            }
            case DEAD_PCB_SO_ERROR -> {
                Errno e = takeError();
                yield e != null ? e : Errno.EINVAL;
            }
        };
    }
}
