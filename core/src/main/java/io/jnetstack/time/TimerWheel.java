package io.jnetstack.time;

import java.util.Arrays;

/**
 * A hierarchical timing wheel (Varghese &amp; Lauck, SOSP 1987, scheme 7; level selection as in Tokio's wheel):
 * 11 levels of 64 slots over 1 ns ticks, so a level-0 slot holds timers of one exact deadline and every 64-bit
 * deadline fits. Arm and cancel are O(1) (intrusive doubly-linked lists over primitive arrays, an occupancy bit
 * per slot); a timer is cascaded at most once per level on its way down. {@link #expire} runs due timers in
 * deadline order, then arm order. No allocation per timer at steady state. Single-threaded.
 *
 * <p>Deadlines earlier than the wheel's time (the largest {@code nowNs} passed to {@link #expire}, or the start)
 * are treated as that time: such a timer runs at the next {@link #expire}, after timers armed before it for that
 * same instant.
 */
public final class TimerWheel {
    private static final int BITS = 6;
    private static final int SLOTS = 1 << BITS;
    private static final int LEVELS = 11;
    private static final int NONE = -1;
    private static final int FIRING = -2;
    private static final long UNKNOWN = Long.MIN_VALUE;

    private long elapsed;
    private final long[] occupied = new long[LEVELS];
    private final int[] head = new int[LEVELS * SLOTS];
    private final int[] tail = new int[LEVELS * SLOTS];
    private final long[] bucketMin = new long[LEVELS * SLOTS];

    private long[] deadline;
    private long[] seq;
    private Runnable[] action;
    private int[] next;
    private int[] prev;
    private int[] bucket;
    private int[] gen;
    private int[] free;
    private int freeCount;
    private int used;
    private long nextSeq;
    private int size;
    private int[] batch = new int[16];
    private boolean expiring;

    /** A wheel whose time starts at {@code startNs} (must be {@code >= 0}). */
    public TimerWheel(long startNs) {
        if (startNs < 0) {
            throw new IllegalArgumentException("start must be >= 0: " + startNs);
        }
        elapsed = startNs;
        Arrays.fill(head, NONE);
        Arrays.fill(tail, NONE);
        int cap = 16;
        deadline = new long[cap];
        seq = new long[cap];
        action = new Runnable[cap];
        next = new int[cap];
        prev = new int[cap];
        bucket = new int[cap];
        gen = new int[cap];
        free = new int[cap];
    }

    /** A wheel starting at time 0. */
    public TimerWheel() {
        this(0);
    }

    /** Arms {@code action} at {@code deadlineNs}; returns a handle ({@code > 0}) for {@link #cancel}. */
    public long arm(long deadlineNs, Runnable action) {
        if (action == null) {
            throw new NullPointerException("action");
        }
        int id = allocate();
        deadline[id] = Math.max(deadlineNs, elapsed);
        seq[id] = nextSeq++;
        this.action[id] = action;
        size++;
        link(id);
        return ((long) gen[id] << 32) | id;
    }

    /** Cancels a pending timer; true if it was pending, false if it already ran, was cancelled, or is unknown. */
    public boolean cancel(long handle) {
        int id = (int) handle;
        if (handle <= 0 || id < 0 || id >= used || gen[id] != (int) (handle >>> 32) || action[id] == null) {
            return false;
        }
        action[id] = null;
        size--;
        if (bucket[id] != FIRING) { // a timer in the batch being fired is released by that loop
            unlink(id);
            release(id);
        }
        return true;
    }

    /** Number of pending timers. */
    public int size() {
        return size;
    }

    /** The earliest pending deadline, or {@link Long#MAX_VALUE} when none is pending. */
    public long nextDeadlineNs() {
        int level = lowestLevel();
        if (level < 0) {
            return Long.MAX_VALUE;
        }
        int slot = Long.numberOfTrailingZeros(occupied[level]);
        int b = level * SLOTS + slot;
        if (bucketMin[b] == UNKNOWN) {
            long min = Long.MAX_VALUE;
            for (int id = head[b]; id != NONE; id = next[id]) {
                min = Math.min(min, deadline[id]);
            }
            bucketMin[b] = min;
        }
        return bucketMin[b];
    }

    /**
     * Runs every timer with a deadline {@code <= nowNs}, in deadline order then arm order, and moves the wheel's
     * time to {@code nowNs} (never backwards). Actions may arm and cancel timers; timers they arm that are already
     * due run in this same call. Must not be called from inside an action. If an action throws, the exception
     * propagates and the timers not yet run stay armed.
     */
    public void expire(long nowNs) {
        if (expiring) {
            throw new IllegalStateException("expire called from a timer action");
        }
        expiring = true;
        try {
            for (int level = lowestLevel(); level >= 0; level = lowestLevel()) {
                int slot = Long.numberOfTrailingZeros(occupied[level]);
                long start = slotStart(level, slot);
                if (start > nowNs) {
                    break;
                }
                elapsed = Math.max(elapsed, start);
                int n = detach(level * SLOTS + slot);
                if (level == 0) {
                    fire(n);
                } else {
                    for (int i = 0; i < n; i++) {
                        link(batch[i]);
                    }
                }
            }
            elapsed = Math.max(elapsed, nowNs);
        } finally {
            expiring = false;
        }
    }

    /** Runs the detached batch in arm order; if an action throws, the rest of the batch is put back first. */
    private void fire(int n) {
        sortBatchBySeq(n);
        int i = 0;
        try {
            while (i < n) {
                int id = batch[i++];
                Runnable a = action[id];
                if (a != null) {
                    action[id] = null;
                    size--;
                }
                release(id);
                if (a != null) {
                    a.run();
                }
            }
        } finally {
            for (; i < n; i++) {
                int id = batch[i];
                if (action[id] != null) {
                    link(id);
                } else {
                    release(id);
                }
            }
        }
    }

    /** Moves bucket {@code b}'s timers into {@code batch} (marked FIRING) and empties the bucket. */
    private int detach(int b) {
        int n = 0;
        for (int id = head[b]; id != NONE; id = next[id]) {
            if (n == batch.length) {
                batch = Arrays.copyOf(batch, n * 2);
            }
            batch[n++] = id;
            bucket[id] = FIRING;
        }
        head[b] = NONE;
        tail[b] = NONE;
        occupied[b / SLOTS] &= ~(1L << (b % SLOTS));
        return n;
    }

    private void sortBatchBySeq(int n) {
        for (int i = 1; i < n; i++) { // insertion sort: batches are nearly always already in arm order
            int id = batch[i];
            long s = seq[id];
            int j = i - 1;
            while (j >= 0 && seq[batch[j]] > s) {
                batch[j + 1] = batch[j];
                j--;
            }
            batch[j + 1] = id;
        }
    }

    private void link(int id) {
        long d = deadline[id];
        int level = (63 - Long.numberOfLeadingZeros((elapsed ^ d) | (SLOTS - 1))) / BITS;
        int slot = (int) (d >>> (BITS * level)) & (SLOTS - 1);
        int b = level * SLOTS + slot;
        bucket[id] = b;
        next[id] = NONE;
        prev[id] = tail[b];
        if (tail[b] == NONE) {
            head[b] = id;
            bucketMin[b] = d;
            occupied[level] |= 1L << slot;
        } else {
            next[tail[b]] = id;
            if (bucketMin[b] != UNKNOWN) {
                bucketMin[b] = Math.min(bucketMin[b], d);
            }
        }
        tail[b] = id;
    }

    private void unlink(int id) {
        int b = bucket[id];
        int p = prev[id];
        int n = next[id];
        if (p == NONE) {
            head[b] = n;
        } else {
            next[p] = n;
        }
        if (n == NONE) {
            tail[b] = p;
        } else {
            prev[n] = p;
        }
        if (head[b] == NONE) {
            occupied[b / SLOTS] &= ~(1L << (b % SLOTS));
        } else if (bucketMin[b] == deadline[id]) {
            bucketMin[b] = UNKNOWN;
        }
    }

    private int lowestLevel() {
        for (int level = 0; level < LEVELS; level++) {
            if (occupied[level] != 0) {
                return level;
            }
        }
        return -1;
    }

    private long slotStart(int level, int slot) {
        int shift = BITS * level;
        long high = shift + BITS >= 64 ? 0 : elapsed & (-1L << (shift + BITS));
        return high | ((long) slot << shift);
    }

    private int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (used == deadline.length) {
            int cap = used * 2;
            deadline = Arrays.copyOf(deadline, cap);
            seq = Arrays.copyOf(seq, cap);
            action = Arrays.copyOf(action, cap);
            next = Arrays.copyOf(next, cap);
            prev = Arrays.copyOf(prev, cap);
            bucket = Arrays.copyOf(bucket, cap);
            gen = Arrays.copyOf(gen, cap);
            free = Arrays.copyOf(free, cap);
        }
        gen[used] = 1;
        return used++;
    }

    private void release(int id) {
        int g = gen[id] + 1;
        gen[id] = g == Integer.MAX_VALUE ? 1 : g;
        bucket[id] = NONE;
        free[freeCount++] = id;
    }

    @Override
    public String toString() {
        return "TimerWheel[now=" + elapsed + ", pending=" + size + "]";
    }
}
