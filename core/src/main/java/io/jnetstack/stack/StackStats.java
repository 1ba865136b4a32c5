package io.jnetstack.stack;

import java.util.StringJoiner;

/** Counters for every drop, error and event the stack counts; read by tests and printed by tools. */
public final class StackStats {

    /** What is counted. */
    public enum Counter {
        /** Frames received from links. */
        FRAMES_IN,
        /** Frames handed to links. */
        FRAMES_OUT,
        /** Frames dropped because they failed to parse (any layer). */
        MALFORMED,
        /** Frames for another MAC address or an unknown EtherType. */
        NOT_FOR_US,
        /** Datagrams received on a down interface or to send through one. */
        INTERFACE_DOWN,
        /** IP datagrams delivered to this host. */
        IP_DELIVERED,
        /** IP datagrams forwarded. */
        IP_FORWARDED,
        /** Datagrams not for this host on a host that does not forward. */
        IP_NOT_FORWARDING,
        /** Datagrams with no route. */
        NO_ROUTE,
        /** Datagrams discarded by a blackhole/unreachable/prohibit route. */
        REJECT_ROUTE,
        /** TTL / hop limit exhausted while forwarding. */
        TTL_EXCEEDED,
        /** Fragments created. */
        FRAGMENTS_OUT,
        /** Fragments received. */
        FRAGMENTS_IN,
        /** Datagrams reassembled. */
        REASSEMBLED,
        /** Reassemblies abandoned by timeout. */
        REASSEMBLY_TIMEOUT,
        /** Reassemblies abandoned for overlapping or inconsistent fragments. */
        REASSEMBLY_FAILED,
        /** Datagrams too big for the next hop with DF set (IPv4) or always (IPv6). */
        TOO_BIG,
        /** Neighbour requests sent (ARP requests, neighbour solicitations). */
        NEIGHBOR_PROBES,
        /** Neighbour entries that failed after all probes. */
        NEIGHBOR_FAILED,
        /** Packets dropped from a full neighbour queue or a failed entry. */
        NEIGHBOR_QUEUE_DROPS,
        /** ICMP/ICMPv6 messages received. */
        ICMP_IN,
        /** ICMP/ICMPv6 messages sent. */
        ICMP_OUT,
        /** ICMP errors sent. */
        ICMP_ERRORS_OUT,
        /** Datagrams to a port or protocol nobody listens on. */
        UNREACHABLE_PORT,
        /** NDP messages rejected by RFC 4861 §7.1 validity checks (hop limit not 255, ...). */
        NDP_INVALID,
        /** UDP datagrams queued on an endpoint (Linux UDP InDatagrams). */
        UDP_IN,
        /** UDP datagrams sent by endpoints (Linux UDP OutDatagrams). */
        UDP_OUT,
        /** UDP datagrams dropped because the endpoint's receive buffer was full (Linux UDP RcvbufErrors). */
        UDP_RECEIVE_BUFFER_DROPS,
        /** TCP segments with a right MD5 signature (FreeBSD tcps_sig_rcvgoodsig). */
        TCP_SIGNATURE_GOOD,
        /** TCP segments dropped for a wrong MD5 signature (tcps_sig_rcvbadsig). */
        TCP_SIGNATURE_BAD,
        /** TCP segments dropped for lacking the signature their connection requires (tcps_sig_err_nosigopt). */
        TCP_SIGNATURE_MISSING,
        /** TCP segments not signed, or not verified, for want of a security association (tcps_sig_err_buildsig). */
        TCP_SIGNATURE_NO_KEY
    }

    private final long[] counts = new long[Counter.values().length];

    /** Adds one. */
    public void increment(Counter c) {
        counts[c.ordinal()]++;
    }

    /** The current value. */
    public long get(Counter c) {
        return counts[c.ordinal()];
    }

    /** Non-zero counters in declaration order, "NAME=value" separated by spaces. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(" ");
        for (Counter c : Counter.values()) {
            if (counts[c.ordinal()] != 0) {
                j.add(c.name().toLowerCase(java.util.Locale.ROOT) + "=" + counts[c.ordinal()]);
            }
        }
        return j.toString();
    }
}
