package io.jnetstack.stack.tcp;

/**
 * What a socket sets on every segment its connection sends: the IP header's TTL (hop limit) and TOS (traffic
 * class) from IP_TTL / IPV6_UNICAST_HOPS and IP_TOS / IPV6_TCLASS, TCP_NOOPT (no TCP options at all), and TCP_MD5SIG
 * where it makes the stack sign segments (FreeBSD TF_SIGNATURE).
 *
 * @param ttl        TTL or hop limit, 1..255; 0 for the host default
 * @param tos        the TOS byte or traffic class, 0..255 (0: the default)
 * @param noOptions  TCP_NOOPT (FreeBSD TF_NOOPT): SYN and SYN-ACK carry no options, not even MSS
 * @param signature  TF_SIGNATURE (FreeBSD netipsec/xform_tcp.c tcp_ipsec_pcbctl): every segment carries an RFC 2385
 *                   signature made with the host's security association for its addresses, and every segment
 *                   received must carry a right one
 */
public record TcpOutputOptions(int ttl, int tos, boolean noOptions, boolean signature) {
    /** Nothing set. */
    public static final TcpOutputOptions DEFAULTS = new TcpOutputOptions(0, 0, false, false);

    /** Validates the ranges. */
    public TcpOutputOptions {
        if (ttl < 0 || ttl > 255 || tos < 0 || tos > 255) {
            throw new IllegalArgumentException("ttl " + ttl + " or tos " + tos + " out of 0..255");
        }
    }

    /**
     * Whether segments carry the signature option: TF_SIGNATURE without TF_NOOPT (FreeBSD tcp_output and
     * tcp_respond add TOF_SIGNATURE inside their "(tp->t_flags & TF_NOOPT) == 0" option blocks).
     */
    public boolean signsSegments() {
        return signature && !noOptions;
    }

    /** Without signatures. */
    public TcpOutputOptions(int ttl, int tos, boolean noOptions) {
        this(ttl, tos, noOptions, false);
    }
}
