package io.jnetstack.stack.tcp;

import static io.jnetstack.stack.tcp.TcpCloseTableTest.IRS;
import static io.jnetstack.stack.tcp.TcpCloseTableTest.ISS;
import static io.jnetstack.stack.tcp.TcpHandshakeTest.drain;
import static io.jnetstack.stack.tcp.TcpStateTableTest.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.FreeBsdPersonality;
import io.jnetstack.personality.Personality;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7323 §3.2: once timestamps are in use, a non-RST segment without a TSopt "SHOULD" be dropped silently. FreeBSD
 * does so only with net.inet.tcp.tolerate_missing_ts = 0 (tcp_input.c tcp_do_segment, tcp_timewait.c tcp_twcheck);
 * its default, 1, and the other personalities process such segments.
 */
class TcpMissingTimestampTest {
    static final int A = TcpHeader.ACK;

    /** ESTABLISHED with timestamps in use: the peer's SYN-ACK carried a TSopt. */
    static TcpConnection established(Personality p) {
        TcpConnection c = TcpConnection.connect(p, 49152, 80, ISS, 1460, 0, 0);
        List<TcpSegment> syn = drain(c);
        int tsVal = syn.getFirst().header().options().stream().filter(o -> o instanceof TcpOption.Timestamps)
                .map(o -> ((TcpOption.Timestamps) o).tsVal()).findFirst().orElseThrow();
        c.onSegment(TcpSegment.of(TcpHeader.of(80, 49152, IRS, ISS + 1, TcpHeader.SYN | A, 32767,
                List.of(new TcpOption.Mss(1460), new TcpOption.Timestamps(7, tsVal)))), 0);
        drain(c);
        c.pollEvent();
        assertThat(c.timestampsEnabled()).isTrue();
        return c;
    }

    static Personality freebsd(long tolerate) {
        Personality p = new FreeBsdPersonality();
        p.tunables().set("net.inet.tcp.tolerate_missing_ts", tolerate);
        return p;
    }

    static String data(TcpConnection c, List<TcpOption> options) {
        TcpHeader h = TcpHeader.of(80, 49152, IRS + 1, ISS + 1, A | TcpHeader.PSH, 32767, options);
        c.onSegment(new TcpSegment(h, ByteString.copyOf(new byte[10])), 1_000_000);
        c.onTimer(1_000_000_000L);
        return describe(drain(c));
    }

    @Test
    void freebsdWithToleranceOff_dropsTextWithoutTimestamps() {
        TcpConnection c = established(freebsd(0));
        assertThat(data(c, List.of())).isEqualTo("-");
        assertThat(c.stats().get(TcpStats.Counter.MISSING_TIMESTAMP_DROPS)).isEqualTo(1);
        assertThat(data(c, List.of(new TcpOption.Timestamps(8, 0)))).as("the same text with a TSopt is taken")
                .startsWith("ACK seq=1001 ack=5011");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"freebsd", "linux", "openbsd", "macos"})
    void byDefault_textWithoutTimestampsIsTaken(String os) {
        TcpConnection c = established(Personality.named(os));
        assertThat(data(c, List.of())).startsWith("ACK seq=1001 ack=5011");
        assertThat(c.stats().get(TcpStats.Counter.MISSING_TIMESTAMP_DROPS)).isZero();
    }

    @Test
    void aResetWithoutTimestamps_stillResetsWithToleranceOff() {
        TcpConnection c = established(freebsd(0));
        c.onSegment(TcpSegment.of(TcpHeader.of(80, 49152, IRS + 1, 0, TcpHeader.RST, 0, List.of())), 1_000_000);
        assertThat(c.state()).isInstanceOf(TcpState.Closed.class);
        assertThat(c.pollEvent()).isEqualTo(TcpEvent.RESET);
    }
}
