package io.jnetstack.stack.tcp;

import io.jnetstack.wire.tcp.TcpHeader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One segment's pass through the places of FreeBSD's sys/netinet/tcp_input.c tcp_do_segment that feed the receiver's
 * SACK list ({@link FreeBsdSackList}), for connections whose personality reports
 * {@link io.jnetstack.personality.SackReporting#FREEBSD}:
 * <ol>
 *   <li>the "todrop" trim of text below RCV.NXT: "DSACK - add SACK block for dropped range",
 *       tcp_update_sack_list(th_seq, th_seq + todrop), and an ACK at once ("the next in-sequence segment will clear
 *       the DSACK block again");</li>
 *   <li>after the text went to the socket or through tcp_reass: tcp_update_sack_list again for a partial overlap
 *       recorded at todrop, else tcp_update_dsack_list over the segment, chosen by how tcp_reass changed the
 *       segment length ({@link #reassLength}).</li>
 * </ol>
 */
final class FreeBsdSackInput {
    private final FreeBsdSackList list;
    private final List<SeqRange> heldBefore;
    private final long saveRnxt;
    private final long saveStart;
    private final boolean dropped;

    private FreeBsdSackInput(FreeBsdSackList list, List<SeqRange> heldBefore, long saveRnxt, long saveStart,
            boolean dropped) {
        this.list = list;
        this.heldBefore = heldBefore;
        this.saveRnxt = saveRnxt;
        this.saveStart = saveStart;
        this.dropped = dropped;
    }

    /**
     * Starts the pass for text of {@code length} bytes at {@code offset} from RCV.NXT, recording the part below
     * RCV.NXT (the todrop rule); null when the connection keeps no FreeBSD SACK list.
     */
    static FreeBsdSackInput begin(TcpConnection c, int offset, int length) {
        FreeBsdSackList list = c.sackBlocks == null ? null : c.sackBlocks.freeBsd();
        if (list == null) {
            return null;
        }
        boolean dropped = offset < 0 && length > 0;
        if (dropped) {
            long seq = c.rcvNxtAbs + offset;
            list.updateSackList(seq, seq + Math.min(-offset, length), c.rcvNxtAbs);
        }
        return new FreeBsdSackInput(list, c.sackBlocks.heldInOrder(), c.rcvNxtAbs,
                c.rcvNxtAbs + Math.max(offset, 0), dropped);
    }

    /**
     * A segment refused as wholly below RCV.NXT: tcp_do_segment drops all of its text ("todrop = tlen") and still
     * records it as a D-SACK block before the ACK. TIME-WAIT answers from tcp_twcheck, which sends no SACK; a SYN
     * draws the RFC 5961 challenge ACK first.
     */
    static void refusedDuplicate(TcpConnection c, TcpSegment s) {
        FreeBsdSackList list = c.sackBlocks == null ? null : c.sackBlocks.freeBsd();
        TcpHeader h = s.header();
        int len = s.payload().length();
        int offset = h.seq() - c.rcvNxt;
        if (list == null || len == 0 || offset >= 0 || offset + len > 0 || h.has(TcpHeader.SYN)
                || h.has(TcpHeader.RST) || c.state instanceof TcpState.TimeWait) {
            return;
        }
        long seq = c.rcvNxtAbs + offset;
        list.updateSackList(seq, seq + len, c.rcvNxtAbs);
    }

    /** True when the todrop rule recorded a D-SACK block: FreeBSD then sets TF_ACKNOW. */
    boolean ackNow() {
        return dropped;
    }

    /**
     * The step-6 rules once {@code stored} bytes of the segment (after trimming to RCV.NXT and the window) went to
     * the socket or the reassembly queue and RCV.NXT reached {@code rcvNxt} (before a FIN).
     */
    void afterText(int stored, long rcvNxt) {
        if (stored <= 0) {
            return;
        }
        long end = saveStart + stored;
        long tlen = reassLength(heldBefore, saveStart, end);
        if (tlen > 0 && rcvNxt > saveRnxt) {
            if (list.size() >= 1 && list.firstEnd() == saveStart) { // partial overlap, recorded at todrop
                list.updateSackList(list.firstStart(), list.firstEnd(), rcvNxt);
            } else {
                list.updateDsackList(saveStart, end, rcvNxt);
            }
        } else if (tlen >= stored) {
            list.updateDsackList(saveStart, end, rcvNxt);
        } else if (tlen > 0) {
            list.updateDsackList(saveStart, saveStart + tlen, rcvNxt);
        }
    }

    /**
     * The segment length {@code [start, end)} has after FreeBSD's tcp_reass (tcp_reass.c), given the held ranges
     * {@code held} in sequence order before it arrived — the queue entries, which tcp_reass keeps merged: the
     * length of the entry the text joined (a wholly duplicate segment: the entry that already held it), or the
     * segment's own length when it became a new entry or was taken in order. Not modelled: the queue and mbuf limits
     * and the FIN checks that set it to zero.
     */
    static long reassLength(List<SeqRange> held, long start, long end) {
        if (held.isEmpty()) {
            return end - start; // taken in order (tcp_do_segment inline) or the first entry
        }
        SeqRange last = held.getLast();
        if (start >= last.start() && start <= last.end()) { // the common case: it continues the last entry
            return last.end() - start >= end - start ? last.length() : end - last.start();
        }
        if (start > last.end()) {
            return end - start;
        }
        SeqRange first = held.getFirst();
        if (start < first.start() && end >= first.start() && end < first.end()) {
            return first.end() - start; // prepended to the first entry
        }
        if (end < first.start()) {
            return end - start;
        }
        int q = 0;
        while (held.get(q).start() <= start) {
            q++; // the first entry beginning after the segment (one exists: start < last.start())
        }
        SeqRange p = q == 0 ? null : held.get(q - 1);
        if (end < held.get(q).start() && (p == null || start > p.end())) {
            return end - start; // fits between, a new entry
        }
        if (p != null && start <= p.end()) {
            if (p.end() - start >= end - start) {
                return p.length(); // wholly inside the previous entry
            }
            return mergeForward(held, q, p.start(), end); // appended to it, then merged forward
        }
        return mergeForward(held, q + 1, start, Math.max(end, held.get(q).end())); // replaces or prepends q
    }

    /** tcp_reass_merge_forward: the entry [start, max) swallows the entries from {@code from} it reaches. */
    private static long mergeForward(List<SeqRange> held, int from, long start, long max) {
        long end = max;
        for (int i = from; i < held.size() && held.get(i).start() <= end; i++) {
            end = Math.max(end, held.get(i).end());
        }
        return end - start;
    }

    /** {@code ranges} sorted by start. */
    static List<SeqRange> inOrder(List<SeqRange> ranges) {
        List<SeqRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(SeqRange::start));
        return List.copyOf(sorted);
    }
}
