package io.jnetstack.wire.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.tcp.TcpFixtures.Fixture;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TcpHeaderMalformedTest {
    private static final PseudoHeader PH = TcpFixtures.V4_SYN.ph();

    /** A segment with the given options-area hex (a multiple of 4 bytes) and a correct checksum. */
    private static byte[] withOptions(String optionsHex) {
        byte[] opts = HexFormat.of().parseHex(optionsHex);
        byte[] b = new byte[20 + opts.length];
        System.arraycopy(TcpFixtures.V4_RST.bytes(), 0, b, 0, 20);
        System.arraycopy(opts, 0, b, 20, opts.length);
        TcpPacket p = TcpPacket.wrap(b, 0, b.length).orThrow();
        p.dataOffset(5 + opts.length / 4);
        p.recomputeChecksum(PH);
        return b;
    }

    private static MalformedReason reasonOf(byte[] b) {
        Parsed<TcpHeader> r = TcpHeader.parse(b, 0, b.length, PH);
        assertThat(r).isInstanceOf(Parsed.Malformed.class);
        return ((Parsed.Malformed<TcpHeader>) r).reason();
    }

    @Test
    void fewerThan20Bytes_isRejectedAsTruncated() {
        byte[] b = TcpFixtures.V4_RST.bytes();
        assertThat(TcpHeader.parse(b, 0, 19, PH)).isEqualTo(Parsed.malformed(MalformedReason.TRUNCATED,
                "segment length 19 < 20"));
        assertThat(TcpPacket.wrap(b, 0, 0)).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void rangeOutsideTheArray_isRejectedAsTruncated() {
        byte[] b = TcpFixtures.V4_RST.bytes();
        assertThat(reason(TcpHeader.parse(b, 4, 20, PH))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(TcpHeader.parse(b, -1, 20, PH))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(TcpHeader.parse(null, 0, 20, PH))).isEqualTo(MalformedReason.TRUNCATED);
    }

    private static MalformedReason reason(Parsed<?> p) {
        return ((Parsed.Malformed<?>) p).reason();
    }

    @Test
    void dataOffsetBelowFive_isRejectedAsBadHeaderLength() {
        byte[] b = TcpFixtures.V4_RST.bytes();
        b[12] = 0x40;
        assertThat(reasonOf(b)).isEqualTo(MalformedReason.BAD_HEADER_LENGTH);
    }

    @Test
    void dataOffsetPastTheSegment_isRejectedAsBadHeaderLength() {
        byte[] b = TcpFixtures.V4_SYN.bytes();
        assertThat(reason(TcpHeader.parse(b, 0, 36, PH))).isEqualTo(MalformedReason.BAD_HEADER_LENGTH);
    }

    @Test
    void flippedPayloadBit_isRejectedAsBadChecksumNamingBothValues() {
        byte[] b = TcpFixtures.V4_DATA.bytes();
        b[b.length - 1] ^= 1;
        Parsed<TcpHeader> r = TcpHeader.parse(b, 0, b.length, TcpFixtures.V4_DATA.ph());
        assertThat(r).isEqualTo(Parsed.malformed(MalformedReason.BAD_CHECKSUM,
                "checksum 0x854e, expected 0x844e"));
    }

    @Test
    void checksumVerifiedByTheLink_isNotSummedAgainButEverythingElseIsChecked() {
        byte[] b = TcpFixtures.V4_DATA.bytes();
        TcpHeader good = ((Parsed.Ok<TcpHeader>) TcpHeader.parse(b, 0, b.length, TcpFixtures.V4_DATA.ph())).value();
        b[b.length - 1] ^= 1; // the checksum no longer matches: a link that verified it would not have passed it on
        assertThat(TcpHeader.parseChecksumVerified(b, 0, b.length)).isEqualTo(Parsed.ok(good));
        assertThat(reason(TcpHeader.parseChecksumVerified(TcpFixtures.V4_SYN.bytes(), 0, 36)))
                .isEqualTo(MalformedReason.BAD_HEADER_LENGTH);
    }

    @Test
    void partialChecksum_completedAsADeviceWould_isTheFullChecksum() {
        Fixture f = TcpFixtures.V4_DATA;
        byte[] b = f.bytes();
        TcpHeader h = ((Parsed.Ok<TcpHeader>) TcpHeader.parse(b, 0, b.length, f.ph())).value();
        int payload = b.length - h.headerLength();
        byte[] partial = b.clone();
        h.emitChecksumPartial(partial, 0, f.ph(), payload);
        // the device: sum from the header to the end (the field holds the pseudo-header sum), store the complement
        io.jnetstack.wire.Bytes.put16(partial, 16,
                io.jnetstack.wire.Checksum.finish(io.jnetstack.wire.Checksum.partial(partial, 0, b.length, 0)));
        assertThat(partial).isEqualTo(b);
    }

    @Test
    void wrongPseudoHeader_isRejectedAsBadChecksum() {
        Fixture f = TcpFixtures.V6_SYN;
        byte[] b = f.bytes();
        assertThat(reason(TcpHeader.parse(b, 0, b.length, TcpFixtures.V4_SYN.ph())))
                .isEqualTo(MalformedReason.BAD_CHECKSUM);
        assertThat(reason(TcpHeader.parse(b, 0, b.length, null))).isEqualTo(MalformedReason.BAD_CHECKSUM);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "length byte 0, 0500000001010101",
        "length byte 1, 0101fe0101010101",
        "MSS length 5, 02050000b4000000",
        "MSS length 3, 0203050000000000",
        "window scale length 4, 0304070000000000",
        "SACK-permitted length 3, 0403000000000000",
        "SACK length 9, 050900000001000000020000",
        "SACK length 2, 0502000000000000",
        "timestamps length 9, 080900000001000000000000",
    })
    void illegalOptionLength_isRejectedAsBadOptionLength(String name, String opts) {
        assertThat(reasonOf(withOptions(opts))).as(name).isEqualTo(MalformedReason.BAD_OPTION_LENGTH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "kind without length byte, 01010102",
        "MSS past the area, 01010204",
        "timestamps past the area, 080a00000001",
        "unknown past the area, 0101630a00000000",
    })
    void optionRunningPastTheArea_isRejectedAsOptionOverrun(String name, String opts) {
        String padded = opts.length() % 8 == 0 ? opts : opts + "0".repeat(8 - opts.length() % 8);
        byte[] b = withOptions(opts.length() % 8 == 0 ? opts : padded);
        assertThat(reasonOf(b)).as(name).isEqualTo(MalformedReason.OPTION_OVERRUN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Fast Open length 3, 2203aa00, aa",
        "Fast Open length 5, 2205aabbcc000000, aabbcc",
        "Fast Open length 19, 2213000102030405060708090a0b0c0d0e0f1000, 000102030405060708090a0b0c0d0e0f10",
    })
    void fastOpenWithACookieLengthTheRfcForbids_isKeptAsUnknownForTheReceiverToJudge(String name, String opts,
            String cookie) {
        // FreeBSD tcp_dooptions leaves cookie length checks to the cookie cache (tcp_fastopen_update_cache)
        byte[] b = withOptions(opts);
        assertThat(TcpHeader.parse(b, 0, b.length, PH).orThrow().options().getFirst()).as(name)
                .isEqualTo(new TcpOption.UnknownOption(34, ByteString.ofHex(cookie)));
    }

    @Test
    void experimentalKindWithOtherShapes_isKeptAsUnknown() {
        byte[] b = withOptions("fe06f98901020000");
        assertThat(TcpHeader.parse(b, 0, b.length, PH).orThrow().options())
                .containsExactly(new TcpOption.UnknownOption(254, ByteString.ofHex("f9890102")),
                        new TcpOption.Eol(ByteString.ofHex("00")));
    }

    @Test
    void recordConstructors_rejectProgrammerErrors() {
        assertThatThrownBy(() -> new TcpOption.Mss(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpOption.Sack(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpOption.FastOpenCookie(ByteString.ofHex("0102"), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpOption.UnknownOption(2, ByteString.ofHex("05b4")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpOption.UnknownOption(254, ByteString.ofHex("f989")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TcpHeader.of(1, 2, 0, 0, 0x1000, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TcpHeader.of(1, 2, 0, 0, 0, 0, List.of(new TcpOption.Eol(), new TcpOption.Nop())))
                .isInstanceOf(IllegalArgumentException.class);
        TcpOption ts = new TcpOption.Timestamps(1, 2);
        assertThatThrownBy(() -> TcpHeader.of(1, 2, 0, 0, 0, 0, List.of(ts, ts, ts, ts, ts)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mutatedFixtures_neverThrow() {
        long seed = 7413;
        SplittableRandom r = new SplittableRandom(seed);
        List<Fixture> all = TcpFixtures.ALL;
        for (int n = 0; n < 50_000; n++) {
            Fixture f = all.get(r.nextInt(all.size()));
            byte[] b = mutate(r, f.bytes());
            int off = b.length == 0 ? 0 : r.nextInt(0, Math.min(4, b.length));
            int len = r.nextInt(8) == 0 ? r.nextInt(-2, b.length + 4) : b.length - off;
            boolean fixChecksum = r.nextBoolean();
            if (fixChecksum && TcpPacket.wrap(b, off, len) instanceof Parsed.Ok<TcpPacket>(TcpPacket p)) {
                p.recomputeChecksum(f.ph());
            }
            final int caseNo = n;
            Parsed<TcpHeader> res = TcpHeader.parse(b, off, len, f.ph());
            assertThat(res).as("seed %d case %d", seed, caseNo).isNotNull();
            if (res instanceof Parsed.Ok<TcpHeader>(TcpHeader h)) {
                byte[] out = b.clone();
                h.emit(out, off, f.ph(), len - h.headerLength());
                assertThat(ByteString.copyOf(out)).as("seed %d case %d", seed, caseNo)
                        .isEqualTo(ByteString.copyOf(b));
                h.describeOptions();
            }
        }
    }

    private static byte[] mutate(SplittableRandom r, byte[] in) {
        byte[] b = in;
        for (int k = r.nextInt(1, 4); k > 0; k--) {
            switch (r.nextInt(4)) {
                case 0 -> b = java.util.Arrays.copyOf(b, r.nextInt(0, b.length + 1));
                case 1 -> {
                    if (b.length > 0) {
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 2 -> {
                    if (b.length > 20) {
                        b[r.nextInt(20, b.length)] = (byte) r.nextInt(256);
                    }
                }
                default -> {
                    if (b.length > 12) {
                        b[12] = (byte) (r.nextInt(16) << 4 | (b[12] & 0x0F));
                    }
                }
            }
        }
        return b;
    }
}
