package io.jnetstack.stack;

import io.jnetstack.personality.CongestionAlgorithm;
import io.jnetstack.personality.SynRetransmission;
import io.jnetstack.stack.tcp.TcpOutputOptions;

/**
 * What a socket may have set before connect(2) that the connection needs from its first segment on.
 *
 * @param maxSegment   TCP_MAXSEG: at most this much payload per segment, and the MSS our SYN advertises is clamped to
 *                     it (Linux tcp_advertise_mss uses {@code user_mss} when smaller); 0 for none, else at least 64
 * @param noDelay      TCP_NODELAY
 * @param keepAlive    SO_KEEPALIVE, with the personality's schedule
 * @param congestion   TCP_CONGESTION, or null for the personality's default
 * @param synSchedule  when SYNs go and the attempt is abandoned in place of the personality's schedule (TCP_SYNCNT,
 *                     TCP_KEEPINIT, TCP_CONNECTIONTIMEOUT: see {@link SynRetransmission#truncated}), or null
 * @param output       IP TTL and TOS and TCP_NOOPT, from the first SYN on
 * @param udpEncapsulationPort TCP_REMOTE_UDP_ENCAPS_PORT (FreeBSD): every segment goes inside UDP to this remote
 *                     port, from the host's tunneling port; 0 for plain TCP
 * @param ipv6MinimumMtu IPV6_USE_MIN_MTU = 1 (RFC 3542 §11.1; FreeBSD IP6PO_MINMTU_ALL): the MSS derives from
 *                     the IPv6 minimum MTU, 1280 (tcp_maxmtu6 with INC_IPV6MINMTU)
 */
public record TcpConnectOptions(int maxSegment, boolean noDelay, boolean keepAlive, CongestionAlgorithm congestion,
        SynRetransmission synSchedule, TcpOutputOptions output, int udpEncapsulationPort, boolean ipv6MinimumMtu) {

    /** Nothing set: the personality's defaults. */
    public static final TcpConnectOptions DEFAULTS = new TcpConnectOptions(0, false, false, null, null,
            TcpOutputOptions.DEFAULTS, 0, false);

    /** Validates the segment size. */
    public TcpConnectOptions {
        java.util.Objects.requireNonNull(output, "output");
        if (maxSegment != 0 && (maxSegment < 64 || maxSegment > 65535)) {
            throw new IllegalArgumentException("TCP_MAXSEG out of 64..65535: " + maxSegment);
        }
        if (udpEncapsulationPort < 0 || udpEncapsulationPort > 65535) {
            throw new IllegalArgumentException("UDP encapsulation port out of 0..65535: " + udpEncapsulationPort);
        }
    }

    /** These options with TCP_MAXSEG {@code bytes}. */
    public TcpConnectOptions withMaxSegment(int bytes) {
        return new TcpConnectOptions(bytes, noDelay, keepAlive, congestion, synSchedule, output,
                udpEncapsulationPort, ipv6MinimumMtu);
    }

    /** These options with TCP_NODELAY {@code on}. */
    public TcpConnectOptions withNoDelay(boolean on) {
        return new TcpConnectOptions(maxSegment, on, keepAlive, congestion, synSchedule, output,
                udpEncapsulationPort, ipv6MinimumMtu);
    }

    /** These options with SO_KEEPALIVE {@code on}. */
    public TcpConnectOptions withKeepAlive(boolean on) {
        return new TcpConnectOptions(maxSegment, noDelay, on, congestion, synSchedule, output, udpEncapsulationPort,
                ipv6MinimumMtu);
    }

    /** These options with congestion control {@code a}. */
    public TcpConnectOptions withCongestion(CongestionAlgorithm a) {
        return new TcpConnectOptions(maxSegment, noDelay, keepAlive, a, synSchedule, output, udpEncapsulationPort,
                ipv6MinimumMtu);
    }

    /** These options with IP TTL and TOS and TCP_NOOPT {@code o}. */
    public TcpConnectOptions withOutput(TcpOutputOptions o) {
        return new TcpConnectOptions(maxSegment, noDelay, keepAlive, congestion, synSchedule, o,
                udpEncapsulationPort, ipv6MinimumMtu);
    }

    /** These options with SYN schedule {@code r}. */
    public TcpConnectOptions withSynSchedule(SynRetransmission r) {
        return new TcpConnectOptions(maxSegment, noDelay, keepAlive, congestion, r, output, udpEncapsulationPort,
                ipv6MinimumMtu);
    }

    /** These options with TCP_REMOTE_UDP_ENCAPS_PORT {@code port} (0: plain TCP). */
    public TcpConnectOptions withUdpEncapsulationPort(int port) {
        return new TcpConnectOptions(maxSegment, noDelay, keepAlive, congestion, synSchedule, output, port,
                ipv6MinimumMtu);
    }

    /** These options with IPV6_USE_MIN_MTU {@code on}. */
    public TcpConnectOptions withIpv6MinimumMtu(boolean on) {
        return new TcpConnectOptions(maxSegment, noDelay, keepAlive, congestion, synSchedule, output,
                udpEncapsulationPort, on);
    }
}
