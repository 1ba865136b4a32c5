package io.jnetstack.stack.tcp;

import io.jnetstack.personality.SackReporting;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The data receiver's SACK state (RFC 2018 §4, D-SACK of RFC 2883 §4): the out-of-order ranges held beyond RCV.NXT
 * (a mirror of the {@link ReassemblyQueue}'s coverage, merged into maximal contiguous ranges) and at most one
 * pending duplicate report. All numbers are absolute ({@link SeqSpace}).
 *
 * <p>Ranges are kept most recently changed first. RFC 2018 §4: the first block "MUST specify the contiguous block
 * of data containing the segment which triggered this ACK" and the rest repeat "the most recently reported SACK
 * blocks"; a range is first-reported exactly when it last changed, so this one order serves both rules.
 *
 * <p>Decision: at most {@link #MAX_RANGES} ranges are tracked; beyond that the least recently changed one is
 * forgotten (its data stays in the reassembly queue and is still delivered, it is just no longer reported — the
 * sender keeps what it already learned, and RFC 2018 §4 only asks for "as many distinct SACK blocks as possible").
 *
 * <p>Under {@link SackReporting#FREEBSD} the held ranges still mirror the queue, but the ACKs report FreeBSD's own
 * list ({@link FreeBsdSackList}, fed by {@link FreeBsdSackInput}) instead of the generic one.
 */
final class SackBlocks {
    /** The most out-of-order ranges remembered (bounded memory). */
    static final int MAX_RANGES = 32;

    private final ArrayList<SeqRange> ranges = new ArrayList<>();
    private SeqRange dsack;
    private long rcvNxt;
    private final FreeBsdSackList freeBsd;

    /** Starts with RCV.NXT at {@code rcvNxt} (absolute) and nothing held, reporting the generic list. */
    SackBlocks(long rcvNxt) {
        this(rcvNxt, SackReporting.RECENT_FIRST);
    }

    /** Starts with RCV.NXT at {@code rcvNxt} (absolute) and nothing held, reporting as {@code reporting} says. */
    SackBlocks(long rcvNxt, SackReporting reporting) {
        this.rcvNxt = rcvNxt;
        this.freeBsd = switch (reporting) {
            case RECENT_FIRST -> null;
            case FREEBSD -> new FreeBsdSackList();
        };
    }

    /** FreeBSD's list when the personality reports by FreeBSD's rules, else null. */
    FreeBsdSackList freeBsd() {
        return freeBsd;
    }

    /**
     * Records that the segment text {@code [start, end)} was queued beyond RCV.NXT. Any part of it that was already
     * held becomes the pending D-SACK block (the lowest such duplicate stretch: RFC 2883 §4 reports "a duplicate
     * contiguous sequence"); text at or below RCV.NXT is not recorded here (report it with {@link #onDuplicate}).
     */
    void onOutOfOrder(long start, long end) {
        long s = Math.max(start, rcvNxt);
        if (end <= s) {
            return;
        }
        SeqRange dup = lowestOverlap(s, end);
        if (dup != null) {
            dsack = dup;
        }
        long lo = s;
        long hi = end;
        for (Iterator<SeqRange> it = ranges.iterator(); it.hasNext(); ) {
            SeqRange r = it.next();
            if (r.start() <= hi && lo <= r.end()) { // overlapping or adjacent: merge (stored ranges never touch)
                lo = Math.min(lo, r.start());
                hi = Math.max(hi, r.end());
                it.remove();
            }
        }
        ranges.addFirst(new SeqRange(lo, hi));
        if (ranges.size() > MAX_RANGES) {
            ranges.removeLast();
        }
    }

    /**
     * Records that the segment text {@code [start, end)} had been received entirely before (below RCV.NXT or inside
     * a held range): the next ACK reports it as its first, D-SACK, block (RFC 2883 §4), once. A held range the
     * duplicate falls in becomes the most recent, so it follows as the second block (RFC 2883 §4: "the second SACK
     * block ... should specify that (possibly larger) block of data"). A newer duplicate replaces an unsent one.
     */
    void onDuplicate(long start, long end) {
        if (end <= start) {
            return;
        }
        dsack = new SeqRange(start, end);
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).overlaps(start, end)) {
                ranges.addFirst(ranges.remove(i));
                return;
            }
        }
    }

    /** RCV.NXT moved to {@code newRcvNxt}: ranges at or below it are dropped, one straddling it is trimmed. */
    void onAdvance(long newRcvNxt) {
        if (newRcvNxt <= rcvNxt) {
            return;
        }
        rcvNxt = newRcvNxt;
        for (int i = ranges.size() - 1; i >= 0; i--) {
            SeqRange r = ranges.get(i);
            if (r.end() <= rcvNxt) {
                ranges.remove(i);
            } else if (r.start() < rcvNxt) {
                ranges.set(i, new SeqRange(rcvNxt, r.end()));
            }
        }
    }

    /**
     * The blocks for the next ACK, at most {@code maxBlocks} (RFC 2018 §3: 4 fit the option space, 3 alongside
     * timestamps): the pending D-SACK block first (consumed: reported once), then the held ranges most recently
     * changed first. Empty when there is nothing to report.
     */
    List<SeqRange> blocksForAck(int maxBlocks) {
        if (maxBlocks <= 0) {
            return List.of();
        }
        if (freeBsd != null) { // tcp_output: the list as it stands, then tcp_clean_dsack_blocks once it went out
            List<SeqRange> out = freeBsd.blocks(maxBlocks);
            freeBsd.cleanDsackBlocks(rcvNxt);
            return out;
        }
        List<SeqRange> out = new ArrayList<>(maxBlocks);
        if (dsack != null) {
            out.add(dsack);
            dsack = null;
        }
        for (int i = 0; i < ranges.size() && out.size() < maxBlocks; i++) {
            out.add(ranges.get(i));
        }
        return List.copyOf(out);
    }

    /** {@link #blocksForAck} as a wire option, or empty when there is nothing to report. */
    Optional<TcpOption.Sack> optionForAck(int maxBlocks) {
        List<SeqRange> blocks = blocksForAck(maxBlocks);
        return blocks.isEmpty() ? Optional.empty() : Optional.of(toOption(blocks));
    }

    /** The wire SACK option for 1..4 blocks: each edge's low 32 bits ({@link SeqSpace#wrap}). */
    static TcpOption.Sack toOption(List<SeqRange> blocks) {
        List<TcpOption.SackBlock> wire = new ArrayList<>(blocks.size());
        for (SeqRange b : blocks) {
            wire.add(new TcpOption.SackBlock(SeqSpace.wrap(b.start()), SeqSpace.wrap(b.end())));
        }
        return new TcpOption.Sack(wire);
    }

    /** The held ranges, most recently changed first. */
    List<SeqRange> held() {
        return List.copyOf(ranges);
    }

    /** The held ranges in sequence order. */
    List<SeqRange> heldInOrder() {
        return FreeBsdSackInput.inOrder(ranges);
    }

    /** How many blocks the next ACK would carry before the option-space limit. */
    int pendingBlocks() {
        if (freeBsd != null) {
            return freeBsd.size();
        }
        return ranges.size() + (dsack != null ? 1 : 0);
    }

    /** True when a D-SACK block waits for the next ACK. */
    boolean duplicatePending() {
        return dsack != null;
    }

    /** The part of the lowest held range that {@code [start, end)} overlaps, or null when none does. */
    private SeqRange lowestOverlap(long start, long end) {
        SeqRange best = null;
        for (SeqRange r : ranges) {
            if (r.overlaps(start, end)) {
                SeqRange part = new SeqRange(Math.max(start, r.start()), Math.min(end, r.end()));
                best = best == null || part.start() < best.start() ? part : best;
            }
        }
        return best;
    }
}
