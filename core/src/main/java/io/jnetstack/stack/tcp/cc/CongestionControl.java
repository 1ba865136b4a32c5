package io.jnetstack.stack.tcp.cc;

import io.jnetstack.personality.IdleRestart;
/**
 * One connection's congestion controller: it owns cwnd and ssthresh (in bytes) and nothing else. The connection
 * reports ACKs and congestion signals; loss detection and recovery stay in the connection (Linux's
 * {@code tcp_congestion_ops} split: {@code ssthresh()}, {@code cong_avoid()}; no undo).
 */
public interface CongestionControl {
    /** Algorithm name as Linux's tcp_congestion_control shows it: "newreno" or "cubic". */
    String name();

    /** The congestion window in bytes. */
    long cwnd();

    /** The slow-start threshold in bytes; {@link Long#MAX_VALUE} initially (RFC 5681 §3.1 "arbitrarily high"). */
    long ssthresh();

    /**
     * New data acknowledged outside loss recovery: slow start (RFC 5681 §3.1 with RFC 3465 byte counting) or
     * congestion avoidance. cwnd does not grow when the sender was not cwnd-limited (Linux
     * {@code tcp_is_cwnd_limited}).
     *
     * @param ackedBytes  bytes newly acknowledged by this ACK
     * @param inFlight    bytes outstanding before this ACK
     * @param cwndLimited whether the sender was limited by cwnd (not by the application or the peer's window)
     * @param rttNs       the RTT sample this ACK yields, or -1
     * @param nowNs       the current time
     */
    void onAck(long ackedBytes, long inFlight, boolean cwndLimited, long rttNs, long nowNs);

    /**
     * Loss detected by duplicate ACKs or SACK (entering fast recovery): sets ssthresh (NewReno: RFC 5681 eq. 4;
     * CUBIC: RFC 9438 §4.6 with fast convergence §4.7) and cwnd = ssthresh.
     */
    void onCongestionEvent(long inFlight, long nowNs);

    /**
     * Recovery ended (the recovery point was acknowledged): cwnd = ssthresh (RFC 6582 §3.2 step 3, first option;
     * Linux {@code tcp_end_cwnd_reduction}). A no-op before any congestion event.
     */
    void onRecoveryExit(long inFlight, long nowNs);

    /**
     * Retransmission timeout: ssthresh per RFC 5681 §3.1 eq. 4 (CUBIC: §4.8, from beta_cubic) and cwnd = LW = 1 SMSS.
     * A repeated timeout before new data is acknowledged leaves ssthresh alone (RFC 5681 §3.1, "retransmitted
     * more than once").
     */
    void onTimeout(long inFlight, long nowNs);

    /**
     * Sending resumes after an idle period with nothing outstanding. When {@code idleNs > rtoNs} the window is
     * brought back towards the restart window (RFC 5681 §4.1) as the {@link IdleRestart} rule of this controller
     * says; CUBIC also shifts its epoch by the idle time (Linux {@code cubictcp_cwnd_event}, CA_EVENT_TX_START).
     */
    void onIdleRestart(long idleNs, long rtoNs, long nowNs);

    /** The MSS changed (PMTU discovery): cwnd and ssthresh keep their whole-segment counts (RFC 2414 §2 ratio). */
    void setMss(int mss);
}
