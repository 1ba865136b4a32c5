package io.jnetstack.stack.tcp;

import static io.jnetstack.stack.tcp.TcpHandshakeTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The personality's {@link io.jnetstack.personality.TcpStateRules}: FreeBSD resends an unacknowledged FIN with every
 * output-path ACK (tcp_output), answers TIME-WAIT segments by tcp_twcheck's rules, and takes text on a SYN-ACK;
 * the other personalities keep the RFC 9293 reading. The peer is scripted segment by segment, as the FreeBSD test
 * suite's state-event-engine scripts do (no timestamps, MSS 1460).
 */
class TcpStateRulesTest {
    static final long MS = 1_000_000L;
    static final int ISS = 1_000;
    static final int PEER_ISS = 50_000;
    static final int LOCAL = 49152;
    static final int PEER = 8080;

    /** A segment from the peer; {@code seq} and {@code ack} are relative to the peer's and our ISS. */
    static TcpSegment peer(int flags, int seq, int ack, int payload) {
        TcpHeader h = TcpHeader.of(PEER, LOCAL, PEER_ISS + seq, (flags & TcpHeader.ACK) != 0 ? ISS + ack : 0, flags,
                32767, (flags & TcpHeader.SYN) != 0 ? List.of(new TcpOption.Mss(1460)) : List.of());
        return new TcpSegment(h, payload == 0 ? ByteString.EMPTY : ByteString.wrap(new byte[payload]));
    }

    /** An active open of {@code os} answered by the peer's SYN-ACK at 100 ms: ESTABLISHED, the ACK drained. */
    static TcpConnection established(String os) {
        TcpConnection c = TcpConnection.connect(Personality.named(os), LOCAL, PEER, ISS, 1460, 0, 0);
        drain(c);
        c.onSegment(peer(TcpHeader.SYN | TcpHeader.ACK, 0, 1, 0), 100 * MS);
        drain(c);
        assertThat(c.state()).isInstanceOf(TcpState.Established.class);
        return c;
    }

    /** shutdown(SHUT_WR) at 200 ms, then the peer's own FIN crossing ours at 300 ms: CLOSING. */
    static TcpConnection closing(String os) {
        TcpConnection c = established(os);
        c.shutdownOutput(200 * MS);
        drain(c);
        c.onSegment(peer(TcpHeader.FIN | TcpHeader.ACK, 1, 1, 0), 300 * MS);
        assertThat(c.state()).isInstanceOf(TcpState.Closing.class);
        return c;
    }

    /** Both FINs exchanged and acknowledged at 300 ms: TIME-WAIT with RCV.NXT = peer 2, SND.NXT = ours 2. */
    static TcpConnection timeWait(String os) {
        TcpConnection c = established(os);
        c.shutdownOutput(200 * MS);
        drain(c);
        c.onSegment(peer(TcpHeader.FIN | TcpHeader.ACK, 1, 2, 0), 300 * MS);
        drain(c);
        assertThat(c.state()).isInstanceOf(TcpState.TimeWait.class);
        return c;
    }

    static String describe(TcpSegment s) {
        TcpHeader h = s.header();
        return String.format("flags=%s seq=%d ack=%d len=%d", Integer.toHexString(h.flags()), h.seq() - ISS,
                h.ack() - PEER_ISS, s.payload().length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void simultaneousClose_freeBsdAcksThePeersFinWithItsOwnFinResent_othersWithABareAck(String os) {
        TcpConnection c = closing(os);
        List<TcpSegment> out = drain(c);
        assertThat(out).hasSize(1);
        String expected = os.equals("freebsd") ? "flags=11 seq=1 ack=2 len=0" : "flags=10 seq=2 ack=2 len=0";
        assertThat(describe(out.getFirst())).as(os).isEqualTo(expected);
    }

    @Test
    void freeBsdInClosing_theDelayedAndUnacceptableSegmentAcksCarryTheFin_theChallengeAckDoesNot() {
        TcpConnection c = closing("freebsd");
        drain(c);
        c.onSegment(peer(TcpHeader.ACK, 0, 1, 0), 400 * MS); // left of RCV.NXT: tcp_output's dropafterack
        assertThat(drain(c)).extracting(TcpStateRulesTest::describe).containsExactly("flags=11 seq=1 ack=2 len=0");
        c.onSegment(peer(TcpHeader.SYN, 2, 0, 0), 500 * MS); // RFC 5961 §4.2: tcp_respond's bare challenge ACK
        assertThat(drain(c)).extracting(TcpStateRulesTest::describe).containsExactly("flags=10 seq=2 ack=2 len=0");
        c.onSegment(peer(TcpHeader.ACK, 2, 2, 0), 600 * MS); // our FIN acknowledged at last
        assertThat(c.state()).isInstanceOf(TcpState.TimeWait.class);
        assertThat(drain(c)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void inClosing_aResentPeerFinThatAcksOurs_endsInTimeWaitOnFreeBsd_andIsOnlyAcknowledgedElsewhere(String os) {
        TcpConnection c = closing(os);
        drain(c);
        c.onSegment(peer(TcpHeader.FIN | TcpHeader.ACK, 1, 2, 0), 400 * MS); // wholly left of RCV.NXT
        List<String> out = drain(c).stream().map(TcpStateRulesTest::describe).toList();
        if (os.equals("freebsd")) {
            // "keep on processing for RST or ACK": our FIN is acknowledged, TIME-WAIT answers with a bare ACK
            assertThat(c.state()).isInstanceOf(TcpState.TimeWait.class);
            assertThat(out).containsExactly("flags=10 seq=2 ack=2 len=0");
        } else {
            assertThat(c.state()).as(os).isInstanceOf(TcpState.Closing.class);
            assertThat(out).as(os).containsExactly("flags=10 seq=2 ack=2 len=0");
        }
    }

    @Test
    void twoFreeBsdEnds_closingTogether_stopAnsweringEachOthersResentFins() {
        TcpConnection[] p = TcpCloseTest.pair("freebsd", "freebsd");
        p[0].close(10 * MS);
        p[1].close(10 * MS);
        List<TcpSegment> fromA = drain(p[0]);
        List<TcpSegment> fromB = drain(p[1]);
        fromA.forEach(s -> p[1].onSegment(s, 11 * MS));
        fromB.forEach(s -> p[0].onSegment(s, 11 * MS));
        int exchanged = 0;
        for (int round = 0; round < 10; round++) {
            exchanged = TcpHandshakeTest.deliver(p[0], p[1], 12 * MS) + TcpHandshakeTest.deliver(p[1], p[0], 12 * MS);
        }
        assertThat(exchanged).isZero();
        assertThat(p[0].state()).isInstanceOf(TcpState.TimeWait.class);
        assertThat(p[1].state()).isInstanceOf(TcpState.TimeWait.class);
    }

    @Test
    void freeBsdInLastAck_aRetransmittedPeerFinIsAnsweredWithOurFinAgain() {
        TcpConnection c = established("freebsd");
        c.onSegment(peer(TcpHeader.FIN | TcpHeader.ACK, 1, 1, 0), 200 * MS);
        drain(c);
        c.shutdownOutput(300 * MS);
        assertThat(drain(c)).extracting(TcpStateRulesTest::describe).containsExactly("flags=11 seq=1 ack=2 len=0");
        assertThat(c.state()).isInstanceOf(TcpState.LastAck.class);
        c.onSegment(peer(TcpHeader.FIN | TcpHeader.ACK, 1, 1, 0), 400 * MS);
        assertThat(drain(c)).extracting(TcpStateRulesTest::describe).containsExactly("flags=11 seq=1 ack=2 len=0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void timeWait_aFinWithoutAck_isDroppedByFreeBsd_andAcknowledgedElsewhere(String os) {
        TcpConnection c = timeWait(os);
        c.onSegment(peer(TcpHeader.FIN, 1, 0, 0), 400 * MS); // tcp_twcheck: "does not contain an ACK"
        assertThat(drain(c)).as(os).hasSize(os.equals("freebsd") ? 0 : 1);
        assertThat(c.state()).isInstanceOf(TcpState.TimeWait.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void timeWait_anAckRightOfRcvNxt_isAcknowledgedByFreeBsd_andTakenSilentlyElsewhere(String os) {
        TcpConnection c = timeWait(os);
        c.onSegment(peer(TcpHeader.ACK, 3, 2, 0), 400 * MS); // "is not a duplicate ACK": SEG.SEQ != RCV.NXT
        List<String> out = drain(c).stream().map(TcpStateRulesTest::describe).toList();
        assertThat(out).as(os).isEqualTo(os.equals("freebsd") ? List.of("flags=10 seq=2 ack=2 len=0") : List.of());
    }

    @Test
    void freeBsdTimeWait_dropsTheExactDuplicateAck_andRestartsTwoMslOnlyForTheDuplicateFin() {
        TcpConnection c = timeWait("freebsd");
        long end = c.nextDeadlineNs();
        c.onSegment(peer(TcpHeader.ACK, 2, 2, 0), 400 * MS);
        assertThat(drain(c)).isEmpty();
        assertThat(c.nextDeadlineNs()).isEqualTo(end);
        c.onSegment(peer(TcpHeader.RST | TcpHeader.ACK, 2, 2, 0), 450 * MS); // RFC 1337: dropped
        assertThat(drain(c)).isEmpty();
        assertThat(c.state()).isInstanceOf(TcpState.TimeWait.class);
        c.onSegment(peer(TcpHeader.FIN | TcpHeader.ACK, 0, 2, 0), 500 * MS); // ends at RCV.NXT - 2: no restart
        assertThat(drain(c)).hasSize(1);
        assertThat(c.nextDeadlineNs()).isEqualTo(end);
        c.onSegment(peer(TcpHeader.FIN | TcpHeader.ACK, 1, 2, 0), 600 * MS); // the peer's FIN again
        assertThat(drain(c)).extracting(TcpStateRulesTest::describe).containsExactly("flags=10 seq=2 ack=2 len=0");
        assertThat(c.nextDeadlineNs()).isEqualTo(600 * MS + Personality.named("freebsd").tcpTimers().timeWaitNs());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void synAckWithText_isTakenByFreeBsdBehindADelayedAck_andDroppedElsewhere(String os) {
        TcpConnection c = TcpConnection.connect(Personality.named(os), LOCAL, PEER, ISS, 1460, 0, 0);
        drain(c);
        c.onSegment(peer(TcpHeader.SYN | TcpHeader.ACK, 0, 1, 3), 100 * MS);
        assertThat(c.state()).isInstanceOf(TcpState.Established.class);
        if (os.equals("freebsd")) {
            assertThat(drain(c)).as("the ACK waits for the delayed-ACK timer").isEmpty();
            assertThat(c.available()).isEqualTo(3);
            long delack = 100 * MS + Personality.named(os).tcpTimers().delayedAckNs();
            assertThat(c.nextDeadlineNs()).isEqualTo(delack);
            c.onTimer(delack);
            assertThat(drain(c)).extracting(TcpStateRulesTest::describe).containsExactly("flags=10 seq=1 ack=4 len=0");
        } else {
            assertThat(drain(c)).extracting(TcpStateRulesTest::describe).containsExactly("flags=10 seq=1 ack=1 len=0");
            assertThat(c.available()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void simultaneousOpenSynWithText_isHeldByFreeBsdUntilOurSynIsAcked_andItsFinLost(String os) {
        TcpConnection c = TcpConnection.connect(Personality.named(os), LOCAL, PEER, ISS, 1460, 0, 0);
        drain(c);
        c.onSegment(peer(TcpHeader.SYN | TcpHeader.FIN, 0, 0, 3), 100 * MS);
        assertThat(c.state()).isInstanceOf(TcpState.SynReceived.class);
        List<TcpSegment> synAck = drain(c);
        assertThat(synAck).hasSize(1);
        assertThat(synAck.getFirst().header().ack()).as("RCV.NXT stays past the SYN").isEqualTo(PEER_ISS + 1);
        assertThat(c.available()).isZero();
        c.onSegment(peer(TcpHeader.ACK, 4, 1, 0), 200 * MS);
        assertThat(c.state()).isInstanceOf(TcpState.Established.class);
        assertThat(c.available()).as(os).isEqualTo(os.equals("freebsd") ? 3 : 0);
        assertThat(c.rcvNxt()).isEqualTo(PEER_ISS + (os.equals("freebsd") ? 4 : 1));
    }

    @Test
    void freeBsdSynAckWithAFin_entersCloseWaitAndAcknowledgesAtOnce() {
        TcpConnection c = TcpConnection.connect(Personality.named("freebsd"), LOCAL, PEER, ISS, 1460, 0, 0);
        drain(c);
        c.onSegment(peer(TcpHeader.SYN | TcpHeader.ACK | TcpHeader.FIN, 0, 1, 2), 100 * MS);
        assertThat(c.state()).isInstanceOf(TcpState.CloseWait.class);
        assertThat(c.available()).isEqualTo(2);
        assertThat(drain(c)).extracting(TcpStateRulesTest::describe).containsExactly("flags=10 seq=1 ack=4 len=0");
    }

    @Test
    void freeBsdDelayedAck_is40Milliseconds() {
        // tcp_timer.h TCPTV_DELACK (hz / 25); the test suite's scripts "ensure the default" with delacktime=40.
        assertThat(Personality.named("freebsd").tcpTimers().delayedAckNs()).isEqualTo(40 * MS);
    }
}
