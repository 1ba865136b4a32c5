package io.jnetstack.wire.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.Parsed;

/**
 * Jazzer: {@link Icmpv6Message#parse} never throws, and accepted input round-trips. The first 32 bytes (when
 * present) are the pseudo-header addresses so the fuzzer can also reach checksum-valid messages by choosing them.
 */
class Icmpv6MessageFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void parse_neverThrows(byte[] data) {
        Ipv6Address src = Ipv6Address.LOOPBACK;
        Ipv6Address dst = Ipv6Address.LOOPBACK;
        int off = 0;
        if (data.length >= 32) {
            src = Ipv6Address.read(data, 0);
            dst = Ipv6Address.read(data, 16);
            off = 32;
        }
        if (Icmpv6Message.parse(data, off, data.length - off, src, dst) instanceof Parsed.Ok<Icmpv6Message> ok) {
            byte[] again = data.clone();
            ok.value().emit(again, off, src, dst);
            assertThat(again).isEqualTo(data);
        }
    }
}
