package io.jnetstack.stack.tcp;

import static io.jnetstack.stack.tcp.TcpHandshakeTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 6675 §5 (4.3): entering recovery sets HighRxt and RescueRxt to the end of the fast retransmission, so the
 * rescue retransmission of NextSeg rule 4 cannot resend that same hole before HighACK passes it. The case of the
 * freebsd-net socket-api setsockopt scripts: four segments out, the first lost, three ACKs SACKing the other three;
 * one retransmission, and after the full ACK a close sends the FIN.
 */
class RescueRetransmissionTest {
    private static final int ISS = TcpDsackTest.ISS;
    private static final int IRS = TcpDsackTest.IRS;
    private static final int MSS = 1460;

    private static TcpSegment ack(int ack, int sackFrom, int sackTo) {
        List<TcpOption> opts = sackFrom < 0 ? List.of()
                : List.of(new TcpOption.Sack(List.of(new TcpOption.SackBlock(ISS + sackFrom, ISS + sackTo))));
        return TcpSegment.of(TcpHeader.of(80, 49152, IRS + 1, ISS + ack, TcpHeader.ACK, 65535, opts));
    }

    private static List<String> describe(List<TcpSegment> out) {
        return out.stream().map(s -> (s.header().seq() - ISS) + ":" + s.payload().length()
                + (s.header().has(TcpHeader.FIN) ? "F" : "")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linux", "freebsd", "openbsd", "macos"})
    void theLostHeadIsResentOnce_andTheFinFollowsTheFullAck(String os) {
        TcpConnection c = TcpDsackTest.established(Personality.named(os).forHost());
        c.setNoDelay(true, 10);
        c.send(new byte[4 * MSS], 0, 4 * MSS, 10);
        assertThat(drain(c)).hasSize(4);
        c.onSegment(ack(1, 1 + MSS, 1 + 2 * MSS), 20);
        c.onSegment(ack(1, 1 + MSS, 1 + 3 * MSS), 20);
        c.onSegment(ack(1, 1 + MSS, 1 + 4 * MSS), 20);
        assertThat(describe(drain(c))).as("one fast retransmission, no rescue of the same hole")
                .containsExactly("1:" + MSS);
        c.onSegment(ack(1 + 4 * MSS, -1, -1), 30);
        drain(c);
        c.close(40);
        assertThat(describe(drain(c))).containsExactly((1 + 4 * MSS) + ":0F");
    }
}
