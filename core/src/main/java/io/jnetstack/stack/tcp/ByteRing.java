package io.jnetstack.stack.tcp;

import io.jnetstack.wire.ByteString;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * A byte FIFO with a logical capacity (the socket buffer size, which auto-sizing may raise) stored in fixed-size
 * chunks taken from a per-thread pool and given back as soon as they drain, so an idle connection holds no buffer
 * memory and a bulk transfer recycles the same chunks instead of allocating (gVisor's netstack lost 20–30% of its
 * CPU to allocation before it pooled buffers). One thread owns a stack, so the pool needs no locking.
 */
final class ByteRing {
    static final int CHUNK = 16 * 1024;
    /** Chunks a thread keeps for reuse (4 MiB); more are left to the garbage collector. */
    private static final int POOL_LIMIT = 256;
    private static final ThreadLocal<ArrayDeque<byte[]>> POOL = ThreadLocal.withInitial(ArrayDeque::new);

    private final ArrayList<byte[]> chunks = new ArrayList<>(0);
    private int headOff;
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

    /** Bytes of chunk storage currently held. */
    int allocated() {
        return chunks.size() * CHUNK;
    }

    /** Appends up to {@link #space()} bytes of {@code b[off, off+len)}; returns how many were taken. */
    int append(byte[] b, int off, int len) {
        int n = Math.min(len, space());
        for (int done = 0; done < n; ) {
            int tail = tailOffset();
            byte[] last = tail == 0 ? addChunk() : chunks.getLast();
            int k = Math.min(n - done, CHUNK - tail);
            System.arraycopy(b, off + done, last, tail, k);
            done += k;
            size += k;
        }
        return n;
    }

    /** Appends {@code n} bytes of {@code p} from {@code from}; returns how many fitted. */
    int append(ByteString p, int from, int n) {
        n = Math.min(n, space());
        for (int done = 0; done < n; ) {
            int tail = tailOffset();
            byte[] last = tail == 0 ? addChunk() : chunks.getLast();
            int k = Math.min(n - done, CHUNK - tail);
            p.copyTo(from + done, last, tail, k);
            done += k;
            size += k;
        }
        return n;
    }

    /**
     * A copy of {@code n} bytes starting {@code from} bytes after the head. The first chunk's part comes with the
     * allocation itself (Arrays.copyOfRange: the JIT zeroes only the part it did not copy).
     */
    byte[] copy(int from, int n) {
        if (n == 0) {
            return new byte[0];
        }
        int pos = headOff + from;
        int chunkAt = pos % CHUNK;
        byte[] out = Arrays.copyOfRange(chunks.get(pos / CHUNK), chunkAt, chunkAt + n);
        int first = Math.min(n, CHUNK - chunkAt);
        copyTo(from + first, out, first, n - first);
        return out;
    }

    /** A copy of {@code n} bytes starting {@code from} bytes after the head, behind {@code room} zero bytes. */
    byte[] copyWithRoom(int room, int from, int n) {
        byte[] out = new byte[room + n];
        copyTo(from, out, room, n);
        return out;
    }

    /** Removes up to {@code len} bytes from the head into {@code into[off, off+len)}; returns how many. */
    int take(byte[] into, int off, int len) {
        int n = Math.min(len, size);
        copyTo(0, into, off, n);
        drop(n);
        return n;
    }

    /** Copies {@code n} bytes starting {@code from} bytes after the head into {@code out[at, at+n)}. */
    private void copyTo(int from, byte[] out, int at, int n) {
        int pos = headOff + from;
        for (int done = 0; done < n; ) {
            byte[] c = chunks.get(pos / CHUNK);
            int chunkAt = pos % CHUNK;
            int k = Math.min(n - done, CHUNK - chunkAt);
            System.arraycopy(c, chunkAt, out, at + done, k);
            done += k;
            pos += k;
        }
    }

    /** Removes and returns up to {@code max} bytes from the head. */
    byte[] take(int max) {
        int n = Math.min(max, size);
        byte[] out = copy(0, n);
        drop(n);
        return out;
    }

    /** Forgets the first {@code n} bytes; drained chunks go back to the pool. */
    void drop(int n) {
        size -= n;
        headOff += n;
        int whole = size == 0 ? chunks.size() : headOff / CHUNK;
        if (whole > 0) {
            ArrayDeque<byte[]> pool = POOL.get();
            for (int i = 0; i < whole; i++) {
                if (pool.size() < POOL_LIMIT) {
                    pool.addLast(chunks.get(i));
                }
            }
            chunks.subList(0, whole).clear();
            headOff = size == 0 ? 0 : headOff - whole * CHUNK;
        }
    }

    /** Where the next byte goes in the last chunk; 0 when a new chunk is needed. */
    private int tailOffset() {
        return chunks.isEmpty() ? 0 : (headOff + size) - (chunks.size() - 1) * CHUNK == CHUNK ? 0
                : (headOff + size) - (chunks.size() - 1) * CHUNK;
    }

    private byte[] addChunk() {
        byte[] c = POOL.get().pollLast();
        if (c == null) {
            c = new byte[CHUNK];
        }
        chunks.add(c);
        return c;
    }
}
