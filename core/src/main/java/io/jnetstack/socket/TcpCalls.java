package io.jnetstack.socket;

import io.jnetstack.personality.SocketRules;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.personality.abi.SockaddrDecoding;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;

/** bind, listen, accept, read/write, shutdown and the names of a TCP socket (connect is {@link TcpConnectCall}). */
final class TcpCalls {
    private final KernelSyscalls sys;
    private final SocketKernel kernel;

    TcpCalls(KernelSyscalls sys) {
        this.sys = sys;
        this.kernel = sys.kernel;
    }

    /** Linux inet_bind / __inet_bind; BSD in_pcbbind. */
    Errno bind(TcpSocket s, byte[] addr, int addrlen) {
        SockaddrDecoding d = kernel.abi().sockaddr().decode(addr, 0, addrlen);
        if (d instanceof SockaddrDecoding.Invalid bad) {
            return sys.addressErrno(bad);
        }
        Sockaddr a = ((SockaddrDecoding.Ok) d).address();
        IpAddress ip;
        int port;
        switch (a) {
            case Sockaddr.In in when s.domain == SocketSummary.Domain.INET -> {
                ip = new Ipv4Address(in.address());
                port = in.port();
            }
            case Sockaddr.In6 in6 when s.domain == SocketSummary.Domain.INET6 -> {
                ip = InetAddresses.isV4Mapped(in6) ? InetAddresses.unmap(in6)
                        : new Ipv6Address(in6.addressHigh(), in6.addressLow());
                port = in6.port();
                if (ip instanceof Ipv4Address && (s.options.v6Only || !kernel.rules().v4Mapped())) {
                    return Errno.EINVAL;
                }
            }
            default -> {
                return Errno.EAFNOSUPPORT;
            }
        }
        if (s.boundPort != 0 || s.handle != null || s.listening) {
            return Errno.EINVAL;
        }
        if (!InetAddresses.isUnspecified(ip) && !kernel.stack().isLocal(ip) && !isLoopback(ip)) {
            return Errno.EADDRNOTAVAIL;
        }
        if (port == 0 && s.options.bindAddressNoPort && !InetAddresses.isUnspecified(ip)) {
            // IP_BIND_ADDRESS_NO_PORT (Linux __inet_bind with BIND_NO_PORT): the address now, the port at connect
            s.boundAddress = ip;
            s.explicitlyBound = true;
            return null;
        }
        if (port == 0) {
            s.boundAddress = ip;
            port = kernel.ephemeralBindPort(s);
            if (port == 0) {
                s.boundAddress = null;
                return Errno.EADDRINUSE;
            }
        } else if (kernel.portConflict(s, ip, port)) {
            return Errno.EADDRINUSE;
        }
        s.boundAddress = ip;
        s.boundPort = port;
        s.explicitlyBound = true;
        kernel.bound(s);
        return null;
    }

    static boolean isLoopback(IpAddress ip) {
        return ip instanceof Ipv4Address v4 ? v4.isLoopback() : ip.equals(Ipv6Address.LOOPBACK);
    }

    /** Linux inet_listen (EINVAL unless unconnected; autobind), BSD solisten. */
    Errno listen(TcpSocket s, int backlog) {
        if (s.handle != null && !s.listening) {
            return Errno.EINVAL;
        }
        if (s.boundPort == 0) {
            s.boundAddress = InetAddresses.any(s.domain);
            int port = kernel.ephemeralBindPort(s);
            if (port == 0) {
                return Errno.EADDRINUSE;
            }
            s.boundPort = port;
            kernel.bound(s);
        }
        TcpSocket other = kernel.listenerOn(s.boundPort);
        if (other != null && other != s) {
            return Errno.EADDRINUSE;
        }
        s.listening = true;
        s.backlog = backlog;
        kernel.listen(s, backlog);
        kernel.changed();
        return null;
    }

    int accept(TcpSocket s, boolean nonBlockingFile, byte[] addr, int[] addrlen, boolean nonBlocking,
            boolean cloexec) {
        if (!s.listening) {
            return sys.fail(Errno.EINVAL);
        }
        while (kernel.acceptQueueLength(s) == 0) {
            if (nonBlockingFile) {
                return sys.fail(Errno.EAGAIN);
            }
            Errno e = sys.waitFor(() -> !s.listening || kernel.acceptQueueLength(s) > 0,
                    kernel.rules().acceptTimeout() ? s.options.receiveTimeoutNs : 0, true);
            if (e != null) {
                return sys.fail(e);
            }
            if (!s.listening) {
                return sys.fail(Errno.EBADF);
            }
        }
        if (sys.process.full()) {
            return sys.fail(Errno.EMFILE);
        }
        if (kernel.fileTableFull()) {
            return sys.fail(Errno.ENFILE);
        }
        TcpHandle h = kernel.acceptFrom(s);
        TcpSocket child = TcpSocket.accepted(kernel, s.domain, h);
        child.options.noDelay = s.options.noDelay;
        // the connection inherited the listener's IP options in the stack (FreeBSD syncache: sc_ip_ttl, sc_ip_tos
        // and the inpcb's IPv6 options); the new socket reports them
        child.options.ttl = s.options.ttl;
        child.options.hopLimit = s.options.hopLimit;
        child.options.tos = s.options.tos;
        child.options.trafficClass = s.options.trafficClass;
        child.options.noOptions = s.options.noOptions;
        // tcp_syncache.c: a listener with TF_SIGNATURE marks the entry SCF_SIGNATURE; syncache_socket sets TF_SIGNATURE
        child.options.md5Signature = s.options.md5Signature;
        child.options.signSegments = s.options.signSegments;
        // FreeBSD syncache_socket: the new tcpcb takes the listener's t_keepinit, t_keepidle, t_keepintvl, t_keepcnt
        child.options.keepInitSeconds = s.options.keepInitSeconds;
        child.options.keepIdleSeconds = s.options.keepIdleSeconds;
        child.options.keepIntervalSeconds = s.options.keepIntervalSeconds;
        child.options.keepCount = s.options.keepCount;
        kernel.applyKeepTimers(child, kernel.stack().tcpConnection(h), sys.ctx.nowNs());
        if (kernel.personality().tcpAlwaysKeepAlive() && kernel.stack().tcpConnection(h) != null) {
            kernel.stack().tcpSetKeepAlive(h, true, sys.ctx.nowNs()); // FreeBSD V_tcp_always_keepalive
        }
        kernel.adopt(child);
        if (kernel.stack().tcpConnection(h) == null) {
            child.error = Errno.ECONNRESET; // reset while it waited in the queue (Linux returns it on first use)
            child.connectionGone = true;
        }
        int fd = sys.install(child, nonBlocking, cloexec);
        if (fd >= 0 && (addr != null || addrlen != null)) {
            int r = sys.copyOutInet(child.domain, h.remoteAddress(), h.remotePort(), addr, addrlen);
            if (r < 0) {
                return r;
            }
        }
        kernel.changed();
        return fd;
    }

    static int available(TcpSocket t) {
        TcpConnection c = t.connection();
        return c == null ? 0 : c.available();
    }

    /**
     * Linux tcp_recvmsg, BSD soreceive: data (copied and left queued with MSG_PEEK), else the pending error once,
     * else 0 at end of stream.
     */
    int receive(TcpSocket s, boolean nonBlockingFile, byte[] buf, int len, int flags) {
        boolean nonBlocking = nonBlockingFile || sys.hasFlag(flags, AbiConstant.MSG_DONTWAIT);
        while (true) {
            if (s.listening || s.handle == null) {
                Errno e = s.takeError();
                return sys.fail(e != null ? e : Errno.ENOTCONN);
            }
            TcpConnection c = s.connection();
            if (c != null && c.available() > 0) {
                if (len == 0) {
                    return 0;
                }
                if (sys.hasFlag(flags, AbiConstant.MSG_PEEK)) { // soreceive / tcp_recvmsg: copy, leave queued
                    byte[] data = kernel.stack().tcpPeek(s.handle, len);
                    System.arraycopy(data, 0, buf, 0, data.length);
                    return data.length;
                }
                byte[] data = kernel.stack().tcpRead(s.handle, len, sys.ctx.nowNs());
                System.arraycopy(data, 0, buf, 0, data.length);
                kernel.changed();
                return data.length;
            }
            if (s.error != null) {
                return sys.fail(s.takeError());
            }
            if (s.peerClosed || s.closed() || s.readShut || len == 0) {
                return 0;
            }
            if (nonBlocking) {
                return sys.fail(Errno.EAGAIN);
            }
            Errno e = sys.waitFor(() -> available(s) > 0 || s.error != null || s.peerClosed || s.closed() || s.readShut,
                    s.options.receiveTimeoutNs, true);
            if (e != null) {
                return sys.fail(e);
            }
        }
    }

    /** Linux tcp_sendmsg_locked, BSD sosend: all of it when blocking, what fits when not. */
    int send(TcpSocket s, boolean nonBlockingFile, byte[] buf, int len, int flags) {
        boolean nonBlocking = nonBlockingFile || sys.hasFlag(flags, AbiConstant.MSG_DONTWAIT);
        boolean waitForHandshake = kernel.rules().sendWaitsForHandshake();
        int sent = 0;
        if (s.synDeferred() && !s.writeShut) {
            // Linux tcp_sendmsg_fastopen: the deferred SYN leaves with the data it holds; non-blocking, those bytes
            // (or EINPROGRESS when none) are the result; blocking, __inet_stream_connect waits for the handshake,
            // whose failure is the result, and the rest is sent as usual
            sent = kernel.stack().tcpSendDeferredSyn(s.handle, buf, 0, len, sys.ctx.nowNs());
            kernel.changed();
            if (nonBlocking) {
                return sent > 0 ? sent : sys.fail(Errno.EINPROGRESS);
            }
            Errno e = sys.waitFor(() -> !s.attemptInProgress() || s.error != null, s.options.sendTimeoutNs, true);
            if (e != null || s.error != null || s.closed()) {
                Errno err = s.error != null ? s.takeError() : e;
                return err != null ? sys.fail(err) : sys.brokenPipe(s, flags);
            }
            s.linuxState = SocketSummary.State.CONNECTED; // __inet_stream_connect after the wait
            if (sent == len) {
                return sent;
            }
        }
        while (true) {
            if (s.listening || s.handle == null) {
                Errno e = s.takeError();
                return sys.fail(e != null ? e : kernel.rules().sendUnconnected());
            }
            if (s.writeShut) {
                return sys.brokenPipe(s, flags);
            }
            if (s.error != null) {
                return sent > 0 ? sent : sys.fail(s.takeError());
            }
            if (s.closed()) {
                return sent > 0 ? sent : sys.brokenPipe(s, flags);
            }
            if (s.attemptInProgress() && !waitForHandshake) {
                return sys.fail(Errno.ENOTCONN);
            }
            if (!s.attemptInProgress()) {
                sent += kernel.stack().tcpSend(s.handle, buf, sent, len - sent, sys.ctx.nowNs());
                kernel.changed();
                if (sent == len || nonBlocking && sent > 0) {
                    return sent;
                }
            }
            if (nonBlocking) {
                return sys.fail(Errno.EAGAIN);
            }
            Errno e = sys.waitFor(() -> s.error != null || s.closed() || s.writeShut
                    || !s.attemptInProgress() && s.connection() != null && s.connection().sendSpace() > 0,
                    s.options.sendTimeoutNs, true);
            if (e != null) {
                return sent > 0 ? sent : sys.fail(e);
            }
        }
    }

    /**
     * Linux inet_shutdown, BSD soshutdown: ENOTCONN unless connected or connecting. A connecting socket (C23): Linux
     * inet_shutdown's TCP_SYN_SENT case calls tcp_disconnect whatever {@code how} is — the attempt ends without a
     * segment, sk_err becomes ECONNRESET, sk_shutdown is cleared and the socket is SS_UNCONNECTED, free to connect
     * again; the BSDs (FreeBSD tcp_usr_shutdown, OpenBSD and XNU soshutdown) flush the receive side for SHUT_RD and
     * SHUT_RDWR, and for SHUT_WR and SHUT_RDWR socantsendmore and tcp_usrclosed, which closes a connection that never
     * reached ESTABLISHED (tcp_close).
     */
    Errno shutdown(TcpSocket s, int how) {
        boolean[] h = sys.shutdownHow(how);
        if (h == null) {
            return Errno.EINVAL;
        }
        boolean rd = h[0];
        boolean wr = h[1];
        if (s.handle == null && !s.listening) {
            return Errno.ENOTCONN;
        }
        if (s.attemptInProgress() && kernel.rules().lifecycle() == SocketRules.ConnectLifecycle.LINUX_SOCK_STATE) {
            kernel.abortTcp(s, sys.ctx.nowNs());
            s.error = Errno.ECONNRESET;
            s.readShut = false;
            s.writeShut = false;
            s.linuxState = SocketSummary.State.UNCONNECTED;
            return null;
        }
        if (s.attemptInProgress() && wr) {
            kernel.abortTcp(s, sys.ctx.nowNs());
            s.readShut = true;
            s.writeShut = true;
            return null;
        }
        s.readShut |= rd;
        if (wr && !s.writeShut && s.handle != null) {
            s.writeShut = true;
            kernel.stack().tcpShutdownOutput(s.handle, sys.ctx.nowNs());
            kernel.changed();
        }
        return null;
    }

    /** getsockname / getpeername. */
    int name(TcpSocket s, boolean peer, byte[] addr, int[] addrlen) {
        if (peer) {
            if (s.handle == null || s.attemptInProgress() || s.closed() || s.inTimeWait()) {
                return sys.fail(Errno.ENOTCONN);
            }
            return sys.copyOutInet(s.domain, s.handle.remoteAddress(), s.handle.remotePort(), addr, addrlen);
        }
        IpAddress a = s.boundAddress != null ? s.boundAddress : InetAddresses.any(s.domain);
        return sys.copyOutInet(s.domain, a, s.boundPort, addr, addrlen);
    }
}
