package io.jnetstack.stack.tcp;

/**
 * Conversion between 32-bit wire sequence numbers (RFC 9293 §3.4) and the unwrapped 64-bit "absolute" sequence
 * numbers the SACK structures keep. Convention: an absolute number's low 32 bits are the wire value, so
 * {@link #wrap} is a plain cast. Start a connection's counters at {@link #origin} so that values up to 2^32 before
 * the initial sequence number still unwrap to non-negative numbers (-1 can then serve as "none").
 */
final class SeqSpace {
    /** 2^32: the size of the wire sequence space. */
    static final long SPACE = 1L << 32;

    private SeqSpace() {}

    /** The absolute number for an initial sequence number: in the second 2^32 epoch, low 32 bits = {@code isn}. */
    static long origin(int isn) {
        return SPACE + Integer.toUnsignedLong(isn);
    }

    /**
     * The 64-bit value whose low 32 bits are {@code seq} and that lies closest to {@code near}: within
     * -2^31..2^31-1 of it (at exactly 2^31 away the lower candidate is chosen, RFC 1982 §3.2 leaves it undefined).
     */
    static long unwrap(int seq, long near) {
        int delta = seq - (int) near; // signed modular distance, wraps in 32 bits
        return near + delta;
    }

    /** The wire (32-bit) form of an absolute sequence number. */
    static int wrap(long abs) {
        return (int) abs;
    }
}
