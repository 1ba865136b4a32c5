package io.jnetstack.stack.tcp;

import static io.jnetstack.stack.tcp.TcpCloseTableTest.ISS;
import static io.jnetstack.stack.tcp.TcpCloseTableTest.IRS;
import static io.jnetstack.stack.tcp.TcpCloseTableTest.established;
import static io.jnetstack.stack.tcp.TcpHandshakeTest.drain;
import static io.jnetstack.stack.tcp.TcpStateTableTest.describe;
import static io.jnetstack.stack.tcp.TcpStateTableTest.seg;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.FreeBsdPersonality;
import io.jnetstack.personality.Personality;
import io.jnetstack.wire.tcp.TcpHeader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FreeBSD's net.inet.tcp.insecure_rst, insecure_syn and drop_synfin at 0 and 1 on one connection (tcp_input.c
 * tcp_do_segment), and the RST window it judges against: [last_ack_sent, last_ack_sent + RCV.WND). The sysctls
 * are set after the connection exists, as a script does, so the rules must be read per segment. Our ISS is 1000,
 * the peer's 5000: RCV.NXT is 5001 in ESTABLISHED. The peer's SYN-ACK offers MSS 1460, so FreeBSD's tcp_mss()
 * rounds the 65536-byte receive buffer up to 45 × 1460 = 65700 bytes, the window a RST or SYN is judged against.
 */
class TcpInputScreeningTest {
    static final int A = TcpHeader.ACK;
    static final int R = TcpHeader.RST;
    static final int S = TcpHeader.SYN;
    static final int F = TcpHeader.FIN;
    static final int WINDOW = 65_700;

    static Personality freebsd(long insecureRst, long insecureSyn, long dropSynFin) {
        Personality p = new FreeBsdPersonality();
        p.tunables().set("net.inet.tcp.insecure_rst", insecureRst);
        p.tunables().set("net.inet.tcp.insecure_syn", insecureSyn);
        p.tunables().set("net.inet.tcp.drop_synfin", dropSynFin);
        return p;
    }

    /** ESTABLISHED with the peer's MSS 1460 (so FreeBSD's buffers round to it). */
    static TcpConnection establishedWithMss(Personality p) {
        TcpConnection c = TcpConnection.connect(p, 49152, 80, ISS, 1460, 0, 0);
        c.onSegment(TcpSegment.of(TcpHeader.of(80, 49152, IRS, ISS + 1, S | A, 32767,
                List.of(new io.jnetstack.wire.tcp.TcpOption.Mss(1460)))), 0);
        drain(c);
        c.pollEvent();
        return c;
    }

    static String in(TcpConnection c, TcpHeader h) {
        c.onSegment(TcpSegment.of(h), 1_000_000);
        return describe(drain(c));
    }

    @Test
    void freebsdReceiveBuffer_roundsUpToTheSegmentSizeOnceTheMssIsKnown() {
        assertThat(establishedWithMss(freebsd(0, 0, 0)).receiveBufferSize()).isEqualTo(WINDOW);
        assertThat(establishedWithMss(Personality.named("linux")).receiveBufferSize())
                .as("Linux keeps its buffer").isNotEqualTo(WINDOW);
    }

    @Test
    void freebsdPassiveSide_roundsItsBufferOnlyWhenTheHandshakeCompletes() {
        TcpSegment syn = TcpSegment.of(TcpHeader.of(49152, 80, IRS, 0, S, 32767,
                List.of(new io.jnetstack.wire.tcp.TcpOption.Mss(1460))));
        TcpConnection c = TcpConnection.accept(freebsd(0, 0, 0), 80, 49152, syn, ISS, 1460, 0, 0);
        assertThat(c.receiveBufferSize()).as("a syncache entry has no socket buffer yet").isEqualTo(65_536);
        in(c, seg(A, IRS + 1, ISS + 1));
        assertThat(c.state()).isInstanceOf(TcpState.Established.class);
        assertThat(c.receiveBufferSize()).isEqualTo(WINDOW);
    }

    @ParameterizedTest(name = "insecure_rst={0}")
    @ValueSource(longs = {0, 1})
    void rstInsideTheWindowButNotAtRcvNxt_drawsAChallengeAckUnlessInsecure(long insecure) {
        TcpConnection c = establishedWithMss(freebsd(insecure, 0, 0));
        String out = in(c, seg(R, IRS + 1 + WINDOW - 1, 0)); // the right edge: RCV.NXT + RCV.WND - 1
        if (insecure == 1) {
            assertThat(out).isEqualTo("-");
            assertThat(c.state()).isInstanceOf(TcpState.Closed.class);
            assertThat(c.pollEvent()).isEqualTo(TcpEvent.RESET);
        } else {
            assertThat(out).isEqualTo("ACK seq=1001 ack=5001");
            assertThat(c.state()).isInstanceOf(TcpState.Established.class);
        }
    }

    @ParameterizedTest(name = "insecure_rst={0}")
    @ValueSource(longs = {0, 1})
    void rstAtTheRightEdgeItself_isOutsideFreeBsdsWindowAndDroppedSilently(long insecure) {
        TcpConnection c = establishedWithMss(freebsd(insecure, 0, 0));
        assertThat(in(c, seg(R, IRS + 1 + WINDOW, 0))).isEqualTo("-");
        assertThat(in(c, seg(R, IRS, 0))).as("left of RCV.NXT").isEqualTo("-");
        assertThat(c.state()).isInstanceOf(TcpState.Established.class);
        assertThat(c.pollEvent()).isNull();
    }

    @Test
    void sysctlChangedAfterTheConnectionExists_appliesToTheNextRst() {
        Personality p = freebsd(0, 0, 0);
        TcpConnection c = establishedWithMss(p);
        assertThat(in(c, seg(R, IRS + 10, 0))).isEqualTo("ACK seq=1001 ack=5001");
        p.tunables().set("net.inet.tcp.insecure_rst", 1);
        assertThat(in(c, seg(R, IRS + 10, 0))).isEqualTo("-");
        assertThat(c.state()).isInstanceOf(TcpState.Closed.class);
    }

    @Test
    void rstInLastAck_reportsConnectionResetOnFreeBsd() {
        Personality p = freebsd(1, 0, 0);
        TcpConnection c = establishedWithMss(p);
        c.onSegment(TcpSegment.of(seg(F | A, IRS + 1, ISS + 1)), 0);
        c.close(0);
        drain(c);
        while (c.pollEvent() != null) {
            continue;
        }
        assertThat(c.state()).isInstanceOf(TcpState.LastAck.class);
        assertThat(in(c, seg(R, IRS + 2 + 100, 0))).isEqualTo("-");
        assertThat(c.pollEvent()).isEqualTo(TcpEvent.RESET);
    }

    /** A passive SYN-RECEIVED connection (FreeBSD: a syncache entry, syncache_chkrst) judges by the SYN-ACK window. */
    @ParameterizedTest(name = "insecure_rst={0}")
    @ValueSource(longs = {0, 1})
    void rstToAPassiveHalfOpenConnection_isJudgedAgainstTheSynAcksWindow(long insecure) {
        Personality p = freebsd(insecure, 0, 0);
        TcpSegment syn = TcpSegment.of(TcpHeader.of(49152, 80, IRS, 0, S, 32767,
                List.of(new io.jnetstack.wire.tcp.TcpOption.Mss(1460))));
        TcpConnection c = TcpConnection.accept(p, 80, 49152, syn, ISS, 1460, 0, 0);
        drain(c);
        assertThat(in(c, seg(R | A, IRS + 1 + 65_535, ISS + 1))).as("just past the SYN-ACK's window").isEqualTo("-");
        assertThat(c.state()).isInstanceOf(TcpState.SynReceived.class);
        String out = in(c, seg(R | A, IRS + 65_535, ISS + 1));
        if (insecure == 1) {
            assertThat(out).isEqualTo("-");
            assertThat(c.state()).isInstanceOf(TcpState.Closed.class);
            assertThat(c.pollEvent()).as("back to LISTEN without telling the user").isNull();
        } else {
            assertThat(out).isEqualTo("ACK seq=1001 ack=5001");
            assertThat(c.state()).isInstanceOf(TcpState.SynReceived.class);
        }
    }

    @ParameterizedTest(name = "insecure_syn={0}")
    @ValueSource(longs = {0, 1})
    void synInsideTheWindow_abortsWithRstAckOnlyWhenInsecure(long insecure) {
        TcpConnection c = establishedWithMss(freebsd(0, insecure, 0));
        String out = in(c, seg(S, IRS + 1 + WINDOW - 1, 0));
        if (insecure == 1) {
            assertThat(out).isEqualTo("RST,ACK seq=1001 ack=5001");
            assertThat(c.state()).isInstanceOf(TcpState.Closed.class);
            assertThat(c.pollEvent()).isEqualTo(TcpEvent.RESET);
        } else {
            assertThat(out).isEqualTo("ACK seq=1001 ack=5001");
            assertThat(c.state()).isInstanceOf(TcpState.Established.class);
        }
    }

    @Test
    void synAtLastAckSent_abortsEvenWhileAnAckIsDelayed() {
        TcpConnection c = establishedWithMss(freebsd(0, 1, 0));
        c.onSegment(new TcpSegment(seg(A, IRS + 1, ISS + 1), io.jnetstack.wire.ByteString.copyOf(new byte[100])),
                1_000_000);
        assertThat(drain(c)).as("the ACK of the text is delayed: last_ack_sent stays at 5001").isEmpty();
        assertThat(in(c, seg(S, IRS + 1, 0))).isEqualTo("RST,ACK seq=1001 ack=5101");
        assertThat(c.state()).isInstanceOf(TcpState.Closed.class);
    }

    @Test
    void synOutsideTheWindow_drawsAnAckEvenWhenInsecure() {
        TcpConnection c = establishedWithMss(freebsd(0, 1, 0));
        assertThat(in(c, seg(S, IRS + 1 + WINDOW, 0))).isEqualTo("ACK seq=1001 ack=5001");
        assertThat(in(c, seg(S, IRS, 0))).isEqualTo("ACK seq=1001 ack=5001");
        assertThat(c.state()).isInstanceOf(TcpState.Established.class);
    }

    @Test
    void synInTimeWait_ignoresInsecureSyn() {
        TcpConnection c = TcpCloseTableTest.in(TcpState.TimeWait.class, freebsd(0, 1, 0));
        in(c, seg(S, IRS + 2, 0));
        assertThat(c.state()).isInstanceOf(TcpState.TimeWait.class);
    }

    @ParameterizedTest(name = "drop_synfin={0}")
    @ValueSource(longs = {0, 1})
    void synFinInSynSent_isDroppedOnlyWhenDropSynFinIsSet(long drop) {
        TcpConnection c = TcpConnection.connect(freebsd(0, 0, drop), 49152, 80, ISS, 1460, 0, 0);
        drain(c);
        String out = in(c, seg(S | F, IRS, 0));
        if (drop == 1) {
            assertThat(out).isEqualTo("-");
            assertThat(c.state()).isInstanceOf(TcpState.SynSent.class);
            assertThat(c.stats().get(TcpStats.Counter.SYN_FIN_DROPS)).isEqualTo(1);
        } else {
            assertThat(out).startsWith("SYN,ACK");
            assertThat(c.state()).isInstanceOf(TcpState.SynReceived.class);
        }
    }

    @Test
    void synFinInEstablished_isDroppedWithoutAChallengeAck() {
        TcpConnection c = established(freebsd(0, 0, 1));
        assertThat(in(c, seg(S | F, IRS + 1, 0))).isEqualTo("-");
        assertThat(c.discardsSynFin(seg(S | F, IRS + 1, 0))).isTrue();
        assertThat(c.discardsSynFin(seg(S, IRS + 1, 0))).isFalse();
    }

    @Test
    void otherPersonalities_keepTheRfc5961Path() {
        for (String os : List.of("linux", "openbsd", "macos")) {
            Personality p = Personality.named(os);
            assertThat(p.tcpInputRules()).as(os).isEqualTo(io.jnetstack.personality.TcpInputRules.RFC5961);
            TcpConnection c = established(p);
            assertThat(in(c, seg(S | F, IRS + 1, 0))).as(os).isEqualTo("ACK seq=1001 ack=5001");
        }
    }
}
