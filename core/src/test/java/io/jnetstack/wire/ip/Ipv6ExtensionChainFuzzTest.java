package io.jnetstack.wire.ip;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jnetstack.wire.Parsed;

class Ipv6ExtensionChainFuzzTest {

    /** The first byte picks the first next header; the rest is the IPv6 payload. */
    @FuzzTest(maxDuration = "30s")
    void parse_neverThrows(byte[] data) {
        int first = data.length == 0 ? 0 : data[0] & 0xFF;
        int off = Math.min(1, data.length);
        Parsed<Ipv6ExtensionChain> p = Ipv6ExtensionChain.walk(data, off, data.length - off, first);
        if (p instanceof Parsed.Ok<Ipv6ExtensionChain>(var c)) {
            assertThat(c.upperOffset()).isBetween(off, data.length);
        }
    }
}
