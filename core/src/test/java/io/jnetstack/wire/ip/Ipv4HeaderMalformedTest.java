package io.jnetstack.wire.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class Ipv4HeaderMalformedTest {

    private static Parsed<Ipv4Header> parse(byte[] b) {
        return Ipv4Header.parse(b, 0, b.length);
    }

    /** The RR request with an edit applied through the view and the checksum fixed up afterwards. */
    private static byte[] edited(String frameHex, Consumer<Ipv4Packet> edit) {
        byte[] b = Ipv4HeaderTest.ip(frameHex);
        Ipv4Packet p = Ipv4Packet.wrap(b, 0, b.length).orThrow();
        edit.accept(p);
        p.recomputeChecksum();
        return b;
    }

    private static void assertReason(Parsed<Ipv4Header> p, MalformedReason reason) {
        assertThat(p).isInstanceOfSatisfying(Parsed.Malformed.class, m -> assertThat(m.reason()).isEqualTo(reason));
    }

    @Test
    void fewerThanTwentyBytes_isTruncated() {
        byte[] b = Ipv4HeaderTest.ip(L3Fixtures.V4_ECHO_REQUEST);
        assertReason(Ipv4Header.parse(b, 0, 19), MalformedReason.TRUNCATED);
        assertReason(Ipv4Header.parse(b, 0, 0), MalformedReason.TRUNCATED);
    }

    @Test
    void windowOutsideTheArray_isTruncatedNotAnException() {
        byte[] b = Ipv4HeaderTest.ip(L3Fixtures.V4_ECHO_REQUEST);
        assertReason(Ipv4Header.parse(b, -1, 20), MalformedReason.TRUNCATED);
        assertReason(Ipv4Header.parse(b, 80, 20), MalformedReason.TRUNCATED);
        assertReason(Ipv4Header.parse(b, 0, -5), MalformedReason.TRUNCATED);
        assertReason(Ipv4Header.parse(null, 0, 0), MalformedReason.TRUNCATED);
    }

    @Test
    void versionSix_isBadVersion() {
        byte[] b = Ipv4HeaderTest.ip(L3Fixtures.V4_ECHO_REQUEST);
        b[0] = 0x65;
        assertReason(parse(b), MalformedReason.BAD_VERSION);
    }

    @Test
    void ihlBelowFive_orBeyondTheBytes_isBadHeaderLength() {
        byte[] b = Ipv4HeaderTest.ip(L3Fixtures.V4_ECHO_REQUEST);
        b[0] = 0x44;
        assertReason(parse(b), MalformedReason.BAD_HEADER_LENGTH);
        byte[] c = Ipv4HeaderTest.ip(L3Fixtures.V4_ECHO_REQUEST);
        c[0] = 0x4F;
        assertReason(Ipv4Header.parse(c, 0, 40), MalformedReason.BAD_HEADER_LENGTH);
    }

    @Test
    void totalLengthBelowHeaderOrBeyondTheBytes_isBadLength() {
        assertReason(parse(edited(L3Fixtures.V4_ECHO_REQUEST, p -> p.totalLength(19))), MalformedReason.BAD_LENGTH);
        assertReason(parse(edited(L3Fixtures.V4_RECORD_ROUTE_REQUEST, p -> p.totalLength(40))),
                MalformedReason.BAD_LENGTH);
        assertReason(parse(edited(L3Fixtures.V4_ECHO_REQUEST, p -> p.totalLength(85))), MalformedReason.BAD_LENGTH);
    }

    @Test
    void corruptedByte_isBadChecksum_withExpectedAndGotInTheDetail() {
        byte[] b = Ipv4HeaderTest.ip(L3Fixtures.V4_ECHO_REQUEST);
        b[8] = 63; // TTL decremented without fixing the checksum
        assertThat(parse(b)).isEqualTo(Parsed.malformed(MalformedReason.BAD_CHECKSUM,
                "IPv4 header checksum expected 0xcdc3 got 0xccc3"));
    }

    @Test
    void checksumFfffWhereZeroIsComputed_isBadChecksum() {
        // the one's complement "negative zero" also verifies, but emit would write 0x0000, so it is refused
        byte[] b = new byte[20];
        b[0] = 0x45;
        b[3] = 20;
        int sum = 0x4500 + 20;
        int fill = 0xFFFF - sum; // make the folded sum without checksum 0xFFFF
        b[12] = (byte) (fill >>> 8);
        b[13] = (byte) fill;
        b[10] = (byte) 0xFF;
        b[11] = (byte) 0xFF;
        assertReason(parse(b), MalformedReason.BAD_CHECKSUM);
        b[10] = 0;
        b[11] = 0;
        assertThat(parse(b).isOk()).isTrue();
    }

    @Test
    void reservedFlagBit_isBadField() {
        assertReason(parse(edited(L3Fixtures.V4_ECHO_REQUEST, p -> p.reservedFlag(true))), MalformedReason.BAD_FIELD);
    }

    @Test
    void optionLengthBelowTwo_isBadOptionLength() {
        // record route option (after the NOP) with length 1
        assertReason(parse(edited(L3Fixtures.V4_RECORD_ROUTE_REQUEST, p -> p.buffer()[22] = 1)),
                MalformedReason.BAD_OPTION_LENGTH);
        assertReason(parse(edited(L3Fixtures.V4_RECORD_ROUTE_REQUEST, p -> p.buffer()[22] = 0)),
                MalformedReason.BAD_OPTION_LENGTH);
    }

    @Test
    void optionRunningPastTheHeader_isOptionOverrun() {
        assertReason(parse(edited(L3Fixtures.V4_RECORD_ROUTE_REQUEST, p -> p.buffer()[22] = 40)),
                MalformedReason.OPTION_OVERRUN);
    }

    @Test
    void optionTypeInTheLastByteWithoutLength_isOptionOverrun() {
        assertReason(parse(edited(L3Fixtures.V4_RECORD_ROUTE_REQUEST, p -> {
            p.buffer()[22] = 38; // record route now ends one byte early
            p.buffer()[59] = (byte) 0x44; // a timestamp option type with no room for its length byte
        })), MalformedReason.OPTION_OVERRUN);
    }
}
