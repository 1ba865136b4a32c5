package io.jnetstack.time;

import java.util.Arrays;

/**
 * A discrete-event queue: actions ordered by (time, insertion sequence), so actions scheduled for the same
 * nanosecond run in the order they were scheduled. Deterministic and single-threaded.
 *
 * <p>Design: a 4-ary implicit min-heap over two parallel primitive arrays (time, slot), so a sift touches
 * contiguous longs instead of chasing object pointers. Each pending action lives in a recycled <em>slot</em>
 * holding its action, insertion sequence (read only to break ties) and a generation counter that is part of its
 * handle; a stale handle (already run or cancelled) never matches. {@link #poll} leaves a hole at the root that
 * the next {@link #schedule} fills by sifting down (one sift per hold step instead of two); any other operation
 * first closes the hole the usual way.
 * Cancel is O(1): it clears the slot and leaves a tombstone in the heap, which is skipped when it reaches the
 * top and compacted away (O(n) Floyd rebuild) once tombstones outnumber live entries. No allocation per event
 * at steady state; arrays grow by doubling.
 */
public final class EventQueue {
    private static final int ARITY_SHIFT = 2;
    private static final int MIN_COMPACT = 64;

    // heap, index 0 is the earliest entry (or a hole when rootHole)
    private long[] times;
    private int[] slots;
    private int heapSize;
    private boolean rootHole;

    // slots: the action (null = free or cancelled) and a generation per slot, recycled through a free stack
    private Runnable[] actions;
    private long[] seqOfSlot;
    private int[] gens;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    private long nextSeq;
    private int pending;

    /** An empty queue. */
    public EventQueue() {
        this(16);
    }

    /** An empty queue sized for {@code initialCapacity} pending events before it first grows. */
    public EventQueue(int initialCapacity) {
        int cap = Math.max(4, initialCapacity);
        times = new long[cap];
        slots = new int[cap];
        actions = new Runnable[cap];
        seqOfSlot = new long[cap];
        gens = new int[cap];
        freeSlots = new int[cap];
    }

    /**
     * Schedules {@code action} at {@code timeNs} (any long; the queue does not know "now").
     *
     * @return a handle (always {@code > 0}) for {@link #cancel}
     */
    public long schedule(long timeNs, Runnable action) {
        if (action == null) {
            throw new NullPointerException("action");
        }
        int slot = allocateSlot();
        actions[slot] = action;
        seqOfSlot[slot] = nextSeq++;
        pending++;
        if (rootHole) {
            rootHole = false;
            siftDown(0, timeNs, slot);
        } else {
            if (heapSize == times.length) {
                growHeap();
            }
            siftUp(heapSize++, timeNs, slot);
        }
        return ((long) gens[slot] << 32) | slot;
    }

    /** Cancels a pending action; true if it was pending, false if it already ran, was cancelled, or is unknown. */
    public boolean cancel(long handle) {
        int slot = (int) handle;
        int gen = (int) (handle >>> 32);
        if (handle <= 0 || slot < 0 || slot >= slotsUsed || gens[slot] != gen || actions[slot] == null) {
            return false;
        }
        actions[slot] = null;
        pending--;
        if (heapSize - pending > Math.max(MIN_COMPACT, pending)) {
            compact();
        }
        return true;
    }

    /** The time of the earliest pending action, or {@link Long#MAX_VALUE} when there is none. */
    public long nextTimeNs() {
        dropCancelledTop();
        return heapSize == 0 ? Long.MAX_VALUE : times[0];
    }

    /** Removes and returns the earliest pending action (read {@link #nextTimeNs} first for its time); null if empty. */
    public Runnable poll() {
        dropCancelledTop();
        if (heapSize == 0) {
            return null;
        }
        int slot = slots[0];
        Runnable action = actions[slot];
        actions[slot] = null;
        pending--;
        freeSlot(slot);
        rootHole = true;
        return action;
    }

    /** Number of pending actions (cancelled ones are not counted). */
    public int size() {
        return pending;
    }

    /** True when no action is pending. */
    public boolean isEmpty() {
        return pending == 0;
    }

    private void dropCancelledTop() {
        closeHole();
        while (heapSize > 0 && actions[slots[0]] == null) {
            freeSlot(slots[0]);
            removeTop();
        }
    }

    private void closeHole() {
        if (rootHole) {
            rootHole = false;
            removeTop();
        }
    }

    private void removeTop() {
        int last = --heapSize;
        if (last > 0) {
            siftDown(0, times[last], slots[last]);
        }
    }

    /** True when the entry (t, slot s) orders before (u, slot v): earlier time, or same time and inserted first. */
    private boolean before(long t, int s, long u, int v) {
        return t < u || (t == u && seqOfSlot[s] < seqOfSlot[v]);
    }

    private void siftUp(int i, long t, int slot) {
        long[] ts = times;
        int[] sl = slots;
        while (i > 0) {
            int p = (i - 1) >>> ARITY_SHIFT;
            long pt = ts[p];
            if (before(pt, sl[p], t, slot)) {
                break;
            }
            ts[i] = pt;
            sl[i] = sl[p];
            i = p;
        }
        ts[i] = t;
        sl[i] = slot;
    }

    private void siftDown(int i, long t, int slot) {
        long[] ts = times;
        int[] sl = slots;
        int n = heapSize;
        while (true) {
            int c = (i << ARITY_SHIFT) + 1;
            if (c >= n) {
                break;
            }
            int m = c + 3 < n ? minOfFour(ts, c) : minOfFew(ts, sl, c, n);
            long mt = ts[m];
            if (before(t, slot, mt, sl[m])) {
                break;
            }
            ts[i] = mt;
            sl[i] = sl[m];
            i = m;
        }
        ts[i] = t;
        sl[i] = slot;
    }

    /**
     * Index of the earliest of the four children at {@code c}: a tournament on times alone (simple selects the
     * JIT can turn into conditional moves, as the outcome is unpredictable), then the rare tie re-decided by
     * insertion sequence.
     */
    private int minOfFour(long[] ts, int c) {
        long t0 = ts[c];
        long t1 = ts[c + 1];
        long t2 = ts[c + 2];
        long t3 = ts[c + 3];
        int a = t1 < t0 ? c + 1 : c;
        long at = Math.min(t0, t1);
        int b = t3 < t2 ? c + 3 : c + 2;
        long bt = Math.min(t2, t3);
        int m = bt < at ? b : a;
        long mt = Math.min(at, bt);
        int equal = (t0 == mt ? 1 : 0) + (t1 == mt ? 1 : 0) + (t2 == mt ? 1 : 0) + (t3 == mt ? 1 : 0);
        return equal == 1 ? m : minOfFew(ts, slots, c, c + 4);
    }

    /** Index of the earliest (time, then sequence) entry in {@code [c, min(c + 4, n))}. */
    private int minOfFew(long[] ts, int[] sl, int c, int n) {
        int end = Math.min(c + 4, n);
        int m = c;
        for (int k = c + 1; k < end; k++) {
            if (before(ts[k], sl[k], ts[m], sl[m])) {
                m = k;
            }
        }
        return m;
    }

    /** Drops every tombstone and rebuilds the heap bottom-up (Floyd), O(n). */
    private void compact() {
        closeHole();
        int n = 0;
        for (int i = 0; i < heapSize; i++) {
            int slot = slots[i];
            if (actions[slot] == null) {
                freeSlot(slot);
            } else {
                times[n] = times[i];
                slots[n] = slot;
                n++;
            }
        }
        heapSize = n;
        for (int i = (n - 2) >>> ARITY_SHIFT; n > 1 && i >= 0; i--) {
            siftDown(i, times[i], slots[i]);
        }
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == actions.length) {
            int cap = actions.length * 2;
            actions = Arrays.copyOf(actions, cap);
            seqOfSlot = Arrays.copyOf(seqOfSlot, cap);
            gens = Arrays.copyOf(gens, cap);
            freeSlots = Arrays.copyOf(freeSlots, cap);
        }
        int slot = slotsUsed++;
        gens[slot] = 1;
        return slot;
    }

    private void freeSlot(int slot) {
        int g = gens[slot] + 1;
        gens[slot] = g == Integer.MAX_VALUE ? 1 : g;
        freeSlots[freeCount++] = slot;
    }

    private void growHeap() {
        int cap = times.length * 2;
        times = Arrays.copyOf(times, cap);
        slots = Arrays.copyOf(slots, cap);
    }

    @Override
    public String toString() {
        return "EventQueue[pending=" + pending + "]";
    }
}
