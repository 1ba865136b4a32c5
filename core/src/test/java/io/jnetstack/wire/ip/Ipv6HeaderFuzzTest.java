package io.jnetstack.wire.ip;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jnetstack.wire.Parsed;
import java.util.Arrays;

class Ipv6HeaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse_neverThrows(byte[] data) {
        if (Ipv6Header.parse(data, 0, data.length) instanceof Parsed.Ok<Ipv6Header>(Ipv6Header h)) {
            byte[] out = new byte[h.length()];
            h.emit(out, 0);
            assertThat(out).isEqualTo(Arrays.copyOf(data, h.length()));
        }
        if (Ipv6Packet.wrap(data, 0, data.length) instanceof Parsed.Ok<Ipv6Packet>(Ipv6Packet p)) {
            p.extensions();
        }
    }
}
