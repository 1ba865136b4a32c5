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
        for (int i = 0; i < n; i++) {
            ring[(head + size + i) % ring.length] = b[off + i];
        }
        size += n;
        return n;
    }

    /** A copy of {@code n} bytes starting {@code from} bytes after SND.UNA. */
    byte[] copy(int from, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = ring[(head + from + i) % ring.length];
        }
        return out;
    }

    /** Forgets the first {@code n} bytes (acknowledged). */
    void drop(int n) {
        head = (head + n) % ring.length;
        size -= n;
    }
}
