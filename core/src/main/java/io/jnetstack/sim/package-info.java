/**
 * The embedded simulated network: virtual time, the event queue, hosts that each run a {@link
 * io.jnetstack.stack.Stack} under a personality, Ethernet segments with switch semantics, point-to-point links, link
 * properties (delay, jitter, rate, queue, loss) and fault rules on links and hosts.
 *
 * <p>Mechanism apart from policy (turmoil): links and hosts keep no clock; the {@link io.jnetstack.sim.Simulation}
 * owns virtual time and the queue ordered by (time, insertion sequence). Every random choice derives from the
 * simulation's seed.
 *
 * <p>May depend on: stack, link, personality, wire, time. Must not: read the wall clock, draw unseeded randomness,
 * iterate hash-ordered collections, or import cli.
 */
package io.jnetstack.sim;
