/**
 * The UNIX-domain socket engine of one simulated host (connect-catalogue §1H): {@link io.jnetstack.socket.unix.UnixDomain}
 * holds the sockets bound in the host's {@link io.jnetstack.socket.vfs.Vfs} and its abstract namespace;
 * {@link io.jnetstack.socket.unix.UnixSocket} is one stream, datagram or seqpacket socket with bind, listen, connect,
 * accept, the data path, shutdown, close and poll readiness. Every result is a
 * {@link io.jnetstack.socket.unix.UnixResult}: a value, a symbolic {@link io.jnetstack.personality.abi.Errno}, or
 * "blocked" with a readiness predicate the caller parks on. Every per-OS decision comes from
 * {@link io.jnetstack.personality.UnixDomainRules}.
 *
 * <p>May depend on: {@code io.jnetstack.personality} (and {@code abi}) and {@code io.jnetstack.socket.vfs}. Must not:
 * know about file descriptors or the rest of {@code io.jnetstack.socket} (the socket layer wraps this engine), block,
 * read a clock, spawn threads, use randomness or hash-ordered collections, or test which OS it runs as.
 */
package io.jnetstack.socket.unix;
