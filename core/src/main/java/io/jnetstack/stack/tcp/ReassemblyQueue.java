package io.jnetstack.stack.tcp;

import java.util.Map;
import java.util.TreeMap;

/**
 * Text that arrived beyond RCV.NXT, held until the gap before it fills (RFC 9293 §3.10.7.4 seventh: segments with
 * higher beginning sequence numbers "may be held for later processing"). Sequence numbers are kept unwrapped as
 * offsets from a 64-bit counter so ordering is plain {@code long} order.
 */
final class ReassemblyQueue {
    private final TreeMap<Long, byte[]> held = new TreeMap<>();
    private int bytes;

    /** Bytes held. */
    int size() {
        return bytes;
    }

    /** Holds {@code data} at unwrapped position {@code at}; bytes already held are not stored twice. */
    void add(long at, byte[] data) {
        long start = at;
        long end = at + data.length;
        Map.Entry<Long, byte[]> before = held.floorEntry(start);
        if (before != null && before.getKey() + before.getValue().length >= end) {
            return; // entirely covered already
        }
        // Keep it simple and exact: store the new piece, then drop pieces it fully covers.
        held.subMap(start, true, end, false).entrySet().removeIf(e -> {
            boolean covered = e.getKey() + e.getValue().length <= end;
            if (covered) {
                bytes -= e.getValue().length;
            }
            return covered;
        });
        held.put(start, data);
        bytes += data.length;
    }

    /**
     * Removes and returns the bytes that continue from {@code next} (the unwrapped RCV.NXT), at most {@code max},
     * or an empty array when the first held piece does not reach {@code next}. Pieces wholly before it go.
     */
    byte[] takeFrom(long next, int max) {
        while (!held.isEmpty()) {
            Map.Entry<Long, byte[]> first = held.firstEntry();
            long start = first.getKey();
            byte[] data = first.getValue();
            if (start > next) {
                return new byte[0];
            }
            held.pollFirstEntry();
            bytes -= data.length;
            int skip = (int) (next - start);
            if (skip >= data.length) {
                continue;
            }
            int n = Math.min(data.length - skip, max);
            byte[] out = java.util.Arrays.copyOfRange(data, skip, skip + n);
            if (skip + n < data.length) { // not all of it fits: keep the rest
                byte[] rest = java.util.Arrays.copyOfRange(data, skip + n, data.length);
                held.put(next + n, rest);
                bytes += rest.length;
            }
            return out;
        }
        return new byte[0];
    }
}
