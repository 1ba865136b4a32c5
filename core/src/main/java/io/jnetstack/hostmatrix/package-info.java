/**
 * The connect(2) catalogue on the machine's own kernel (issue #6, {@code ./jns matrix --host}): each scenario of
 * {@link io.jnetstack.matrix.Matrix} runs on a {@link io.jnetstack.matrix.Bench} whose backend is a pair of fresh
 * network namespaces joined by a veth pair, with the real system calls of {@link io.jnetstack.host.HostSyscalls};
 * rows run concurrently in real time, each under a hard deadline. The server's faults are netfilter rules, and a
 * packet-socket responder for the ICMP errors netfilter cannot send.
 *
 * <p>May depend on: wire, time, link, personality, stack, socket, sim, matrix, host. Must not: change a namespace it
 * did not create, or send a packet outside its namespaces (the responder's raw socket sends only to the row's
 * client). Reads the clock (real-time deadlines).
 */
package io.jnetstack.hostmatrix;
