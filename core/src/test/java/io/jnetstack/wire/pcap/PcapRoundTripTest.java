package io.jnetstack.wire.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Parsed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcapRoundTripTest {

    private static List<PcapRecord> readAll(byte[] file) throws IOException {
        PcapReader r = PcapReader.open(new ByteArrayInputStream(file)).orThrow();
        List<PcapRecord> out = new ArrayList<>();
        for (Parsed<PcapRecord> p = r.next(); p != null; p = r.next()) {
            out.add(p.orThrow());
        }
        return out;
    }

    @Test
    void writer_emitsTheExactGlobalAndRecordHeaders() {
        byte[] f = PcapFixtures.file(LinkType.RAW, 262144, new byte[] {0x45, 0x00});
        assertThat(HexFormat.of().formatHex(f)).isEqualTo(
                "4d3cb2a1" + "0200" + "0400" + "00000000" + "00000000" + "00000400" + "65000000"
                        + "01000000" + "01000000" + "02000000" + "02000000" + "4500");
    }

    @Test
    void writtenFile_readsBackEveryRecord() throws IOException {
        byte[] ip = PcapFixtures.icmpEchoIpv4();
        byte[] f = PcapFixtures.file(LinkType.RAW, 65535, ip, new byte[0], ip);
        PcapReader r = PcapReader.open(new ByteArrayInputStream(f)).orThrow();
        assertThat(r.linkType()).isEqualTo(LinkType.RAW);
        assertThat(r.snapLength()).isEqualTo(65535);
        assertThat(r.nanosecondResolution()).isTrue();
        assertThat(r.next().orThrow()).isEqualTo(new PcapRecord(1_000_000_001L, ip.length, ByteString.copyOf(ip)));
        assertThat(r.next().orThrow()).isEqualTo(new PcapRecord(2_000_000_002L, 0, ByteString.EMPTY));
        assertThat(r.next().orThrow().timestampNs()).isEqualTo(3_000_000_003L);
        assertThat(r.next()).isNull();
        assertThat(r.next()).isNull();
    }

    @Test
    void snapLength_truncatesCapturedBytesButKeepsOriginalLength() throws IOException {
        byte[] frame = PcapFixtures.icmpEchoEthernet();
        List<PcapRecord> recs = readAll(PcapFixtures.file(LinkType.ETHERNET, 20, frame));
        assertThat(recs).hasSize(1);
        assertThat(recs.get(0).originalLength()).isEqualTo(frame.length);
        assertThat(recs.get(0).data()).isEqualTo(ByteString.copyOf(frame, 0, 20));
    }

    @Test
    void randomRecords_roundTrip() throws IOException {
        long seed = 0x9CA9L;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int round = 0; round < 200; round++) {
            int snap = 1 + rnd.nextInt(2000);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            List<PcapRecord> expected = new ArrayList<>();
            try (PcapWriter w = new PcapWriter(bos, rnd.nextBoolean() ? LinkType.RAW : LinkType.ETHERNET, snap)) {
                int n = rnd.nextInt(10);
                for (int i = 0; i < n; i++) {
                    byte[] b = new byte[rnd.nextInt(3000)];
                    rnd.nextBytes(b);
                    long ts = rnd.nextLong(0, 0xFFFF_FFFFL * 1_000_000_000L);
                    int off = b.length == 0 ? 0 : rnd.nextInt(b.length);
                    int len = b.length - off;
                    w.write(ts, b, off, len);
                    expected.add(new PcapRecord(ts, len, ByteString.copyOf(b, off, Math.min(len, snap))));
                }
            }
            assertThat(readAll(bos.toByteArray())).as("seed=%d round=%d", seed, round).isEqualTo(expected);
        }
    }

    @Test
    void microsecondBigEndianFiles_areRead() throws IOException {
        byte[] f = HexFormat.of().parseHex("a1b2c3d4" + "0002" + "0004" + "00000000" + "00000000" + "0000ffff"
                + "00000001" + "00000005" + "000f4239" + "00000002" + "00000003" + "abcd");
        PcapReader r = PcapReader.open(new ByteArrayInputStream(f)).orThrow();
        assertThat(r.linkType()).isEqualTo(LinkType.ETHERNET);
        assertThat(r.nanosecondResolution()).isFalse();
        assertThat(r.next().orThrow()).isEqualTo(
                new PcapRecord(5_999_993_000L, 3, ByteString.ofHex("abcd")));
        assertThat(r.next()).isNull();
    }

    @Test
    void writer_rejectsBadArguments() throws IOException {
        PcapWriter w = new PcapWriter(new ByteArrayOutputStream(), LinkType.RAW, 100);
        byte[] b = new byte[4];
        assertThatThrownBy(() -> w.write(-1, b, 0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.write(1L << 62, b, 0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.write(0, b, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PcapWriter(new ByteArrayOutputStream(), LinkType.RAW, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linkType_mapsNumbersBothWays() {
        assertThat(LinkType.of(1)).isEqualTo(LinkType.ETHERNET);
        assertThat(LinkType.of(101)).isEqualTo(LinkType.RAW);
        assertThat(LinkType.RAW.value()).isEqualTo(101);
        assertThat(LinkType.isKnown(12)).isFalse();
        assertThatThrownBy(() -> LinkType.of(12)).isInstanceOf(IllegalArgumentException.class);
    }
}
