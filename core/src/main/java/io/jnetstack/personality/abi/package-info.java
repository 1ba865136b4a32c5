/**
 * The ABI edge of each personality (design.md §4): errno numbers and their strerror text, the numeric constants a C
 * program passes to the socket calls (address families, socket types, option levels and names, flag bits, ioctl and
 * fcntl commands, poll events), and the byte layouts of {@code struct sockaddr_in}, {@code sockaddr_in6},
 * {@code sockaddr_un} and {@code AF_UNSPEC} addresses.
 *
 * <p>Owns: {@link io.jnetstack.personality.abi.Errno} (the symbolic errors), {@link io.jnetstack.personality.abi.Abi}
 * (one entry point per OS), its {@link io.jnetstack.personality.abi.ErrnoTable},
 * {@link io.jnetstack.personality.abi.ConstantTable} and {@link io.jnetstack.personality.abi.SockaddrCodec}. Every
 * number cites the header it comes from; Linux numbers were also measured on the development machine (x86-64,
 * glibc 2.36).
 *
 * <p>Errors arrive here already symbolic (design.md §3, "errors in three layers"): the stack reports facts, the
 * personality chooses an {@link io.jnetstack.personality.abi.Errno}, and only this package turns it into a number or
 * a text. Decoding a sockaddr reports a typed {@link io.jnetstack.personality.abi.SockaddrProblem}; which errno a
 * problem becomes, and in which order the checks run, is the socket layer's decision per connect-catalogue §0.1.
 *
 * <p>Must not: hold mutable state, depend on any other jnetstack package (not even {@code wire}: addresses are raw
 * bits here, in the same form {@code Ipv4Address}/{@code Ipv6Address} use), or invent a number for something an OS
 * lacks (absent values are {@code Optional.empty()}).
 */
package io.jnetstack.personality.abi;
