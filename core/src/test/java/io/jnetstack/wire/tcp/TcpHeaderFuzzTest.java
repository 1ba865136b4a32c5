package io.jnetstack.wire.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;

class TcpHeaderFuzzTest {
    private static final PseudoHeader PH = TcpFixtures.V4_SYN.ph();

    /** Parses arbitrary bytes (after fixing the checksum half the time so option parsing is reached). */
    @FuzzTest(maxDuration = "30s")
    void parse_neverThrows(byte[] data) {
        byte[] b = data.clone();
        if (b.length > 0 && (b[0] & 1) == 1 && TcpPacket.wrap(b, 0, b.length) instanceof Parsed.Ok<TcpPacket>(
                TcpPacket p)) {
            p.recomputeChecksum(PH);
        }
        Parsed<TcpHeader> r = TcpHeader.parse(b, 0, b.length, PH);
        if (r instanceof Parsed.Ok<TcpHeader>(TcpHeader h)) {
            byte[] out = b.clone();
            h.emit(out, 0, PH, b.length - h.headerLength());
            assertThat(ByteString.copyOf(out)).isEqualTo(ByteString.copyOf(b));
            h.describeOptions();
        }
    }
}
