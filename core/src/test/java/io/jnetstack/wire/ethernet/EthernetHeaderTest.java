package io.jnetstack.wire.ethernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.wire.EtherType;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.ip.MutationSweep;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Frames captured on a veth pair between two throw-away namespaces (10.9.0.1 on jl3a, 10.9.0.2 on jl3b):
 * {@code ip netns exec A tcpdump -i jl3a -w cap.pcap -s 0} while running {@code ping -c2 10.9.0.2} and
 * {@code ping -6 -c2 fd00:9::2} from namespace A.
 */
class EthernetHeaderTest {
    /** ARP request "who has 10.9.0.2? tell 10.9.0.1", broadcast. */
    static final String ARP_REQUEST_FRAME =
            "ffffffffffff3a82d82f1650080600010800060400013a82d82f16500a0900010000000000000a090002";
    /** ICMP echo request 10.9.0.1 -> 10.9.0.2 (header and the first bytes of the IPv4 packet). */
    static final String IPV4_FRAME = "dee4462b29c23a82d82f165008004500005459d140004001ccc30a0900010a090002";
    /** ICMPv6 echo request fd00:9::1 -> fd00:9::2 (header and the first bytes of the IPv6 packet). */
    static final String IPV6_FRAME = "dee4462b29c23a82d82f165086dd600e80bf00403a40";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static MalformedReason reason(Parsed<?> p) {
        return p instanceof Parsed.Malformed<?> m ? m.reason() : null;
    }

    @Test
    void capturedFrames_parseEveryField_andEmitTheSameHeaderBytes() {
        MacAddress a = MacAddress.parse("3a:82:d8:2f:16:50").orThrow();
        MacAddress b = MacAddress.parse("de:e4:46:2b:29:c2").orThrow();
        assertParses(ARP_REQUEST_FRAME, new EthernetHeader(MacAddress.BROADCAST, a, EtherType.ARP));
        assertParses(IPV4_FRAME, new EthernetHeader(b, a, EtherType.IPV4));
        assertParses(IPV6_FRAME, new EthernetHeader(b, a, EtherType.IPV6));
    }

    private static void assertParses(String frameHex, EthernetHeader expected) {
        byte[] f = hex(frameHex);
        EthernetHeader h = EthernetHeader.parse(f, 0, f.length).orThrow();
        assertThat(h).isEqualTo(expected);
        byte[] out = new byte[h.length()];
        assertThat(h.emit(out, 0)).isEqualTo(14);
        assertThat(out).isEqualTo(Arrays.copyOf(f, 14));
    }

    @Test
    void roundTrip_randomHeaders() {
        long seed = 894;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int n = 0; n < 3000; n++) {
            EthernetHeader h = new EthernetHeader(new MacAddress(rnd.nextLong() >>> 16),
                    new MacAddress(rnd.nextLong() >>> 16), rnd.nextInt(0x0600, 0x10000));
            byte[] b = new byte[14 + rnd.nextInt(0, 50)];
            h.emit(b, 0);
            assertThat(EthernetHeader.parse(b, 0, b.length)).as("seed %d case %d", seed, n).isEqualTo(Parsed.ok(h));
        }
    }

    @Test
    void fewerThanFourteenBytes_isTruncated() {
        byte[] f = hex(IPV4_FRAME);
        assertThat(reason(EthernetHeader.parse(f, 0, 13))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(EthernetHeader.parse(f, 30, 14))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(EthernetHeader.parse(f, -1, 14))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(EthernetHeader.parse(null, 0, 14))).isEqualTo(MalformedReason.TRUNCATED);
    }

    @Test
    void ieee8023LengthField_isUnsupported() {
        byte[] f = hex(IPV4_FRAME);
        f[12] = 0x05;
        f[13] = (byte) 0xFF; // 1535: still a length
        assertThat(reason(EthernetHeader.parse(f, 0, f.length))).isEqualTo(MalformedReason.UNSUPPORTED);
        f[13] = 0x00; // 0x0500 would be an 802.3 length; 0x0600 is the first EtherType
        f[12] = 0x06;
        assertThat(EthernetHeader.parse(f, 0, f.length).orThrow().etherType()).isEqualTo(0x0600);
    }

    @Test
    void constructor_rejectsLengthValuesAndWideTypes() {
        MacAddress m = MacAddress.ZERO;
        assertThatThrownBy(() -> new EthernetHeader(m, m, 0x05DC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EthernetHeader(m, m, 0x10000)).isInstanceOf(IllegalArgumentException.class);
        EthernetHeader h = new EthernetHeader(MacAddress.BROADCAST, m, EtherType.ARP);
        assertThat(h.swapped().withEtherType(EtherType.IPV4)).isEqualTo(new EthernetHeader(m, MacAddress.BROADCAST,
                EtherType.IPV4));
    }

    @Test
    void mutationSweep_neverThrows_andAcceptedInputsRoundTrip() {
        List<byte[]> seeds = List.of(hex(ARP_REQUEST_FRAME), hex(IPV4_FRAME), hex(IPV6_FRAME));
        MutationSweep.run(seeds, 0xE7E7, 50_000, (b, off, len) -> {
            if (EthernetHeader.parse(b, off, len) instanceof Parsed.Ok<EthernetHeader>(EthernetHeader h)) {
                byte[] out = new byte[14];
                h.emit(out, 0);
                assertThat(out).isEqualTo(Arrays.copyOfRange(b, off, off + 14));
            }
            EthernetFrame.wrap(b, off, len);
        });
    }
}
