package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.stack.Prefix;
import io.jnetstack.stack.Route;
import io.jnetstack.stack.StackListener;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.stack.tcp.TcpStats;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Path MTU discovery (RFC 1191 for IPv4, RFC 8201 for IPv6): two hosts on 1500-byte LANs exchange MSS 1460 (1440),
 * but the link between their routers carries only 1000 bytes (1300 for IPv6); the first router answers full-sized segments with
 * "fragmentation needed" / Packet Too Big, the sender's MSS follows, and every byte still arrives.
 */
class TcpPathMtuTest {
    static final long MS = 1_000_000L;

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return Personality.all().stream().flatMap(p -> java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(p.name(), 4),
                org.junit.jupiter.params.provider.Arguments.of(p.name(), 6)));
    }

    @ParameterizedTest(name = "{0} over IPv{1}")
    @MethodSource("cases")
    void aSmallerLinkOnThePath_shrinksTheMss_andTheDataStillArrives(String os, int version) {
        Simulation sim = new Simulation(5);
        SimLink lan1 = sim.addEthernet("lan1", LinkProperties.IDEAL.withDelayNs(MS));
        // IPv6 links carry at least 1280 bytes (RFC 8200 §5), so the narrow link is 1300 bytes there, 1000 for IPv4.
        int narrow = version == 4 ? 1000 : 1300;
        SimLink mid = sim.addEthernet("mid", LinkProperties.IDEAL.withDelayNs(MS).withMtu(narrow));
        SimLink lan2 = sim.addEthernet("lan2", LinkProperties.IDEAL.withDelayNs(MS));
        SimHost a = sim.addHost("a", Personality.named(os));
        SimHost r1 = sim.addHost("r1", Personality.named("linux"));
        SimHost r2 = sim.addHost("r2", Personality.named("linux"));
        SimHost b = sim.addHost("b", Personality.named("linux"));
        sim.attach(a, lan1, "eth0", "10.1.0.2/24", "2001:db8:a::2/64");
        sim.attach(r1, lan1, "eth0", "10.1.0.1/24", "2001:db8:a::1/64");
        sim.attach(r1, mid, "eth1", "10.9.0.1/24", "2001:db8:9::1/64");
        sim.attach(r2, mid, "eth0", "10.9.0.2/24", "2001:db8:9::2/64");
        sim.attach(r2, lan2, "eth1", "10.2.0.1/24", "2001:db8:b::1/64");
        sim.attach(b, lan2, "eth0", "10.2.0.2/24", "2001:db8:b::2/64");
        r1.stack().setForwarding(true);
        r2.stack().setForwarding(true);
        a.stack().addRoute(Route.via(Prefix.of("0.0.0.0/0"), Ipv4Address.of("10.1.0.1"), 1));
        a.stack().addRoute(Route.via(Prefix.of("::/0"), Ipv6Address.of("2001:db8:a::1"), 1));
        r1.stack().addRoute(Route.via(Prefix.of("10.2.0.0/24"), Ipv4Address.of("10.9.0.2"), 2));
        r1.stack().addRoute(Route.via(Prefix.of("2001:db8:b::/64"), Ipv6Address.of("2001:db8:9::2"), 2));
        r2.stack().addRoute(Route.via(Prefix.of("10.1.0.0/24"), Ipv4Address.of("10.9.0.1"), 1));
        r2.stack().addRoute(Route.via(Prefix.of("2001:db8:a::/64"), Ipv6Address.of("2001:db8:9::1"), 1));
        b.stack().addRoute(Route.via(Prefix.of("0.0.0.0/0"), Ipv4Address.of("10.2.0.1"), 1));
        b.stack().addRoute(Route.via(Prefix.of("::/0"), Ipv6Address.of("2001:db8:b::1"), 1));
        TcpHandle[] server = new TcpHandle[1];
        b.stack().setListener(new StackListener() {
            @Override
            public void onTcpEvent(TcpHandle h, TcpEvent e, long nowNs) {
                if (e == TcpEvent.CONNECTED) {
                    server[0] = h;
                }
            }
        });
        b.stack().tcpListen(80);
        IpAddress dst = version == 4 ? Ipv4Address.of("10.2.0.2") : Ipv6Address.of("2001:db8:b::2");
        TcpHandle[] client = new TcpHandle[1];
        a.run(s -> client[0] = s.tcpConnect(dst, 80, sim.nowNs()));
        byte[] data = new byte[300_000];
        new RandomSource(9).nextBytes(data);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int written = 0;
        for (int i = 0; i < 20_000 && got.size() < data.length; i++) {
            sim.runFor(MS);
            if (server[0] == null) {
                continue;
            }
            written += a.stack().tcpSend(client[0], data, written, data.length - written, sim.nowNs());
            byte[] in = b.stack().tcpRead(server[0], 1 << 20, sim.nowNs());
            got.write(in, 0, in.length);
        }
        TcpConnection c = a.stack().tcpConnection(client[0]);
        assertThat(got.size()).as("bytes received; client " + (c == null ? "gone" : c.describe()) + "; r1 "
                + r1.stack().stats() + "; r2 " + r2.stack().stats()).isEqualTo(data.length);
        assertThat(java.util.Arrays.equals(got.toByteArray(), data)).as("the bytes are intact").isTrue();
        assertThat(c.peerMss()).as("the MSS follows the narrow link").isEqualTo(narrow - (version == 4 ? 40 : 60));
        assertThat(c.stats().get(TcpStats.Counter.PMTU_REDUCTIONS)).isEqualTo(1);
        assertThat(r1.stack().stats().get(io.jnetstack.stack.StackStats.Counter.TOO_BIG)).isPositive();
    }
}
