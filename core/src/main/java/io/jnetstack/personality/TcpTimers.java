package io.jnetstack.personality;

/**
 * An OS's TCP timers besides retransmission: how long TIME-WAIT lasts, how long an orphaned FIN-WAIT-2 waits for
 * the peer's FIN, how long an ACK may be delayed, and the keep-alive schedule.
 *
 * @param timeWaitNs       TIME-WAIT duration (2MSL, RFC 9293 §3.4.2)
 * @param finWait2Ns       how long a FIN-WAIT-2 connection the application has closed waits for the peer's FIN
 * @param delayedAckNs     the delayed-ACK timer (RFC 1122 §4.2.3.2: at most 500 ms)
 * @param keepIdleNs       idle time before the first keep-alive probe (RFC 1122 §4.2.3.6)
 * @param keepIntervalNs   time between unanswered probes
 * @param keepCount        unanswered probes before the connection is dropped
 */
public record TcpTimers(long timeWaitNs, long finWait2Ns, long delayedAckNs, long keepIdleNs, long keepIntervalNs,
        int keepCount) {
    private static final long MS = 1_000_000L;

    /** Validates that every duration is positive and the delayed-ACK timer obeys RFC 1122's 500 ms ceiling. */
    public TcpTimers {
        if (timeWaitNs <= 0 || finWait2Ns <= 0 || delayedAckNs <= 0 || delayedAckNs > 500 * MS || keepIdleNs <= 0
                || keepIntervalNs <= 0 || keepCount <= 0) {
            throw new IllegalArgumentException("TCP timers out of range");
        }
    }

    /** From milliseconds (keep-alive in seconds). */
    public static TcpTimers of(long timeWaitMs, long finWait2Ms, long delayedAckMs, long keepIdleS, long keepIntervalS,
            int keepCount) {
        return new TcpTimers(timeWaitMs * MS, finWait2Ms * MS, delayedAckMs * MS, keepIdleS * 1000 * MS,
                keepIntervalS * 1000 * MS, keepCount);
    }
}
