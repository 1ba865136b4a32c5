package io.jnetstack.stack.tcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data sender's SACK scoreboard and the RFC 6675 §4 routines over it: IsLost, SetPipe (as {@link #pipe}) and
 * NextSeg (rules 1–3 in {@link #nextSeg}, the rule 4 rescue retransmission in {@link #rescueSeg}). All numbers are
 * absolute ({@link SeqSpace}); SACKed data is kept as maximal ranges in a sorted map, never per byte, so every
 * routine costs O(log ranges) or O(ranges), not O(window).
 *
 * <p>HighRxt convention: RFC 6675 §2 defines HighRxt as the highest octet retransmitted; here {@code highRxt} is
 * one past it (the end of the last retransmitted segment, {@code sndUna} when nothing was retransmitted), so the
 * RFC's "S1 &lt;= HighRxt" reads {@code s1 < highRxt} and "S2 &gt; HighRxt" reads {@code s2 >= highRxt}.
 *
 * <p>Decision: {@link #reset} (on a retransmission timeout) clears the scoreboard, as RFC 2018 §8 advises ("the
 * data receiver may have reneged") and RFC 6675 §5.1 leaves standing; FreeBSD does the same (tcp_free_sackholes),
 * Linux instead keeps the SACK marks. At most {@link #MAX_RANGES} ranges are kept: a block that would add a new
 * range beyond that is ignored (FreeBSD likewise caps its hole list), so a hostile receiver cannot grow memory.
 */
final class SackScoreboard {
    /** DupThresh (RFC 6675 §2, RFC 5681 §3.2). */
    static final int DUP_THRESH = 3;
    /** The most separate SACKed ranges tracked. */
    static final int MAX_RANGES = 256;

    /** start → end of each SACKed range above SND.UNA; ranges neither overlap nor touch. */
    private final TreeMap<Long, Long> sacked = new TreeMap<>();
    private long sndUna;
    private long sndMax;
    private long sackedBytes;

    /** An empty scoreboard with SND.UNA = SND.MAX = {@code sndUna}. */
    SackScoreboard(long sndUna) {
        this.sndUna = sndUna;
        this.sndMax = sndUna;
    }

    /**
     * Takes in an ACK: SND.UNA moves to {@code ackedUna} (SACK marks at or below it go), SND.MAX to at least
     * {@code sndMax}, and each valid block is marked. Ignored are a D-SACK first block (RFC 2883 §4: it lies below
     * the cumulative ACK or inside the second block) and blocks not wholly in (SND.UNA, SND.MAX] (RFC 2018 §3
     * edges; FreeBSD's tcp_sack_doack applies the same test). Returns true when some octet became SACKed for the
     * first time, which makes the ACK a "DupAck" under RFC 6675 §2 when it does not advance SND.UNA.
     */
    boolean update(long ackedUna, List<SeqRange> blocks, long sndMax) {
        advance(ackedUna);
        onSent(sndMax);
        boolean grew = false;
        for (int i = 0; i < blocks.size(); i++) {
            SeqRange b = blocks.get(i);
            if (i == 0 && isDsack(blocks, ackedUna)) {
                continue;
            }
            if (b.start() <= sndUna || b.end() > this.sndMax) {
                continue;
            }
            grew |= mark(b.start(), b.end()) > 0;
        }
        return grew;
    }

    /** Raises SND.MAX to {@code end} after sending (pipe and rule 4 look up to SND.MAX). */
    void onSent(long end) {
        sndMax = Math.max(sndMax, Math.max(end, sndUna));
    }

    /** True when the first block is a D-SACK (RFC 2883 §4): below the cumulative ACK, or inside the second block. */
    static boolean isDsack(List<SeqRange> blocks, long ack) {
        if (blocks.isEmpty()) {
            return false;
        }
        SeqRange first = blocks.getFirst();
        if (first.start() < ack) {
            return true;
        }
        return blocks.size() > 1 && blocks.get(1).start() <= first.start() && first.end() <= blocks.get(1).end();
    }

    /**
     * IsLost (RFC 6675 §4): true when {@code seq} (at or above SND.UNA, not SACKed) has DupThresh discontiguous
     * SACKed ranges above it, or more than (DupThresh − 1) × SMSS SACKed octets with higher sequence numbers.
     */
    boolean isLost(long seq, int smss) {
        return seq >= sndUna && seq < lostEdge(smss) && !isSacked(seq);
    }

    /**
     * SetPipe (RFC 6675 §4): over each octet S1 in [SND.UNA, SND.MAX) not SACKed, one for "IsLost(S1) is false"
     * (still in the network) and one more for "S1 &lt;= HighRxt" (its retransmission is in the network).
     */
    long pipe(long highRxt, int smss) {
        long notLost = unsackedBetween(Math.max(sndUna, lostEdge(smss)), sndMax);
        long retransmitted = unsackedBetween(sndUna, Math.min(highRxt, sndMax));
        return notLost + retransmitted;
    }

    /**
     * NextSeg rules 1–3 (RFC 6675 §4): the start of the next segment to send, or −1 (rule 5, failure; rule 4 is
     * {@link #rescueSeg}). Rule 1: the lowest unSACKed S2 at or above {@code highRxt}, below the highest SACKed
     * octet, that IsLost; else rule 2: new data at {@code sndNxt} (HighData + 1) when it is below {@code rwndEdge},
     * which the caller passes as min(SND.UNA + SND.WND, end of queued data); else rule 3: that S2 even if not
     * lost. The caller sends at most SMSS from there, and not past {@link #holeEnd} for a retransmission.
     */
    long nextSeg(long highRxt, long sndNxt, long rwndEdge, int smss) {
        long s2 = firstUnsackedFrom(Math.max(sndUna, highRxt));
        boolean belowSack = !sacked.isEmpty() && s2 < sacked.lastEntry().getValue(); // (1.b)
        if (belowSack && s2 < lostEdge(smss)) {
            return s2; // rule 1: (1.a) by construction, (1.b), (1.c)
        }
        if (sndNxt < rwndEdge) {
            return sndNxt; // rule 2
        }
        return belowSack ? s2 : -1; // rule 3, else failure
    }

    /**
     * NextSeg rule 4 (RFC 6675 §4), the rescue retransmission, to try when {@link #nextSeg} fails: if data is
     * outstanding and HighACK is above {@code rescueRxt} (−1 when undefined), the start of a segment of up to
     * {@code smss} octets ending with the highest outstanding unSACKed octet; else −1. The caller then sets
     * RescueRxt to RecoveryPoint and leaves HighRxt alone.
     */
    long rescueSeg(long rescueRxt, int smss) {
        if (sndUna >= sndMax || (rescueRxt >= 0 && sndUna <= rescueRxt)) {
            return -1;
        }
        long top = sndMax; // one past the highest unSACKed octet
        Map.Entry<Long, Long> last = sacked.lastEntry();
        if (last != null && last.getValue() >= top) {
            top = last.getKey();
        }
        if (top <= sndUna) {
            return -1;
        }
        Map.Entry<Long, Long> below = sacked.lowerEntry(top);
        long holeStart = below == null ? sndUna : Math.max(sndUna, below.getValue());
        return Math.max(holeStart, top - smss);
    }

    /** The end of the unSACKed stretch starting at {@code seq}: the next SACKed range's start, or SND.MAX. */
    long holeEnd(long seq) {
        Long next = sacked.higherKey(seq);
        return next == null ? sndMax : next;
    }

    /** True when {@code seq} has been SACKed (and is above SND.UNA). */
    boolean isSacked(long seq) {
        Map.Entry<Long, Long> r = sacked.floorEntry(seq);
        return r != null && seq < r.getValue();
    }

    /** Octets SACKed above SND.UNA. */
    long sackedBytes() {
        return sackedBytes;
    }

    /** The end of the highest SACKed range, or SND.UNA when nothing is SACKed. */
    long highestSacked() {
        return sacked.isEmpty() ? sndUna : sacked.lastEntry().getValue();
    }

    /** The SACKed ranges in sequence order. */
    List<SeqRange> sackedRanges() {
        List<SeqRange> out = new ArrayList<>(sacked.size());
        sacked.forEach((start, end) -> out.add(new SeqRange(start, end)));
        return out;
    }

    /** The number of separate SACKed ranges. */
    int rangeCount() {
        return sacked.size();
    }

    /** SND.UNA as last updated. */
    long sndUna() {
        return sndUna;
    }

    /** SND.MAX as last updated. */
    long sndMax() {
        return sndMax;
    }

    /** Forgets every SACK mark (after a retransmission timeout; see the class comment). SND.UNA/SND.MAX stay. */
    void reset() {
        sacked.clear();
        sackedBytes = 0;
    }

    /** Moves SND.UNA forward, dropping or trimming the SACKed ranges it passes. */
    private void advance(long una) {
        if (una <= sndUna) {
            return;
        }
        sndUna = una;
        sndMax = Math.max(sndMax, una);
        while (!sacked.isEmpty() && sacked.firstKey() < una) {
            Map.Entry<Long, Long> first = sacked.pollFirstEntry();
            long end = first.getValue();
            sackedBytes -= Math.min(end, una) - first.getKey();
            if (end > una) {
                sacked.put(una, end);
                return;
            }
        }
    }

    /** Marks {@code [start, end)} SACKed, merging with touching ranges; returns the octets newly marked. */
    private long mark(long start, long end) {
        long lo = start;
        long hi = end;
        long already = 0;
        Map.Entry<Long, Long> before = sacked.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            lo = before.getKey();
            hi = Math.max(hi, before.getValue());
            already += Math.min(end, before.getValue()) - start;
        }
        Map<Long, Long> inside = sacked.subMap(start, false, end, true);
        if (inside.isEmpty() && lo == start && sacked.size() >= MAX_RANGES) {
            return 0; // would be a new range beyond the cap
        }
        for (Map.Entry<Long, Long> r : inside.entrySet()) {
            hi = Math.max(hi, r.getValue());
            already += Math.min(end, r.getValue()) - r.getKey();
        }
        inside.clear();
        sacked.remove(lo);
        sacked.put(lo, hi);
        long added = (end - start) - already;
        sackedBytes += added;
        return added;
    }

    /** The lowest unSACKed sequence number at or above {@code seq}. */
    private long firstUnsackedFrom(long seq) {
        Map.Entry<Long, Long> r = sacked.floorEntry(seq);
        return r != null && seq < r.getValue() ? r.getValue() : seq;
    }

    /**
     * The IsLost boundary: an unSACKed octet at or above SND.UNA is lost exactly when it lies below this value,
     * because both IsLost counts only grow as the octet moves down. Only the top DupThresh ranges matter.
     */
    private long lostEdge(int smss) {
        long budget = (DUP_THRESH - 1L) * smss;
        long above = 0;
        int n = 0;
        for (Map.Entry<Long, Long> r : sacked.descendingMap().entrySet()) {
            long len = r.getValue() - r.getKey();
            if (above + len > budget) {
                return r.getValue() - (budget - above) - 1; // S1 with more than budget octets above it
            }
            above += len;
            if (++n == DUP_THRESH) {
                return r.getKey(); // S1 below DupThresh discontiguous ranges
            }
        }
        return Long.MIN_VALUE;
    }

    /** Octets in {@code [from, to)} that are not SACKed. */
    private long unsackedBetween(long from, long to) {
        if (to <= from) {
            return 0;
        }
        long covered = 0;
        Map.Entry<Long, Long> before = sacked.floorEntry(from);
        if (before != null && before.getValue() > from) {
            covered += Math.min(to, before.getValue()) - from;
        }
        for (Map.Entry<Long, Long> r : sacked.subMap(from, false, to, false).entrySet()) {
            covered += Math.min(to, r.getValue()) - r.getKey();
        }
        return (to - from) - covered;
    }
}
