/**
 * The per-host virtual file system UNIX-domain sockets live in (issue #4): directories, regular files, symbolic
 * links and socket files, with owners, modes and namei-style path resolution. Limits and orderings that differ per
 * OS come from {@link io.jnetstack.personality.VfsLimits}; errors are the symbolic
 * {@link io.jnetstack.personality.abi.Errno}, returned in a {@link io.jnetstack.socket.vfs.VfsResult}, never thrown.
 *
 * <p>May depend on: {@code io.jnetstack.personality} (and its {@code abi}) only. Must not: do I/O, read a clock
 * (times, if ever kept, are passed in), use Hash* collections (children are in a TreeMap) or any randomness.
 */
package io.jnetstack.socket.vfs;
