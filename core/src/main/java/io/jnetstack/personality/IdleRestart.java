package io.jnetstack.personality;

/** How cwnd is brought back after an idle period longer than one RTO (RFC 5681 §4.1, RW = min(IW, cwnd)). */
public enum IdleRestart {
    /**
     * Linux net/ipv4/tcp_output.c {@code tcp_cwnd_restart()}: cwnd is halved once for every full RTO of idle time
     * beyond the first, but never below RW.
     */
    HALVE_PER_RTO,
    /**
     * RFC 5681 §4.1 as written, and FreeBSD sys/netinet/cc/cc.c {@code newreno_cc_after_idle()}: cwnd = RW at once.
     */
    RESTART_WINDOW
}
