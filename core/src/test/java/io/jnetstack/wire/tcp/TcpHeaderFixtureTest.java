package io.jnetstack.wire.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpFixtures.Fixture;
import io.jnetstack.wire.tcp.TcpOption.Eol;
import io.jnetstack.wire.tcp.TcpOption.FastOpenCookie;
import io.jnetstack.wire.tcp.TcpOption.Mss;
import io.jnetstack.wire.tcp.TcpOption.Nop;
import io.jnetstack.wire.tcp.TcpOption.Sack;
import io.jnetstack.wire.tcp.TcpOption.SackBlock;
import io.jnetstack.wire.tcp.TcpOption.SackPermitted;
import io.jnetstack.wire.tcp.TcpOption.Timestamps;
import io.jnetstack.wire.tcp.TcpOption.UnknownOption;
import io.jnetstack.wire.tcp.TcpOption.WindowScale;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TcpHeaderFixtureTest {

    static Stream<Fixture> fixtures() {
        return TcpFixtures.ALL.stream();
    }

    private static TcpHeader parse(Fixture f) {
        byte[] b = f.bytes();
        return TcpHeader.parse(b, 0, b.length, f.ph()).orThrow();
    }

    private static TcpHeader expect(int sp, int dp, long seq, long ack, int flags, int win, int urg, TcpOption... o) {
        return new TcpHeader(sp, dp, (int) seq, (int) ack, flags, win, urg, List.of(o));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixture_emitsItsOwnBytes(Fixture f) {
        byte[] in = f.bytes();
        TcpHeader h = TcpHeader.parse(in, 0, in.length, f.ph()).orThrow();
        byte[] out = new byte[in.length];
        int hl = h.headerLength();
        System.arraycopy(in, hl, out, hl, in.length - hl);
        assertThat(h.emit(out, 0, f.ph(), in.length - hl)).isEqualTo(hl);
        assertThat(ByteString.copyOf(out)).isEqualTo(ByteString.copyOf(in));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixture_describesOptionsLikeTcpdump(Fixture f) {
        assertThat(parse(f).describeOptions()).isEqualTo(f.tcpdumpOptions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixture_parsesAtAnOffsetInsideALargerBuffer(Fixture f) {
        byte[] in = f.bytes();
        byte[] big = new byte[in.length + 13];
        Arrays.fill(big, (byte) 0x5A);
        System.arraycopy(in, 0, big, 7, in.length);
        assertThat(TcpHeader.parse(big, 7, in.length, f.ph()).orThrow()).isEqualTo(parse(f));
    }

    @Test
    void v4Syn_hasEveryFieldAsTcpdumpPrinted() {
        assertThat(parse(TcpFixtures.V4_SYN)).isEqualTo(expect(54524, 5555, 2169814744L, 0, TcpHeader.SYN, 64240, 0,
                new Mss(1460), new SackPermitted(), new Timestamps(329367863, 0), new Nop(), new WindowScale(10)));
        assertThat(parse(TcpFixtures.V4_SYN).headerLength()).isEqualTo(40);
    }

    @Test
    void v4SynAck_hasEveryField() {
        assertThat(parse(TcpFixtures.V4_SYN_ACK)).isEqualTo(expect(5555, 54524, 3033423162L, 2169814745L,
                TcpHeader.SYN | TcpHeader.ACK, 65160, 0, new Mss(1460), new SackPermitted(),
                new Timestamps(1670282810, 329367863), new Nop(), new WindowScale(10)));
    }

    @Test
    void v4Data_hasTimestampsAndPayload() {
        TcpHeader h = parse(TcpFixtures.V4_DATA);
        assertThat(h).isEqualTo(expect(54524, 5555, 2169814745L, 3033423163L, TcpHeader.PSH | TcpHeader.ACK, 63, 0,
                new Nop(), new Nop(), new Timestamps(329367863, 1670282810)));
        TcpPacket p = TcpPacket.wrap(TcpFixtures.V4_DATA.bytes(), 0, 37).orThrow();
        assertThat(p.payloadOffset()).isEqualTo(32);
        assertThat(p.payloadLength()).isEqualTo(5);
        assertThat(p.checksum()).isEqualTo(0x854e);
    }

    @Test
    void v4FinAndRst_haveEveryField() {
        assertThat(parse(TcpFixtures.V4_FIN)).isEqualTo(expect(5555, 54524, 3033423167L, 2169814750L,
                TcpHeader.FIN | TcpHeader.ACK, 64, 0, new Nop(), new Nop(), new Timestamps(1670282810, 329367863)));
        TcpHeader rst = parse(TcpFixtures.V4_RST);
        assertThat(rst).isEqualTo(expect(5557, 46008, 0, 2948206129L, TcpHeader.RST | TcpHeader.ACK, 0, 0));
        assertThat(rst.has(TcpHeader.RST)).isTrue();
        assertThat(rst.has(TcpHeader.SYN)).isFalse();
        assertThat(rst.headerLength()).isEqualTo(20);
    }

    @Test
    void v6Segments_haveEveryField() {
        assertThat(parse(TcpFixtures.V6_SYN)).isEqualTo(expect(34616, 5556, 1383913687L, 0, TcpHeader.SYN, 64800, 0,
                new Mss(1440), new SackPermitted(), new Timestamps((int) 2791687944L, 0), new Nop(),
                new WindowScale(10)));
        assertThat(parse(TcpFixtures.V6_DATA)).isEqualTo(expect(34616, 5556, 1383913688L, 3829562156L,
                TcpHeader.PSH | TcpHeader.ACK, 64, 0, new Nop(), new Nop(),
                new Timestamps((int) 2791687944L, (int) 3746022537L)));
        assertThat(parse(TcpFixtures.V6_FIN)).isEqualTo(expect(5556, 34616, 3829562160L, 1383913693L,
                TcpHeader.FIN | TcpHeader.ACK, 63, 0, new Nop(), new Nop(),
                new Timestamps((int) 3746022537L, (int) 2791687944L)));
        assertThat(parse(TcpFixtures.V6_RST)).isEqualTo(expect(5557, 49486, 0, 3328245444L,
                TcpHeader.RST | TcpHeader.ACK, 0, 0));
    }

    @Test
    void fastOpenCapture_carriesRequestThenCookieThenData() {
        TcpHeader req = parse(TcpFixtures.TFO_COOKIE_REQUEST);
        assertThat(req.options().get(5)).isEqualTo(new FastOpenCookie(ByteString.EMPTY, false));
        assertThat(((FastOpenCookie) req.options().get(5)).isRequest()).isTrue();
        ByteString cookie = ByteString.ofHex("25ea6cf1f7844b66");
        assertThat(parse(TcpFixtures.TFO_SYN_ACK_COOKIE)).isEqualTo(expect(5558, 60056, 2122645993L, 2609416341L,
                TcpHeader.SYN | TcpHeader.ACK, 65160, 0, new Mss(1460), new SackPermitted(),
                new Timestamps(119863364, (int) 4239539583L), new Nop(), new WindowScale(10),
                new FastOpenCookie(cookie, false), new Nop(), new Nop()));
        TcpHeader syn = parse(TcpFixtures.TFO_SYN_DATA);
        assertThat(syn.options().get(5)).isEqualTo(new FastOpenCookie(cookie, false));
        assertThat(syn.seq()).isEqualTo(1675885422);
        byte[] b = TcpFixtures.TFO_SYN_DATA.bytes();
        assertThat(TcpPacket.wrap(b, 0, b.length).orThrow().payloadLength()).isEqualTo(4);
    }

    @Test
    void sackFixtures_carryTheirBlocks() {
        assertThat(parse(TcpFixtures.SACK_1).options()).containsExactly(new Nop(), new Nop(),
                new Timestamps(1000, 2000), new Nop(), new Nop(), new Sack(List.of(new SackBlock(2001, 2501))));
        assertThat(parse(TcpFixtures.SACK_4).options()).containsExactly(new Nop(), new Nop(),
                new Sack(List.of(new SackBlock(2001, 2501), new SackBlock(3001, 3501), new SackBlock(4001, 4501),
                        new SackBlock(5001, 5501))));
    }

    @Test
    void experimentalAndUnknownOptions_areKept() {
        assertThat(parse(TcpFixtures.TFO_EXP_REQUEST).options())
                .containsExactly(new Mss(1460), new FastOpenCookie(ByteString.EMPTY, true));
        assertThat(parse(TcpFixtures.TFO_EXP_COOKIE).options())
                .containsExactly(new FastOpenCookie(ByteString.ofHex("0102030405060708"), true));
        assertThat(parse(TcpFixtures.UNKNOWN).options()).containsExactly(
                new UnknownOption(99, ByteString.ofHex("abcd")), new UnknownOption(254, ByteString.ofHex("1234")));
    }

    @Test
    void eol_keepsTheBytesAfterIt() {
        assertThat(parse(TcpFixtures.EOL_TRAILING).options())
                .containsExactly(new Mss(1460), new Eol(ByteString.ofHex("010203")));
        assertThat(parse(TcpFixtures.EOL_ZERO).options()).containsExactly(new WindowScale(7), new Eol());
    }

    @Test
    void urgentAndReservedBits_areKept() {
        TcpHeader h = parse(TcpFixtures.URG_AE);
        assertThat(h).isEqualTo(expect(40000, 80, 7, 9, 0x1f8, 1234, 3));
        assertThat(h.has(TcpHeader.AE | TcpHeader.CWR | TcpHeader.ECE | TcpHeader.URG)).isTrue();
        assertThat(parse(TcpFixtures.RESERVED).flags()).isEqualTo(0xe10);
    }
}
