package io.jnetstack.wire.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.PseudoHeader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TcpHeaderRoundTripTest {
    private static final long SEED = 9293;

    @Test
    void randomValidHeaders_emitThenParse_toTheSameRecord() {
        SplittableRandom r = new SplittableRandom(SEED);
        for (int n = 0; n < 5000; n++) {
            TcpHeader h = TcpGen.header(r);
            PseudoHeader ph = TcpGen.pseudoHeader(r);
            ByteString payload = TcpGen.bytes(r, r.nextInt(0, 64));
            byte[] b = new byte[h.length() + payload.length()];
            payload.copyTo(b, h.length());
            assertThat(h.emit(b, 0, ph, payload.length())).isEqualTo(h.length());
            assertThat(TcpHeader.parse(b, 0, b.length, ph).orThrow()).as("seed %d case %d", SEED, n).isEqualTo(h);
            TcpPacket p = TcpPacket.wrap(b, 0, b.length).orThrow();
            assertThat(p.payloadLength()).isEqualTo(payload.length());
            assertThat(p.checksumValid(ph)).isTrue();
        }
    }

    @Test
    void acceptedBytes_parseThenEmit_reproduceTheBytes() {
        SplittableRandom r = new SplittableRandom(SEED + 1);
        int accepted = 0;
        for (int n = 0; n < 5000; n++) {
            PseudoHeader ph = TcpGen.pseudoHeader(r);
            int optWords = r.nextInt(0, 11);
            byte[] b = TcpGen.bytes(r, 20 + optWords * 4 + r.nextInt(0, 16)).toByteArray();
            b[12] = (byte) ((5 + optWords) << 4 | (b[12] & 0x0F));
            randomOptionArea(r, b, 20, optWords * 4);
            TcpPacket.wrap(b, 0, b.length).orThrow().recomputeChecksum(ph);
            if (TcpHeader.parse(b, 0, b.length, ph) instanceof io.jnetstack.wire.Parsed.Ok<TcpHeader>(TcpHeader h)) {
                accepted++;
                byte[] out = b.clone();
                java.util.Arrays.fill(out, 0, h.headerLength(), (byte) 0);
                h.emit(out, 0, ph, b.length - h.headerLength());
                assertThat(ByteString.copyOf(out)).as("seed %d case %d", SEED + 1, n)
                        .isEqualTo(ByteString.copyOf(b));
            }
        }
        assertThat(accepted).as("seed %d accepted count", SEED + 1).isGreaterThan(1000);
    }

    /** Fills an options area with a mix of well-formed options and raw bytes after an EOL. */
    private static void randomOptionArea(SplittableRandom r, byte[] b, int start, int len) {
        int i = start;
        int end = start + len;
        while (i < end) {
            TcpOption o = TcpGen.option(r);
            if (o.length() > end - i) {
                if (r.nextBoolean()) {
                    b[i] = 0;
                } else {
                    while (i < end) {
                        b[i++] = 1;
                    }
                }
                return;
            }
            TcpOptions.write(java.util.List.of(o), b, i);
            i += o.length();
        }
    }
}
