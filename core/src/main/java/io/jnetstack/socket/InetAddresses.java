package io.jnetstack.socket;

import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;

/** Conversions between socket addresses and the stack's IP addresses, v4-mapped IPv6 (RFC 4291 §2.5.5.2) included. */
final class InetAddresses {
    private static final long MAPPED_LOW_PREFIX = 0x0000_ffffL << 32;

    private InetAddresses() {}

    static boolean isV4Mapped(Sockaddr.In6 a) {
        return a.addressHigh() == 0 && (a.addressLow() & 0xffff_ffff_0000_0000L) == MAPPED_LOW_PREFIX;
    }

    static boolean isV4Mapped(IpAddress a) {
        return a instanceof Ipv6Address v6 && v6.high() == 0
                && (v6.low() & 0xffff_ffff_0000_0000L) == MAPPED_LOW_PREFIX;
    }

    /** The IPv4 address inside a v4-mapped one. */
    static Ipv4Address unmap(Sockaddr.In6 a) {
        return new Ipv4Address((int) a.addressLow());
    }

    static Ipv6Address map(Ipv4Address a) {
        return new Ipv6Address(0, MAPPED_LOW_PREFIX | (a.bits() & 0xffff_ffffL));
    }

    static boolean isUnspecified(IpAddress a) {
        return switch (a) {
            case Ipv4Address v4 -> v4.bits() == 0;
            case Ipv6Address v6 -> v6.high() == 0 && v6.low() == 0;
        };
    }

    /** The socket address of {@code a}:{@code port} in the socket's domain (v4 on an INET6 socket is mapped). */
    static Sockaddr toSockaddr(SocketSummary.Domain domain, IpAddress a, int port) {
        IpAddress addr = a;
        if (domain == SocketSummary.Domain.INET6 && a instanceof Ipv4Address v4) {
            addr = map(v4);
        }
        return switch (addr) {
            case Ipv4Address v4 -> new Sockaddr.In(port, v4.bits());
            case Ipv6Address v6 -> new Sockaddr.In6(port, 0, v6.high(), v6.low(), 0);
        };
    }

    /** The unspecified address of a domain. */
    static IpAddress any(SocketSummary.Domain domain) {
        return domain == SocketSummary.Domain.INET6 ? Ipv6Address.ANY : Ipv4Address.ANY;
    }
}
