/**
 * The embedded simulated network: virtual time, the event queue, hosts that each run a {@link
 * io.jnetstack.stack.Stack} under a personality, Ethernet segments with switch semantics, point-to-point links, link
 * properties (delay, jitter, rate, queue, loss) and fault rules on links and hosts.
 *
 * <p>Mechanism apart from policy (turmoil): links and hosts keep no clock; the {@link io.jnetstack.sim.Simulation}
 * owns virtual time and the queue ordered by (time, insertion sequence). Every random choice derives from the
 * simulation's seed.
 *
 * <p>Application code runs in virtual time (design.md §5): {@link io.jnetstack.sim.SimHost#spawn} makes a {@link
 * io.jnetstack.sim.SimProcess}, whose {@link io.jnetstack.sim.SimThread}s run one at a time under the baton of
 * {@code SimScheduler} — the only code here that starts threads — and block through {@link
 * io.jnetstack.socket.ThreadContext}.
 *
 * <p>May depend on: socket, stack, link, personality, wire, time. Must not: read the wall clock, draw unseeded
 * randomness, iterate hash-ordered collections, or import cli.
 */
package io.jnetstack.sim;
