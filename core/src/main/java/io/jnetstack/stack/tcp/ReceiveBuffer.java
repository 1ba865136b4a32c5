package io.jnetstack.stack.tcp;

import io.jnetstack.wire.ByteString;

/** In-order received bytes waiting for the application, bounded by the receive buffer size (RCV.WND's source). */
final class ReceiveBuffer {
    private final byte[] ring;
    private int head;
    private int size;

    ReceiveBuffer(int capacity) {
        ring = new byte[capacity];
    }

    int capacity() {
        return ring.length;
    }

    int size() {
        return size;
    }

    /** Free space: what RCV.WND advertises. */
    int space() {
        return ring.length - size;
    }

    /** Appends {@code n} bytes of {@code p} from {@code from}; the caller has checked they fit. */
    void append(ByteString p, int from, int n) {
        int tail = (head + size) % ring.length;
        int first = Math.min(n, ring.length - tail);
        p.copyTo(from, ring, tail, first);
        p.copyTo(from + first, ring, 0, n - first);
        size += n;
    }

    /** Appends all of {@code b}; the caller has checked it fits. */
    void append(byte[] b) {
        int tail = (head + size) % ring.length;
        int first = Math.min(b.length, ring.length - tail);
        System.arraycopy(b, 0, ring, tail, first);
        System.arraycopy(b, first, ring, 0, b.length - first);
        size += b.length;
    }

    /** Removes and returns up to {@code max} bytes from the front. */
    byte[] take(int max) {
        int n = Math.min(max, size);
        byte[] out = new byte[n];
        int first = Math.min(n, ring.length - head);
        System.arraycopy(ring, head, out, 0, first);
        System.arraycopy(ring, 0, out, first, n - first);
        head = (head + n) % ring.length;
        size -= n;
        return out;
    }
}
