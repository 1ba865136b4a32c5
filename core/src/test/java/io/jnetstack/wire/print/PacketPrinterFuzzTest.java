package io.jnetstack.wire.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer: the printer is the widest entry point into the parsers (Ethernet, ARP, IPv4, IPv6 and its extension
 * chain, ICMP, ICMPv6, UDP, TCP); it never throws and always prints something.
 */
class PacketPrinterFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void describe_neverThrows(byte[] data) {
        assertThat(PacketPrinter.ethernet(data, 0, data.length)).isNotBlank();
        assertThat(PacketPrinter.ip(data, 0, data.length)).isNotBlank();
    }
}
