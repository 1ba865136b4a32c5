package io.jnetstack.stack.tcp;

/**
 * Bytes the application wrote and the peer has not acknowledged, from SND.UNA on: the first part is in flight
 * (up to SND.NXT), the rest not yet sent.
 */
final class SendBuffer {
    private final byte[] ring;
    private int head;
    private int size;

    SendBuffer(int capacity) {
        ring = new byte[capacity];
    }

    int size() {
        return size;
    }

    int space() {
        return ring.length - size;
    }

    /** Appends up to {@link #space()} bytes; returns how many were taken. */
    int append(byte[] b, int off, int len) {
        int n = Math.min(len, space());
        int tail = (head + size) % ring.length;
        int first = Math.min(n, ring.length - tail);
        System.arraycopy(b, off, ring, tail, first);
        System.arraycopy(b, off + first, ring, 0, n - first);
        size += n;
        return n;
    }

    /** A copy of {@code n} bytes starting {@code from} bytes after SND.UNA. */
    byte[] copy(int from, int n) {
        byte[] out = new byte[n];
        int start = (head + from) % ring.length;
        int first = Math.min(n, ring.length - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, n - first);
        return out;
    }

    /** Forgets the first {@code n} bytes (acknowledged). */
    void drop(int n) {
        head = (head + n) % ring.length;
        size -= n;
    }
}
