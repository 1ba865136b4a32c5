package io.jnetstack.wire.icmp;

import static io.jnetstack.wire.icmp.IcmpFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.icmp.Icmpv4Message.DestinationUnreachable;
import io.jnetstack.wire.icmp.Icmpv4Message.EchoReply;
import io.jnetstack.wire.icmp.Icmpv4Message.EchoRequest;
import io.jnetstack.wire.icmp.Icmpv4Message.Icmpv4Other;
import io.jnetstack.wire.icmp.Icmpv4Message.ParameterProblem;
import io.jnetstack.wire.icmp.Icmpv4Message.TimeExceeded;
import org.junit.jupiter.api.Test;

/** ICMPv4 fixtures (see {@link IcmpFixtures} for how they were captured) and malformed inputs. */
class Icmpv4MessageTest {

    static Icmpv4Message parse(String h) {
        byte[] b = hex(h);
        Icmpv4Message m = Icmpv4Message.parse(b, 0, b.length).orThrow();
        byte[] out = new byte[m.length()];
        assertThat(m.emit(out, 0)).isEqualTo(b.length);
        assertThat(out).isEqualTo(b);
        return m;
    }

    static MalformedReason reason(byte[] b) {
        return ((Parsed.Malformed<Icmpv4Message>) Icmpv4Message.parse(b, 0, b.length)).reason();
    }

    @Test
    void capturedEchoRequestAndReply_parseEveryField_andRoundTrip() {
        ByteString data = ByteString.ofHex("b737026b00000000869d0b0000000000");
        assertThat(parse(IcmpFixtures.V4_ECHO_REQUEST)).isEqualTo(new EchoRequest(0x1046, 1, data));
        assertThat(parse(IcmpFixtures.V4_ECHO_REPLY)).isEqualTo(new EchoReply(0x1046, 1, data));
        assertThat(new EchoRequest(0x1046, 1, data).reply()).isEqualTo(parse(IcmpFixtures.V4_ECHO_REPLY));
    }

    @Test
    void capturedPortUnreachable_quotesTheUdpDatagram() {
        Icmpv4Message m = parse(IcmpFixtures.V4_PORT_UNREACHABLE);
        DestinationUnreachable d = (DestinationUnreachable) m;
        assertThat(d.type()).isEqualTo(3);
        assertThat(d.code()).isEqualTo(3);
        assertThat(d.unreachableCode()).isEqualTo(UnreachableCode.PORT);
        assertThat(d.unused()).isZero();
        assertThat(d.nextHopMtu()).isZero();
        assertThat(d.quoted().length()).isEqualTo(43);
        assertThat(d.quoted().hex()).startsWith("4500002b").endsWith("6a6e6574737461636b");
    }

    @Test
    void capturedFragmentationNeeded_carriesTheNextHopMtu() {
        DestinationUnreachable d = (DestinationUnreachable) parse(IcmpFixtures.V4_FRAG_NEEDED);
        assertThat(d.unreachableCode()).isEqualTo(UnreachableCode.FRAGMENTATION_NEEDED);
        assertThat(d.nextHopMtu()).isEqualTo(1280);
        assertThat(d.unused()).isZero();
        assertThat(d.quoted().length()).isEqualTo(548);
        assertThat(d).isEqualTo(DestinationUnreachable.fragmentationNeeded(1280, d.quoted()));
    }

    @Test
    void capturedTimeExceeded_isTtlExceededInTransit() {
        TimeExceeded t = (TimeExceeded) parse(IcmpFixtures.V4_TIME_EXCEEDED);
        assertThat(t.code()).isEqualTo(TimeExceeded.TTL_EXCEEDED_IN_TRANSIT);
        assertThat(t.unused()).isZero();
        assertThat(t.quoted().length()).isEqualTo(84);
    }

    @Test
    void nonzeroUnusedBits_areKeptForRoundTrip() {
        byte[] b = hex(IcmpFixtures.V4_PORT_UNREACHABLE);
        Bytes.putInt(b, 4, 0x00120000);
        fixChecksum(b);
        DestinationUnreachable d = (DestinationUnreachable) parse(IcmpFixtures.V4_PORT_UNREACHABLE.substring(0, 0)
                + java.util.HexFormat.of().formatHex(b));
        assertThat(d.unused()).isEqualTo(0x00120000);
        b = hex(IcmpFixtures.V4_FRAG_NEEDED);
        Bytes.put16(b, 4, 0xABCD);
        fixChecksum(b);
        assertThat(((DestinationUnreachable) parse(java.util.HexFormat.of().formatHex(b))).unused())
                .isEqualTo(0xABCD);
    }

    @Test
    void otherTypesAndParameterProblem_roundTrip() {
        for (Icmpv4Message m : new Icmpv4Message[] {
                new ParameterProblem(20, ByteString.ofHex("4500")), new ParameterProblem(2, 7, 0x123456,
                ByteString.EMPTY), new Icmpv4Other(5, 1, 0x0a000001, ByteString.ofHex("45")),
                new Icmpv4Other(8, 3, 0, ByteString.EMPTY), new Icmpv4Other(13, 0, 7, ByteString.ofHex("00ff00ff"))}) {
            byte[] b = new byte[m.length()];
            m.emit(b, 0);
            assertThat(Icmpv4Message.parse(b, 0, b.length).orThrow()).isEqualTo(m);
        }
    }

    @Test
    void unreachableCodes_coverZeroToFifteen() {
        for (int c = 0; c < 16; c++) {
            assertThat(UnreachableCode.of(c).code()).isEqualTo(c);
            assertThat(UnreachableCode.of(c).text()).isNotBlank();
        }
        assertThat(UnreachableCode.of(16)).isNull();
        assertThat(UnreachableCode.find(-1)).isEmpty();
        assertThat(UnreachableCode.PORT.text()).isEqualTo("port unreachable");
    }

    @Test
    void shortInput_isRejectedAsTruncated() {
        assertThat(reason(hex("08000000000000"))).isEqualTo(MalformedReason.TRUNCATED);
        assertThat(Icmpv4Message.parse(new byte[4], 2, 4)).isInstanceOf(Parsed.Malformed.class);
        assertThat(Icmpv4Message.parse(null, 0, 0)).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void flippedBit_isRejectedAsBadChecksum() {
        byte[] b = hex(IcmpFixtures.V4_ECHO_REQUEST);
        b[12] ^= 4;
        assertThat(reason(b)).isEqualTo(MalformedReason.BAD_CHECKSUM);
    }

    @Test
    void negativeZeroChecksum_isRejectedSoAcceptedInputRoundTrips() {
        byte[] b = hex("0000000000000000");
        Bytes.put16(b, 4, 0xFFFF); // sum of the other words is 0xFFFF -> computed checksum is 0x0000
        assertThat(Icmpv4Message.parse(b, 0, 8).isOk()).isTrue();
        Bytes.put16(b, 2, 0xFFFF);
        assertThat(reason(b)).isEqualTo(MalformedReason.BAD_CHECKSUM);
    }

    @Test
    void constructors_rejectOutOfRangeFieldsAndTypesWithTheirOwnRecord() {
        assertThatThrownBy(() -> new EchoRequest(0x10000, 0, ByteString.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DestinationUnreachable(3, 1280, ByteString.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Icmpv4Other(3, 0, 0, ByteString.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static void fixChecksum(byte[] b) {
        Bytes.put16(b, 2, 0);
        Bytes.put16(b, 2, io.jnetstack.wire.Checksum.compute(b, 0, b.length));
    }
}
