package io.jnetstack.stack.tcp;

import static io.jnetstack.stack.tcp.TcpHandshakeTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.IcmpClass;
import io.jnetstack.personality.Personality;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ICMP errors in SYN-SENT, per OS (docs/research/tcp-personalities.md §5): Linux tcp_v4_err aborts on every
 * unreachable; FreeBSD and XNU abort at once on port/protocol/prohibited (icmp_may_rst) and keep net/host as soft
 * errors until the fourth retransmission; OpenBSD keeps every one soft.
 */
class TcpIcmpTest {
    static final long S = 1_000_000_000L;
    static final int ISS = 1000;

    /** (os, icmp, expected event right after the first ICMP, or null when it is only remembered). */
    static Stream<Arguments> firstIcmp() {
        return Stream.of(
                Arguments.of("linux", IcmpClass.PORT_UNREACHABLE, TcpEvent.PORT_UNREACHABLE),
                Arguments.of("linux", IcmpClass.HOST_UNREACHABLE, TcpEvent.HOST_UNREACHABLE),
                Arguments.of("linux", IcmpClass.NET_UNREACHABLE, TcpEvent.NET_UNREACHABLE),
                Arguments.of("linux", IcmpClass.PROTOCOL_UNREACHABLE, TcpEvent.PROTOCOL_UNREACHABLE),
                Arguments.of("linux", IcmpClass.ADMIN_PROHIBITED, TcpEvent.ADMIN_PROHIBITED),
                Arguments.of("linux", IcmpClass.OTHER, null),
                Arguments.of("freebsd", IcmpClass.PORT_UNREACHABLE, TcpEvent.PORT_UNREACHABLE),
                Arguments.of("freebsd", IcmpClass.ADMIN_PROHIBITED, TcpEvent.ADMIN_PROHIBITED),
                Arguments.of("freebsd", IcmpClass.TIME_EXCEEDED, TcpEvent.TIME_EXCEEDED),
                Arguments.of("freebsd", IcmpClass.HOST_UNREACHABLE, null),
                Arguments.of("freebsd", IcmpClass.NET_UNREACHABLE, null),
                Arguments.of("macos", IcmpClass.PORT_UNREACHABLE, TcpEvent.PORT_UNREACHABLE),
                Arguments.of("macos", IcmpClass.HOST_UNREACHABLE, null),
                Arguments.of("openbsd", IcmpClass.PORT_UNREACHABLE, null),
                Arguments.of("openbsd", IcmpClass.HOST_UNREACHABLE, null),
                Arguments.of("openbsd", IcmpClass.ADMIN_PROHIBITED, null),
                Arguments.of("openbsd", IcmpClass.TIME_EXCEEDED, null));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("firstIcmp")
    void firstIcmpInSynSent_abortsOrIsRemembered(String os, IcmpClass icmp, TcpEvent expected) {
        TcpConnection c = TcpConnection.connect(Personality.named(os), 49152, 80, ISS, 1460, 0, 0);
        drain(c);
        c.onIcmp(icmp, ISS, 50_000_000);
        assertThat(c.pollEvent()).isEqualTo(expected);
        assertThat(c.state()).isInstanceOf(expected == null ? TcpState.SynSent.class : TcpState.Closed.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void icmpQuotingASequenceNumberOutsideTheWindow_isIgnored(String os) {
        TcpConnection c = TcpConnection.connect(Personality.named(os), 49152, 80, ISS, 1460, 0, 0);
        drain(c);
        c.onIcmp(IcmpClass.PORT_UNREACHABLE, ISS + 2, 1); // ISS + 1 (SND.NXT) counts on Linux: IcmpQuoteWindowTest
        c.onIcmp(IcmpClass.PORT_UNREACHABLE, ISS - 1, 1);
        assertThat(c.pollEvent()).isNull();
        assertThat(c.state()).isInstanceOf(TcpState.SynSent.class);
    }

    /** A soft error answers every SYN; BSD drops once t_rxtshift > 3; otherwise it replaces ETIMEDOUT. */
    static Stream<Arguments> softEveryTime() {
        return Stream.of(
                Arguments.of("freebsd", IcmpClass.HOST_UNREACHABLE, 5, TcpEvent.HOST_UNREACHABLE),
                Arguments.of("macos", IcmpClass.NET_UNREACHABLE, 5, TcpEvent.NET_UNREACHABLE),
                Arguments.of("openbsd", IcmpClass.PORT_UNREACHABLE, 4, TcpEvent.PORT_UNREACHABLE));
    }

    @ParameterizedTest(name = "{0}: {1} after every SYN → {3} with SYN #{2}")
    @MethodSource("softEveryTime")
    void softErrorAfterEverySyn_abortsOnceTheFourthRetransmissionWentOut_orReplacesTheTimeout(String os,
            IcmpClass icmp, int endsAtSyn, TcpEvent expected) {
        Personality p = Personality.named(os);
        TcpConnection c = TcpConnection.connect(p, 49152, 80, ISS, 1460, 0, 0);
        int syns = drain(c).size();
        c.onIcmp(icmp, ISS, 1);
        while (c.state() instanceof TcpState.SynSent) {
            long t = c.nextDeadlineNs();
            c.onTimer(t);
            syns += drain(c).size();
            c.onIcmp(icmp, ISS, t + 1);
        }
        assertThat(syns).isEqualTo(endsAtSyn);
        assertThat(c.pollEvent()).isEqualTo(expected);
    }
}
