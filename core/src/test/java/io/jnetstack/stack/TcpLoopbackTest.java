package io.jnetstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.stack.TcpConnectResult.Failure;
import io.jnetstack.stack.TcpConnectResult.Ok;
import io.jnetstack.stack.TcpConnectResult.Reason;
import io.jnetstack.stack.tcp.TcpState;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TCP over the implicit loopback interface of a single stack, and the connect/listen plumbing the socket layer
 * needs: local endpoints, listeners per address, four-tuple and port queries, the immediate failures.
 */
class TcpLoopbackTest {
    static final long SEED = 11;
    static final IpAddress V4 = Ipv4Address.of("127.0.0.1");
    static final IpAddress V6 = Ipv6Address.LOOPBACK;

    static Stream<Arguments> osAndVersion() {
        return Stream.of("linux", "freebsd", "openbsd", "macos")
                .flatMap(os -> Stream.of(Arguments.of(os, V4), Arguments.of(os, V6)));
    }

    static TcpHandle ok(TcpConnectResult r) {
        assertThat(r).as("connect result (seed %d)", SEED).isInstanceOf(Ok.class);
        return ((Ok) r).handle();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("osAndVersion")
    void loopbackConnect_acceptsAndCarriesDataBothWays(String os, IpAddress lo) {
        LoopbackHost h = new LoopbackHost(os, SEED);
        h.stack.tcpListen(lo, 8080, 16);
        TcpHandle client = ok(h.stack.tcpConnect(null, 0, lo, 8080, TcpConnectOptions.DEFAULTS, h.nowNs));
        assertThat(client.localAddress()).as("source of a loopback route").isEqualTo(lo);
        assertThat(h.stack.sourceFor(lo)).isEqualTo(lo);
        h.settle();
        TcpHandle server = h.stack.tcpAccept(lo, 8080);
        assertThat(server).isEqualTo(new TcpHandle(lo, 8080, lo, client.localPort()));
        assertThat(h.stack.tcpConnection(client).state()).isInstanceOf(TcpState.Established.class);
        assertThat(h.events).contains(client.localPort() + " CONNECTED", "8080 CONNECTED");

        byte[] hello = "hello over lo".getBytes(StandardCharsets.US_ASCII);
        assertThat(h.stack.tcpSend(client, hello, 0, hello.length, h.nowNs)).isEqualTo(hello.length);
        h.settle();
        assertThat(h.stack.tcpRead(server, 100, h.nowNs)).isEqualTo(hello);
        byte[] back = "and back".getBytes(StandardCharsets.US_ASCII);
        h.stack.tcpSend(server, back, 0, back.length, h.nowNs);
        h.settle();
        assertThat(h.stack.tcpRead(client, 100, h.nowNs)).isEqualTo(back);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "freebsd", "openbsd", "macos"})
    void loopbackAddresses_areLocal_withTheWholeNetOnLinuxOnly(String os) {
        Stack s = new LoopbackHost(os, SEED).stack;
        assertThat(s.isLocal(V4)).isTrue();
        assertThat(s.isLocal(V6)).isTrue();
        assertThat(s.isLocal(Ipv4Address.of("127.0.0.2"))).isEqualTo(os.equals("linux"));
        assertThat(s.interfaces()).as("the loopback interface is implicit").isEmpty();
        Route r = s.route(V4);
        assertThat(r.ifIndex()).as("index 0: the implicit loopback").isZero();
        assertThat(r.kind()).isEqualTo(Route.Kind.UNICAST);
    }

    @Test
    void listenerOnASpecificAddress_ignoresSynsForOtherAddresses_andTheMoreSpecificListenerWins() {
        LoopbackHost h = new LoopbackHost("linux", SEED);
        IpAddress other = Ipv4Address.of("127.0.0.2");
        h.stack.tcpListen(V4, 80, 8);
        TcpHandle refused = ok(h.stack.tcpConnect(null, 0, other, 80, TcpConnectOptions.DEFAULTS, h.nowNs));
        h.settle();
        assertThat(h.events).as("no listener on 127.0.0.2: RST").contains(refused.localPort() + " REFUSED");

        h.stack.tcpListen(null, 80, 8);
        TcpHandle viaAll = ok(h.stack.tcpConnect(null, 0, other, 80, TcpConnectOptions.DEFAULTS, h.nowNs));
        TcpHandle viaSpecific = ok(h.stack.tcpConnect(null, 0, V4, 80, TcpConnectOptions.DEFAULTS, h.nowNs));
        h.settle();
        assertThat(h.stack.tcpAccept(V4, 80).remotePort()).isEqualTo(viaSpecific.localPort());
        assertThat(h.stack.tcpAccept(V4, 80)).isNull();
        assertThat(h.stack.tcpAccept(80).remotePort()).isEqualTo(viaAll.localPort());
        assertThat(h.stack.tcpAcceptQueueLength(null, 80)).isZero();
        assertThat(h.stack.tcpLocalPortUse(V4, 80)).isEqualTo(TcpPortUse.LISTENING);
        h.stack.tcpUnlisten(V4, 80, h.nowNs);
        h.stack.tcpUnlisten(80, h.nowNs);
        assertThat(h.stack.tcpLocalPortUse(null, 80)).isEqualTo(TcpPortUse.CONNECTED);
    }

    @Test
    void familyWildcardListener_takesOnlyItsVersion() {
        LoopbackHost h = new LoopbackHost("freebsd", SEED);
        h.stack.tcpListen(Ipv4Address.ANY, 80, 8);
        TcpHandle v6 = ok(h.stack.tcpConnect(null, 0, V6, 80, TcpConnectOptions.DEFAULTS, h.nowNs));
        TcpHandle v4 = ok(h.stack.tcpConnect(null, 0, V4, 80, TcpConnectOptions.DEFAULTS, h.nowNs));
        h.settle();
        assertThat(h.events).contains(v6.localPort() + " REFUSED");
        assertThat(h.stack.tcpAccept(Ipv4Address.ANY, 80).remotePort()).isEqualTo(v4.localPort());
    }

    @Test
    void connectFromAnExplicitLocalPort_usesIt_andTheSameTupleAgainIsInUse() {
        LoopbackHost h = new LoopbackHost("openbsd", SEED);
        h.stack.tcpListen(80, 8);
        TcpHandle c = ok(h.stack.tcpConnect(V4, 5555, V4, 80, TcpConnectOptions.DEFAULTS, h.nowNs));
        assertThat(c).isEqualTo(new TcpHandle(V4, 5555, V4, 80));
        assertThat(h.stack.tcpFourTupleInUse(c)).isTrue();
        assertThat(h.stack.tcpLocalPortInUse(V4, 5555)).isTrue();
        assertThat(h.stack.tcpLocalPortInUse(V6, 5555)).isFalse();
        TcpConnectResult again = h.stack.tcpConnect(V4, 5555, V4, 80, TcpConnectOptions.DEFAULTS, h.nowNs);
        assertThat(again).isEqualTo(new Failure(Reason.TUPLE_IN_USE, false));
    }

    @Test
    void tupleHeldInTimeWait_isReportedAsTimeWait() {
        LoopbackHost h = new LoopbackHost("freebsd", SEED);
        TcpHandle c = inTimeWait(h);
        assertThat(h.stack.tcpConnection(c).state()).isInstanceOf(TcpState.TimeWait.class);
        assertThat(h.stack.tcpFourTupleInTimeWait(c)).isTrue();
        assertThat(h.stack.tcpLocalPortUse(V4, 40000)).isEqualTo(TcpPortUse.TIME_WAIT);
        assertThat(h.stack.tcpConnect(V4, 40000, V4, 80, TcpConnectOptions.DEFAULTS, h.nowNs))
                .isEqualTo(new Failure(Reason.TUPLE_IN_USE, true));
    }

    @Test
    void linuxBoundConnect_takesOverATimeWaitTupleThatUsedTimestamps_withIssPastItsSndNxt() {
        LoopbackHost h = new LoopbackHost("linux", SEED);
        TcpHandle c = inTimeWait(h);
        assertThat(h.stack.tcpConnection(c).state()).isInstanceOf(TcpState.TimeWait.class);
        assertThat(h.stack.tcpConnection(c).timestampsEnabled()).isTrue();
        int oldSndNxt = h.stack.tcpConnection(c).sndNxt();
        // tcp_twsk_unique with twp == NULL (__inet_hash_connect for a bound port): write_seq = tw_snd_nxt + 65537
        TcpHandle again = ok(h.stack.tcpConnect(V4, 40000, V4, 80, TcpConnectOptions.DEFAULTS, h.nowNs));
        assertThat(again).isEqualTo(c);
        assertThat(h.stack.tcpConnection(again).state()).isInstanceOf(TcpState.SynSent.class);
        assertThat(h.stack.tcpConnection(again).sndNxt()).isEqualTo(oldSndNxt + 65_537 + 1);
    }

    /** A connection 127.0.0.1:40000 → :80 that the client closed first, so that it sits in TIME-WAIT. */
    private static TcpHandle inTimeWait(LoopbackHost h) {
        h.stack.tcpListen(80, 8);
        TcpHandle c = ok(h.stack.tcpConnect(V4, 40000, V4, 80, TcpConnectOptions.DEFAULTS, h.nowNs));
        h.settle();
        TcpHandle s = h.stack.tcpAccept(80);
        h.stack.tcpClose(c, h.nowNs); // the client closes first: it ends in TIME-WAIT
        h.settle();
        h.stack.tcpClose(s, h.nowNs);
        h.settle();
        return c;
    }

    @Test
    void noRoute_localNotAvailable_andRejectRoutes_failAtOnce() {
        LoopbackHost h = new LoopbackHost("linux", SEED);
        IpAddress far = Ipv4Address.of("192.0.2.1");
        TcpConnectOptions d = TcpConnectOptions.DEFAULTS;
        assertThat(h.stack.tcpConnect(null, 0, far, 80, d, 0)).isEqualTo(new Failure(Reason.NO_ROUTE, false));
        assertThat(h.stack.tcpConnect(Ipv4Address.of("10.9.9.9"), 0, V4, 80, d, 0))
                .isEqualTo(new Failure(Reason.LOCAL_NOT_AVAILABLE, false));
        h.stack.addRoute(new Route(Prefix.of("192.0.2.0/24"), null, 0, Route.Kind.UNREACHABLE));
        h.stack.addRoute(new Route(Prefix.of("198.51.100.0/24"), null, 0, Route.Kind.PROHIBIT));
        assertThat(h.stack.tcpConnect(null, 0, far, 80, d, 0))
                .isEqualTo(new Failure(Reason.UNREACHABLE_ROUTE, false));
        assertThat(h.stack.tcpConnect(null, 0, Ipv4Address.of("198.51.100.7"), 80, d, 0))
                .isEqualTo(new Failure(Reason.PROHIBITED_ROUTE, false));
    }

    @Test
    void everyEphemeralPortTaken_failsWithNoPorts() {
        LoopbackHost h = new LoopbackHost("macos", SEED);
        var range = h.stack.personality().ephemeralPorts();
        for (int p = range.first(); p <= range.last(); p++) {
            ok(h.stack.tcpConnect(V4, p, V4, 9, TcpConnectOptions.DEFAULTS, 0));
        }
        assertThat(h.stack.tcpConnect(null, 0, V4, 9, TcpConnectOptions.DEFAULTS, 0))
                .isEqualTo(new Failure(Reason.NO_PORTS, false));
    }

    @Test
    void options_clampTheSynMss_andSetTheSynSchedule() {
        // FreeBSD: its connect goes on through a blackhole route (Linux refuses one with EINVAL at connect)
        LoopbackHost h = new LoopbackHost("freebsd", SEED);
        var schedule = h.stack.personality().synRetransmission().truncated(2, 3_000 * LoopbackHost.MS);
        TcpConnectOptions o = TcpConnectOptions.DEFAULTS.withMaxSegment(1000).withNoDelay(true)
                .withSynSchedule(schedule);
        h.stack.tcpListen(80, 8);
        TcpHandle c = ok(h.stack.tcpConnect(null, 0, V4, 80, o, 0));
        h.settle();
        TcpHandle s = h.stack.tcpAccept(80);
        assertThat(h.stack.tcpConnection(s).peerMss()).as("the SYN advertised the clamp").isEqualTo(1000);
        assertThat(h.stack.tcpConnection(c).state()).isInstanceOf(TcpState.Established.class);

        h.stack.addRoute(new Route(Prefix.of("192.0.2.0/24"), null, 0, Route.Kind.BLACKHOLE));
        TcpHandle lost = ok(h.stack.tcpConnect(V4, 0, Ipv4Address.of("192.0.2.1"), 81, o, h.nowNs));
        long start = h.nowNs;
        h.runUntil(start + 2_999 * LoopbackHost.MS);
        assertThat(h.events).doesNotContain(lost.localPort() + " TIMED_OUT");
        h.runUntil(start + 3_000 * LoopbackHost.MS);
        assertThat(h.events).as("two SYNs, abandoned at 3 s").contains(lost.localPort() + " TIMED_OUT");
    }
}
