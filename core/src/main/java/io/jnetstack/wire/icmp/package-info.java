/**
 * ICMP for IPv4 (RFC 792, RFC 1191, RFC 1812 §5.2.7.1) and ICMPv6 (RFC 4443) with Neighbor Discovery messages and
 * options (RFC 4861): validated, immutable message values with {@code parse}, {@code length} and {@code emit}.
 *
 * <p>Owns: ICMP message formats, their checksums (ICMPv6 over the RFC 8200 §8.1 pseudo-header) and NDP option
 * encoding. Must not: apply rules that need the IP header (NDP hop limit 255, RFC 4861 §7.1), rate-limit, or
 * decide replies; those belong to the stack. Depends only on {@code io.jnetstack.wire}.
 */
package io.jnetstack.wire.icmp;
