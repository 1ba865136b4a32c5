package io.jnetstack.stack.tcp;

/**
 * The ICMP or ICMPv6 message behind a connection's ICMP-class {@link TcpEvent} (hard, or soft and reported at the
 * timeout): the socket layer hands its numbers to the personality, whose errno depends on the exact type and code.
 *
 * @param version 4 (ICMP) or 6 (ICMPv6)
 * @param type    the ICMP type
 * @param code    the ICMP code
 */
public record IcmpError(int version, int type, int code) {}
