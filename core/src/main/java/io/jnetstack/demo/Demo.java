package io.jnetstack.demo;

import io.jnetstack.link.PcapTap;
import io.jnetstack.link.Rules;
import io.jnetstack.link.Tracer;
import io.jnetstack.personality.Personality;
import io.jnetstack.sim.LinkProperties;
import io.jnetstack.sim.SimHost;
import io.jnetstack.sim.SimLink;
import io.jnetstack.sim.Simulation;
import io.jnetstack.stack.Prefix;
import io.jnetstack.stack.Route;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A small internet: LAN A (10.0.1.0/24, 2001:db8:1::/64) with alice (Linux) and LAN B (10.0.2.0/24,
 * 2001:db8:2::/64) with bob (FreeBSD) and carol (OpenBSD), joined by router r1 (Linux), which also reaches dave
 * (macOS) over a point-to-point WAN link with 25 ms delay, 2 ms jitter, 10 Mbit/s and 25% loss. It ends with TCP
 * connection attempts: established, refused, and timed out against a firewall that drops SYNs. It runs pings across the router (IPv4 and IPv6), pings to a host that does not exist, to a network
 * with no route, and a traceroute-style probe whose TTL expires, and writes one pcap per link.
 */
public final class Demo {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private final Simulation sim;
    private final Consumer<String> out;
    private final List<PcapTap> taps = new ArrayList<>();
    private final List<OutputStream> files = new ArrayList<>();
    private final PingReporter reporter;

    private Demo(long seed, Consumer<String> out) {
        this.sim = new Simulation(seed);
        this.out = out;
        this.reporter = new PingReporter(sim, out);
    }

    /** The result of a run: the simulation (for its counters) and the pcap files written. */
    public record Result(Simulation simulation, List<Path> pcaps, PingReporter.Summary summary) {}

    /** Builds the network, runs every scenario, writes {@code <link>.pcap} files into {@code pcapDir}. */
    public static Result run(long seed, Path pcapDir, Consumer<String> out) throws IOException {
        Demo d = new Demo(seed, out);
        List<Path> pcaps = d.build(pcapDir);
        try {
            d.scenarios();
        } finally {
            d.closeTaps();
        }
        return new Result(d.sim, pcaps, d.reporter.summary());
    }

    private List<Path> build(Path pcapDir) throws IOException {
        SimLink lanA = sim.addEthernet("lan-a", LinkProperties.IDEAL.withDelayNs(50_000));
        SimLink lanB = sim.addEthernet("lan-b", LinkProperties.IDEAL.withDelayNs(100_000)
                .withRate(100_000_000L, 64 * 1024));
        SimLink wan = sim.addPointToPoint("wan", LinkProperties.IDEAL.withDelayNs(25 * MS).withJitterNs(2 * MS)
                .withLoss(0.25).withRate(10_000_000L, 32 * 1024));
        SimHost alice = sim.addHost("alice", Personality.named("linux"));
        SimHost router = sim.addHost("r1", Personality.named("linux"));
        SimHost bob = sim.addHost("bob", Personality.named("freebsd"));
        SimHost carol = sim.addHost("carol", Personality.named("openbsd"));
        SimHost dave = sim.addHost("dave", Personality.named("macos"));
        sim.attach(alice, lanA, "eth0", "10.0.1.10/24", "2001:db8:1::10/64");
        sim.attach(router, lanA, "eth0", "10.0.1.1/24", "2001:db8:1::1/64");
        sim.attach(router, lanB, "eth1", "10.0.2.1/24", "2001:db8:2::1/64");
        sim.attach(router, wan, "ppp0", "10.0.3.1/30");
        sim.attach(bob, lanB, "em0", "10.0.2.20/24", "2001:db8:2::20/64");
        sim.attach(carol, lanB, "em0", "10.0.2.30/24", "2001:db8:2::30/64");
        sim.attach(dave, wan, "ppp0", "10.0.3.2/30");
        dave.stack().addRoute(Route.via(Prefix.of("0.0.0.0/0"), Ipv4Address.of("10.0.3.1"), 1));
        router.stack().setForwarding(true);
        defaultRoute(alice, "10.0.1.1", "2001:db8:1::1");
        defaultRoute(bob, "10.0.2.1", "2001:db8:2::1");
        defaultRoute(carol, "10.0.2.1", "2001:db8:2::1");
        for (SimHost h : sim.hosts()) {
            h.stack().setListener(reporter.listenerFor(h.name()));
        }
        List<Path> pcaps = new ArrayList<>();
        for (SimLink l : sim.links()) {
            Path p = pcapDir.resolve(l.name() + ".pcap");
            OutputStream os = new BufferedOutputStream(Files.newOutputStream(p));
            files.add(os);
            PcapTap tap = new PcapTap(os, l.medium());
            taps.add(tap);
            l.addTap(tap);
            l.addTap(new Tracer(l.medium(), l.name(), out));
            pcaps.add(p);
        }
        return pcaps;
    }

    private static void defaultRoute(SimHost h, String gw4, String gw6) {
        h.stack().addRoute(Route.via(Prefix.of("0.0.0.0/0"), Ipv4Address.of(gw4), 1));
        h.stack().addRoute(Route.via(Prefix.of("::/0"), Ipv6Address.of(gw6), 1));
    }

    private void scenarios() {
        SimHost alice = sim.host("alice");
        section("1. alice (linux) pings bob (freebsd) across r1 (linux)");
        pings(alice, Ipv4Address.of("10.0.2.20"), 3);
        section("1b. alice pings dave (macos) over the lossy WAN link");
        pings(alice, Ipv4Address.of("10.0.3.2"), 8);
        section("2. alice pings carol (openbsd) over IPv6: neighbour discovery, then echo");
        pings(alice, Ipv6Address.of("2001:db8:2::30"), 3);
        section("3. alice pings 10.0.2.99, a host that does not exist: r1's ARP gives up");
        pings(alice, Ipv4Address.of("10.0.2.99"), 2);
        sim.runFor(8 * S);
        section("4. alice pings 10.0.1.99 on her own LAN: her own ARP gives up");
        pings(alice, Ipv4Address.of("10.0.1.99"), 1);
        sim.runFor(4 * S);
        section("5. alice pings 192.0.2.1: r1 has no route to that network");
        pings(alice, Ipv4Address.of("192.0.2.1"), 1);
        section("6. a traceroute-style UDP probe to bob: TTL 1 expires at r1, TTL 2 reaches bob's closed port");
        for (int ttl = 1; ttl <= 2; ttl++) {
            int t = ttl;
            alice.run(s -> s.sendUdp(Ipv4Address.of("10.0.2.20"), 40000 + t, 33434 + t, new byte[12], t,
                    sim.nowNs()));
            sim.runFor(S);
        }
        sim.runFor(2 * S);
        tcp(alice);
        reporter.finish();
    }

    private void tcp(SimHost alice) {
        section("7. TCP: alice (linux) connects to bob:80 (listening), to bob:81 (closed: RST), and to dave:22 behind"
                + " a firewall that drops every SYN: Linux gives up after 135.3 s of virtual time");
        sim.host("bob").stack().tcpListen(80);
        sim.link("wan").faults().add(Rules.drop(f -> f.isIp() && f.protocol() == IpProtocol.TCP
                && Ipv4Address.of("10.0.3.2").equals(f.destination()), "firewall"));
        for (String dst : new String[] {"10.0.2.20:80", "10.0.2.20:81", "10.0.3.2:22"}) {
            String[] hp = dst.split(":");
            alice.run(s -> s.tcpConnect(Ipv4Address.of(hp[0]), Integer.parseInt(hp[1]), sim.nowNs()));
            sim.runFor(S);
        }
        sim.runFor(140 * S);
    }

    private void pings(SimHost from, IpAddress dst, int count) {
        for (int seq = 1; seq <= count; seq++) {
            reporter.sent(from.name(), dst, seq, sim.nowNs());
            int s = seq;
            from.run(st -> st.ping(dst, 0x4a4e, s, 56, 0, sim.nowNs()));
            sim.runFor(S);
        }
    }

    private void section(String title) {
        out.accept("");
        out.accept("== " + title);
    }

    private void closeTaps() throws IOException {
        IOException first = null;
        for (PcapTap t : taps) {
            try {
                t.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
