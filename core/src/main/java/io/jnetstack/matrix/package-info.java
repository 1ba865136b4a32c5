/**
 * The connect(2) catalogue as runnable scenarios (issue #4's main job, {@code ./jns matrix}): one {@link
 * io.jnetstack.matrix.Scenario} per catalogue row, each run on a fresh simulated network under one personality
 * through the C-shaped {@link io.jnetstack.socket.Syscalls}, reporting the row's call as {@code 0}, {@code -1 ERRNO}
 * or a value.
 *
 * <p>May depend on: wire, time, link, personality, stack, socket, sim. Must not: reach into the stack or the
 * socket layer behind the system calls (a scenario sees what a C program sees), or read a clock.
 */
package io.jnetstack.matrix;
