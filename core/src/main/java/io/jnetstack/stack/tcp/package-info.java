/**
 * The TCP protocol core (RFC 9293), sans-IO: segments and time in, segments and facts out; one record type per
 * state. Per-OS choices (SYN options and their order, windows, retransmission schedules) come from the
 * {@link io.jnetstack.personality.Personality}.
 *
 * <p>Decision (this session): connection establishment is complete — active and passive open, simultaneous open,
 * SYN retransmission and give-up per OS, the acceptability and RST/SYN/ACK checks of RFC 9293 §3.10.7 with the
 * RFC 5961 challenge ACKs — and ESTABLISHED accepts in-order data. Sending data, out-of-order reassembly, FIN and
 * the closing states, congestion control and the other timers are not here yet (issue #3 stays open for them).
 *
 * <p>May depend on: wire, time, personality. Must not: do I/O, read a clock, block, or know about sockets.
 */
package io.jnetstack.stack.tcp;
