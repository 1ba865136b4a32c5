/**
 * The BSD socket layer of a simulated host (issue #4): descriptors, socket states, the C-shaped system calls and
 * their errno, each decision taken from the {@link io.jnetstack.personality.Personality}. Blocking calls wait
 * through a {@link io.jnetstack.socket.ThreadContext}.
 *
 * <p>May depend on: wire, time, link, personality, stack. Must not: contain {@code if (os == ...)} (ask the
 * personality), read a clock or spawn threads (time and blocking come through the thread context).
 */
package io.jnetstack.socket;
