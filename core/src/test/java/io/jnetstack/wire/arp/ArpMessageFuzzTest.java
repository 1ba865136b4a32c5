package io.jnetstack.wire.arp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jnetstack.wire.Parsed;
import java.util.Arrays;

class ArpMessageFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse_neverThrows(byte[] data) {
        if (ArpMessage.parse(data, 0, data.length) instanceof Parsed.Ok<ArpMessage>(ArpMessage m)) {
            byte[] out = new byte[m.length()];
            m.emit(out, 0);
            assertThat(out).isEqualTo(Arrays.copyOf(data, m.length()));
        }
        ArpPacket.wrap(data, 0, data.length);
    }
}
