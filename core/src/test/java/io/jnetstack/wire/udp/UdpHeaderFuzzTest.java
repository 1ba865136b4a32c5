package io.jnetstack.wire.udp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;

/** Jazzer: {@link UdpHeader#parse} never throws, and accepted input round-trips through emit. */
class UdpHeaderFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void parse_neverThrows(byte[] data) {
        for (PseudoHeader ph : new PseudoHeader[] {UdpHeaderTest.V4, UdpHeaderTest.V6}) {
            UdpPacket.wrap(data, 0, data.length);
            if (UdpHeader.parse(data, 0, data.length, ph) instanceof Parsed.Ok<UdpHeader> ok) {
                byte[] again = data.clone();
                ok.value().emit(again, 0, ph);
                assertThat(again).isEqualTo(data);
            }
        }
    }
}
