/**
 * The classic pcap capture file format (libpcap 2.4; see the IETF draft "PCAP Capture File Format",
 * draft-ietf-opsawg-pcap): a writer producing nanosecond-resolution little-endian files that tcpdump, tshark and
 * capinfos read, and a reader accepting both microsecond and nanosecond files in either byte order.
 *
 * <p>Owns: file and record headers, link types ETHERNET (1) and RAW (101).
 *
 * <p>Must not: decode the captured packets (other wire packages do), read a clock (timestamps are passed in,
 * normally virtual time), or throw on malformed files (the reader returns
 * {@link io.jnetstack.wire.Parsed.Malformed}; only I/O errors of the underlying stream propagate).
 */
package io.jnetstack.wire.pcap;
