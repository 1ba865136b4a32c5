package io.jnetstack.personality;

/**
 * The ICMP and ICMPv6 errors a transport can be told about, by what they mean rather than by number (values only:
 * the stack classifies the type and code, the personality decides what each does).
 */
public enum IcmpClass {
    /** ICMP 3/0 (and the network codes 6, 9, 11); ICMPv6 1/0 no route. */
    NET_UNREACHABLE,
    /** ICMP 3/1 (and 5, 7, 8, 10, 12, 14, 15); ICMPv6 1/3 address unreachable. */
    HOST_UNREACHABLE,
    /** ICMP 3/2; ICMPv6 4/1 unrecognized next header. */
    PROTOCOL_UNREACHABLE,
    /** ICMP 3/3; ICMPv6 1/4. */
    PORT_UNREACHABLE,
    /** ICMP 3/13 communication administratively prohibited; ICMPv6 1/1. */
    ADMIN_PROHIBITED,
    /** ICMP 11/0; ICMPv6 3/0: TTL or hop limit exceeded in transit. */
    TIME_EXCEEDED,
    /**
     * ICMP 12 parameter problem (codes 0 and 1); ICMPv6 4/0 and 4/2 (RFC 4443 §3.4): Linux tcp_v4_err EPROTO and fatal,
     * the BSDs' PRC_PARAMPROB (inetctlerrmap ENOPROTOOPT) through tcp_notify.
     */
    PARAMETER_PROBLEM,
    /** Anything else (fragmentation needed, packet too big, reassembly time exceeded). */
    OTHER
}
