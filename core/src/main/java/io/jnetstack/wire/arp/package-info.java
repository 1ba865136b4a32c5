/**
 * ARP (RFC 826) for Ethernet hardware and IPv4 protocol addresses: the 28-byte message as a view
 * ({@link io.jnetstack.wire.arp.ArpPacket}) and as a validated value ({@link io.jnetstack.wire.arp.ArpMessage}).
 *
 * <p>Owns: the ARP packet format. Must not: keep a neighbour cache or decide replies (that is the stack's job),
 * represent other hardware/protocol types, or throw on malformed input.
 */
package io.jnetstack.wire.arp;
