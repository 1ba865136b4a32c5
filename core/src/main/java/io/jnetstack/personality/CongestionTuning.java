package io.jnetstack.personality;

/**
 * The knobs on which kernels that run "the same" algorithm differ.
 *
 * @param abcLimitSegments the RFC 3465 L: slow start grows cwnd by at most L × SMSS per ACK; 0 means no cap
 *                         (Linux {@code tcp_slow_start()} counts every acknowledged segment of a stretch ACK)
 * @param idleRestart      the restart rule after an idle period (RFC 5681 §4.1)
 * @param hystart          whether CUBIC runs HyStart delay detection in slow start (Linux tcp_cubic.c hystart=1)
 */
public record CongestionTuning(int abcLimitSegments, IdleRestart idleRestart, boolean hystart) {
    /** Validates the arguments. */
    public CongestionTuning {
        if (abcLimitSegments < 0) {
            throw new IllegalArgumentException("abcLimitSegments " + abcLimitSegments + " < 0");
        }
        if (idleRestart == null) {
            throw new IllegalArgumentException("idleRestart is null");
        }
    }

    /**
     * RFC 3465 L = 2 (FreeBSD sys/netinet/cc/cc.c {@code newreno_cc_ack_received}, abc_l_var 2), RFC 5681 §4.1
     * restart to RW, HyStart on.
     */
    public static CongestionTuning rfc() {
        return new CongestionTuning(2, IdleRestart.RESTART_WINDOW, true);
    }

    /**
     * Linux: no ABC cap ({@code tcp_slow_start()} adds every acked segment), {@code tcp_cwnd_restart()} halving,
     * HyStart on.
     */
    public static CongestionTuning linux() {
        return new CongestionTuning(0, IdleRestart.HALVE_PER_RTO, true);
    }
}
