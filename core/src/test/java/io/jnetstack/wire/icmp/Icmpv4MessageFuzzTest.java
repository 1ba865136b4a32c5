package io.jnetstack.wire.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jnetstack.wire.Parsed;

/** Jazzer: {@link Icmpv4Message#parse} never throws, and accepted input round-trips through emit. */
class Icmpv4MessageFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void parse_neverThrows(byte[] data) {
        if (Icmpv4Message.parse(data, 0, data.length) instanceof Parsed.Ok<Icmpv4Message> ok) {
            byte[] again = new byte[ok.value().length()];
            ok.value().emit(again, 0);
            assertThat(again).isEqualTo(data);
        }
    }
}
