/**
 * One implementation per operating system of every value and decision where Linux, FreeBSD, OpenBSD and macOS
 * differ: default TTLs, neighbour-discovery probe schedules, reassembly timeouts, ephemeral ports, and (in later
 * layers) errno numbers, ABI constants and socket-layer decisions.
 *
 * <p>Owns: {@link io.jnetstack.personality.Personality} and its four implementations. Each value's Javadoc cites the
 * kernel source it comes from.
 *
 * <p>Must not: hold mutable state, depend on any jnetstack package, or be bypassed: code elsewhere never tests
 * which OS it is running as ({@code if (os == ...)}); it asks the personality.
 */
package io.jnetstack.personality;
