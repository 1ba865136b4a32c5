package io.jnetstack.stack.tcp;

import java.util.ArrayList;
import java.util.List;

/**
 * FreeBSD's receiver-side SACK list, {@code tp->sackblks} with {@code tp->rcv_numsacks}, kept by the rules of
 * sys/netinet/tcp_sack.c: {@link #updateSackList} (tcp_update_sack_list), {@link #updateDsackList}
 * (tcp_update_dsack_list) and {@link #cleanDsackBlocks} (tcp_clean_dsack_blocks). The list is reported as it
 * stands, first block first (tcp_output.c tcp_addoptions takes as many as fit). Numbers are absolute
 * ({@link SeqSpace}), so FreeBSD's SEQ_LT and friends are plain comparisons here; a block whose start is not below
 * its end is FreeBSD's "empty" block.
 */
final class FreeBsdSackList {
    /** sys/netinet/tcp_var.h MAX_SACK_BLKS: blocks kept at the receiver. */
    static final int MAX_SACK_BLKS = 6;

    private long[] starts = new long[MAX_SACK_BLKS];
    private long[] ends = new long[MAX_SACK_BLKS];
    private int count;

    /** The blocks as they stand, at most {@code maxBlocks} of them, first block first. */
    List<SeqRange> blocks(int maxBlocks) {
        List<SeqRange> out = new ArrayList<>();
        for (int i = 0; i < count && out.size() < maxBlocks; i++) {
            out.add(new SeqRange(starts[i], ends[i]));
        }
        return List.copyOf(out);
    }

    /** tp->rcv_numsacks. */
    int size() {
        return count;
    }

    /** The end of the first block, or {@code Long.MIN_VALUE} when the list is empty. */
    long firstEnd() {
        return count > 0 ? ends[0] : Long.MIN_VALUE;
    }

    /** The start of the first block, or {@code Long.MIN_VALUE} when the list is empty. */
    long firstStart() {
        return count > 0 ? starts[0] : Long.MIN_VALUE;
    }

    /**
     * tcp_update_sack_list(tp, rcvStart, rcvEnd) with rcvStart &lt; rcvEnd: blocks at or below RCV.NXT go; one
     * that touches or overlaps {@code [rcvStart, rcvEnd)} is merged into it (adjacent) or — the D-SACK case — the
     * head keeps the overlap and the union follows; the rest keep their order behind the head, a block wholly inside
     * the one saved just before it replacing that one; at most {@link #MAX_SACK_BLKS} stay.
     */
    void updateSackList(long rcvStart, long rcvEnd, long rcvNxt) {
        long headStart = rcvStart;
        long headEnd = rcvEnd;
        Saved saved = new Saved();
        for (int i = 0; i < count; i++) {
            long start = starts[i];
            long end = ends[i];
            if (start >= end || start <= rcvNxt) {
                continue; // discard this SACK block
            }
            if (headStart <= end && headEnd >= start) {
                if (headStart == end) {
                    headStart = start;
                } else if (headEnd == start) {
                    headEnd = end;
                } else {
                    long lo = Math.min(headStart, start); // the head shrinks to the overlap (the D-SACK part) ...
                    long hi = Math.max(headEnd, end);
                    headStart = Math.max(headStart, start);
                    headEnd = Math.min(headEnd, end);
                    if (headStart != lo || headEnd != hi) {
                        saved.supersede(lo, hi); // ... and the union is kept behind it
                    }
                }
            } else {
                saved.supersede(start, end);
            }
        }
        starts[0] = headStart;
        ends[0] = headEnd;
        int kept = Math.min(saved.n, MAX_SACK_BLKS - 1);
        System.arraycopy(saved.starts, 0, starts, 1, kept);
        System.arraycopy(saved.ends, 0, ends, 1, kept);
        count = 1 + kept;
    }

    /**
     * tcp_update_dsack_list(tp, rcvStart, rcvEnd) with rcvStart &lt; rcvEnd, for text that went to the reassembly
     * queue or advanced RCV.NXT: the part of it that some block already covered (the lowest such) becomes the
     * D-SACK block in front — the whole segment when it lies below RCV.NXT — followed by the block the segment is
     * now part of (unless that is the D-SACK block itself, or RCV.NXT passed it), then the untouched blocks above
     * RCV.NXT in their order.
     */
    void updateDsackList(long rcvStart, long rcvEnd, long rcvNxt) {
        long dsStart = 0;
        long dsEnd = 0;
        if (rcvEnd < rcvNxt || rcvEnd == rcvNxt && count > 0 && ends[0] == rcvNxt) {
            dsStart = rcvStart;
            dsEnd = rcvEnd;
        }
        long headStart = 0;
        long headEnd = 0;
        long midStart = rcvStart;
        long midEnd = rcvEnd;
        boolean identical = false;
        for (int i = 0; i < count; i++) {
            long start = starts[i];
            long end = ends[i];
            if (rcvEnd < start || rcvStart > end) {
                continue; // the segment lies left or right of this block
            }
            if (rcvNxt > end) {
                long lo = Math.max(rcvStart, start);
                long hi = Math.min(rcvEnd, end);
                if (lo != hi && (headStart == headEnd || headStart > lo)) {
                    headStart = lo;
                    headEnd = hi;
                }
                continue;
            }
            if ((headStart == headEnd || start < headStart) && end > rcvStart && start <= rcvEnd) {
                headStart = start;
                headEnd = end;
            }
            midStart = Math.min(midStart, start);
            midEnd = Math.max(midEnd, end);
            identical |= midStart == start && midEnd == end;
        }
        if (headStart < headEnd) { // store the overlapping range
            dsStart = Math.max(rcvStart, headStart);
            dsEnd = Math.min(rcvEnd, headEnd);
        }
        rebuild(dsStart, dsEnd, midStart, midEnd, identical, rcvNxt);
    }

    /** The tail of tcp_update_dsack_list: D-SACK block, the merged block, the untouched ones; empty ones dropped. */
    private void rebuild(long dsStart, long dsEnd, long midStart, long midEnd, boolean identical, long rcvNxt) {
        long[] ns = new long[MAX_SACK_BLKS];
        long[] ne = new long[MAX_SACK_BLKS];
        ns[0] = dsStart;
        ne[0] = dsEnd;
        int n = 1;
        if (rcvNxt < midEnd && !(midStart == dsStart && midEnd == dsEnd) || identical) {
            ns[n] = midStart;
            ne[n++] = midEnd;
        }
        for (int j = 0; j < count && n < MAX_SACK_BLKS; j++) {
            if ((ends[j] < midStart || starts[j] > midEnd) && starts[j] > rcvNxt) {
                ns[n] = starts[j];
                ne[n++] = ends[j];
            }
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (ns[i] < ne[i]) { // "we can end up with a stale initial entry"
                ns[k] = ns[i];
                ne[k++] = ne[i];
            }
        }
        starts = ns;
        ends = ne;
        count = k;
    }

    /** tcp_clean_dsack_blocks: after a segment carried the list, blocks at or below RCV.NXT (D-SACKs) go. */
    void cleanDsackBlocks(long rcvNxt) {
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (starts[i] < ends[i] && starts[i] > rcvNxt) {
                starts[k] = starts[i];
                ends[k++] = ends[i];
            }
        }
        count = k;
    }

    /** tcp_clean_sackreport: forgets every block. */
    void clear() {
        count = 0;
    }

    /** saved_blks[] of tcp_update_sack_list: a block wholly covering the last saved one takes its place. */
    private static final class Saved {
        final long[] starts = new long[MAX_SACK_BLKS];
        final long[] ends = new long[MAX_SACK_BLKS];
        int n;

        void supersede(long start, long end) {
            if (n >= 1 && starts[n - 1] >= start && ends[n - 1] <= end) {
                n--;
            }
            starts[n] = start;
            ends[n++] = end;
        }
    }
}
