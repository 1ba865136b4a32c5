package io.jnetstack.stack.tcp;

import static io.jnetstack.stack.tcp.TcpCloseTest.exchange;
import static io.jnetstack.stack.tcp.TcpCloseTest.pair;
import static io.jnetstack.stack.tcp.TcpHandshakeTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keep-alive per OS, PAWS (RFC 7323 §5), urgent data (RFC 9293 §3.8.5) and TCP_MAXSEG. */
class TcpKeepAliveAndOptionsTest {
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void anIdleConnection_hasNoTimerAtAll_withoutKeepAlive(String os) {
        TcpConnection[] p = pair(os, os);
        exchange(p[0], p[1], 4 * MS);
        assertThat(p[0].nextDeadlineNs()).isEqualTo(Long.MAX_VALUE);
        assertThat(p[1].nextDeadlineNs()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void keepAliveToASilentPeer_probesAtTheOsSchedule_thenResetsAndTimesOut(String os) {
        TcpConnection c = pair(os, "linux")[0];
        c.setKeepAlive(true, 3 * MS);
        Personality p = Personality.named(os);
        long idle = p.tcpTimers().keepIdleNs();
        long intvl = p.tcpTimers().keepIntervalNs();
        int count = p.tcpTimers().keepCount();
        assertThat(c.nextDeadlineNs()).isEqualTo(3 * MS + idle); // Linux tcp_set_keepalive: idle from the setsockopt
        for (int i = 0; i < count; i++) {
            long at = c.nextDeadlineNs();
            assertThat(at).as("probe " + (i + 1)).isEqualTo(3 * MS + idle + i * intvl);
            c.onTimer(at);
            TcpHeader probe = drain(c).getFirst().header();
            assertThat(probe.seq()).as("SEG.SEQ = SND.UNA - 1").isEqualTo(c.sndUna() - 1);
            assertThat(probe.flags()).isEqualTo(TcpHeader.ACK);
        }
        long end = c.nextDeadlineNs();
        assertThat(end).isEqualTo(3 * MS + idle + count * intvl); // Linux 7875 s, the BSDs 7800 s
        c.onTimer(end);
        assertThat(drain(c).getFirst().header().flags()).isEqualTo(TcpHeader.RST | TcpHeader.ACK);
        assertThat(c.pollEvent()).isEqualTo(TcpEvent.TIMED_OUT);
        assertThat(c.stats().get(TcpStats.Counter.KEEPALIVE_PROBES)).isEqualTo(count);
    }

    @ParameterizedTest(name = "{0} probes {1}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#pairs")
    void keepAliveProbe_isAnsweredWithAnAck_andTheConnectionLives(String a, String b) {
        TcpConnection[] p = pair(a, b);
        p[0].setKeepAlive(true, 3 * MS);
        long at = p[0].nextDeadlineNs();
        p[0].onTimer(at);
        exchange(p[0], p[1], at);
        assertThat(p[0].state()).isInstanceOf(TcpState.Established.class);
        assertThat(p[0].nextDeadlineNs()).as("idle clock restarted by the answer")
                .isEqualTo(at + Personality.named(a).tcpTimers().keepIdleNs());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void paws_dropsASegmentWithAnOlderTimestamp_andAcks(String os) {
        TcpConnection[] p = pair(os, os);
        TcpConnection s = p[1];
        TcpHeader fresh = TcpHeader.of(49152, 80, 1001, 7001, TcpHeader.ACK, 1000,
                List.of(new TcpOption.Nop(), new TcpOption.Nop(), new TcpOption.Timestamps(5000, 0)));
        s.onSegment(new TcpSegment(fresh, ByteString.copyOf(new byte[10])), 10 * MS);
        drain(s);
        TcpHeader old = TcpHeader.of(49152, 80, 1011, 7001, TcpHeader.ACK, 1000,
                List.of(new TcpOption.Nop(), new TcpOption.Nop(), new TcpOption.Timestamps(4000, 0)));
        s.onSegment(new TcpSegment(old, ByteString.copyOf(new byte[10])), 11 * MS);
        assertThat(s.stats().get(TcpStats.Counter.PAWS_DROPS)).isEqualTo(1);
        assertThat(s.available()).as("the old segment's text was not taken").isEqualTo(10);
        assertThat(drain(s)).singleElement().satisfies(a -> assertThat(a.header().ack()).isEqualTo(1011));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void urgentData_isReportedWithItsMark_andStaysInLine(String os) {
        TcpConnection s = pair(os, os)[1];
        TcpHeader urg = new TcpHeader(49152, 80, 1001, 7001, TcpHeader.ACK | TcpHeader.URG | TcpHeader.PSH, 1000, 3,
                List.of());
        s.onSegment(new TcpSegment(urg, ByteString.copyOf("abcde".getBytes())), 10 * MS);
        assertThat(s.pollEvent()).isEqualTo(TcpEvent.URGENT);
        assertThat(s.urgentMark()).as("RFC 6093: the byte after the urgent data").isEqualTo(3);
        assertThat(new String(s.read(10, 11 * MS))).isEqualTo("abcde");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void tcpMaxseg_limitsThePayloadOfEverySegment(String os) {
        TcpConnection c = pair(os, os)[0];
        c.setMaxSegment(500);
        c.send(new byte[3000], 0, 3000, 10 * MS);
        List<TcpSegment> out = drain(c);
        assertThat(out).isNotEmpty().allSatisfy(s -> assertThat(s.payload().length()).isLessThanOrEqualTo(500));
    }
}
