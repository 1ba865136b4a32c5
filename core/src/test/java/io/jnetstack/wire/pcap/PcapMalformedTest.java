package io.jnetstack.wire.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcapMalformedTest {
    private static final byte[] GOOD = PcapFixtures.file(LinkType.RAW, 1000, PcapFixtures.icmpEchoIpv4());

    private static byte[] withLe32(byte[] f, int off, int v) {
        byte[] c = f.clone();
        PcapWriter.putLe32(c, off, v);
        return c;
    }

    private static MalformedReason openReason(byte[] f) throws IOException {
        return ((Parsed.Malformed<PcapReader>) PcapReader.open(new ByteArrayInputStream(f))).reason();
    }

    private static MalformedReason firstRecordReason(byte[] f) throws IOException {
        PcapReader r = PcapReader.open(new ByteArrayInputStream(f)).orThrow();
        Parsed<PcapRecord> p = r.next();
        assertThat(r.next()).as("the reader stays stuck on its rejection").isEqualTo(p);
        return ((Parsed.Malformed<PcapRecord>) p).reason();
    }

    @Test
    void shortGlobalHeader_isTruncated() throws IOException {
        assertThat(openReason(new byte[0])).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(openReason(Arrays.copyOf(GOOD, 23))).isEqualTo(MalformedReason.TRUNCATED);
    }

    @Test
    void unknownMagic_isBadField() throws IOException {
        assertThat(openReason(withLe32(GOOD, 0, 0x0A0D0D0A))).isEqualTo(MalformedReason.BAD_FIELD);
    }

    @Test
    void majorVersionOtherThanTwo_isBadVersion() throws IOException {
        assertThat(openReason(withLe32(GOOD, 4, 0x0004_0001))).isEqualTo(MalformedReason.BAD_VERSION);
    }

    @Test
    void zeroOrHugeSnapLength_isBadField() throws IOException {
        assertThat(openReason(withLe32(GOOD, 16, 0))).isEqualTo(MalformedReason.BAD_FIELD);
        assertThat(openReason(withLe32(GOOD, 16, 0x8000_0000))).isEqualTo(MalformedReason.BAD_FIELD);
    }

    @Test
    void unknownLinkType_isUnsupported() throws IOException {
        assertThat(openReason(withLe32(GOOD, 20, 12))).isEqualTo(MalformedReason.UNSUPPORTED);
    }

    @Test
    void partialRecordHeader_isTruncated() throws IOException {
        assertThat(firstRecordReason(Arrays.copyOf(GOOD, 24 + 15))).isEqualTo(MalformedReason.TRUNCATED);
    }

    @Test
    void missingRecordData_isTruncated() throws IOException {
        assertThat(firstRecordReason(Arrays.copyOf(GOOD, GOOD.length - 1))).isEqualTo(MalformedReason.TRUNCATED);
    }

    @Test
    void inclLenAboveSnapLength_isBadLength() throws IOException {
        byte[] f = withLe32(withLe32(GOOD, 24 + 8, 1001), 24 + 12, 2000);
        assertThat(firstRecordReason(f)).isEqualTo(MalformedReason.BAD_LENGTH);
    }

    @Test
    void inclLenAboveOrigLen_isBadLength() throws IOException {
        assertThat(firstRecordReason(withLe32(GOOD, 24 + 12, 10))).isEqualTo(MalformedReason.BAD_LENGTH);
    }

    @Test
    void subSecondFieldOfOneSecondOrMore_isBadField() throws IOException {
        assertThat(firstRecordReason(withLe32(GOOD, 24 + 4, 1_000_000_000))).isEqualTo(MalformedReason.BAD_FIELD);
    }

    @Test
    void mutatedFiles_neverThrow() throws IOException {
        long seed = 0xBAD9CA9L;
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[][] seeds = {GOOD,
                PcapFixtures.file(LinkType.ETHERNET, 30, PcapFixtures.icmpEchoEthernet(), new byte[3]),
                PcapFixtures.file(LinkType.RAW, 65535)};
        int ok = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] f = mutate(seeds[rnd.nextInt(seeds.length)], rnd);
            try {
                ok += drain(f);
            } catch (RuntimeException e) {
                throw new AssertionError("seed=" + seed + " case=" + i, e);
            }
        }
        assertThat(ok).as("some mutants still parse").isPositive();
    }

    private static int drain(byte[] f) throws IOException {
        Parsed<PcapReader> o = PcapReader.open(new ByteArrayInputStream(f));
        if (!o.isOk()) {
            return 0;
        }
        PcapReader r = o.orThrow();
        int n = 0;
        for (Parsed<PcapRecord> p = r.next(); p != null && p.isOk(); p = r.next()) {
            n++;
        }
        return n;
    }

    private static byte[] mutate(byte[] src, SplittableRandom rnd) {
        byte[] f = src.clone();
        switch (rnd.nextInt(4)) {
            case 0 -> f = Arrays.copyOf(f, rnd.nextInt(f.length + 1));
            case 1 -> {
                for (int k = rnd.nextInt(1, 4); k > 0 && f.length > 0; k--) {
                    f[rnd.nextInt(f.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 2 -> {
                if (f.length >= 4) {
                    PcapWriter.putLe32(f, rnd.nextInt(f.length - 3), rnd.nextInt());
                }
            }
            default -> {
                byte[] tail = new byte[rnd.nextInt(40)];
                rnd.nextBytes(tail);
                f = Arrays.copyOf(f, f.length + tail.length);
                System.arraycopy(tail, 0, f, f.length - tail.length, tail.length);
            }
        }
        return f;
    }
}
