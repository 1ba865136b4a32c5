/**
 * The TCP protocol core (RFC 9293), sans-IO: segments and time in, segments and facts out; one record type per
 * state ({@link io.jnetstack.stack.tcp.TcpState}). {@link io.jnetstack.stack.tcp.TcpConnection} holds the
 * transmission control block (its variables in {@code TransmissionControlBlock}); rule classes work on it:
 * {@code ActiveOpen} (the SYN, its retransmission and give-up), {@code Handshake} (the passive open, the SYN options,
 * the state that starts at ESTABLISHED), {@code SegmentArrival} and {@code Timeouts} (segments and timers to the
 * rules of the state), {@code SynSentInput} and {@code SynchronizedInput} (segment arrival, RFC 9293 §3.10.7 with
 * the RFC 5961 mitigations and PAWS), {@code IcmpInput} (ICMP errors and path MTU reports), {@code Sender} (output
 * within the peer's and the congestion window, Nagle, RTO and persist timers, give-up), {@code Recovery} (duplicate
 * ACKs, RFC 6582 NewReno and RFC 6675 SACK loss recovery), {@code Receiver} (acceptability, reassembly, FIN, delayed
 * ACKs, window growth and buffer auto-sizing), {@code SackBlocks} (the receiver's SACK report; FreeBSD's own list in
 * {@code FreeBsdSackList}, fed by {@code FreeBsdSackInput}), {@code Closer} (CLOSE, shutdown, ABORT),
 * {@code KeepAlive}, {@code SynAckTimer}, {@code InputScreening} (the personality's RST, SYN and SYN+FIN
 * screening, read per segment).
 * Congestion window arithmetic is in {@code io.jnetstack.stack.tcp.cc}. Every OS difference (SYN layout and
 * schedule, RTO bounds, give-up rules, TIME-WAIT and other timers, ACK policy and Nagle, buffers, congestion
 * control, RST and close rules, SACK reporting) comes from the {@link io.jnetstack.personality.Personality}.
 *
 * <p>May depend on: wire, time, personality. Must not: do I/O, read a clock, block, or know about sockets.
 */
package io.jnetstack.stack.tcp;
