package io.jnetstack.stack;

import java.util.ArrayList;
import java.util.List;
import io.jnetstack.stack.tcp.TcpConnection;
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

    /**
     * Records that connection {@code c}, named {@code h}, next needs its timer at {@code deadlineNs} ({@link
     * Long#MAX_VALUE}: never). The deadline last filed is kept on the connection itself ({@link
     * TcpConnection#scheduledNs}), so an unchanged deadline costs no lookup.
     */
    void update(TcpHandle h, TcpConnection c, long deadlineNs) {
        long old = c.scheduledNs();
        if (old == deadlineNs) {
            return;
        }
        if (old != Long.MAX_VALUE) {
            byTime.remove(new Entry(old, h));
        }
        if (deadlineNs != Long.MAX_VALUE) {
            byTime.add(new Entry(deadlineNs, h));
        }
        c.scheduledNs(deadlineNs);
    }

    /** The earliest deadline, or {@link Long#MAX_VALUE}. */
    long next() {
        return byTime.isEmpty() ? Long.MAX_VALUE : byTime.first().timeNs();
    }

    /**
     * Removes and returns, earliest first, the connections whose deadline is at or before {@code nowNs}; the caller
     * marks each as unscheduled ({@code update} after running it files the next deadline).
     */
    List<TcpHandle> takeDue(long nowNs) {
        List<TcpHandle> due = new ArrayList<>();
        while (!byTime.isEmpty() && byTime.first().timeNs() <= nowNs) {
            due.add(byTime.pollFirst().handle());
        }
        return due;
    }
}
