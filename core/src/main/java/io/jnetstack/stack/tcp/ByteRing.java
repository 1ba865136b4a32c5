package io.jnetstack.stack.tcp;

import io.jnetstack.wire.ByteString;

/**
 * A byte FIFO with a logical capacity (the socket buffer size, which auto-sizing may raise) and a backing array that
 * is allocated only as data arrives and released when the ring drains, so an idle connection holds no buffer memory
 * (netstack3 and smoltcp keep buffers per socket; Linux charges skbs only while data is queued).
 */
final class ByteRing {
    private static final byte[] NONE = new byte[0];
    private static final int MIN_ALLOCATION = 4096;

    private byte[] ring = NONE;
    private int head;
    private int size;
    private int capacity;

    ByteRing(int capacity) {
        this.capacity = capacity;
    }

    int size() {
        return size;
    }

    int capacity() {
        return capacity;
    }

    int space() {
        return capacity - size;
    }

    /** Raises the logical capacity (auto-sizing); never lowers it below what is held. */
    void setCapacity(int c) {
        capacity = Math.max(c, size);
    }

    /** Bytes of backing storage currently allocated. */
    int allocated() {
        return ring.length;
    }

    /** Appends up to {@link #space()} bytes of {@code b[off, off+len)}; returns how many were taken. */
    int append(byte[] b, int off, int len) {
        int n = Math.min(len, space());
        ensure(size + n);
        int tail = (head + size) % ring.length;
        int first = Math.min(n, ring.length - tail);
        System.arraycopy(b, off, ring, tail, first);
        System.arraycopy(b, off + first, ring, 0, n - first);
        size += n;
        return n;
    }

    /** Appends {@code n} bytes of {@code p} from {@code from}; returns how many fitted. */
    int append(ByteString p, int from, int n) {
        n = Math.min(n, space());
        ensure(size + n);
        int tail = (head + size) % ring.length;
        int first = Math.min(n, ring.length - tail);
        p.copyTo(from, ring, tail, first);
        p.copyTo(from + first, ring, 0, n - first);
        size += n;
        return n;
    }

    /** A copy of {@code n} bytes starting {@code from} bytes after the head. */
    byte[] copy(int from, int n) {
        byte[] out = new byte[n];
        if (n == 0) {
            return out;
        }
        int start = (head + from) % ring.length;
        int first = Math.min(n, ring.length - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, n - first);
        return out;
    }

    /** Removes and returns up to {@code max} bytes from the head. */
    byte[] take(int max) {
        int n = Math.min(max, size);
        byte[] out = copy(0, n);
        drop(n);
        return out;
    }

    /** Forgets the first {@code n} bytes; the backing array goes when nothing is left. */
    void drop(int n) {
        if (n == 0) {
            return;
        }
        head = (head + n) % ring.length;
        size -= n;
        if (size == 0) {
            ring = NONE;
            head = 0;
        }
    }

    /** Grows the backing array (doubling, at most to the capacity) so that {@code need} bytes fit. */
    private void ensure(int need) {
        if (need <= ring.length) {
            return;
        }
        int len = Math.max(MIN_ALLOCATION, ring.length);
        while (len < need) {
            len *= 2;
        }
        len = Math.max(need, Math.min(len, capacity));
        byte[] grown = new byte[len];
        if (size > 0) {
            int first = Math.min(size, ring.length - head);
            System.arraycopy(ring, head, grown, 0, first);
            System.arraycopy(ring, 0, grown, first, size - first);
        }
        ring = grown;
        head = 0;
    }
}
