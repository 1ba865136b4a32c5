package io.jnetstack.socket;

import io.jnetstack.personality.SocketRules;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.stack.TcpConnectResult;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;

/**
 * connect(2) on a TCP socket after {@link ConnectArguments}: the lifecycle of catalogue §1C (EINPROGRESS, EALREADY,
 * EISCONN, the per-OS second connect, SO_ERROR, EINTR and SA_RESTART, SO_SNDTIMEO) and the destination rules of
 * §1D–1F and §1J, each decided by the personality's {@link SocketRules}. Returns null for success, else the errno.
 */
final class TcpConnectCall {
    private final SocketKernel kernel;
    private final KernelProcess process;
    private final ThreadContext ctx;
    private final SocketRules rules;

    TcpConnectCall(SocketKernel kernel, KernelProcess process, ThreadContext ctx) {
        this.kernel = kernel;
        this.process = process;
        this.ctx = ctx;
        this.rules = kernel.rules();
    }

    Errno connect(TcpSocket s, boolean nonBlocking, byte[] addr, int namelen) {
        SocketSummary summary = new SocketSummary(true, true, s.domain, s.type, s.connectState(), nonBlocking,
                s.options.v6Only, (s.options.restrictions & SocketOptions.DENY_OUT) != 0);
        ConnectCheck check = ConnectArguments.check(kernel.personality(), summary, addr, 0,
                addr == null ? 0 : addr.length, namelen);
        return switch (check) {
            case ConnectCheck.Fail f -> failed(s, f, nonBlocking);
            case ConnectCheck.Disconnect d -> disconnect(s);
            case ConnectCheck.AwaitPending a -> linuxPending(s, false);
            case ConnectCheck.Proceed p -> proceed(s, p.address(), nonBlocking);
        };
    }

    /**
     * The implicit connect of a TCP_FASTOPEN sendto with {@code data} queued before the SYN (FreeBSD tcp_usr_send:
     * tcp_connect then tcp_fastopen_connect); it does not wait for the handshake. Null when the SYN is on its way.
     */
    Errno connectFastOpen(TcpSocket s, byte[] addr, int namelen, byte[] data) {
        SocketSummary summary = new SocketSummary(true, true, s.domain, s.type, s.connectState(), true,
                s.options.v6Only, (s.options.restrictions & SocketOptions.DENY_OUT) != 0);
        ConnectCheck check = ConnectArguments.check(kernel.personality(), summary, addr, 0, addr.length, namelen);
        if (!(check instanceof ConnectCheck.Proceed p)) {
            return check instanceof ConnectCheck.Fail f ? f.errno() : Errno.EISCONN;
        }
        Destination d = destination(s, p.address());
        return d.errno != null ? d.errno : start(s, d.address, d.port, data);
    }

    private Errno failed(TcpSocket s, ConnectCheck.Fail f, boolean nonBlocking) {
        boolean linux = rules.lifecycle() == SocketRules.ConnectLifecycle.LINUX_SOCK_STATE;
        if (linux && f.errno() == Errno.EALREADY && s.linuxState == SocketSummary.State.CONNECTING) {
            return linuxPending(s, nonBlocking); // __inet_stream_connect: EALREADY only while SYN-SENT/SYN-RECV
        }
        if (f.aftermath() == ConnectCheck.Aftermath.EPHEMERAL_BOUND && s.boundPort == 0) {
            s.boundAddress = InetAddresses.any(s.domain);
            s.boundPort = kernel.ephemeralBindPort(s);
        }
        return f.errno();
    }

    /** Linux AF_UNSPEC: tcp_disconnect (a RST when synchronized), the socket unconnected and reusable. */
    private Errno disconnect(TcpSocket s) {
        if (s.listening) {
            kernel.closeTcp(s, ctx.nowNs());
            s.listening = false;
        } else if (s.handle != null) {
            kernel.abortTcp(s, ctx.nowNs());
        }
        s.linuxState = SocketSummary.State.UNCONNECTED;
        s.error = null;
        s.peerClosed = false;
        s.established = false;
        if (!s.explicitlyBound) {
            s.boundPort = 0;
            s.boundAddress = null;
        }
        return null;
    }

    /** Linux SS_CONNECTING: wait for (or report) the attempt under way; then its outcome (catalogue C4, C5, C9). */
    private Errno linuxPending(TcpSocket s, boolean nonBlocking) {
        if (s.attemptInProgress()) {
            // SS_CONNECTING: EALREADY, or EISCONN with DEFER_CONNECT; either way a blocking caller waits first
            Errno pending = s.synDeferred() ? Errno.EISCONN : Errno.EALREADY;
            if (nonBlocking) {
                return pending;
            }
            Errno waited = linuxWait(s, pending);
            if (waited != null) {
                return waited;
            }
        }
        return linuxFinish(s);
    }

    /** __inet_stream_connect after the wait: TCP_CLOSE → sock_error or ECONNABORTED, unconnected; else connected. */
    private Errno linuxFinish(TcpSocket s) {
        if (s.closed()) {
            Errno e = s.afterEnd();
            kernel.forget(s);
            s.linuxState = SocketSummary.State.UNCONNECTED;
            return e;
        }
        s.linuxState = SocketSummary.State.CONNECTED;
        return null;
    }

    /**
     * inet_wait_for_connect bounded by SO_SNDTIMEO: on timeout {@code timeoutErrno}; a signal → EINTR, or a restart
     * when the handler has SA_RESTART and the timeout is infinite (sock_intr_errno). Null when the wait ended.
     */
    private Errno linuxWait(TcpSocket s, Errno timeoutErrno) {
        while (true) {
            long timeout = rules.honoursSendTimeout() ? s.options.sendTimeoutNs : 0;
            switch (Blocking.await(ctx, process, () -> !s.attemptInProgress(), timeout)) {
                case READY -> {
                    return null;
                }
                case TIMEOUT -> {
                    return timeoutErrno;
                }
                case INTERRUPTED -> {
                    return Errno.EINTR;
                }
                case INTERRUPTED_RESTARTABLE -> {
                    if (!rules.restartsConnect() || timeout != 0) {
                        return Errno.EINTR;
                    }
                }
            }
        }
    }

    private Errno proceed(TcpSocket s, Sockaddr address, boolean nonBlocking) {
        if (s.handle != null) {
            return s.afterEnd(); // BSD: the pcb of an earlier attempt or connection is dropped or dead
        }
        Destination d = destination(s, address);
        if (d.errno != null) {
            return d.errno;
        }
        // Linux TCP_FASTOPEN_CONNECT: no data yet; a cached cookie defers the SYN (tcp_fastopen_defer_connect) and
        // __inet_stream_connect returns 0 at once with DEFER_CONNECT set, blocking or not; no cookie: a cookie request
        Errno started = start(s, d.address, d.port, s.options.fastOpenConnect ? new byte[0] : null);
        if (started != null) {
            return started;
        }
        if (s.synDeferred()) {
            return null;
        }
        if (nonBlocking) {
            return Errno.EINPROGRESS;
        }
        if (rules.lifecycle() == SocketRules.ConnectLifecycle.LINUX_SOCK_STATE) {
            Errno waited = linuxWait(s, Errno.EINPROGRESS);
            return waited != null ? waited : linuxFinish(s);
        }
        return bsdWait(s);
    }

    /**
     * BSD kern_connectat / sys_connect / connectit: sleep while SS_ISCONNECTING and so_error is 0, with no timeout;
     * ERESTART becomes EINTR and SS_ISCONNECTING stays; then so_error, read and cleared.
     */
    private Errno bsdWait(TcpSocket s) {
        switch (Blocking.await(ctx, process, () -> !s.attemptInProgress() || s.error != null, 0)) {
            case READY -> { }
            case TIMEOUT, INTERRUPTED, INTERRUPTED_RESTARTABLE -> {
                return Errno.EINTR;
            }
        }
        return s.takeError();
    }

    private Errno start(TcpSocket s, IpAddress dst, int port, byte[] fastOpenData) {
        if (rules.selfConnect() != null && s.boundPort == port && dst.equals(s.boundAddress)) {
            return rules.selfConnect(); // C24: XNU tcp_connect
        }
        var route = kernel.stack().route(dst);
        if (route != null && route.ifIndex() > 0 && !kernel.stack().iface(route.ifIndex()).isUp()) {
            return rules.interfaceDown();
        }
        if (route != null && route.ifIndex() > 0 && (s.options.restrictions & SocketOptions.DENY_CELLULAR) != 0
                && kernel.stack().iface(route.ifIndex()).isCellular()) {
            return Errno.EHOSTUNREACH; // D11: XNU in_pcbladdr → inp_restricted_send on a cellular interface
        }
        if (s.options.md5Signature && rules.signatureWithoutKey() != null) {
            return rules.signatureWithoutKey(); // OpenBSD: no SA for the TCP_MD5SIG segment
        }
        if (kernel.blocked(dst)) {
            return rules.firewall();
        }
        if (kernel.connectionMemoryFull()) {
            return Errno.ENOBUFS; // tcp_connect: no buffer for the SYN (Linux tcp_stream_alloc_skb, BSD m_gethdr)
        }
        TcpConnectResult r = kernel.openTcp(s, dst, port, fastOpenData, ctx.nowNs());
        if (r instanceof TcpConnectResult.Failure f) {
            return switch (f.reason()) {
                case NO_ROUTE -> rules.noRoute(); // D10: ip_route_connect / in_pcbladdr / in_pcbselsrc
                case UNREACHABLE_ROUTE -> rules.rejectRoute();
                case PROHIBITED_ROUTE -> rules.prohibitRoute();
                case BLACKHOLE_ROUTE -> kernel.personality().blackholeRoute();
                case NO_PORTS, LOCAL_NOT_AVAILABLE -> Errno.EADDRNOTAVAIL;
                case TUPLE_IN_USE -> rules.tupleInUse();
            };
        }
        TcpHandle h = ((TcpConnectResult.Ok) r).handle();
        s.handle = h;
        s.boundAddress = h.localAddress();
        s.boundPort = h.localPort();
        s.linuxState = SocketSummary.State.CONNECTING;
        kernel.adopt(s);
        kernel.bound(s);
        kernel.changed();
        return null;
    }

    /** The destination after the protocol's address rules (F1–F5, J1–J7, port 0); or why there is none. */
    private Destination destination(TcpSocket s, Sockaddr a) {
        IpAddress dst;
        int port;
        switch (a) {
            case Sockaddr.In in -> {
                dst = new Ipv4Address(in.address());
                port = in.port();
            }
            case Sockaddr.In6 in6 -> {
                port = in6.port();
                if (InetAddresses.isV4Mapped(in6)) {
                    if (!rules.v4Mapped() || s.options.v6Only) {
                        return Destination.fail(rules.v4MappedOnV6Only());
                    }
                    if (s.boundAddress instanceof Ipv6Address b && !InetAddresses.isUnspecified(b)) {
                        return Destination.fail(rules.v4MappedOnV6Bound());
                    }
                    dst = InetAddresses.unmap(in6);
                } else {
                    if (s.boundAddress instanceof Ipv4Address) { // bound to a v4-mapped address
                        return Destination.fail(rules.v6OnV4Bound());
                    }
                    dst = new Ipv6Address(in6.addressHigh(), in6.addressLow());
                    int device = s.options.boundDevice;
                    if (((Ipv6Address) dst).isLinkLocal() && (in6.scopeId() == 0 ? device == 0
                            : device != 0 && device != in6.scopeId())) {
                        // J7, J8: a link-local peer needs an interface, and a scope id must match a bound device
                        // (Linux tcp_v6_connect sk_dev_equal_l3scope; XNU in6_embedscope fails → EINVAL)
                        return Destination.fail(Errno.EINVAL);
                    }
                    // J10: Linux tcp_v6_connect with np->sndflow asks fl6_sock_lookup for the label's lease, which
                    // answers ENOENT (connect: EINVAL) only while an exclusive lease exists in the namespace
                    // (ipv6_flowlabel_exclusive, net->ipv6.flowlabel_has_excl); IPV6_FLOWLABEL_MGR is not modelled,
                    // so no lease ever exists and any label is accepted.
                }
            }
            case Sockaddr.Unspec u -> {
                return Destination.fail(Errno.EAFNOSUPPORT);
            }
            case Sockaddr.Un u -> {
                return Destination.fail(Errno.EAFNOSUPPORT);
            }
        }
        Errno special = special(dst);
        if (special != null) {
            return Destination.fail(special);
        }
        if (port == 0 && rules.portZero() != null) {
            return Destination.fail(rules.portZero());
        }
        if (InetAddresses.isUnspecified(dst)) {
            IpAddress replaced = unspecified(dst);
            if (replaced == null) {
                return Destination.fail(Errno.EINVAL);
            }
            dst = replaced;
        }
        return new Destination(dst, port, null);
    }

    /** Broadcast and multicast destinations (F1–F4). */
    private Errno special(IpAddress dst) {
        if (dst instanceof Ipv4Address v4 && v4.equals(Ipv4Address.BROADCAST)) {
            return rules.broadcast();
        }
        if (dst instanceof Ipv4Address m4 ? m4.isMulticast() : ((Ipv6Address) dst).isMulticast()) {
            return rules.multicast();
        }
        if (rules.subnetBroadcast() != null && dst instanceof Ipv4Address v4) {
            for (var ifc : kernel.stack().interfaces()) {
                if (ifc.isBroadcast(v4)) {
                    return rules.subnetBroadcast();
                }
            }
        }
        return null;
    }

    /** J5/J6: what the unspecified address means on this OS; null when refused. */
    private IpAddress unspecified(IpAddress dst) {
        boolean v4 = dst instanceof Ipv4Address;
        return switch (rules.unspecified()) {
            case LOOPBACK -> v4 ? Ipv4Address.of(127, 0, 0, 1) : Ipv6Address.LOOPBACK;
            case PRIMARY_ADDRESS -> kernel.primaryAddress(v4);
            case REFUSED -> null;
        };
    }

    private record Destination(IpAddress address, int port, Errno errno) {
        static Destination fail(Errno e) {
            return new Destination(null, 0, e);
        }
    }
}
