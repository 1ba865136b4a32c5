package io.jnetstack.wire.arp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.wire.Ipv4Address;
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
 * ARP payloads (Ethernet header stripped) captured on a veth pair between two throw-away namespaces A
 * (10.9.0.1, 3a:82:d8:2f:16:50) and B (10.9.0.2, de:e4:46:2b:29:c2) with
 * {@code ip netns exec A tcpdump -i jl3a -w cap.pcap} while A ran {@code ping -c2 10.9.0.2}. veth does not pad
 * short frames, so the padded case appends the 18 zero bytes a 60-byte minimum Ethernet frame would carry.
 */
class ArpMessageTest {
    /** Broadcast request: who has 10.9.0.2? tell 10.9.0.1. */
    static final String REQUEST = "00010800060400013a82d82f16500a0900010000000000000a090002";
    /** The reply: 10.9.0.2 is at de:e4:46:2b:29:c2. */
    static final String REPLY = "0001080006040002dee4462b29c20a0900023a82d82f16500a090001";
    /** B's later unicast refresh request to A (target MAC zero). */
    static final String REFRESH_REQUEST = "0001080006040001dee4462b29c20a0900020000000000000a090001";

    private static final MacAddress MAC_A = MacAddress.parse("3a:82:d8:2f:16:50").orThrow();
    private static final MacAddress MAC_B = MacAddress.parse("de:e4:46:2b:29:c2").orThrow();
    private static final Ipv4Address IP_A = Ipv4Address.of("10.9.0.1");
    private static final Ipv4Address IP_B = Ipv4Address.of("10.9.0.2");

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static MalformedReason reason(Parsed<?> p) {
        return p instanceof Parsed.Malformed<?> m ? m.reason() : null;
    }

    private static void assertParsesAndEmits(byte[] b, ArpMessage expected) {
        ArpMessage m = ArpMessage.parse(b, 0, b.length).orThrow();
        assertThat(m).isEqualTo(expected);
        byte[] out = new byte[m.length()];
        assertThat(m.emit(out, 0)).isEqualTo(28);
        assertThat(out).isEqualTo(Arrays.copyOf(b, 28));
    }

    @Test
    void capturedRequestReplyAndRefresh_parseEveryField_andEmitTheSameBytes() {
        assertParsesAndEmits(hex(REQUEST), new ArpMessage(ArpMessage.REQUEST, MAC_A, IP_A, MacAddress.ZERO, IP_B));
        assertParsesAndEmits(hex(REPLY), new ArpMessage(ArpMessage.REPLY, MAC_B, IP_B, MAC_A, IP_A));
        assertParsesAndEmits(hex(REFRESH_REQUEST), new ArpMessage(ArpMessage.REQUEST, MAC_B, IP_B, MacAddress.ZERO,
                IP_A));
    }

    @Test
    void minimumFramePadding_isIgnored_andTheFirst28BytesRoundTrip() {
        assertParsesAndEmits(Arrays.copyOf(hex(REQUEST), 46), ArpMessage.request(MAC_A, IP_A, IP_B));
    }

    @Test
    void replyFrom_answersTheCapturedRequestExactlyAsTheKernelDid() {
        ArpMessage req = ArpMessage.parse(hex(REQUEST), 0, 28).orThrow();
        byte[] out = new byte[28];
        req.replyFrom(MAC_B).emit(out, 0);
        assertThat(out).isEqualTo(hex(REPLY));
    }

    @Test
    void roundTrip_randomMessages() {
        long seed = 826;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int n = 0; n < 3000; n++) {
            ArpMessage m = new ArpMessage(rnd.nextInt(1, 3), new MacAddress(rnd.nextLong() >>> 16),
                    new Ipv4Address(rnd.nextInt()), new MacAddress(rnd.nextLong() >>> 16), new Ipv4Address(rnd.nextInt()));
            byte[] b = new byte[28 + rnd.nextInt(0, 20)];
            m.emit(b, 0);
            assertThat(ArpMessage.parse(b, 0, b.length)).as("seed %d case %d", seed, n).isEqualTo(Parsed.ok(m));
        }
    }

    @Test
    void fewerThan28Bytes_isTruncated() {
        byte[] b = hex(REQUEST);
        assertThat(reason(ArpMessage.parse(b, 0, 27))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(ArpMessage.parse(b, 1, 28))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(reason(ArpMessage.parse(null, 0, 28))).isEqualTo(MalformedReason.TRUNCATED);
    }

    @Test
    void wrongHardwareOrProtocolTypeOrLength_isBadField_namingTheField() {
        assertBadField(0, 6, "hardware type");
        assertBadField(2, 0x86, "protocol type");
        assertBadField(4, 8, "hardware length");
        assertBadField(5, 16, "protocol length");
    }

    private static void assertBadField(int index, int value, String field) {
        byte[] b = hex(REQUEST);
        b[index] = (byte) value;
        assertThat(ArpMessage.parse(b, 0, b.length)).isInstanceOfSatisfying(Parsed.Malformed.class, m -> {
            assertThat(m.reason()).isEqualTo(MalformedReason.BAD_FIELD);
            assertThat(m.detail()).contains(field);
        });
    }

    @Test
    void operationOtherThanRequestOrReply_isUnsupported() {
        byte[] b = hex(REQUEST);
        b[7] = 3; // RARP request (RFC 903)
        assertThat(reason(ArpMessage.parse(b, 0, b.length))).isEqualTo(MalformedReason.UNSUPPORTED);
        assertThatThrownBy(() -> new ArpMessage(3, MAC_A, IP_A, MAC_B, IP_B))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mutationSweep_neverThrows_andAcceptedInputsRoundTrip() {
        List<byte[]> seeds = List.of(hex(REQUEST), hex(REPLY), Arrays.copyOf(hex(REFRESH_REQUEST), 46));
        MutationSweep.run(seeds, 0xA2B, 50_000, (b, off, len) -> {
            if (ArpMessage.parse(b, off, len) instanceof Parsed.Ok<ArpMessage>(ArpMessage m)) {
                byte[] out = new byte[28];
                m.emit(out, 0);
                assertThat(out).isEqualTo(Arrays.copyOfRange(b, off, off + 28));
            }
            if (ArpPacket.wrap(b, off, len) instanceof Parsed.Ok<ArpPacket>(ArpPacket p)) {
                p.senderMac();
                p.targetIp();
            }
        });
    }
}
