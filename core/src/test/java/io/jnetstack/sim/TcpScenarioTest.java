package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.link.Rules;
import io.jnetstack.personality.Personality;
import io.jnetstack.stack.StackListener;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TCP connection establishment between simulated hosts, for every ordered pair of personalities. */
class TcpScenarioTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    static Stream<Arguments> pairs() {
        return Personality.all().stream().flatMap(a -> Personality.all().stream()
                .map(b -> Arguments.of(a.name(), b.name())));
    }

    static Stream<String> personalities() {
        return Personality.all().stream().map(Personality::name);
    }

    /** Client and server on one segment with 5 ms one-way delay; TCP events recorded with their times. */
    static final class Net {
        final Simulation sim = new Simulation(3);
        final SimLink lan;
        final SimHost client;
        final SimHost server;
        final List<String> events = new ArrayList<>();
        final List<Long> times = new ArrayList<>();

        Net(String clientOs, String serverOs) {
            this(clientOs, serverOs, false);
        }

        /** With {@code pointToPoint}, a raw-IP link: no ARP, so the first SYN leaves at once. */
        Net(String clientOs, String serverOs, boolean pointToPoint) {
            LinkProperties props = LinkProperties.IDEAL.withDelayNs(5 * MS);
            lan = pointToPoint ? sim.addPointToPoint("p2p", props) : sim.addEthernet("lan", props);
            client = sim.addHost("client", Personality.named(clientOs));
            server = sim.addHost("server", Personality.named(serverOs));
            sim.attach(client, lan, "eth0", "10.0.0.1/24", "2001:db8::1/64");
            sim.attach(server, lan, "eth0", "10.0.0.2/24", "2001:db8::2/64");
            client.stack().setListener(recorder("client"));
            server.stack().setListener(recorder("server"));
        }

        StackListener recorder(String who) {
            return new StackListener() {
                @Override
                public void onTcpEvent(TcpHandle h, TcpEvent e, long nowNs) {
                    events.add(who + " " + e);
                    times.add(nowNs);
                }
            };
        }

        TcpHandle connect(String dst, int port) {
            TcpHandle[] h = new TcpHandle[1];
            client.run(s -> h[0] = s.tcpConnect(IpAddress.parse(dst).orThrow(), port, sim.nowNs()));
            return h[0];
        }
    }

    @ParameterizedTest(name = "{0} connects to {1}")
    @MethodSource("pairs")
    void connectToListeningPort_establishesBothEnds_afterOneRoundTrip(String clientOs, String serverOs) {
        Net n = new Net(clientOs, serverOs);
        n.server.stack().tcpListen(80);
        TcpHandle h = n.connect("10.0.0.2", 80);
        n.sim.runFor(S);
        assertThat(n.events).containsExactly("client CONNECTED", "server CONNECTED");
        assertThat(n.times.getFirst()).as("ARP round trip, then SYN / SYN-ACK").isEqualTo(20 * MS);
        assertThat(n.client.stack().tcpConnection(h).peerMss()).isEqualTo(1460);
        assertThat(h.localPort()).isBetween(n.client.stack().personality().ephemeralPorts().first(),
                n.client.stack().personality().ephemeralPorts().last());
    }

    @ParameterizedTest(name = "{0} connects to {1} over IPv6")
    @MethodSource("pairs")
    void connectOverIpv6_establishes(String clientOs, String serverOs) {
        Net n = new Net(clientOs, serverOs);
        n.server.stack().tcpListen(443);
        TcpHandle h = n.connect("2001:db8::2", 443);
        n.sim.runFor(S);
        assertThat(n.events).containsExactly("client CONNECTED", "server CONNECTED");
        assertThat(n.client.stack().tcpConnection(h).peerMss()).isEqualTo(1440);
    }

    @ParameterizedTest(name = "{0} connects to {1}")
    @MethodSource("pairs")
    void connectToClosedPort_isRefusedByTheRst(String clientOs, String serverOs) {
        Net n = new Net(clientOs, serverOs);
        n.connect("10.0.0.2", 81);
        n.sim.runFor(S);
        assertThat(n.events).containsExactly("client REFUSED");
        assertThat(n.times.getFirst()).isEqualTo(20 * MS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalities")
    void connectToABlackHole_timesOutOnThePersonalitysSchedule(String clientOs) {
        Net n = new Net(clientOs, "linux", true);
        List<Long> syns = new ArrayList<>();
        n.lan.faults().add(f -> {
            if (f.isIp() && f.protocol() == IpProtocol.TCP) {
                syns.add(f.nowNs());
                return new io.jnetstack.link.Verdict.Drop("black hole");
            }
            return io.jnetstack.link.Verdict.PASS;
        });
        n.connect("10.0.0.2", 80);
        long start = n.sim.nowNs();
        n.sim.runFor(200 * S);
        Personality p = Personality.named(clientOs);
        assertThat(n.events).containsExactly("client TIMED_OUT");
        assertThat(n.times.getFirst() - start).isEqualTo(p.synRetransmission().giveUpNs());
        assertThat(syns.stream().map(t -> t - start).toList()).containsExactly(
                java.util.Arrays.stream(p.synRetransmission().sendOffsetsNs()).boxed().toArray(Long[]::new));
        assertThat(n.client.stack().nextDeadlineNs()).as("nothing left armed").isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalities")
    void rstInjectedByTheNetwork_refusesTheConnection(String clientOs) {
        Net n = new Net(clientOs, "freebsd");
        n.server.stack().tcpListen(80);
        n.lan.faults().add(Rules.rst(Rules.to(Ipv4Address.of("10.0.0.2"))));
        n.connect("10.0.0.2", 80);
        n.sim.runFor(S);
        assertThat(n.events).containsExactly("client REFUSED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalities")
    void hostUnreachableForEverySyn_endsTheAttempt_hardOnLinux_softOnTheBsds(String clientOs) {
        Net n = new Net(clientOs, "linux", true);
        n.lan.faults().add(Rules.icmpError(Rules.to(Ipv4Address.of("10.0.0.2")), 3, 1, Ipv4Address.of("10.0.0.2")));
        n.connect("10.0.0.2", 80);
        long start = n.sim.nowNs();
        n.sim.runFor(200 * S);
        assertThat(n.events).containsExactly("client HOST_UNREACHABLE");
        long after = n.times.getFirst() - start;
        Personality p = Personality.named(clientOs);
        switch (clientOs) {
            case "linux" -> assertThat(after).as("tcp_v4_err aborts on the first ICMP, one round trip").isEqualTo(10 * MS);
            case "openbsd" -> assertThat(after).as("soft error replaces ETIMEDOUT")
                    .isEqualTo(p.synRetransmission().giveUpNs());
            default -> assertThat(after).as("tcp_notify drops after the fourth retransmission")
                    .isEqualTo(p.synRetransmission().offsetNs(4) + 10 * MS);
        }
    }
}
