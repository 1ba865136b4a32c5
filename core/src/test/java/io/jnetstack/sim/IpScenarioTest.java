package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.link.Rules;
import io.jnetstack.link.Verdict;
import io.jnetstack.personality.Personality;
import io.jnetstack.stack.Prefix;
import io.jnetstack.stack.Route;
import io.jnetstack.stack.StackListener;
import io.jnetstack.stack.StackStats.Counter;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cross-layer IP scenarios on a simulated network, run under every personality. */
class IpScenarioTest {
    private static final long S = 1_000_000_000L;

    static Stream<Personality> personalities() {
        return Personality.all().stream();
    }

    /** Events a host's stack reported, as text. */
    static final class Recorder implements StackListener {
        final List<String> events = new ArrayList<>();
        final List<Long> times = new ArrayList<>();

        @Override
        public void onEchoReply(IpAddress from, int id, int seq, int ttl, int len, long nowNs) {
            add("reply " + from + " seq " + seq + " len " + len, nowNs);
        }

        @Override
        public void onIcmpError(IcmpReport r, long nowNs) {
            add("icmp" + r.version() + " " + r.type() + "/" + r.code() + " from " + r.reporter() + " about "
                    + r.destination(), nowNs);
        }

        @Override
        public void onLocalFailure(IpAddress dst, LocalFailure f, Origin o, long nowNs) {
            add("local " + f + " " + dst, nowNs);
        }

        private void add(String e, long t) {
            events.add(e);
            times.add(t);
        }
    }

    /** a — lan1 — router — lan2 — b; every host runs {@code p}. */
    static final class Net {
        final Simulation sim = new Simulation(42);
        final SimHost a;
        final SimHost r;
        final SimHost b;
        final SimLink lan1 = sim.addEthernet("lan1", LinkProperties.IDEAL.withDelayNs(1000));
        final SimLink lan2;
        final Recorder rec = new Recorder();

        Net(Personality p) {
            this(p, 1500);
        }

        Net(Personality p, int lan2Mtu) {
            lan2 = sim.addEthernet("lan2", LinkProperties.IDEAL.withDelayNs(1000).withMtu(lan2Mtu));
            a = sim.addHost("a", p);
            r = sim.addHost("r", p);
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
            a.stack().setListener(rec);
        }

        void ping(String dst, int seq, int len, int ttl) {
            IpAddress d = IpAddress.parse(dst).orThrow();
            a.run(s -> s.ping(d, 7, seq, len, ttl, sim.nowNs()));
        }
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void pingAcrossRouter_getsReplies_overIpv4AndIpv6(Personality p) {
        Net n = new Net(p);
        n.ping("10.2.0.2", 1, 56, 0);
        n.ping("2001:db8:b::2", 2, 56, 0);
        n.sim.runFor(S);
        assertThat(n.rec.events).containsExactly("reply 10.2.0.2 seq 1 len 56", "reply 2001:db8:b::2 seq 2 len 56");
        assertThat(n.r.stack().stats().get(Counter.IP_FORWARDED)).isEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void unansweredArp_failsAfterThePersonalitysProbes_withLocalHostUnreachable(Personality p) {
        Net n = new Net(p);
        n.ping("10.1.0.99", 1, 56, 0);
        n.sim.runFor(30 * S);
        long probes = p.arp().maxProbes();
        assertThat(n.rec.events).containsExactly("local NEIGHBOR_UNREACHABLE 10.1.0.99");
        assertThat(n.rec.times.getFirst()).as("%s gives up after %d probes 1 s apart", p.name(), probes)
                .isEqualTo(p.arp().giveUpAfterNs());
        assertThat(n.a.stack().stats().get(Counter.NEIGHBOR_PROBES)).isEqualTo(probes);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void unansweredNdpBehindRouter_returnsAddressUnreachable(Personality p) {
        Net n = new Net(p);
        n.ping("2001:db8:b::99", 1, 56, 0);
        n.sim.runFor(30 * S);
        assertThat(n.rec.events).containsExactly("icmp6 1/3 from 2001:db8:a::1 about 2001:db8:b::99");
        assertThat(n.rec.times.getFirst() - 4000).isEqualTo(p.ndp().giveUpAfterNs());
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void ttlOfOne_expiresAtTheRouter_andNoRoute_isNetUnreachable(Personality p) {
        Net n = new Net(p);
        n.ping("10.2.0.2", 1, 56, 1);
        n.ping("192.0.2.1", 2, 56, 0);
        n.ping("2001:db8:b::2", 3, 56, 1);
        n.sim.runFor(S);
        assertThat(n.rec.events).containsExactly("icmp4 11/0 from 10.1.0.1 about 10.2.0.2",
                "icmp4 3/0 from 10.1.0.1 about 192.0.2.1", "icmp6 3/0 from 2001:db8:a::1 about 2001:db8:b::2");
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void bigPing_isFragmented_andReassembled_overIpv4AndIpv6(Personality p) {
        Net n = new Net(p);
        // Warm the neighbour caches first: FreeBSD and XNU hold one packet per incomplete NDP entry
        // (nd6_maxqueuelen = 1), so a cold cache would keep only the last fragment.
        n.ping("10.2.0.2", 1, 8, 0);
        n.ping("2001:db8:b::2", 2, 8, 0);
        n.sim.runFor(S);
        n.rec.events.clear();
        n.ping("10.2.0.2", 1, 4000, 0);
        n.ping("2001:db8:b::2", 2, 4000, 0);
        n.sim.runFor(S);
        assertThat(n.rec.events).containsExactly("reply 10.2.0.2 seq 1 len 4000", "reply 2001:db8:b::2 seq 2 len 4000");
        assertThat(n.b.stack().stats().get(Counter.REASSEMBLED)).isEqualTo(2);
        assertThat(n.a.stack().stats().get(Counter.REASSEMBLED)).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void lostFragment_timesOutAfterThePersonalitysReassemblyTimeout(Personality p) {
        Net n = new Net(p);
        int[] seen = {0};
        n.lan2.faults().add(f -> f.isIp() && f.protocol() == 1 && ++seen[0] == 2 ? new Verdict.Drop("test")
                : Verdict.PASS);
        n.ping("10.2.0.2", 1, 4000, 0);
        n.sim.runFor(p.ipv4ReassemblyTimeoutNs() + S);
        assertThat(n.b.stack().stats().get(Counter.REASSEMBLY_TIMEOUT)).isEqualTo(1);
        List<String> expected = p.sendsReassemblyTimeExceeded()
                ? List.of("icmp4 11/1 from 10.2.0.2 about 10.2.0.2") : List.of();
        assertThat(n.rec.events).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void faultRules_replyWithIcmp_partition_andRst(Personality p) {
        Net n = new Net(p);
        n.lan2.faults().add(Rules.icmpError(Rules.to(Ipv4Address.of("10.2.0.2")), 3, 13, Ipv4Address.of("10.2.0.1")));
        n.ping("10.2.0.2", 1, 56, 0);
        n.sim.runFor(S);
        assertThat(n.rec.events).containsExactly("icmp4 3/13 from 10.2.0.1 about 10.2.0.2");
        n.lan2.faults().clear();
        n.lan1.faults().add(Rules.partition(java.util.Set.of(Ipv4Address.of("10.1.0.2")),
                java.util.Set.of(Ipv4Address.of("10.2.0.2"))));
        n.ping("10.2.0.2", 2, 56, 0);
        n.sim.runFor(S);
        assertThat(n.rec.events).hasSize(1);
        assertThat(n.lan1.drops()).containsEntry("partition", 1L);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void udpToClosedPort_getsPortUnreachable(Personality p) {
        Net n = new Net(p);
        n.a.run(s -> s.sendUdp(Ipv4Address.of("10.2.0.2"), 5000, 9, new byte[4], 0, n.sim.nowNs()));
        n.sim.runFor(S);
        assertThat(n.rec.events).containsExactly("icmp4 3/3 from 10.2.0.2 about 10.2.0.2");
        assertThat(n.b.stack().stats().get(Counter.UNREACHABLE_PORT)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void narrowerNextHop_routerFragmentsIpv4_andSendsPacketTooBigForIpv6(Personality p) {
        Net n = new Net(p, 1280);
        n.ping("10.2.0.2", 1, 8, 0);
        n.ping("2001:db8:b::2", 2, 8, 0);
        n.sim.runFor(S);
        n.rec.events.clear();
        n.ping("10.2.0.2", 3, 1400, 0);
        n.ping("2001:db8:b::2", 4, 1400, 0);
        n.sim.runFor(S);
        assertThat(n.rec.events).containsExactly("icmp6 2/0 from 2001:db8:a::1 about 2001:db8:b::2",
                "reply 10.2.0.2 seq 3 len 1400");
        assertThat(n.r.stack().stats().get(Counter.FRAGMENTS_OUT)).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void downInterface_failsLocally_andUpAgainWorks(Personality p) {
        Net n = new Net(p);
        n.a.stack().iface(1).setUp(false);
        n.ping("10.2.0.2", 1, 8, 0);
        n.sim.runFor(S);
        assertThat(n.rec.events).containsExactly("local INTERFACE_DOWN 10.2.0.2");
        n.a.stack().iface(1).setUp(true);
        n.ping("10.2.0.2", 2, 8, 0);
        n.sim.runFor(S);
        assertThat(n.rec.events).last().isEqualTo("reply 10.2.0.2 seq 2 len 8");
    }
}
