/**
 * Ethernet II framing (IEEE 802.3 with a DIX EtherType, RFC 894): the 14-byte header as a view
 * ({@link io.jnetstack.wire.ethernet.EthernetFrame}) and as a value
 * ({@link io.jnetstack.wire.ethernet.EthernetHeader}).
 *
 * <p>Owns: the destination/source MAC and EtherType fields. Must not: interpret the payload (ARP and IP live in
 * their own packages), compute or check the FCS (the link layer strips it), or throw on malformed input.
 */
package io.jnetstack.wire.ethernet;
