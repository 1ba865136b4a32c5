/**
 * Byte formats: each protocol as a bounds-checked view over bytes ({@code XxxPacket}) and a validated,
 * immutable value ({@code XxxHeader}/{@code XxxMessage} records) with {@code parse}, {@code emit} and
 * {@code length}.
 *
 * <p>Owns: Ethernet II, ARP, IPv4, IPv6, ICMPv4, ICMPv6 (with NDP), UDP, TCP and its options, the Internet
 * checksum, the one-line packet printer and the pcap file format.
 *
 * <p>Must not: depend on any other jnetstack package; throw on malformed input (parsers return
 * {@link io.jnetstack.wire.Parsed.Malformed} with a {@link io.jnetstack.wire.MalformedReason}); read a clock;
 * hold mutable shared state.
 */
package io.jnetstack.wire;
