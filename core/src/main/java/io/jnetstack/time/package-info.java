/**
 * Virtual time primitives: the {@link io.jnetstack.time.NanoClock} abstraction, a manually advanced clock, the
 * single seeded {@link io.jnetstack.time.RandomSource} every random choice derives from, and the discrete-event
 * {@link io.jnetstack.time.EventQueue}.
 *
 * <p>Owns: virtual time, event ordering (time, then insertion order) and seeded randomness.
 *
 * <p>Must not: read the wall clock ({@code System.nanoTime}, {@code System.currentTimeMillis}, {@code Instant.now}),
 * use unseeded randomness, or depend on any other jnetstack package.
 */
package io.jnetstack.time;
