package io.jnetstack.socket;

import java.util.BitSet;

/** {@code fd_set} for select(2): a set of descriptor numbers below FD_SETSIZE. */
public final class FdSet {
    /** FD_SETSIZE: 1024 on all four systems. */
    public static final int SIZE = 1024;
    private final BitSet bits = new BitSet(SIZE);

    /** FD_SET. */
    public void set(int fd) {
        bits.set(fd);
    }

    /** FD_CLR. */
    public void clear(int fd) {
        bits.clear(fd);
    }

    /** FD_ISSET. */
    public boolean isSet(int fd) {
        return fd >= 0 && bits.get(fd);
    }

    /** FD_ZERO. */
    public void zero() {
        bits.clear();
    }

    BitSet copy() {
        return (BitSet) bits.clone();
    }

    void replace(BitSet b) {
        bits.clear();
        bits.or(b);
    }
}
