package io.jnetstack.stack.tcp;

import static io.jnetstack.stack.tcp.TcpHandshakeTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Out-of-order text is held until the gap fills (RFC 9293 §3.10.7.4); three duplicate ACKs retransmit (RFC 5681). */
class TcpReassemblyTest {
    static final int ISS = 1000;
    static final int IRS = 5000;

    static TcpSegment data(int seq, String text) {
        return new TcpSegment(TcpHeader.of(80, 49152, seq, ISS + 1, TcpHeader.ACK, 1000, List.of()),
                ByteString.copyOf(text.getBytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void segmentsAfterAGap_areHeld_andDeliveredInOrderWhenTheGapFills(String os) {
        TcpConnection c = TcpStateTableTest.in(TcpState.Established.class, Personality.named(os));
        c.onSegment(data(IRS + 1 + 10, "klmno"), 1);
        c.onSegment(data(IRS + 1 + 5, "fghij"), 2);
        assertThat(c.available()).isZero();
        assertThat(c.heldOutOfOrder()).isEqualTo(10);
        assertThat(drain(c)).extracting(s -> s.header().ack()).containsExactly(IRS + 1, IRS + 1);
        c.onSegment(data(IRS + 1, "abcde"), 3);
        assertThat(new String(c.read(100, 4))).isEqualTo("abcdefghijklmno");
        assertThat(c.rcvNxt()).isEqualTo(IRS + 16);
        assertThat(c.heldOutOfOrder()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void thirdDuplicateAck_retransmitsTheFirstUnacknowledgedSegment(String os) {
        TcpConnection c = TcpStateTableTest.in(TcpState.Established.class, Personality.named(os));
        byte[] payload = new byte[4000];
        c.send(payload, 0, payload.length, 10);
        List<TcpSegment> sent = drain(c);
        assertThat(sent).hasSizeGreaterThan(1);
        TcpSegment dup = TcpSegment.of(TcpHeader.of(80, 49152, IRS + 1, ISS + 1, TcpHeader.ACK, 1000, List.of()));
        c.onSegment(dup, 20);
        c.onSegment(dup, 21);
        assertThat(drain(c)).isEmpty();
        c.onSegment(dup, 22);
        List<TcpSegment> again = drain(c);
        assertThat(again).hasSize(1);
        assertThat(again.getFirst().header().seq()).isEqualTo(ISS + 1);
        TcpSegment last = sent.getLast();
        assertThat(c.sndNxt()).as("fast retransmit does not rewind SND.NXT")
                .isEqualTo(last.header().seq() + last.payload().length());
    }
}
