package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.stack.Prefix;
import io.jnetstack.stack.Route;
import io.jnetstack.stack.StackListener;
import io.jnetstack.stack.UdpDatagram;
import io.jnetstack.stack.UdpHandle;
import io.jnetstack.stack.UdpResult;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** UDP endpoints on simulated Ethernet through a router (ARP, NDP, forwarding), under every personality. */
class UdpScenarioTest {
    private static final long S = 1_000_000_000L;
    private static final long SEED = 42;

    static Stream<Personality> personalities() {
        return Personality.all().stream();
    }

    /** a — lan1 — r — lan2 — b. */
    static final class Net {
        final Simulation sim = new Simulation(SEED);
        final SimHost a;
        final SimHost b;
        final List<String> events = new ArrayList<>();

        Net(Personality p) {
            SimLink lan1 = sim.addEthernet("lan1", LinkProperties.IDEAL.withDelayNs(1000));
            SimLink lan2 = sim.addEthernet("lan2", LinkProperties.IDEAL.withDelayNs(1000));
            a = sim.addHost("a", p);
            SimHost r = sim.addHost("r", p);
            b = sim.addHost("b", p);
            sim.attach(a, lan1, "eth0", "10.1.0.2/24", "2001:db8:a::2/64");
            sim.attach(r, lan1, "eth0", "10.1.0.1/24", "2001:db8:a::1/64");
            sim.attach(r, lan2, "eth1", "10.2.0.1/24", "2001:db8:b::1/64");
            sim.attach(b, lan2, "eth0", "10.2.0.2/24", "2001:db8:b::2/64");
            r.stack().setForwarding(true);
            a.stack().addRoute(Route.via(Prefix.of("0.0.0.0/0"), Ipv4Address.of("10.1.0.1"), 1));
            a.stack().addRoute(Route.via(Prefix.of("::/0"), Ipv6Address.of("2001:db8:a::1"), 1));
            b.stack().addRoute(Route.via(Prefix.of("0.0.0.0/0"), Ipv4Address.of("10.2.0.1"), 1));
            b.stack().addRoute(Route.via(Prefix.of("::/0"), Ipv6Address.of("2001:db8:b::1"), 1));
            a.stack().setListener(new StackListener() {
                @Override
                public void onUdpLocalFailure(UdpHandle h, IpAddress dst, LocalFailure f, long nowNs) {
                    events.add(f + " " + dst + " at " + nowNs / S + " s");
                }
            });
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void requestAndReply_acrossTheRouter_overIpv4AndIpv6(Personality p) {
        Net n = new Net(p);
        for (IpAddress dst : List.of(Ipv4Address.of("10.2.0.2"), Ipv6Address.of("2001:db8:b::2"))) {
            boolean v6 = dst.version() == 6;
            UdpHandle server = n.b.stack().udp().open(v6);
            n.b.stack().udp().setV6Only(server, v6);
            assertThat(n.b.stack().udp().bind(server, null, 53, false, false).isOk()).isTrue();
            UdpHandle client = n.a.stack().udp().open(v6);
            n.a.run(s -> s.udp().send(client, dst, 53, bytes("query"), 0, 5, n.sim.nowNs()));
            n.sim.runFor(S);
            UdpDatagram q = n.b.stack().udp().receive(server);
            assertThat(q).as("%s seed %d", dst, SEED).isNotNull();
            n.b.run(s -> s.udp().send(server, q.source(), q.sourcePort(), bytes("answer"), 0, 6, n.sim.nowNs()));
            n.sim.runFor(S);
            UdpDatagram ans = n.a.stack().udp().receive(client);
            assertThat(new String(ans.payload(), StandardCharsets.UTF_8)).isEqualTo("answer");
            assertThat(ans.source()).isEqualTo(dst);
        }
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void unresolvableNeighbour_isReportedToTheSendingEndpoint(Personality p) {
        Net n = new Net(p);
        UdpHandle h = n.a.stack().udp().open(false);
        UdpResult[] r = new UdpResult[1];
        n.a.run(s -> r[0] = s.udp().connect(h, Ipv4Address.of("10.1.0.99"), 53));
        assertThat(r[0].isOk()).isTrue();
        n.a.run(s -> s.udp().send(h, null, 0, bytes("x"), 0, 1, n.sim.nowNs()));
        n.sim.runFor(30 * S);
        assertThat(n.events).containsExactly("NEIGHBOR_UNREACHABLE 10.1.0.99 at " + p.arp().giveUpAfterNs() / S
                + " s");
    }
}
