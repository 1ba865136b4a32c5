package io.jnetstack.stack.tcp;

/**
 * A non-empty half-open range {@code [start, end)} of absolute (unwrapped, see {@link SeqSpace}) sequence numbers:
 * the shape of a SACK block, whose right edge is "the sequence number immediately following the last sequence
 * number of this block" (RFC 2018 §3).
 */
record SeqRange(long start, long end) {
    /** Rejects empty or inverted ranges (a programmer error). */
    SeqRange {
        if (end <= start) {
            throw new IllegalArgumentException("empty sequence range [" + start + ", " + end + ")");
        }
    }

    /** Bytes covered. */
    long length() {
        return end - start;
    }

    /** True when {@code seq} lies in the range. */
    boolean contains(long seq) {
        return start <= seq && seq < end;
    }

    /** True when the two ranges share at least one sequence number. */
    boolean overlaps(long otherStart, long otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    /** "[start,end)" in absolute numbers. */
    @Override
    public String toString() {
        return "[" + start + "," + end + ")";
    }
}
