package io.jnetstack.wire.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded round-trip properties and a no-throw mutation sweep for {@link UdpHeader}. */
class UdpPropertiesTest {
    static final long SEED = 0x5EED_0768L;

    static PseudoHeader pseudo(SplittableRandom r) {
        if (r.nextBoolean()) {
            return new PseudoHeader(new Ipv4Address(r.nextInt()), new Ipv4Address(r.nextInt()), IpProtocol.UDP);
        }
        return new PseudoHeader(new Ipv6Address(r.nextLong(), r.nextLong()),
                new Ipv6Address(r.nextLong(), r.nextLong()), IpProtocol.UDP);
    }

    @Test
    void randomHeaders_emitThenParse_giveTheSameFields_andTheBytesRoundTrip() {
        SplittableRandom r = new SplittableRandom(SEED);
        for (int i = 0; i < 5000; i++) {
            PseudoHeader ph = pseudo(r);
            int payload = r.nextInt(0, 300);
            byte[] b = new byte[8 + payload + r.nextInt(0, 4)];
            for (int k = 8; k < b.length; k++) {
                b[k] = (byte) r.nextInt();
            }
            UdpHeader h = UdpHeader.of(r.nextInt(0x10000), r.nextInt(0x10000), payload);
            h.emit(b, 0, ph);
            UdpHeader back = UdpHeader.parse(b, 0, b.length, ph).orThrow();
            assertThat(back.sourcePort()).as("seed %d case %d", SEED, i).isEqualTo(h.sourcePort());
            assertThat(back.destinationPort()).isEqualTo(h.destinationPort());
            assertThat(back.length()).isEqualTo(h.length());
            byte[] again = b.clone();
            back.emit(again, 0, ph);
            assertThat(again).as("seed %d case %d", SEED, i).isEqualTo(b);
        }
    }

    @Test
    void mutatedDatagrams_neverThrow_andAcceptedOnesRoundTrip() {
        SplittableRandom r = new SplittableRandom(SEED + 1);
        byte[][] seeds = {UdpHeaderTest.hex(UdpHeaderTest.UDP4), UdpHeaderTest.hex(UdpHeaderTest.UDP6)};
        PseudoHeader[] phs = {UdpHeaderTest.V4, UdpHeaderTest.V6};
        for (int i = 0; i < 50_000; i++) {
            int which = r.nextInt(2);
            byte[] b = Arrays.copyOf(seeds[which], r.nextInt(0, seeds[which].length + 4));
            for (int f = r.nextInt(0, 4); f > 0 && b.length > 0; f--) {
                b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            }
            int off = b.length == 0 ? 0 : r.nextInt(0, 2);
            int len = r.nextInt(10) == 0 ? r.nextInt(-2, b.length + 3) : b.length - off;
            Parsed<UdpHeader> p = UdpHeader.parse(b, off, len, phs[which]);
            UdpPacket.wrap(b, off, len);
            if (p instanceof Parsed.Ok<UdpHeader> ok) {
                byte[] again = b.clone();
                ok.value().emit(again, off, phs[which]);
                assertThat(again).as("seed %d case %d", SEED + 1, i).isEqualTo(b);
            }
        }
    }
}
