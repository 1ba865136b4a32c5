package io.jnetstack.stack;

import io.jnetstack.wire.IpAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fragment reassembly for IPv4 (RFC 791 §3.2, RFC 815) and IPv6 (RFC 8200 §4.5), keyed by source, destination,
 * protocol (IPv4 only) and identification.
 *
 * <p>Rules: a fragment that exactly repeats one already held is ignored (a duplicate; Linux inet_frag_queue_insert
 * IPFRAG_DUP); a fragment that partly overlaps another discards the whole datagram (RFC 5722 for IPv6, and Linux
 * does the same for IPv4 since 4.19). A datagram not completed within the personality's timeout is discarded, and
 * the caller is told whether its first fragment had arrived (so ICMP time exceeded, code 1, can quote it).
 */
final class Reassembler {
    /** Largest reassembled payload: the 16-bit length fields bound it. */
    static final int MAX_PAYLOAD = 65535;

    /** Identifies one datagram being reassembled. */
    record Key(int version, IpAddress source, IpAddress destination, int protocol, long identification)
            implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = source.compareTo(o.source);
            c = c != 0 ? c : destination.compareTo(o.destination);
            c = c != 0 ? c : Integer.compare(protocol, o.protocol);
            return c != 0 ? c : Long.compare(identification, o.identification);
        }
    }

    /** A completed datagram: the first fragment's header bytes (unfragmentable part) and the whole payload. */
    record Done(byte[] firstHeader, byte[] payload, int ifIndex) {}

    /** Told about an abandoned reassembly; {@code firstFragment} is the offset-0 datagram or null. */
    interface TimeoutSink {
        void expired(Key key, byte[] firstFragment, int ifIndex, long nowNs);
    }

    /** Outcome of offering a fragment. */
    enum Outcome { HELD, DUPLICATE, COMPLETE, OVERLAP, TOO_LONG }

    private static final class Pending {
        final byte[] data = new byte[MAX_PAYLOAD];
        final List<int[]> ranges = new ArrayList<>();
        int total = -1;
        byte[] firstHeader;
        byte[] firstFragment;
        int ifIndex;
        long deadlineNs;
    }

    private final Map<Key, Pending> pending = new TreeMap<>();
    private Done lastDone;
    private final StackStats stats;

    Reassembler(StackStats stats) {
        this.stats = stats;
    }

    /**
     * Offers one fragment: {@code header} is its unfragmentable part, {@code buf[off, off+len)} its fragment data,
     * {@code whole} the whole fragment datagram (kept when offset is 0, for ICMP). On COMPLETE, {@link #takeDone()}
     * returns the datagram.
     */
    Outcome add(Key k, byte[] header, int offsetBytes, boolean more, byte[] buf, int off, int len, byte[] whole,
            int ifIndex, long nowNs, long timeoutNs) {
        stats.increment(StackStats.Counter.FRAGMENTS_IN);
        if (offsetBytes + len > MAX_PAYLOAD) {
            return fail(k, Outcome.TOO_LONG);
        }
        Pending p = pending.computeIfAbsent(k, x -> {
            Pending n = new Pending();
            n.deadlineNs = nowNs + timeoutNs;
            n.ifIndex = ifIndex;
            return n;
        });
        int end = offsetBytes + len;
        for (int[] r : p.ranges) {
            if (r[0] == offsetBytes && r[1] == end) {
                return Outcome.DUPLICATE;
            }
            if (offsetBytes < r[1] && r[0] < end) {
                return fail(k, Outcome.OVERLAP);
            }
        }
        if (!more) {
            if (p.total >= 0 && p.total != end || maxEnd(p) > end) {
                return fail(k, Outcome.OVERLAP);
            }
            p.total = end;
        } else if (p.total >= 0 && end > p.total) {
            return fail(k, Outcome.OVERLAP);
        }
        p.ranges.add(new int[] {offsetBytes, end});
        System.arraycopy(buf, off, p.data, offsetBytes, len);
        if (offsetBytes == 0) {
            p.firstHeader = header;
            p.firstFragment = whole;
        }
        if (p.total < 0 || p.firstHeader == null || covered(p) < p.total) {
            return Outcome.HELD;
        }
        pending.remove(k);
        stats.increment(StackStats.Counter.REASSEMBLED);
        lastDone = new Done(p.firstHeader, Arrays.copyOf(p.data, p.total), p.ifIndex);
        return Outcome.COMPLETE;
    }

    /** The datagram completed by the last {@link #add} that returned COMPLETE. */
    Done takeDone() {
        Done d = lastDone;
        lastDone = null;
        return d;
    }

    private Outcome fail(Key k, Outcome why) {
        pending.remove(k);
        stats.increment(StackStats.Counter.REASSEMBLY_FAILED);
        return why;
    }

    private static int maxEnd(Pending p) {
        int m = 0;
        for (int[] r : p.ranges) {
            m = Math.max(m, r[1]);
        }
        return m;
    }

    private static int covered(Pending p) {
        int sum = 0;
        for (int[] r : p.ranges) {
            sum += r[1] - r[0];
        }
        return sum;
    }

    /** Earliest timeout. */
    long nextDeadlineNs() {
        long next = Long.MAX_VALUE;
        for (Pending p : pending.values()) {
            next = Math.min(next, p.deadlineNs);
        }
        return next;
    }

    /** Abandons every reassembly whose time is up. */
    void advanceTo(long nowNs, TimeoutSink sink) {
        List<Runnable> after = new ArrayList<>();
        Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Pending> e = it.next();
            Pending p = e.getValue();
            if (p.deadlineNs <= nowNs) {
                it.remove();
                stats.increment(StackStats.Counter.REASSEMBLY_TIMEOUT);
                Key k = e.getKey();
                after.add(() -> sink.expired(k, p.firstFragment, p.ifIndex, nowNs));
            }
        }
        after.forEach(Runnable::run);
    }
}
