/**
 * The main job's scenarios, built on the simulator: {@link io.jnetstack.demo.Demo} (two LANs behind a router,
 * pings, unreachables, a TTL-expiring probe) and {@link io.jnetstack.demo.Transfer} (one bulk TCP transfer over one
 * link, with its summary and {@link io.jnetstack.demo.SvgPlot SVG plot}). Tested directly; the CLI only parses flags
 * and calls them.
 *
 * <p>May depend on: sim, stack, link, personality, wire, time. Must not: read the wall clock or print directly
 * (output goes to the {@link java.util.function.Consumer} it is given).
 */
package io.jnetstack.demo;
