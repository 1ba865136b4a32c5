/**
 * The seam between a stack and whatever carries its frames, and the decorators that sit on it.
 *
 * <p>Owns: {@link io.jnetstack.link.LinkEndpoint} (one network attachment: Ethernet or raw IP), frame observers
 * (pcap tap, tracer), and fault injection as a chain of {@link io.jnetstack.link.Rule} → {@link
 * io.jnetstack.link.Verdict}.
 *
 * <p>May depend on: wire, time. Must not: know about sockets, hosts or the simulator's scheduler; read the wall
 * clock; draw randomness except from a {@link io.jnetstack.time.RandomSource} it is given.
 */
package io.jnetstack.link;
