package io.jnetstack.stack;

import io.jnetstack.link.Medium;
import io.jnetstack.personality.NeighborTimings;
import io.jnetstack.stack.StackListener.LocalFailure;
import io.jnetstack.stack.StackListener.Origin;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MacAddress;
import java.util.List;

/**
 * Link-layer delivery of datagrams for one IP version: sends at once when the next hop's MAC is known, otherwise
 * holds the datagram in the {@link NeighborCache} and lets the version's protocol (ARP or NDP) probe; when probing
 * fails, tells a local sender or answers a forwarded datagram's source with the version's "host unreachable".
 */
final class Resolver {

    /** Sends an ICMP/ICMPv6 error about a datagram (the IP layer's sendError). */
    interface ErrorSender {
        void send(NetInterface in, byte[] d, int off, int len, int type, int code, int rest, long nowNs);
    }

    private final Stack stack;
    private final NeighborCache cache;
    private final int etherType;
    private final NeighborCache.Prober prober;
    private final ErrorSender errors;
    private final int unreachableType;
    private final int unreachableCode;

    /**
     * @param etherType       the EtherType of this IP version
     * @param unreachableType ICMP type for a forwarded datagram whose next hop does not answer
     * @param unreachableCode its code (IPv4: 3/1 host unreachable, RFC 1812 §5.2.7.1; IPv6: 1/3 address
     *                        unreachable, RFC 4861 §7.2.2)
     */
    Resolver(Stack stack, NeighborTimings timings, int etherType, NeighborCache.Prober prober, ErrorSender errors,
            int unreachableType, int unreachableCode) {
        this.stack = stack;
        this.cache = new NeighborCache(timings, stack.stats());
        this.etherType = etherType;
        this.prober = prober;
        this.errors = errors;
        this.unreachableType = unreachableType;
        this.unreachableCode = unreachableCode;
    }

    long nextDeadlineNs() {
        return cache.nextDeadlineNs();
    }

    void advanceTo(long nowNs) {
        cache.advanceTo(nowNs, prober, this::failed);
    }

    /**
     * Sends {@code d} out of {@code out} towards {@code next}: directly on an IP medium or to {@code groupMac}
     * (broadcast/multicast), to the cached MAC, or held until resolution.
     */
    void send(NetInterface out, IpAddress next, MacAddress groupMac, byte[] d, Origin o, boolean local, long nowNs) {
        MacAddress mac = out.link().medium() == Medium.IP ? MacAddress.ZERO
                : groupMac != null ? groupMac : cache.lookup(out.index(), next, nowNs);
        if (mac != null) {
            stack.frames().transmit(out, mac, etherType, d, 0, d.length, nowNs);
            return;
        }
        cache.enqueue(out.index(), next, new NeighborCache.Queued(d, o, local), nowNs, prober);
    }

    /** Records that {@code a} is at {@code mac} and sends what was waiting for it. */
    void learned(NetInterface ifc, IpAddress a, MacAddress mac, boolean create, long nowNs) {
        for (NeighborCache.Queued q : cache.confirm(ifc.index(), a, mac, create, nowNs)) {
            stack.frames().transmit(ifc, mac, etherType, q.datagram(), 0, q.datagram().length, nowNs);
        }
    }

    /**
     * Resolution failed after the personality's probes: a local sender is told (EHOSTUNREACH-class); a forwarded
     * datagram's source gets the ICMP error, sent from the address that routes back to it (Linux
     * arp_error_report / ndisc_error_report → icmp_send).
     */
    private void failed(int ifIndex, IpAddress target, List<NeighborCache.Queued> dropped, long nowNs) {
        for (NeighborCache.Queued q : dropped) {
            stack.stats().increment(StackStats.Counter.NEIGHBOR_QUEUE_DROPS);
            byte[] d = q.datagram();
            if (q.locallyOriginated()) {
                IpAddress dst = (d[0] & 0xF0) == 0x40 ? Ipv4Address.read(d, 16) : Ipv6Address.read(d, 24);
                stack.transports().reportLocalFailure(dst, LocalFailure.NEIGHBOR_UNREACHABLE, q.origin(), nowNs);
            } else {
                errors.send(null, d, 0, d.length, unreachableType, unreachableCode, 0, nowNs);
            }
        }
    }
}
