/**
 * IPv4 (RFC 791) and IPv6 (RFC 8200) headers: views ({@link io.jnetstack.wire.ip.Ipv4Packet},
 * {@link io.jnetstack.wire.ip.Ipv6Packet}), validated values ({@link io.jnetstack.wire.ip.Ipv4Header},
 * {@link io.jnetstack.wire.ip.Ipv6Header}, {@link io.jnetstack.wire.ip.Ipv6FragmentHeader}) and the IPv6
 * extension-header walk ({@link io.jnetstack.wire.ip.Ipv6ExtensionChain}).
 *
 * <p>Owns: header fields, the IPv4 header checksum, structural validation of IPv4 options and IPv6
 * hop-by-hop/destination TLV options. Must not: route, reassemble fragments, interpret option semantics, parse
 * transport headers, or throw on malformed input.
 */
package io.jnetstack.wire.ip;
