package io.jnetstack.wire.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.icmp.IcmpFixtures.V6;
import io.jnetstack.wire.icmp.Icmpv6Message.NeighborAdvertisement;
import io.jnetstack.wire.icmp.Icmpv6Message.RouterAdvertisement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded round-trip properties and no-throw mutation sweeps for ICMPv4, ICMPv6 and NDP options. */
class IcmpPropertiesTest {
    static final long SEED = 0x1C4D_0792L;

    static ByteString bytes(SplittableRandom r, int max) {
        byte[] b = new byte[r.nextInt(0, max + 1)];
        r.nextBytes(b);
        return ByteString.copyOf(b);
    }

    static Icmpv4Message v4(SplittableRandom r) {
        ByteString d = bytes(r, 64);
        return switch (r.nextInt(7)) {
            case 0 -> new Icmpv4Message.EchoRequest(r.nextInt(0x10000), r.nextInt(0x10000), d);
            case 1 -> new Icmpv4Message.EchoReply(r.nextInt(0x10000), r.nextInt(0x10000), d);
            case 2 -> new Icmpv4Message.DestinationUnreachable(4, r.nextInt(0x10000), r.nextInt(0x10000), d);
            case 3 -> new Icmpv4Message.DestinationUnreachable(r.nextInt(0, 4), r.nextInt(), 0, d);
            case 4 -> new Icmpv4Message.TimeExceeded(r.nextInt(2), r.nextInt(), d);
            case 5 -> new Icmpv4Message.ParameterProblem(r.nextInt(3), r.nextInt(256), r.nextInt(1 << 24), d);
            default -> new Icmpv4Message.Icmpv4Other(r.nextInt(13, 256), r.nextInt(256), r.nextInt(), d);
        };
    }

    static Ipv6Address unicast(SplittableRandom r) {
        return new Ipv6Address(r.nextLong() & 0x00FF_FFFF_FFFF_FFFFL, r.nextLong());
    }

    static List<NdpOption> options(SplittableRandom r) {
        List<NdpOption> out = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            out.add(switch (r.nextInt(5)) {
                case 0 -> new NdpOption.SourceLinkLayerAddress(new MacAddress(r.nextLong() >>> 16));
                case 1 -> new NdpOption.TargetLinkLayerAddress(new MacAddress(r.nextLong() >>> 16));
                case 2 -> new NdpOption.PrefixInformation(r.nextInt(129), r.nextInt(256), r.nextLong() >>> 32,
                        r.nextLong() >>> 32, r.nextInt(), unicast(r));
                case 3 -> new NdpOption.Mtu(r.nextInt(0x10000), r.nextLong() >>> 32);
                default -> new NdpOption.UnknownNdpOption(r.nextInt(6, 256), optionData(r));
            });
        }
        return out;
    }

    static ByteString optionData(SplittableRandom r) {
        byte[] b = new byte[8 * r.nextInt(1, 4) - 2];
        r.nextBytes(b);
        return ByteString.copyOf(b);
    }

    static Icmpv6Message v6(SplittableRandom r) {
        ByteString d = bytes(r, 64);
        return switch (r.nextInt(11)) {
            case 0 -> new Icmpv6Message.EchoRequest(r.nextInt(0x10000), r.nextInt(0x10000), d);
            case 1 -> new Icmpv6Message.EchoReply(r.nextInt(0x10000), r.nextInt(0x10000), d);
            case 2 -> new Icmpv6Message.DestinationUnreachable(r.nextInt(8), r.nextInt(), d);
            case 3 -> new Icmpv6Message.PacketTooBig(r.nextInt(), d);
            case 4 -> new Icmpv6Message.TimeExceeded(r.nextInt(2), r.nextInt(), d);
            case 5 -> new Icmpv6Message.ParameterProblem(r.nextInt(3), r.nextInt(), d);
            case 6 -> new Icmpv6Message.RouterSolicitation(r.nextInt(), options(r));
            case 7 -> new RouterAdvertisement(r.nextInt(256), r.nextInt(256), r.nextInt(0x10000),
                    r.nextLong() >>> 32, r.nextLong() >>> 32, options(r));
            case 8 -> new Icmpv6Message.NeighborSolicitation(r.nextInt(), unicast(r), options(r));
            case 9 -> new NeighborAdvertisement(r.nextBoolean(), r.nextBoolean(), r.nextBoolean(),
                    r.nextInt(1 << 29), unicast(r), options(r));
            default -> new Icmpv6Message.Icmpv6Other(r.nextInt(137, 256), r.nextInt(256), d);
        };
    }

    @Test
    void randomIcmpv4Messages_emitThenParse_giveTheSameValue() {
        SplittableRandom r = new SplittableRandom(SEED);
        for (int i = 0; i < 5000; i++) {
            Icmpv4Message m = v4(r);
            byte[] b = new byte[m.length()];
            assertThat(m.emit(b, 0)).isEqualTo(b.length);
            assertThat(Icmpv4Message.parse(b, 0, b.length).orThrow()).as("seed %d case %d", SEED, i).isEqualTo(m);
        }
    }

    @Test
    void randomIcmpv6Messages_emitThenParse_giveTheSameValue() {
        SplittableRandom r = new SplittableRandom(SEED + 1);
        for (int i = 0; i < 5000; i++) {
            Icmpv6Message m = v6(r);
            Ipv6Address src = unicast(r);
            Ipv6Address dst = unicast(r);
            byte[] b = new byte[m.length() + 3];
            assertThat(m.emit(b, 3, src, dst)).isEqualTo(m.length());
            assertThat(Icmpv6Message.parse(b, 3, m.length(), src, dst).orThrow())
                    .as("seed %d case %d", SEED + 1, i).isEqualTo(m);
        }
    }

    static byte[] mutate(SplittableRandom r, byte[] seed) {
        byte[] b = Arrays.copyOf(seed, r.nextInt(0, seed.length + 9));
        for (int f = r.nextInt(0, 4); f > 0 && b.length > 0; f--) {
            if (r.nextBoolean()) {
                b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            } else {
                b[r.nextInt(b.length)] = (byte) r.nextInt();
            }
        }
        return b;
    }

    @Test
    void mutatedIcmpv4Fixtures_neverThrow_andAcceptedOnesRoundTrip() {
        SplittableRandom r = new SplittableRandom(SEED + 2);
        List<String> seeds = IcmpFixtures.ALL_V4;
        for (int i = 0; i < 50_000; i++) {
            byte[] b = mutate(r, IcmpFixtures.hex(seeds.get(r.nextInt(seeds.size()))));
            int len = r.nextInt(20) == 0 ? r.nextInt(-2, b.length + 3) : b.length;
            if (Icmpv4Message.parse(b, 0, len) instanceof Parsed.Ok<Icmpv4Message> ok) {
                byte[] again = new byte[ok.value().length()];
                ok.value().emit(again, 0);
                assertThat(again).as("seed %d case %d", SEED + 2, i).isEqualTo(Arrays.copyOf(b, len));
            }
        }
    }

    @Test
    void mutatedIcmpv6Fixtures_neverThrow_andAcceptedOnesRoundTrip() {
        SplittableRandom r = new SplittableRandom(SEED + 3);
        int accepted = 0;
        for (int i = 0; i < 50_000; i++) {
            V6 f = IcmpFixtures.ALL_V6.get(r.nextInt(IcmpFixtures.ALL_V6.size()));
            byte[] b = mutate(r, f.bytes());
            if (r.nextInt(4) == 0 && b.length >= 4) {
                Icmpv6MessageTest.fix(b, f); // repair the checksum so the structural checks are exercised
            }
            int len = r.nextInt(20) == 0 ? r.nextInt(-2, b.length + 3) : b.length;
            if (Icmpv6Message.parse(b, 0, len, f.src(), f.dst()) instanceof Parsed.Ok<Icmpv6Message> ok) {
                accepted++;
                byte[] again = new byte[ok.value().length()];
                ok.value().emit(again, 0, f.src(), f.dst());
                assertThat(again).as("seed %d case %d", SEED + 3, i).isEqualTo(Arrays.copyOf(b, len));
            }
        }
        assertThat(accepted).isPositive();
    }
}
