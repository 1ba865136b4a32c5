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

    void append(ByteString p, int from, int n) {
        for (int i = 0; i < n; i++) {
            ring[(head + size + i) % ring.length] = (byte) p.u8(from + i);
        }
        size += n;
    }

    void append(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            ring[(head + size + i) % ring.length] = b[i];
        }
        size += b.length;
    }

    byte[] take(int max) {
        int n = Math.min(max, size);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = ring[(head + i) % ring.length];
        }
        head = (head + n) % ring.length;
        size -= n;
        return out;
    }
}
