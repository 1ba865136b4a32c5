/**
 * UDP (RFC 768) over IPv4 and IPv6 (RFC 8200 §8.1): the {@link io.jnetstack.wire.udp.UdpPacket} view and the
 * validated {@link io.jnetstack.wire.udp.UdpHeader} value with its pseudo-header checksum.
 *
 * <p>Owns: the 8-byte UDP header format and its checksum rules. Must not: know about sockets, ports in use or
 * ICMP replies (the stack decides those); depend on any jnetstack package other than {@code io.jnetstack.wire}.
 */
package io.jnetstack.wire.udp;
