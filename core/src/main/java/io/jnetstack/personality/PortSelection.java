package io.jnetstack.personality;

import java.util.List;

/**
 * How an OS picks an ephemeral (automatic) local port inside {@link Personality#ephemeralPorts()}: the search, what
 * makes a port busy for the implicit bind of connect(), and the ports inside the range the search never hands out.
 * Facts and citations: docs/research/ephemeral-ports.md.
 *
 * @param strategy     the search order
 * @param connectScope what makes a candidate busy for connect() on an unbound socket
 * @param randomStart  whether every search starts at a random point (FreeBSD {@code net.inet.ip.portrange.randomized}
 *                     = 1, macOS {@code net.inet.tcp.randomize_ports} = 1, OpenBSD and Linux always); false: the
 *                     search continues after the last port handed out (the BSD {@code ipi_lastport})
 * @param skippedTcp   ports a TCP search never returns, ascending (OpenBSD {@code baddynamic} TCP list, macOS
 *                     restricted ports, Linux {@code ip_local_reserved_ports})
 * @param skippedUdp   the same for UDP
 */
public record PortSelection(Strategy strategy, Scope connectScope, boolean randomStart, List<Integer> skippedTcp,
        List<Integer> skippedUdp) {

    /** The search order of one OS. */
    public enum Strategy {
        /**
         * Linux: connect() starts at an offset from a keyed hash of (local address, remote address, remote port)
         * plus a per-bucket perturbation ({@code __inet_hash_connect}, RFC 6056 §3.3.4 "double-hash") and walks
         * ports of the range start's parity in steps of 2, then the other parity; bind(0) starts at a random offset
         * and takes the opposite parity first ({@code inet_csk_find_open_port}).
         */
        LINUX_HASHED_PARITY,
        /**
         * FreeBSD {@code in_pcb_lport_dest}, OpenBSD {@code in_pcbpickport}, XNU {@code in_pcbbind}: a start drawn
         * in {@code [first, last)}, then one port up at a time (wrapping from last to first) for as many tries as the
         * range has ports; EADDRNOTAVAIL when none is free.
         */
        RANDOM_START_LINEAR
    }

    /** What makes a candidate port busy for the implicit bind of connect(). */
    public enum Scope {
        /** Only a connection with the same four-tuple (Linux; FreeBSD unless net.inet.tcp.require_unique_port). */
        FOUR_TUPLE,
        /** Any socket bound to that port on the local address (OpenBSD, macOS: in_pcblookup_local, wildcard). */
        LOCAL_PORT
    }

    /** Copies the lists and validates ascending port numbers. */
    public PortSelection {
        skippedTcp = List.copyOf(skippedTcp);
        skippedUdp = List.copyOf(skippedUdp);
        for (List<Integer> l : List.of(skippedTcp, skippedUdp)) {
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i) < 1 || l.get(i) > 65535 || i > 0 && l.get(i) <= l.get(i - 1)) {
                    throw new IllegalArgumentException("skipped ports must ascend within 1-65535: " + l);
                }
            }
        }
    }
}
