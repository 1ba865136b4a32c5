package io.jnetstack.wire.ip;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jnetstack.wire.Parsed;
import java.util.Arrays;

class Ipv4HeaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse_neverThrows(byte[] data) {
        if (Ipv4Header.parse(data, 0, data.length) instanceof Parsed.Ok<Ipv4Header>(Ipv4Header h)) {
            byte[] out = new byte[h.length()];
            h.emit(out, 0);
            assertThat(out).isEqualTo(Arrays.copyOf(data, h.length()));
        }
        Ipv4Packet.wrap(data, 0, data.length);
    }
}
