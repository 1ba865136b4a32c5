/**
 * The sans-IO network layer of one host: interfaces, routes, neighbour caches (ARP, NDP), IPv4/IPv6 input, output
 * and forwarding, ICMP/ICMPv6 echo and errors, fragmentation and reassembly, the implicit loopback interface, and the
 * transport endpoints sockets are built on: TCP connections and listeners ({@code TcpDemux}, package {@code tcp}:
 * connect from a chosen endpoint with a typed result, listeners per local address, four-tuple and port queries for
 * bind's conflict checks) and UDP endpoints ({@link io.jnetstack.stack.UdpEndpoints}: bind rules, demultiplexing,
 * receive queues, ICMP errors matched to the sender), and TCP MD5 signatures (RFC 2385: {@code TcpMd5} signs and
 * verifies segments with the keys of the host's {@link io.jnetstack.stack.SecurityAssociations}). The socket layer owns socket state, options and errno; this
 * package reports facts.
 *
 * <p>Every entry point takes {@code nowNs}; {@link io.jnetstack.stack.Stack#nextDeadlineNs()} says when the stack next
 * needs to run. Per-OS values come from the {@link io.jnetstack.personality.Personality}.
 *
 * <p>May depend on: wire, time, link, personality. Must not: block, start threads, read a clock, draw unseeded
 * randomness, speak errno (it reports facts; the socket layer maps them), or import socket, sim or cli.
 */
package io.jnetstack.stack;
