/**
 * TCP segment format (RFC 9293 §3.1) and its options (RFC 9293 §3.2, RFC 7323, RFC 2018, RFC 7413):
 * {@link io.jnetstack.wire.tcp.TcpPacket} (bounds-checked view), {@link io.jnetstack.wire.tcp.TcpHeader}
 * (validated value with parse/emit), {@link io.jnetstack.wire.tcp.TcpOption} and
 * {@link io.jnetstack.wire.tcp.SeqNum} (modular sequence-number arithmetic).
 *
 * <p>Owns: the bytes of a TCP header and options and their checksum. Must not: hold connection state, clamp or
 * interpret option values (the stack does that), read a clock, throw on malformed input, or depend on any
 * jnetstack package other than {@code io.jnetstack.wire}.
 */
package io.jnetstack.wire.tcp;
