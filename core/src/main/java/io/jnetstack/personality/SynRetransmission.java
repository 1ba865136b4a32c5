package io.jnetstack.personality;

import java.util.Arrays;

/**
 * When an OS sends its SYN again while a connection attempt gets no answer, and when it gives up (connect() then
 * fails with ETIMEDOUT).
 *
 * @param sendOffsetsNs offsets from the first SYN of every SYN sent, the first being 0
 * @param giveUpNs      offset from the first SYN at which the attempt is abandoned
 */
public record SynRetransmission(long[] sendOffsetsNs, long giveUpNs) {
    /** Validates: starts at 0, strictly increasing, last send before giving up. */
    public SynRetransmission {
        sendOffsetsNs = sendOffsetsNs.clone();
        if (sendOffsetsNs.length == 0 || sendOffsetsNs[0] != 0) {
            throw new IllegalArgumentException("the first SYN is sent at offset 0");
        }
        for (int i = 1; i < sendOffsetsNs.length; i++) {
            if (sendOffsetsNs[i] <= sendOffsetsNs[i - 1]) {
                throw new IllegalArgumentException("SYN offsets must increase");
            }
        }
        if (giveUpNs <= sendOffsetsNs[sendOffsetsNs.length - 1]) {
            throw new IllegalArgumentException("give-up must come after the last SYN");
        }
    }

    /** From offsets in milliseconds. */
    public static SynRetransmission ofMillis(long giveUpMs, long... offsetsMs) {
        return new SynRetransmission(Arrays.stream(offsetsMs).map(m -> m * 1_000_000L).toArray(), giveUpMs * 1_000_000L);
    }

    /** Number of SYNs sent in all (the first plus retransmissions). */
    public int synCount() {
        return sendOffsetsNs.length;
    }

    /** Offset of SYN number {@code i} (0-based). */
    public long offsetNs(int i) {
        return sendOffsetsNs[i];
    }

    /**
     * This schedule cut to at most {@code synCount} SYNs and abandoned at {@code giveUpNs} (SYNs due at or after it
     * are dropped): what a per-socket TCP_SYNCNT (Linux), TCP_KEEPINIT (FreeBSD) or TCP_CONNECTIONTIMEOUT (macOS)
     * turns the default into. The socket layer computes {@code giveUpNs} by its OS's rule.
     */
    public SynRetransmission truncated(int synCount, long giveUpNs) {
        if (synCount < 1 || giveUpNs <= 0) {
            throw new IllegalArgumentException("need at least one SYN and a positive give-up time");
        }
        int n = 0;
        while (n < Math.min(synCount, sendOffsetsNs.length) && sendOffsetsNs[n] < giveUpNs) {
            n++;
        }
        return new SynRetransmission(Arrays.copyOf(sendOffsetsNs, n), giveUpNs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SynRetransmission r && Arrays.equals(sendOffsetsNs, r.sendOffsetsNs)
                && giveUpNs == r.giveUpNs;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sendOffsetsNs) * 31 + Long.hashCode(giveUpNs);
    }

    @Override
    public String toString() {
        return "SynRetransmission" + Arrays.toString(sendOffsetsNs) + " giveUp=" + giveUpNs;
    }
}
