/**
 * Congestion window arithmetic: how the congestion window (cwnd) and the slow-start threshold (ssthresh) move on
 * ACKs, congestion events, timeouts and idle restarts, behind {@link io.jnetstack.stack.tcp.cc.CongestionControl}.
 * The split is Linux's {@code tcp_congestion_ops}: the connection owns loss detection and recovery (duplicate-ACK
 * counting, RFC 6675 pipe, RFC 6582 partial ACKs) and tells this package what happened; this package only decides
 * cwnd and ssthresh.
 *
 * <p>Implementations: {@link io.jnetstack.stack.tcp.cc.NewReno} (RFC 5681 + RFC 3465) and
 * {@link io.jnetstack.stack.tcp.cc.Cubic} (RFC 9438 with Linux's constants and HyStart delay detection).
 *
 * <p>May depend on: java.lang and {@code io.jnetstack.personality} only. Must not: do I/O, read a clock (time is
 * passed in as nanoseconds), use Hash* collections or randomness.
 */
package io.jnetstack.stack.tcp.cc;
