package io.jnetstack.wire.ethernet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jnetstack.wire.Parsed;
import java.util.Arrays;

class EthernetHeaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse_neverThrows(byte[] data) {
        if (EthernetHeader.parse(data, 0, data.length) instanceof Parsed.Ok<EthernetHeader>(EthernetHeader h)) {
            byte[] out = new byte[h.length()];
            h.emit(out, 0);
            assertThat(out).isEqualTo(Arrays.copyOf(data, h.length()));
        }
        EthernetFrame.wrap(data, 0, data.length);
    }
}
