package io.jnetstack.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The next deadline of every TCP connection of a stack, ordered by time, so that asking for the earliest one and
 * collecting the due ones cost O(log n) instead of a scan of all connections (an idle connection with no timer
 * costs nothing; the simulation asks after every frame).
 */
final class ConnectionTimers {
    private record Entry(long timeNs, TcpHandle handle) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(timeNs, o.timeNs);
            return c != 0 ? c : handle.compareTo(o.handle);
        }
    }

    private final TreeSet<Entry> byTime = new TreeSet<>();
    private final Map<TcpHandle, Long> armed = new TreeMap<>();

    /** Records that {@code h} next needs its timer at {@code deadlineNs} ({@link Long#MAX_VALUE}: never). */
    void update(TcpHandle h, long deadlineNs) {
        Long old = armed.get(h);
        if (old != null && old == deadlineNs) {
            return;
        }
        if (old != null) {
            byTime.remove(new Entry(old, h));
            armed.remove(h);
        }
        if (deadlineNs != Long.MAX_VALUE) {
            armed.put(h, deadlineNs);
            byTime.add(new Entry(deadlineNs, h));
        }
    }

    /** The earliest deadline, or {@link Long#MAX_VALUE}. */
    long next() {
        return byTime.isEmpty() ? Long.MAX_VALUE : byTime.first().timeNs();
    }

    /** Removes and returns, earliest first, the connections whose deadline is at or before {@code nowNs}. */
    List<TcpHandle> takeDue(long nowNs) {
        List<TcpHandle> due = new ArrayList<>();
        while (!byTime.isEmpty() && byTime.first().timeNs() <= nowNs) {
            Entry e = byTime.pollFirst();
            armed.remove(e.handle());
            due.add(e.handle());
        }
        return due;
    }

    /** Connections with a timer pending. */
    int size() {
        return armed.size();
    }
}
