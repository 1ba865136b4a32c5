package io.jnetstack.personality;

/** An inclusive range of port numbers, e.g. the ephemeral ports an OS allocates from. */
public record PortRange(int first, int last) {
    /** Validates 1 ≤ first ≤ last ≤ 65535. */
    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("bad port range " + first + "-" + last);
        }
    }

    /** Number of ports in the range. */
    public int size() {
        return last - first + 1;
    }
}
