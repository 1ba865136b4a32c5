package io.jnetstack.socket;

import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import java.util.Optional;

/**
 * getsockopt/setsockopt: SOL_SOCKET options (SO_ERROR read and clear, SO_TYPE, SO_ACCEPTCONN, SO_REUSEADDR,
 * SO_REUSEPORT, SO_KEEPALIVE, SO_BROADCAST, SO_SNDBUF, SO_RCVBUF, SO_LINGER, SO_SNDTIMEO, SO_RCVTIMEO), TCP_NODELAY,
 * TCP_MAXSEG, IPV6_V6ONLY, IP_TTL, IPV6_UNICAST_HOPS; where the ABI defines them (FreeBSD) TCP_NOOPT, TCP_KEEPINIT,
 * TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT, TCP_REMOTE_UDP_ENCAPS_PORT, IP_TOS, IPV6_TCLASS and IPV6_USE_MIN_MTU. The
 * IP header options and TCP_NOOPT reach the socket's listener or connection at once. Integers are host byte order
 * (little-endian on the machines modelled); struct timeval and struct linger are 16 and 8 bytes on the 64-bit ABIs.
 */
final class SocketOptionCalls {
    private final KernelSyscalls sys;

    SocketOptionCalls(KernelSyscalls sys) {
        this.sys = sys;
    }

    int get(Socket s, int level, int optname, byte[] optval, int[] optlen) {
        if (optlen == null || optlen.length < 1) {
            return sys.fail(Errno.EFAULT);
        }
        if (optlen[0] < 0) {
            return sys.fail(Errno.EINVAL);
        }
        Optional<AbiConstant> o = option(level, optname);
        if (o.isEmpty()) {
            return sys.fail(Errno.ENOPROTOOPT);
        }
        if (s instanceof TcpSocket t) {
            t.sizeBuffersForMss();
        }
        byte[] value = switch (o.get()) {
            case SO_ERROR -> {
                Errno e = s.takeError();
                yield intValue(e == null ? 0 : sys.abi().errnos().number(e).orElse(0));
            }
            case SO_TYPE -> intValue(sys.c(switch (s.type) {
                case STREAM -> AbiConstant.SOCK_STREAM;
                case DATAGRAM -> AbiConstant.SOCK_DGRAM;
                case SEQPACKET -> AbiConstant.SOCK_SEQPACKET;
            }));
            case SO_ACCEPTCONN -> intValue(s.state() == SocketSummary.State.LISTENING ? 1 : 0);
            case SO_REUSEADDR -> intValue(s.options.reuseAddress ? 1 : 0);
            case SO_REUSEPORT -> intValue(s.options.reusePort ? 1 : 0);
            case SO_KEEPALIVE -> intValue(s.options.keepAlive ? 1 : 0);
            case SO_BROADCAST -> intValue(s.options.broadcast ? 1 : 0);
            case SO_OOBINLINE -> intValue(s.options.oobInline ? 1 : 0);
            case SO_PASSCRED -> intValue(s.options.passCredentials ? 1 : 0);
            case SO_NOSIGPIPE -> intValue(s.options.noSigPipe ? 1 : 0);
            case SO_SNDBUF -> intValue(s.options.sendBuffer);
            case SO_RCVBUF -> intValue(s.options.receiveBuffer);
            case SO_LINGER -> linger(s.options.lingerSeconds);
            case SO_SNDTIMEO -> timeval(s.options.sendTimeoutNs);
            case SO_RCVTIMEO -> timeval(s.options.receiveTimeoutNs);
            case TCP_NODELAY -> intValue(s.options.noDelay ? 1 : 0);
            case TCP_MAXSEG -> intValue(connectionMss(s) > 0 ? connectionMss(s)
                    : s.options.maxSegment == 0 ? 536 : s.options.maxSegment);
            case IPV6_V6ONLY -> intValue(s.options.v6Only ? 1 : 0);
            case IP_TTL -> intValue(s.options.ttl == 0 ? sys.kernel.personality().defaultTtl() : s.options.ttl);
            case IP_BIND_ADDRESS_NO_PORT -> intValue(s.options.bindAddressNoPort ? 1 : 0);
            case IPV6_FLOWINFO_SEND -> intValue(s.options.flowInfoSend ? 1 : 0);
            case SO_RESTRICTIONS -> intValue(s.options.restrictions);
            case TCP_NOOPT -> intValue(s.options.noOptions ? TF_NOOPT : 0);
            // FreeBSD xform_tcp.c tcp_ipsec_pcbctl SOPT_GET: "optval = (tp->t_flags & TF_SIGNATURE) ? 1 : 0"
            case TCP_MD5SIG -> sys.kernel.personality().tcpSignaturesFromSecurityAssociations()
                    ? intValue(s.options.signSegments ? 1 : 0) : null;
            case TCP_FASTOPEN -> intValue(s.options.fastOpen ? 1 : 0); // tcp_default_ctloutput: TF_FASTOPEN set
            case TCP_FASTOPEN_CONNECT -> intValue(s.options.fastOpenConnect ? 1 : 0); // do_tcp_getsockopt
            case TCP_REMOTE_UDP_ENCAPS_PORT -> intValue(s instanceof TcpSocket t && t.handle != null
                    && sys.kernel.stack().tcpConnection(t.handle) != null
                    ? sys.kernel.stack().tcpUdpEncapsulationPort(t.handle) : s.options.remoteUdpEncapsPort);
            case TCP_KEEPINIT, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT -> keepOption(s.options, o.get());
            case IP_TOS -> intValue(s.options.tos);
            case IPV6_TCLASS -> intValue(s.options.trafficClass);
            case IPV6_USE_MIN_MTU -> s.domain != SocketSummary.Domain.INET6 ? null : intValue(s.options.useMinMtu);
            case IPV6_UNICAST_HOPS -> s.domain != SocketSummary.Domain.INET6 ? null
                    : intValue(s.options.hopLimit >= 0 || sys.kernel.personality().unsetHopLimitReadsMinusOne()
                            ? s.options.hopLimit : sys.kernel.personality().defaultHopLimit());
            default -> null;
        };
        if (value == null) {
            return sys.fail(Errno.ENOPROTOOPT);
        }
        int n = Math.min(optlen[0], value.length);
        if (n > 0 && (optval == null || optval.length < n)) {
            return sys.fail(Errno.EFAULT);
        }
        if (n > 0) {
            System.arraycopy(value, 0, optval, 0, n);
        }
        optlen[0] = n;
        return 0;
    }

    int set(Socket s, int level, int optname, byte[] optval, int optlen) {
        Optional<AbiConstant> o = option(level, optname);
        if (o.isEmpty()) {
            return sys.fail(Errno.ENOPROTOOPT);
        }
        int need = switch (o.get()) {
            case SO_SNDTIMEO, SO_RCVTIMEO -> 16;
            case TCP_MD5SIG -> sys.kernel.rules().md5OptionLength();
            case SO_BINDTODEVICE -> 0;
            case SO_LINGER -> 8;
            default -> 4;
        };
        if (optlen < need) {
            return sys.fail(Errno.EINVAL);
        }
        if (optlen > 0 && (optval == null || optval.length < optlen)) {
            return sys.fail(Errno.EFAULT);
        }
        if (o.get() == AbiConstant.SO_BINDTODEVICE) {
            return bindToDevice(s, optval, optlen);
        }
        int v = readInt(optval, 0);
        SocketOptions opts = s.options;
        switch (o.get()) {
            case SO_REUSEADDR -> opts.reuseAddress = v != 0;
            case SO_REUSEPORT -> opts.reusePort = v != 0;
            case SO_KEEPALIVE -> opts.keepAlive = v != 0;
            case SO_BROADCAST -> opts.broadcast = v != 0;
            case SO_OOBINLINE -> opts.oobInline = v != 0;
            case SO_SNDBUF -> opts.sendBuffer = Math.max(v, 0);
            case SO_RCVBUF -> opts.receiveBuffer = Math.max(v, 0);
            case SO_LINGER -> opts.lingerSeconds = v != 0 ? readInt(optval, 4) : -1;
            case SO_SNDTIMEO, SO_RCVTIMEO -> {
                long sec = readLong(optval, 0);
                long usec = readLong(optval, 8);
                if (sec < 0 || usec < 0 || usec >= 1_000_000) {
                    return sys.fail(Errno.EDOM);
                }
                long ns = sec > Long.MAX_VALUE / 2_000_000_000L ? Long.MAX_VALUE / 2 : sec * 1_000_000_000L
                        + usec * 1000;
                if (o.get() == AbiConstant.SO_SNDTIMEO) {
                    opts.sendTimeoutNs = ns;
                } else {
                    opts.receiveTimeoutNs = ns;
                }
            }
            case TCP_NODELAY -> opts.noDelay = v != 0;
            case TCP_MAXSEG -> {
                int now = connectionMss(s);
                if (now > 0 && (v <= 0 || v > now || v + 40 < MINMSS)) {
                    return sys.fail(Errno.EINVAL);
                }
                if (now > 0) {
                    ((TcpSocket) s).connection().setMaxSegment(v);
                }
                opts.maxSegment = v;
            }
            case TCP_MD5SIG -> {
                opts.md5Signature = v != 0;
                // FreeBSD tcp_ipsec_pcbctl: "if (optval > 0) tp->t_flags |= TF_SIGNATURE; else ... &= ~"
                opts.signSegments = v > 0 && sys.kernel.personality().tcpSignaturesFromSecurityAssociations();
                applyOutput(s);
            }
            case IP_BIND_ADDRESS_NO_PORT -> opts.bindAddressNoPort = v != 0;
            case SO_NOSIGPIPE -> opts.noSigPipe = v != 0;
            case IPV6_FLOWINFO_SEND -> {
                if (s.domain != SocketSummary.Domain.INET6) {
                    return sys.fail(Errno.ENOPROTOOPT);
                }
                opts.flowInfoSend = v != 0;
            }
            case SO_RESTRICTIONS -> opts.restrictions |= v; // XNU so_set_restrictions: a trapdoor, bits only added
            case SO_PASSCRED -> {
                opts.passCredentials = v != 0;
                if (s instanceof UnixSocketFile u) {
                    u.socket.passCredentials(v != 0);
                }
            }
            case IPV6_V6ONLY -> {
                if (s.domain != SocketSummary.Domain.INET6) {
                    return sys.fail(Errno.ENOPROTOOPT);
                }
                opts.v6Only = v != 0;
            }
            case IPV6_USE_MIN_MTU -> {
                // KAME ip6_setpktopt: IP6PO_MINMTU_MCASTONLY (-1), _DISABLE (0) or _ALL (1), else EINVAL
                if (s.domain != SocketSummary.Domain.INET6) {
                    return sys.fail(Errno.ENOPROTOOPT);
                }
                if (v < -1 || v > 1) {
                    return sys.fail(Errno.EINVAL);
                }
                opts.useMinMtu = v;
            }
            case IP_TTL, IP_TOS, IPV6_UNICAST_HOPS, IPV6_TCLASS -> {
                int r = setIpHeaderOption(s, o.get(), v);
                if (r != 0) {
                    return r;
                }
            }
            case TCP_NOOPT -> {
                opts.noOptions = v != 0;
                applyOutput(s);
            }
            case TCP_FASTOPEN -> {
                int r = setFastOpen(s, v);
                if (r != 0) {
                    return r;
                }
            }
            case TCP_FASTOPEN_CONNECT -> {
                int r = setFastOpenConnect(s, v);
                if (r != 0) {
                    return r;
                }
            }
            case TCP_REMOTE_UDP_ENCAPS_PORT -> {
                int r = setRemoteUdpEncapsPort(s, v);
                if (r != 0) {
                    return r;
                }
            }
            case TCP_KEEPINIT, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT -> {
                int r = setKeepOption(s, o.get(), v);
                if (r != 0) {
                    return r;
                }
            }
            case SO_ERROR, SO_TYPE, SO_ACCEPTCONN -> {
                return sys.fail(Errno.ENOPROTOOPT);
            }
            default -> {
                return sys.fail(Errno.ENOPROTOOPT);
            }
        }
        return 0;
    }

    /**
     * TCP_REMOTE_UDP_ENCAPS_PORT (FreeBSD tcp_usrreq.c tcp_default_ctloutput): EINVAL outside
     * TCP_TUNNELING_PORT_MIN..MAX (0..65535), EINVAL for a non-zero port while net.inet.tcp.udp_tunneling_port is
     * 0, EINVAL unless the tcpcb is CLOSED (not listening, no connection); else {@code t_port} takes it.
     */
    private int setRemoteUdpEncapsPort(Socket s, int v) {
        if (v < 0 || v > 65_535 || sys.kernel.personality().tcpUdpTunnelingPort() == 0 && v != 0) {
            return sys.fail(Errno.EINVAL);
        }
        if (!(s instanceof TcpSocket t)) {
            return sys.fail(Errno.ENOPROTOOPT);
        }
        if (t.listening || t.handle != null && sys.kernel.stack().tcpConnection(t.handle) != null) {
            return sys.fail(Errno.EINVAL);
        }
        s.options.remoteUdpEncapsPort = v;
        return 0;
    }

    /** FreeBSD tcp.h TCP_MINMSS 216, net.inet.tcp.minmss's default. */
    private static final int MINMSS = 216;

    /**
     * The segment size of {@code s}'s synchronized connection where the personality reports it for TCP_MAXSEG
     * (FreeBSD {@code tp->t_maxseg}: the smaller of both sides' MSS, lowered by TCP_MAXSEG); 0 otherwise.
     */
    private int connectionMss(Socket s) {
        if (!sys.kernel.personality().tcpMaxSegIsConnectionMss() || !(s instanceof TcpSocket t)) {
            return 0;
        }
        io.jnetstack.stack.tcp.TcpConnection c = t.connection();
        if (c == null || c.state() instanceof io.jnetstack.stack.tcp.TcpState.SynSent
                || c.state() instanceof io.jnetstack.stack.tcp.TcpState.Closed) {
            return 0;
        }
        int mss = Math.min(c.peerMss(), c.localMss());
        return s.options.maxSegment > 0 ? Math.min(mss, s.options.maxSegment) : mss;
    }

    /**
     * TCP_FASTOPEN (FreeBSD tcp_usrreq.c tcp_default_ctloutput): EPERM while net.inet.tcp.fastopen.client_enable
     * is off (server_enable, not modelled, stays 0); EINVAL unless CLOSED or LISTEN, and on a listener (enabling
     * the server side needs server_enable); else TF_FASTOPEN follows the value.
     */
    private int setFastOpen(Socket s, int v) {
        var rules = sys.kernel.personality().fastOpenClient();
        if (rules == null) {
            return sys.fail(Errno.ENOPROTOOPT);
        }
        if (!rules.enabled()) {
            return sys.fail(Errno.EPERM);
        }
        if (!(s instanceof TcpSocket t) || t.handle != null || t.listening && v != 0) {
            return sys.fail(Errno.EINVAL);
        }
        s.options.fastOpen = v != 0;
        return 0;
    }

    /**
     * TCP_FASTOPEN_CONNECT (Linux net/ipv4/tcp.c do_tcp_setsockopt): EINVAL outside 0..1; EOPNOTSUPP unless
     * net.ipv4.tcp_fastopen has TFO_CLIENT_ENABLE; EINVAL unless the socket is TCP_CLOSE (not listening, no
     * attempt or connection); else tp->fastopen_connect takes the value.
     */
    private int setFastOpenConnect(Socket s, int v) {
        var rules = sys.kernel.personality().fastOpenClient();
        if (v < 0 || v > 1) {
            return sys.fail(Errno.EINVAL);
        }
        if (rules == null || !rules.enabled()) {
            return sys.fail(Errno.EOPNOTSUPP);
        }
        if (!(s instanceof TcpSocket t) || t.listening || !t.closed()) {
            return sys.fail(Errno.EINVAL);
        }
        s.options.fastOpenConnect = v != 0;
        return 0;
    }

    /** FreeBSD tcp_var.h TF_NOOPT: getsockopt(TCP_NOOPT) reports {@code t_flags & TF_NOOPT}. */
    private static final int TF_NOOPT = 0x08;

    /**
     * getsockopt of TCP_KEEPINIT, TCP_KEEPIDLE, TCP_KEEPINTVL (seconds) and TCP_KEEPCNT: the socket's own value,
     * else the host's current one (FreeBSD tcp_default_ctloutput: TP_KEEPINIT(tp) / hz ...); null (ENOPROTOOPT)
     * where the personality does not model them.
     */
    private byte[] keepOption(SocketOptions opts, AbiConstant c) {
        io.jnetstack.personality.TcpTimerOptions t = sys.kernel.personality().tcpTimerOptions();
        if (t == null) {
            return null;
        }
        long s = 1_000_000_000L;
        return intValue((int) switch (c) {
            case TCP_KEEPINIT -> opts.keepInitSeconds > 0 ? opts.keepInitSeconds : t.keepInitNs() / s;
            case TCP_KEEPIDLE -> opts.keepIdleSeconds > 0 ? opts.keepIdleSeconds : t.keepIdleNs() / s;
            case TCP_KEEPINTVL -> opts.keepIntervalSeconds > 0 ? opts.keepIntervalSeconds : t.keepIntervalNs() / s;
            default -> opts.keepCount > 0 ? opts.keepCount : t.keepCount();
        });
    }

    /**
     * setsockopt of the keep-alive and connection-establishment timers (FreeBSD tcp_default_ctloutput: an unsigned
     * int, {@code ui > UINT_MAX / hz} is EINVAL; TCP_KEEPCNT any count); a connection already open takes the new
     * keep-alive schedule at once.
     */
    private int setKeepOption(Socket s, AbiConstant c, int v) {
        io.jnetstack.personality.TcpTimerOptions t = sys.kernel.personality().tcpTimerOptions();
        if (t == null) {
            return sys.fail(Errno.ENOPROTOOPT);
        }
        long ui = v & 0xFFFF_FFFFL;
        if (c != AbiConstant.TCP_KEEPCNT && ui > t.maxSeconds()) {
            return sys.fail(Errno.EINVAL);
        }
        switch (c) {
            case TCP_KEEPINIT -> s.options.keepInitSeconds = ui;
            case TCP_KEEPIDLE -> s.options.keepIdleSeconds = ui;
            case TCP_KEEPINTVL -> s.options.keepIntervalSeconds = ui;
            default -> s.options.keepCount = v;
        }
        if (s instanceof TcpSocket ts && c != AbiConstant.TCP_KEEPINIT) {
            sys.kernel.applyKeepTimers(ts, ts.connection(), sys.ctx.nowNs());
        }
        return 0;
    }

    /**
     * IP_TTL (-1 for the default, else 1..255), IP_TOS (FreeBSD ip_ctloutput: inp_ip_tos = optval, unchecked, a
     * u_char), IPV6_UNICAST_HOPS and IPV6_TCLASS (KAME ip6_ctloutput / ip6_setpktopt: -1, the default, to 255, else
     * EINVAL; AF_INET6 sockets only); the socket's TCP segments carry them from now on.
     */
    private int setIpHeaderOption(Socket s, AbiConstant c, int v) {
        boolean v6 = c == AbiConstant.IPV6_UNICAST_HOPS || c == AbiConstant.IPV6_TCLASS;
        if (v6 && s.domain != SocketSummary.Domain.INET6) {
            return sys.fail(Errno.ENOPROTOOPT);
        }
        if (c == AbiConstant.IP_TTL ? v < -1 || v > 255 || v == 0 : v6 && (v < -1 || v > 255)) {
            return sys.fail(Errno.EINVAL);
        }
        switch (c) {
            case IP_TTL -> s.options.ttl = v == -1 ? 0 : v;
            case IP_TOS -> s.options.tos = v & 0xff;
            case IPV6_TCLASS -> s.options.trafficClass = Math.max(v, 0);
            default -> s.options.hopLimit = v;
        }
        applyOutput(s);
        return 0;
    }

    /** Hands the socket's IP TTL/TOS and TCP_NOOPT to its listener or connection (new segments carry them). */
    private void applyOutput(Socket s) {
        if (!(s instanceof TcpSocket t)) {
            return;
        }
        var out = t.options.output(t.domain == SocketSummary.Domain.INET6);
        if (t.listening) {
            sys.kernel.stack().tcpListenerOutputOptions(SocketKernel.listenAddress(t), t.boundPort, out);
        } else if (t.handle != null) {
            sys.kernel.stack().tcpOutputOptions(t.handle, out, sys.ctx.nowNs());
        }
    }

    /**
     * SO_BINDTODEVICE (Linux sock_setbindtodevice): an interface name, at most IFNAMSIZ-1 bytes; empty unbinds;
     * ENODEV when no interface has the name; EPERM without privilege (CAP_NET_RAW: root here).
     */
    private int bindToDevice(Socket s, byte[] optval, int optlen) {
        if (!sys.process.cred().isRoot()) {
            return sys.fail(Errno.EPERM);
        }
        int n = 0;
        while (n < Math.min(optlen, 15) && optval[n] != 0) {
            n++;
        }
        String name = new String(optval == null ? new byte[0] : optval, 0, n,
                java.nio.charset.StandardCharsets.ISO_8859_1);
        if (name.isEmpty()) {
            s.options.boundDevice = 0;
            return 0;
        }
        for (var ifc : sys.kernel.stack().interfaces()) {
            if (ifc.name().equals(name)) {
                s.options.boundDevice = ifc.index();
                return 0;
            }
        }
        return sys.fail(Errno.ENODEV);
    }

    /** The option named by (level, optname) in this ABI, if the level and the name are both known. */
    private Optional<AbiConstant> option(int level, int optname) {
        AbiConstant.Kind kind;
        if (level == sys.c(AbiConstant.SOL_SOCKET)) {
            kind = AbiConstant.Kind.SOCKET_OPTION;
        } else if (level == sys.c(AbiConstant.IPPROTO_TCP)) {
            kind = AbiConstant.Kind.TCP_OPTION;
        } else if (level == sys.c(AbiConstant.IPPROTO_IP)) {
            kind = AbiConstant.Kind.IP_OPTION;
        } else if (level == sys.c(AbiConstant.IPPROTO_IPV6)) {
            kind = AbiConstant.Kind.IPV6_OPTION;
        } else {
            return Optional.empty();
        }
        return sys.constant(kind, optname);
    }

    private static byte[] intValue(int v) {
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    private static byte[] linger(int seconds) {
        byte[] b = new byte[8];
        System.arraycopy(intValue(seconds >= 0 ? 1 : 0), 0, b, 0, 4);
        System.arraycopy(intValue(Math.max(seconds, 0)), 0, b, 4, 4);
        return b;
    }

    private static byte[] timeval(long ns) {
        byte[] b = new byte[16];
        long sec = ns / 1_000_000_000L;
        long usec = ns % 1_000_000_000L / 1000;
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (sec >>> (8 * i));
            b[8 + i] = (byte) (usec >>> (8 * i));
        }
        return b;
    }

    static int readInt(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    private static long readLong(byte[] b, int off) {
        return (readInt(b, off) & 0xffff_ffffL) | (long) readInt(b, off + 4) << 32;
    }
}
