package io.jnetstack.wire.ip;

import static io.jnetstack.wire.ip.Ipv4PacketTest.reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ipv6ExtensionChainTest {

    private static Ipv6ExtensionChain walkPacket(byte[] frame) {
        Ipv6Packet p = Ipv6Packet.wrap(frame, 14, frame.length - 14).orThrow();
        return p.extensions().orThrow();
    }

    /** Concatenates hex chunks: each chunk is one header whose first byte is the next header. */
    private static byte[] chain(String... headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String h : headers) {
            out.writeBytes(HexFormat.of().parseHex(h));
        }
        return out.toByteArray();
    }

    @Test
    void capturedMldReport_hasOneHopByHopHeaderWithRouterAlert() {
        Ipv6ExtensionChain c = walkPacket(L3Fixtures.hex(L3Fixtures.V6_MLD_HOP_BY_HOP));
        assertThat(c.headers()).containsExactly(new Ipv6Extension(0, 54, 8));
        assertThat(c.upperProtocol()).isEqualTo(IpProtocol.ICMPV6);
        assertThat(c.upperOffset()).isEqualTo(62);
        assertThat(c.fragment()).isNull();
        assertThat(c.isFragment()).isFalse();
    }

    @Test
    void capturedFragments_reportOffsetsMoreFlagAndIdentification() {
        byte[][] frags = L3Fixtures.pingFragments();
        int[] offsets = {0, 1232, 2464};
        boolean[] more = {true, true, false};
        for (int i = 0; i < 3; i++) {
            Ipv6ExtensionChain c = walkPacket(frags[i]);
            assertThat(c.headers()).containsExactly(new Ipv6Extension(44, 54, 8));
            assertThat(c.fragment()).isEqualTo(new Ipv6FragmentHeader(58, offsets[i], more[i], 0x9a163745));
            assertThat(c.upperProtocol()).isEqualTo(58);
            assertThat(c.upperOffset()).isEqualTo(62);
        }
    }

    @Test
    void fullSyntheticChain_isWalkedInOrderToEsp() {
        byte[] b = chain("2b00010400000000", // hop-by-hop: Pad1, PadN(4 data bytes)... next routing
                "3c01000100000000" + "0000000000000000", // routing, 16 bytes, next dest opts
                "2c00000000000000", // destination options of Pad1s, next fragment
                "3300000000001234", // fragment offset 0, M=0, next AH
                "3c04000000000001" + "0000000100000000" + "0000000000000000", // AH hdrlen 4 -> 24 bytes
                "3200c20400000000", // destination options: jumbo-like option type c2 len 4
                "deadbeef"); // ESP payload
        Ipv6ExtensionChain c = Ipv6ExtensionChain.walk(b, 0, b.length, IpProtocol.HOPOPT).orThrow();
        assertThat(c.headers()).containsExactly(new Ipv6Extension(0, 0, 8), new Ipv6Extension(43, 8, 16),
                new Ipv6Extension(60, 24, 8), new Ipv6Extension(44, 32, 8), new Ipv6Extension(51, 40, 24),
                new Ipv6Extension(60, 64, 8));
        assertThat(c.upperProtocol()).isEqualTo(IpProtocol.ESP);
        assertThat(c.upperOffset()).isEqualTo(72);
        assertThat(c.fragment()).isEqualTo(new Ipv6FragmentHeader(51, 0, false, 0x1234));
        assertThat(c.headers().get(4).end()).isEqualTo(64);
    }

    @Test
    void offsetsAreAbsoluteIndicesIntoTheArray() {
        byte[] b = chain("ffffff", "3b00000000000000", "ffff");
        Ipv6ExtensionChain c = Ipv6ExtensionChain.walk(b, 3, 8, IpProtocol.IPV6_OPTS).orThrow();
        assertThat(c.headers()).containsExactly(new Ipv6Extension(60, 3, 8));
        assertThat(c.upperProtocol()).isEqualTo(IpProtocol.IPV6_NONXT);
        assertThat(c.upperOffset()).isEqualTo(11);
    }

    @Test
    void noExtensionHeaders_givesTheFirstNextHeaderAtTheStart() {
        byte[] b = new byte[4];
        Ipv6ExtensionChain c = Ipv6ExtensionChain.walk(b, 2, 0, IpProtocol.TCP).orThrow();
        assertThat(c).isEqualTo(new Ipv6ExtensionChain(List.of(), IpProtocol.TCP, 2, null));
    }

    @Test
    void nonFirstFragment_stopsTheWalk_becauseTheRestIsFragmentData() {
        byte[] b = chain("3c00000800000007", "0600ffffffffffff"); // offset 8; data looks like a header
        Ipv6ExtensionChain c = Ipv6ExtensionChain.walk(b, 0, b.length, IpProtocol.IPV6_FRAG).orThrow();
        assertThat(c.headers()).hasSize(1);
        assertThat(c.upperProtocol()).isEqualTo(IpProtocol.IPV6_OPTS);
        assertThat(c.upperOffset()).isEqualTo(8);
        assertThat(c.fragment().fragmentOffsetBytes()).isEqualTo(8);
    }

    @Test
    void sixteenHeaders_areAccepted_butSeventeenAreABadChain() {
        String destOpts = "3c00010400000000"; // destination options (Pad1, PadN), next: destination options
        String last = "3b00010400000000"; // the same, next: no next header
        byte[] ok = chain(destOpts.repeat(15), last);
        assertThat(Ipv6ExtensionChain.walk(ok, 0, ok.length, 60).orThrow().headers()).hasSize(16);
        byte[] bad = chain(destOpts.repeat(16), last);
        assertThat(reason(Ipv6ExtensionChain.walk(bad, 0, bad.length, 60)))
                .isEqualTo(MalformedReason.BAD_EXTENSION_CHAIN);
    }

    @Test
    void hopByHopAfterAnotherHeader_isABadChain() {
        byte[] b = chain("0000000000000000", "3b00000000000000");
        assertThat(reason(Ipv6ExtensionChain.walk(b, 0, b.length, 60))).isEqualTo(MalformedReason.BAD_EXTENSION_CHAIN);
    }

    @Test
    void headerRunningPastThePayload_isABadChain() {
        byte[] b = chain("3b01000000000000"); // claims 16 bytes, 8 present
        assertThat(reason(Ipv6ExtensionChain.walk(b, 0, b.length, 43))).isEqualTo(MalformedReason.BAD_EXTENSION_CHAIN);
    }

    @Test
    void fewerThanEightBytesForAHeader_isTruncated() {
        byte[] b = chain("3b000000");
        assertThat(reason(Ipv6ExtensionChain.walk(b, 0, b.length, 60))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(Ipv6ExtensionChain.walk(b, 0, 0, 44))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(Ipv6ExtensionChain.walk(b, 2, 3, 6))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(Ipv6ExtensionChain.walk(null, 0, 0, 6))).isEqualTo(MalformedReason.TRUNCATED);
    }

    @Test
    void authenticationHeaderShorterThanItsFixedPart_isABadChain() {
        byte[] b = chain("3b00000000000000"); // AH payload length 0 -> 8 bytes < 12
        assertThat(reason(Ipv6ExtensionChain.walk(b, 0, b.length, 51))).isEqualTo(MalformedReason.BAD_EXTENSION_CHAIN);
    }

    @Test
    void twoFragmentHeaders_isABadChain() {
        byte[] b = chain("2c00000100000001", "3b00000000000001");
        assertThat(reason(Ipv6ExtensionChain.walk(b, 0, b.length, 44))).isEqualTo(MalformedReason.BAD_EXTENSION_CHAIN);
    }

    @Test
    void fragmentHeaderWithReservedBits_isBadField() {
        byte[] b = chain("3b01000000000001");
        assertThat(reason(Ipv6ExtensionChain.walk(b, 0, b.length, 44))).isEqualTo(MalformedReason.BAD_FIELD);
    }

    @Test
    void tlvOptionRunningPastItsHeader_isOptionOverrun() {
        byte[] padN = chain("3b00010500000000"); // PadN claims 5 data bytes, 4 remain
        assertThat(reason(Ipv6ExtensionChain.walk(padN, 0, padN.length, 0))).isEqualTo(MalformedReason.OPTION_OVERRUN);
        byte[] noLen = chain("3b00000000000005"); // option type 5 in the last byte, no length byte
        assertThat(reason(Ipv6ExtensionChain.walk(noLen, 0, noLen.length, 60)))
                .isEqualTo(MalformedReason.OPTION_OVERRUN);
    }

    @Test
    void nextHeaderOutsideAByte_isBadField() {
        assertThat(reason(Ipv6ExtensionChain.walk(new byte[8], 0, 8, 256))).isEqualTo(MalformedReason.BAD_FIELD);
    }

    @Test
    void mutationSweep_neverThrows_andAcceptedChainsStayInsideThePayload() {
        List<byte[]> seeds = List.of(chain("2b00010400000000", "3c01000100000000" + "0000000000000000",
                "2c00000000000000", "3300000000001234", "3c04000000000001" + "0000000100000000" + "0000000000000000",
                "3200c20400000000", "deadbeef"), chain("3a000502000001008f00f92d00000002"));
        int[] first = {0, 43, 44, 51, 60, 6, 59};
        MutationSweep.run(seeds, 0x8200, 50_000, (b, off, len) -> {
            int nh = first[Math.floorMod(len, first.length)];
            if (Ipv6ExtensionChain.walk(b, off, len, nh) instanceof Parsed.Ok<Ipv6ExtensionChain>(var c)) {
                int pos = off;
                for (Ipv6Extension e : c.headers()) {
                    assertThat(e.offset()).isEqualTo(pos);
                    pos = e.end();
                }
                assertThat(c.upperOffset()).isEqualTo(pos).isLessThanOrEqualTo(off + len);
            }
        });
    }
}
