/**
 * The Java-friendly face of the socket layer: typed addresses ({@link java.net.InetSocketAddress} built from
 * literals), {@code connect(host, port)}-style calls, and {@link io.jnetstack.socket.api.ErrnoException} carrying the
 * symbolic errno, the OS's number and its strerror text. Everything goes through the C-shaped
 * {@link io.jnetstack.socket.Syscalls}, so it works on any target that implements them.
 *
 * <p>May depend on: wire, personality, socket. Must not: reach behind {@code Syscalls} into the kernel or the stack,
 * resolve host names (only address literals are accepted; nothing here does I/O of its own).
 */
package io.jnetstack.socket.api;
