package io.jnetstack.socket;

import io.jnetstack.personality.UdpRules;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.personality.abi.SockaddrDecoding;
import io.jnetstack.stack.UdpAddress;
import io.jnetstack.stack.UdpDatagram;
import io.jnetstack.stack.UdpEndpoints;
import io.jnetstack.stack.UdpFailure;
import io.jnetstack.stack.UdpLocalReset;
import io.jnetstack.stack.UdpResult;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;

/** bind, connect, sendto/recvfrom, shutdown and names of a UDP socket (catalogue §1G, F6–F8, B8, E3, I2). */
final class UdpCalls {
    private final KernelSyscalls sys;
    private final SocketKernel kernel;
    private final UdpEndpoints udp;
    private final UdpRules rules;

    UdpCalls(KernelSyscalls sys) {
        this.sys = sys;
        this.kernel = sys.kernel;
        this.udp = kernel.stack().udp();
        this.rules = kernel.personality().udpRules();
    }

    /** An address for this socket's family: the IP and port, or the errno (EAFNOSUPPORT, EINVAL, EFAULT…). */
    private Object address(UdpSocket s, byte[] addr, int addrlen) {
        SockaddrDecoding d = kernel.abi().sockaddr().decode(addr, 0, addrlen);
        if (d instanceof SockaddrDecoding.Invalid bad) {
            return sys.addressErrno(bad);
        }
        return inet(s, ((SockaddrDecoding.Ok) d).address());
    }

    /**
     * The IP and port of an INET address for socket {@code s}: on an AF_INET6 socket an IPv4 peer is the v4-mapped
     * IPv6 address (the stack's dual-stack endpoints speak v6), refused when the socket is v6-only.
     */
    private Object inet(UdpSocket s, Sockaddr a) {
        boolean v6 = s.domain == SocketSummary.Domain.INET6;
        boolean dual = v6 && !s.options.v6Only && kernel.rules().v4Mapped();
        return switch (a) {
            case Sockaddr.In in when !v6 -> new UdpAddress(new Ipv4Address(in.address()), in.port());
            case Sockaddr.In in when dual -> new UdpAddress(InetAddresses.map(new Ipv4Address(in.address())),
                    in.port());
            case Sockaddr.In6 in6 when v6 -> InetAddresses.isV4Mapped(in6) && !dual ? Errno.ENETUNREACH
                    : new UdpAddress(new Ipv6Address(in6.addressHigh(), in6.addressLow()), in6.port());
            default -> Errno.EAFNOSUPPORT;
        };
    }

    /** The IPv4 address behind {@code a} (itself, or unmapped), or null for a native IPv6 address. */
    private static Ipv4Address v4(IpAddress a) {
        if (a instanceof Ipv4Address v4) {
            return v4;
        }
        Ipv6Address v6 = (Ipv6Address) a;
        return InetAddresses.isV4Mapped(v6) ? new Ipv4Address((int) v6.low()) : null;
    }

    /** {@code a} in the socket's family (IPv4 on an AF_INET6 socket becomes v4-mapped). */
    private static IpAddress inFamily(UdpSocket s, IpAddress a) {
        return s.domain == SocketSummary.Domain.INET6 && a instanceof Ipv4Address v4 ? InetAddresses.map(v4) : a;
    }

    Errno bind(UdpSocket s, byte[] addr, int addrlen) {
        Object a = address(s, addr, addrlen);
        if (a instanceof Errno e) {
            return e;
        }
        UdpAddress ua = (UdpAddress) a;
        IpAddress ip = InetAddresses.isUnspecified(ua.address()) ? null : ua.address();
        UdpResult r = udp.bind(s.handle, ip, ua.port(), s.options.reuseAddress, s.options.reusePort);
        if (r instanceof UdpResult.Failed f) {
            return bindFailure(f.failure());
        }
        return null;
    }

    private static Errno bindFailure(UdpFailure f) {
        return switch (f) {
            case IN_USE, NO_PORTS -> Errno.EADDRINUSE;
            case NOT_LOCAL -> Errno.EADDRNOTAVAIL;
            case ALREADY_BOUND -> Errno.EINVAL;
            case FAMILY_MISMATCH -> Errno.EAFNOSUPPORT;
            case NO_ROUTE, REJECT_ROUTE, PROHIBITED_ROUTE, BLACKHOLE_ROUTE, MESSAGE_TOO_BIG, NOT_CONNECTED ->
                    Errno.EINVAL;
        };
    }

    Errno connect(UdpSocket s, boolean nonBlocking, byte[] addr, int addrlen) {
        SocketSummary summary = new SocketSummary(true, true, s.domain, s.type, s.connectState(), nonBlocking,
                s.options.v6Only, (s.options.restrictions & SocketOptions.DENY_OUT) != 0);
        ConnectCheck check = ConnectArguments.check(kernel.personality(), summary, addr, 0,
                addr == null ? 0 : addr.length, addrlen);
        return switch (check) {
            case ConnectCheck.Fail f -> {
                if (f.aftermath() == ConnectCheck.Aftermath.DISSOLVED) {
                    dissolve(s);
                }
                yield f.errno();
            }
            case ConnectCheck.Disconnect d -> {
                dissolve(s); // Linux __udp_disconnect
                yield null;
            }
            case ConnectCheck.AwaitPending a -> Errno.EALREADY;
            case ConnectCheck.Proceed p -> {
                if (p.dissolved()) {
                    dissolve(s); // BSD soconnect: sodisconnect before the protocol sees the address
                }
                Object a = inet(s, p.address());
                yield a instanceof Errno e ? e : connectTo(s, (UdpAddress) a);
            }
        };
    }

    /** The protocol's connect: port 0, INADDR_ANY, broadcast, then the route and the implicit bind. */
    private Errno connectTo(UdpSocket s, UdpAddress a) {
        IpAddress dst = a.address();
        if (a.port() == 0) {
            if (rules.portZero() != null) {
                return rules.portZero();
            }
            dissolve(s); // Linux: connected to port 0 is no peer at all (getpeername ENOTCONN)
            return null;
        }
        Ipv4Address d4 = v4(dst);
        if (d4 != null ? d4.bits() == 0 : InetAddresses.isUnspecified(dst)) {
            boolean family4 = d4 != null;
            dst = inFamily(s, switch (rules.unspecified()) {
                case LOOPBACK -> family4 ? Ipv4Address.of(127, 0, 0, 1) : Ipv6Address.LOOPBACK;
                case PRIMARY_ADDRESS -> kernel.primaryAddress(family4);
                case AS_GIVEN -> dst;
            });
            d4 = v4(dst);
        }
        if (d4 != null && (d4.equals(Ipv4Address.BROADCAST) || isSubnetBroadcast(d4))) {
            if (!s.options.broadcast && rules.broadcastNeedsFlag() != null) {
                return rules.broadcastNeedsFlag();
            }
            if (rules.broadcastRewritten() && d4.equals(Ipv4Address.BROADCAST)) {
                dst = inFamily(s, kernel.primaryBroadcast());
            }
        }
        if (kernel.rules().firewallAtConnect() && kernel.blocked(dst)) {
            return kernel.rules().firewall();
        }
        UdpResult r = udp.connect(s.handle, dst, a.port());
        if (r instanceof UdpResult.Failed f) {
            return switch (f.failure()) { // the route lookup of connect, as for TCP (ip_route_connect, in_pcbladdr)
                case NO_ROUTE -> kernel.rules().noRoute();
                case REJECT_ROUTE -> kernel.rules().rejectRoute();
                case PROHIBITED_ROUTE -> kernel.rules().prohibitRoute();
                case BLACKHOLE_ROUTE -> kernel.personality().blackholeRoute();
                case NO_PORTS -> rules.noPorts();
                case IN_USE -> Errno.EADDRINUSE;
                case NOT_LOCAL, ALREADY_BOUND, MESSAGE_TOO_BIG, NOT_CONNECTED, FAMILY_MISMATCH -> Errno.EINVAL;
            };
        }
        s.connected = true;
        kernel.changed();
        return null;
    }

    private boolean isSubnetBroadcast(Ipv4Address a) {
        for (var ifc : kernel.stack().interfaces()) {
            if (ifc.isBroadcast(a)) {
                return true;
            }
        }
        return false;
    }

    /** Dissolves the association as the OS does (Linux __udp_disconnect; BSD udp_disconnect). */
    void dissolve(UdpSocket s) {
        udp.disconnect(s.handle, reset(rules.dissolveAddress()), reset(rules.dissolvePort()));
        s.connected = false;
    }

    private static UdpLocalReset reset(UdpRules.LocalReset r) {
        return switch (r) {
            case KEEP -> UdpLocalReset.KEEP;
            case IF_IMPLICIT -> UdpLocalReset.IF_IMPLICIT;
            case ALWAYS -> UdpLocalReset.ALWAYS;
        };
    }

    int send(UdpSocket s, boolean nonBlockingFile, byte[] buf, int len, int flags, byte[] addr, int addrlen) {
        UdpAddress to = null;
        if (addr != null || addrlen != 0) {
            Object a = address(s, addr, addrlen);
            if (a instanceof Errno e) {
                return sys.fail(e);
            }
            to = (UdpAddress) a;
            if (s.connected && rules.sendToConnected() != null) {
                return sys.fail(rules.sendToConnected());
            }
        }
        if (s.writeShut) {
            return sys.fail(Errno.EPIPE);
        }
        if (s.error != null) {
            return sys.fail(s.takeError());
        }
        if (to == null && !s.connected) {
            return sys.fail(Errno.EDESTADDRREQ);
        }
        if (to != null && Ipv4Address.BROADCAST.equals(v4(to.address())) && !s.options.broadcast) {
            return sys.fail(Errno.EACCES); // ip_output / ip_route_output: broadcast needs SO_BROADCAST
        }
        IpAddress target = to != null ? to.address() : s.connected ? udp.remote(s.handle).address() : null;
        if (target != null && kernel.blocked(target)) {
            return sys.fail(kernel.rules().firewall());
        }
        UdpResult r = udp.send(s.handle, to == null ? null : to.address(), to == null ? 0 : to.port(), buf, 0, len,
                sys.ctx.nowNs());
        kernel.changed();
        if (r instanceof UdpResult.Failed f) {
            return sys.fail(switch (f.failure()) {
                case NO_ROUTE, REJECT_ROUTE, PROHIBITED_ROUTE, BLACKHOLE_ROUTE -> kernel.rules().noRoute();
                case MESSAGE_TOO_BIG -> Errno.EMSGSIZE;
                case NOT_CONNECTED -> Errno.EDESTADDRREQ;
                case NO_PORTS -> rules.noPorts();
                case IN_USE -> Errno.EADDRINUSE;
                case NOT_LOCAL, ALREADY_BOUND, FAMILY_MISMATCH -> Errno.EINVAL;
            });
        }
        return len;
    }

    int receive(UdpSocket s, boolean nonBlockingFile, byte[] buf, int len, int flags, byte[] addr, int[] addrlen) {
        boolean nonBlocking = nonBlockingFile || sys.hasFlag(flags, AbiConstant.MSG_DONTWAIT);
        boolean peek = sys.hasFlag(flags, AbiConstant.MSG_PEEK);
        while (true) {
            if (udp.queuedCount(s.handle) > 0) {
                UdpDatagram d = peek ? udp.peek(s.handle) : udp.receive(s.handle);
                int n = Math.min(len, d.payload().length);
                if (n > 0) {
                    System.arraycopy(d.payload(), 0, buf, 0, n);
                }
                if (addr != null || addrlen != null) {
                    int r = sys.copyOutInet(s.domain, d.source(), d.sourcePort(), addr, addrlen);
                    if (r < 0) {
                        return r;
                    }
                }
                kernel.changed();
                return sys.hasFlag(flags, AbiConstant.MSG_TRUNC) ? d.payload().length : n;
            }
            if (s.error != null) {
                return sys.fail(s.takeError());
            }
            if (s.readShut && !(nonBlocking && rules.shutEofBlockingOnly())) {
                return 0;
            }
            if (nonBlocking) {
                return sys.fail(Errno.EAGAIN);
            }
            Errno e = sys.waitFor(() -> udp.queuedCount(s.handle) > 0 || s.error != null
                    || s.readShut, s.options.receiveTimeoutNs, true);
            if (e != null) {
                return sys.fail(e);
            }
        }
    }

    /** shutdown on a datagram socket: Linux needs a peer (ENOTCONN otherwise); the flags survive reconnects (G14). */
    Errno shutdown(UdpSocket s, int how) {
        boolean[] h = sys.shutdownHow(how);
        if (h == null) {
            return Errno.EINVAL;
        }
        s.readShut |= h[0];
        s.writeShut |= h[1];
        kernel.changed();
        return null;
    }

    int name(UdpSocket s, boolean peer, byte[] addr, int[] addrlen) {
        UdpAddress a = peer ? (s.connected ? udp.remote(s.handle) : null) : udp.local(s.handle);
        if (a == null) {
            return sys.fail(Errno.ENOTCONN);
        }
        return sys.copyOutInet(s.domain, a.address(), a.port(), addr, addrlen);
    }
}
