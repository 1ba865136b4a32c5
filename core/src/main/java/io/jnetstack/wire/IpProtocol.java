package io.jnetstack.wire;

/** IANA protocol / next-header numbers used in this project. */
public final class IpProtocol {
    /** IPv6 hop-by-hop options (RFC 8200 §4.3). */
    public static final int HOPOPT = 0;
    /** ICMP for IPv4 (RFC 792). */
    public static final int ICMP = 1;
    /** TCP (RFC 9293). */
    public static final int TCP = 6;
    /** UDP (RFC 768). */
    public static final int UDP = 17;
    /** IPv6 routing header (RFC 8200 §4.4). */
    public static final int IPV6_ROUTE = 43;
    /** IPv6 fragment header (RFC 8200 §4.5). */
    public static final int IPV6_FRAG = 44;
    /** Encapsulating security payload (RFC 4303). */
    public static final int ESP = 50;
    /** Authentication header (RFC 4302). */
    public static final int AH = 51;
    /** ICMPv6 (RFC 4443). */
    public static final int ICMPV6 = 58;
    /** No next header (RFC 8200 §4.7). */
    public static final int IPV6_NONXT = 59;
    /** IPv6 destination options (RFC 8200 §4.6). */
    public static final int IPV6_OPTS = 60;

    private IpProtocol() {}
}
