/**
 * The host's own kernel as a target (issue #6): {@link io.jnetstack.host.HostSyscalls} implements the same
 * {@link io.jnetstack.socket.Syscalls} as the simulated kernel, through FFM ({@code java.lang.foreign}, errno
 * captured with {@code Linker.Option.captureCallState}), and {@link io.jnetstack.host.NetNamespace} keeps every
 * call inside a network namespace it creates itself, so nothing touches the machine's real network.
 * {@link io.jnetstack.host.TunDevice} and {@code TunLink} put a jnetstack stack on a TUN device there (optionally
 * with virtio-net checksum and segmentation offloads), driven in real time by {@link io.jnetstack.host.RealTimeHost}.
 *
 * <p>Owns: the libc bindings ({@code Libc}), copying between Java arrays and native memory, the namespace's
 * threads. May depend on: socket (the interface), personality (the Linux ABI). Must not: run anything outside a
 * namespace it created, or be used by the simulated core (sim, stack, socket never call it).
 */
package io.jnetstack.host;
