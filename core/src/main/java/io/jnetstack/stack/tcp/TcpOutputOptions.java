package io.jnetstack.stack.tcp;

/**
 * What a socket sets on every segment its connection sends: the IP header's TTL (hop limit) and TOS (traffic
 * class) from IP_TTL / IPV6_UNICAST_HOPS and IP_TOS / IPV6_TCLASS, and TCP_NOOPT (no TCP options at all).
 *
 * @param ttl        TTL or hop limit, 1..255; 0 for the host default
 * @param tos        the TOS byte or traffic class, 0..255 (0: the default)
 * @param noOptions  TCP_NOOPT (FreeBSD TF_NOOPT): SYN and SYN-ACK carry no options, not even MSS
 */
public record TcpOutputOptions(int ttl, int tos, boolean noOptions) {
    /** Nothing set. */
    public static final TcpOutputOptions DEFAULTS = new TcpOutputOptions(0, 0, false);

    /** Validates the ranges. */
    public TcpOutputOptions {
        if (ttl < 0 || ttl > 255 || tos < 0 || tos > 255) {
            throw new IllegalArgumentException("ttl " + ttl + " or tos " + tos + " out of 0..255");
        }
    }
}
