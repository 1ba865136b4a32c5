package io.jnetstack.pktrun;

import io.jnetstack.link.FrameObserver;
import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.personality.Personality;
import io.jnetstack.sim.LinkProperties;
import io.jnetstack.sim.SimHost;
import io.jnetstack.sim.SimLink;
import io.jnetstack.sim.SimProcess;
import io.jnetstack.sim.Simulation;
import io.jnetstack.stack.NetInterface;
import io.jnetstack.stack.Prefix;
import io.jnetstack.stack.Route;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.util.ArrayDeque;

/**
 * The network a script runs on, as packetdrill's tun set-up has it: the host under test owns the local address on a
 * point-to-point interface {@code tun0} (MTU from {@code --mtu}, default 1500), every other address is routed out
 * of it, and the script's remote peer is a probe on the other end that sees every packet the host sends.
 */
final class ScriptNetwork {
    /** packetdrill config.c defaults for IPv4: local 192.168.0.1, remote 192.0.2.1 (TEST-NET-1). */
    static final Ipv4Address LOCAL4 = Ipv4Address.of(192, 168, 0, 1);
    static final Ipv4Address REMOTE4 = Ipv4Address.of(192, 0, 2, 1);
    /** packetdrill config.c defaults for IPv6. */
    static final Ipv6Address LOCAL6 = Ipv6Address.of("fd3d:fa7b:d17d::1");
    static final Ipv6Address REMOTE6 = Ipv6Address.of("2001:db8::1");

    /** A packet the host sent, with the virtual time it left. */
    record Sent(long atNs, byte[] packet) {}

    final Simulation sim;
    final SimHost host;
    final SimProcess process;
    final LinkEndpoint peer;
    final ArrayDeque<Sent> sent = new ArrayDeque<>();
    final boolean ipv6;

    ScriptNetwork(Personality personality, boolean ipv6, int mtu, long seed, FrameObserver tap) {
        this.ipv6 = ipv6;
        sim = new Simulation(seed);
        SimLink tun = sim.addPointToPoint("tun0", LinkProperties.IDEAL.withMtu(mtu));
        if (tap != null) {
            tun.addTap(tap);
        }
        host = sim.addHost("local", personality);
        NetInterface ifc = sim.attach(host, tun, "tun0", LOCAL4 + "/16", LOCAL6 + "/64");
        host.stack().addRoute(Route.onLink(Prefix.of("0.0.0.0/0"), ifc.index()));
        host.stack().addRoute(Route.onLink(Prefix.of("::/0"), ifc.index()));
        peer = sim.attachProbe(tun, (frame, off, len, nowNs) ->
                sent.add(new Sent(nowNs, java.util.Arrays.copyOfRange(frame, off, off + len))));
        process = host.spawn("packetdrill");
    }

    IpAddress local() {
        return ipv6 ? LOCAL6 : LOCAL4;
    }

    IpAddress remote() {
        return ipv6 ? REMOTE6 : REMOTE4;
    }

    /** Puts a packet on the wire towards the host, now. */
    void inject(byte[] packet) {
        peer.transmit(packet, 0, packet.length, sim.nowNs());
    }

    /** The time of the next scheduled simulation event, or {@code Long.MAX_VALUE} when nothing is scheduled. */
    long nextEventNs() {
        return sim.nextEventNs();
    }
}
