package io.jnetstack.personality;

/**
 * The per-socket TCP timer options an OS offers (FreeBSD tcp_usrreq.c tcp_default_ctloutput: TCP_KEEPINIT,
 * TCP_KEEPIDLE and TCP_KEEPINTVL in seconds, TCP_KEEPCNT a count) and the host-wide values a socket that set none
 * reports and runs with (FreeBSD TP_KEEPINIT(tp) and friends: the tcpcb's own value, else the sysctl).
 *
 * @param keepInitNs     how long a connection attempt may take (net.inet.tcp.keepinit)
 * @param keepIdleNs     idle time before the first keep-alive probe (net.inet.tcp.keepidle)
 * @param keepIntervalNs time between unanswered probes (net.inet.tcp.keepintvl)
 * @param keepCount      unanswered probes before the drop (net.inet.tcp.keepcnt)
 * @param maxSeconds     the largest number of seconds setsockopt accepts (FreeBSD {@code UINT_MAX / hz}); more is
 *                       EINVAL
 */
public record TcpTimerOptions(long keepInitNs, long keepIdleNs, long keepIntervalNs, int keepCount,
        long maxSeconds) {
    /** Validates: durations positive, the count and the ceiling not negative. */
    public TcpTimerOptions {
        if (keepInitNs <= 0 || keepIdleNs <= 0 || keepIntervalNs <= 0 || keepCount < 0 || maxSeconds < 0) {
            throw new IllegalArgumentException("TCP timer options out of range");
        }
    }
}
