/**
 * Virtual time primitives: the {@link io.jnetstack.time.NanoClock} abstraction, a manually advanced clock, the
 * single seeded {@link io.jnetstack.time.RandomSource} every random choice derives from, the discrete-event
 * {@link io.jnetstack.time.EventQueue} and the {@link io.jnetstack.time.TimerWheel} for protocol timers.
 *
 * <p>Owns: virtual time, event and timer ordering (time, then insertion order) and seeded randomness.
 *
 * <p>Must not: read the wall clock ({@code System.nanoTime}, {@code System.currentTimeMillis}, {@code Instant.now}),
 * use unseeded randomness, or depend on any other jnetstack package.
 */
package io.jnetstack.time;
