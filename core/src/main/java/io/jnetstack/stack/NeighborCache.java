package io.jnetstack.stack;

import io.jnetstack.personality.NeighborTimings;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.MacAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Link-layer address resolution state shared by ARP (RFC 826) and NDP (RFC 4861 §7.2): per (interface, address) an
 * entry that is INCOMPLETE while requests are outstanding, holding the datagrams waiting for it, or REACHABLE with a
 * MAC address until its lifetime ends.
 *
 * <p>Decision: an entry that exhausts its probes is removed and its queue reported as failed; the next datagram
 * starts a fresh resolution. Linux does the same (NUD_FAILED → new NUD_INCOMPLETE on the next send); BSD's
 * "arpt_down" hold-down of a failed entry is not modelled yet.
 */
final class NeighborCache {

    /** A datagram waiting for resolution. */
    record Queued(byte[] datagram, StackListener.Origin origin, boolean locallyOriginated) {}

    /** Called to send request number {@code attempt} (1-based) for {@code target}. */
    interface Prober {
        void probe(int ifIndex, IpAddress target, int attempt, long nowNs);
    }

    /** Called when an entry fails, with the datagrams it held. */
    interface FailureSink {
        void failed(int ifIndex, IpAddress target, List<Queued> dropped, long nowNs);
    }

    private record Key(int ifIndex, IpAddress address) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(ifIndex, o.ifIndex);
            return c != 0 ? c : address.compareTo(o.address);
        }
    }

    private static final class Entry {
        MacAddress mac;
        int probes;
        long nextNs;
        long expiresNs;
        final ArrayDeque<Queued> queue = new ArrayDeque<>();
    }

    private final NeighborTimings timings;
    private final Map<Key, Entry> entries = new TreeMap<>();
    private final StackStats stats;

    NeighborCache(NeighborTimings timings, StackStats stats) {
        this.timings = timings;
        this.stats = stats;
    }

    /** The resolved address, or null when unknown, incomplete or expired. */
    MacAddress lookup(int ifIndex, IpAddress a, long nowNs) {
        Entry e = entries.get(new Key(ifIndex, a));
        return e != null && e.mac != null && nowNs < e.expiresNs ? e.mac : null;
    }

    /**
     * Queues {@code q} until {@code a} resolves, sending the first request when the entry is new. Past the
     * personality's queue limit the oldest waiting datagram is dropped (Linux neigh __neigh_event_send;
     * BSD keeps la_hold).
     */
    void enqueue(int ifIndex, IpAddress a, Queued q, long nowNs, Prober prober) {
        Key k = new Key(ifIndex, a);
        Entry e = entries.get(k);
        if (e == null || e.mac != null) {
            e = new Entry();
            entries.put(k, e);
            e.probes = 1;
            e.nextNs = nowNs + timings.retransmitNs();
            stats.increment(StackStats.Counter.NEIGHBOR_PROBES);
            prober.probe(ifIndex, a, 1, nowNs);
        }
        if (e.queue.size() >= timings.maxQueuedPackets()) {
            e.queue.removeFirst();
            stats.increment(StackStats.Counter.NEIGHBOR_QUEUE_DROPS);
        }
        e.queue.addLast(q);
    }

    /**
     * Records that {@code a} is at {@code mac} (a reply, or a request/solicitation naming it as sender). Only
     * updates entries that exist unless {@code create} (RFC 826 "merge" rule: a request to us creates one).
     * Returns the datagrams that were waiting, now to be sent.
     */
    List<Queued> confirm(int ifIndex, IpAddress a, MacAddress mac, boolean create, long nowNs) {
        Key k = new Key(ifIndex, a);
        Entry e = entries.get(k);
        if (e == null) {
            if (!create) {
                return List.of();
            }
            e = new Entry();
            entries.put(k, e);
        }
        e.mac = mac;
        e.expiresNs = nowNs + timings.reachableNs();
        List<Queued> out = new ArrayList<>(e.queue);
        e.queue.clear();
        return out;
    }

    /** Earliest time a probe or failure is due. */
    long nextDeadlineNs() {
        long next = Long.MAX_VALUE;
        for (Entry e : entries.values()) {
            if (e.mac == null) {
                next = Math.min(next, e.nextNs);
            }
        }
        return next;
    }

    /** Sends due retransmissions and fails entries whose last probe went unanswered. */
    void advanceTo(long nowNs, Prober prober, FailureSink failures) {
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        List<Runnable> after = new ArrayList<>();
        while (it.hasNext()) {
            Map.Entry<Key, Entry> me = it.next();
            Entry e = me.getValue();
            Key k = me.getKey();
            if (e.mac != null || e.nextNs > nowNs) {
                continue;
            }
            if (e.probes >= timings.maxProbes()) {
                it.remove();
                stats.increment(StackStats.Counter.NEIGHBOR_FAILED);
                List<Queued> dropped = List.copyOf(e.queue);
                after.add(() -> failures.failed(k.ifIndex(), k.address(), dropped, nowNs));
            } else {
                e.probes++;
                e.nextNs = nowNs + timings.retransmitNs();
                int attempt = e.probes;
                stats.increment(StackStats.Counter.NEIGHBOR_PROBES);
                after.add(() -> prober.probe(k.ifIndex(), k.address(), attempt, nowNs));
            }
        }
        after.forEach(Runnable::run);
    }

    /** Forgets every entry on an interface (it went down). */
    void flushInterface(int ifIndex) {
        entries.keySet().removeIf(k -> k.ifIndex() == ifIndex);
    }
}
