package io.jnetstack.socket.api;

import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.personality.abi.SockaddrDecoding;
import io.jnetstack.socket.Syscalls;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.Parsed;
import java.net.InetSocketAddress;

/**
 * Everyday socket calls over one thread's {@link Syscalls}: {@code connect("10.0.0.2", 80)}, {@code listen(8080)},
 * with failures thrown as {@link ErrnoException}. Host strings are IPv4 or IPv6 literals (no name resolution).
 */
public final class Sockets {
    private final Syscalls sys;

    /** Calls through {@code sys}. */
    public Sockets(Syscalls sys) {
        this.sys = sys;
    }

    /** The underlying system calls. */
    public Syscalls syscalls() {
        return sys;
    }

    /** A blocking TCP connection to {@code host}:{@code port}. */
    public StreamSocket connect(String host, int port) throws ErrnoException {
        IpAddress a = literal(host);
        int fd = check("socket", sys.socket(family(a), k(AbiConstant.SOCK_STREAM), 0));
        byte[] sa = encode(a, port);
        int r = sys.connect(fd, sa, sa.length);
        if (r < 0) {
            ErrnoException e = error("connect");
            sys.close(fd);
            throw e;
        }
        return new StreamSocket(this, fd);
    }

    /** A TCP listener on every IPv4 address at {@code port} (0: an ephemeral port) with {@code backlog}. */
    public ListeningSocket listen(int port, int backlog) throws ErrnoException {
        int fd = check("socket", sys.socket(k(AbiConstant.AF_INET), k(AbiConstant.SOCK_STREAM), 0));
        byte[] sa = encode(Ipv4Address.ANY, port);
        try {
            check("bind", sys.bind(fd, sa, sa.length));
            check("listen", sys.listen(fd, backlog));
        } catch (ErrnoException e) {
            sys.close(fd);
            throw e;
        }
        return new ListeningSocket(this, fd);
    }

    /** A new, unbound UDP socket of the family of {@code hostLike} ("0.0.0.0" → AF_INET, "::" → AF_INET6). */
    public DatagramEndpoint udp(String hostLike) throws ErrnoException {
        IpAddress a = literal(hostLike);
        return new DatagramEndpoint(this, check("socket", sys.socket(family(a), k(AbiConstant.SOCK_DGRAM), 0)));
    }

    /** The address and port as the OS's sockaddr bytes. */
    byte[] encode(IpAddress a, int port) {
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port " + port + " is not in 0..65535");
        }
        Sockaddr s = switch (a) {
            case Ipv4Address v4 -> new Sockaddr.In(port, v4.bits());
            case Ipv6Address v6 -> new Sockaddr.In6(port, 0, v6.high(), v6.low(), 0);
        };
        return sys.abi().sockaddr().encode(s);
    }

    /** Decodes a sockaddr the kernel wrote ({@code len} bytes) into a Java socket address; null if not INET. */
    InetSocketAddress decode(byte[] b, int len) {
        if (!(sys.abi().sockaddr().decode(b, 0, len) instanceof SockaddrDecoding.Ok ok)) {
            return null;
        }
        // InetAddress.getByAddress takes raw bytes: no name service is consulted
        try {
            return switch (ok.address()) {
                case Sockaddr.In in -> new InetSocketAddress(java.net.InetAddress.getByAddress(
                        new Ipv4Address(in.address()).toBytes()), in.port());
                case Sockaddr.In6 in6 -> new InetSocketAddress(java.net.InetAddress.getByAddress(
                        new Ipv6Address(in6.addressHigh(), in6.addressLow()).toBytes()), in6.port());
                case Sockaddr.Un un -> null;
                case Sockaddr.Unspec u -> null;
            };
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address was refused", e);
        }
    }

    int family(IpAddress a) {
        return k(a instanceof Ipv4Address ? AbiConstant.AF_INET : AbiConstant.AF_INET6);
    }

    int k(AbiConstant c) {
        return sys.abi().constants().value(c).orElseThrow(() -> new IllegalStateException(sys.abi().name()
                + " has no " + c));
    }

    /** {@code r} when non-negative; otherwise the errno as an exception. */
    int check(String call, int r) throws ErrnoException {
        if (r < 0) {
            throw error(call);
        }
        return r;
    }

    ErrnoException error(String call) {
        int n = sys.errno();
        Errno e = sys.abi().errnos().errnoOf(n).orElse(null);
        return new ErrnoException(call, e, n, sys.abi().errnos().strerror(n));
    }

    /** An IPv4 or IPv6 literal; anything else is a clear IllegalArgumentException. */
    static IpAddress literal(String host) {
        if (host == null) {
            throw new IllegalArgumentException("host is null");
        }
        Parsed<? extends IpAddress> p = host.indexOf(':') >= 0 ? Ipv6Address.parse(host) : Ipv4Address.parse(host);
        return switch (p) {
            case Parsed.Ok<? extends IpAddress> ok -> ok.value();
            case Parsed.Malformed<? extends IpAddress> m -> throw new IllegalArgumentException("'" + host
                    + "' is not an IPv4 or IPv6 address literal (" + m.detail() + ")");
        };
    }
}
