package io.jnetstack.personality.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded round trips per OS and family, and a random-bytes sweep: decoding never throws. */
class SockaddrPropertyTest {
    private static final long SEED = 0x5A_AD_D2_0001L;

    @Test
    void everyGeneratedAddress_encodesAndDecodesToItself_andItsBytesReencodeIdentically() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (Abi abi : Abi.all()) {
            SockaddrCodec c = abi.sockaddr();
            for (int i = 0; i < 4000; i++) {
                Sockaddr a = randomAddress(rnd, c);
                byte[] bytes = c.encode(a);
                String msg = abi.name() + " seed " + SEED + " case " + i + " " + a + " "
                        + HexFormat.of().formatHex(bytes);
                assertThat(bytes).as(msg).hasSize(c.encodedLength(a));
                SockaddrDecoding expected = new SockaddrDecoding.Ok(a, bytes.length);
                assertThat(c.decode(bytes, 0, bytes.length)).as(msg).isEqualTo(expected);
                assertThat(c.decodeWithLengthField(bytes, 0, bytes.length)).as(msg).isEqualTo(expected);
                byte[] shifted = new byte[bytes.length + 7];
                assertThat(c.encode(a, shifted, 3)).isEqualTo(bytes.length);
                assertThat(c.decode(shifted, 3, bytes.length)).as(msg).isEqualTo(expected);
                if (c.decode(bytes, 0, bytes.length) instanceof SockaddrDecoding.Ok(Sockaddr back, int len)) {
                    assertThat(c.encode(back)).as(msg).isEqualTo(bytes);
                }
            }
        }
    }

    @Test
    void randomAndMutatedBytes_neverThrow_andWhateverDecodesReencodesToTheSameAddress() {
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        for (int i = 0; i < 60_000; i++) {
            Abi abi = Abi.all().get(rnd.nextInt(4));
            SockaddrCodec c = abi.sockaddr();
            byte[] b = rnd.nextInt(3) == 0 ? mutate(rnd, c.encode(randomAddress(rnd, c))) : randomBytes(rnd);
            int off = rnd.nextInt(4) == 0 ? rnd.nextInt(-2, b.length + 3) : 0;
            int namelen = rnd.nextInt(5) == 0 ? rnd.nextInt(-3, 300) : b.length - Math.max(off, 0);
            String msg = abi.name() + " seed " + (SEED + 1) + " case " + i + " off " + off + " namelen " + namelen
                    + " " + HexFormat.of().formatHex(b);
            SockaddrDecoding d = c.decode(b, off, namelen);
            assertThat(d).as(msg).isNotNull();
            assertThat(c.decodeWithLengthField(b, off, namelen)).as(msg).isNotNull();
            if (d instanceof SockaddrDecoding.Ok(Sockaddr a, int len)) {
                byte[] again = c.encode(a);
                assertThat(c.decode(again, 0, again.length)).as(msg)
                        .isEqualTo(new SockaddrDecoding.Ok(a, again.length));
            }
        }
    }

    static Sockaddr randomAddress(SplittableRandom rnd, SockaddrCodec c) {
        return switch (rnd.nextInt(6)) {
            case 0 -> new Sockaddr.Unspec();
            case 1 -> new Sockaddr.In(rnd.nextInt(65536), rnd.nextInt(), rnd.nextInt(4) == 0 ? rnd.nextLong() : 0L);
            case 2 -> new Sockaddr.In6(rnd.nextInt(65536), rnd.nextInt(), rnd.nextLong(), rnd.nextLong(),
                    rnd.nextInt());
            case 3 -> Sockaddr.Un.unnamed();
            case 4 -> new Sockaddr.Un(Sockaddr.UnixKind.PATHNAME, randomName(rnd, 1,
                    c.hasLengthByte() ? c.maximumLength() - 2 : c.sunPathSize(), false));
            default -> c.hasLengthByte() ? Sockaddr.Un.pathname("/tmp/s" + rnd.nextInt(1000))
                    : new Sockaddr.Un(Sockaddr.UnixKind.ABSTRACT, randomName(rnd, 0, c.sunPathSize() - 1, true));
        };
    }

    private static String randomName(SplittableRandom rnd, int min, int max, boolean nulAllowed) {
        int n = rnd.nextInt(4) == 0 ? max : rnd.nextInt(min, Math.min(max, 40) + 1);
        char[] s = new char[Math.max(n, min)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (char) (nulAllowed ? rnd.nextInt(256) : rnd.nextInt(1, 256));
        }
        return new String(s);
    }

    private static byte[] randomBytes(SplittableRandom rnd) {
        byte[] b = new byte[rnd.nextInt(0, 300)];
        rnd.nextBytes(b);
        if (b.length > 1 && rnd.nextBoolean()) {
            b[rnd.nextBoolean() ? 0 : 1] = (byte) new int[] {0, 1, 2, 10, 24, 28, 30}[rnd.nextInt(7)];
        }
        return b;
    }

    private static byte[] mutate(SplittableRandom rnd, byte[] b) {
        byte[] m = switch (rnd.nextInt(3)) {
            case 0 -> Arrays.copyOf(b, rnd.nextInt(0, b.length + 1));
            case 1 -> Arrays.copyOf(b, b.length + rnd.nextInt(1, 40));
            default -> b.clone();
        };
        if (m.length > 0) {
            m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
        return m;
    }
}
