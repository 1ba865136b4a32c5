package io.jnetstack.pktrun;

import io.jnetstack.link.FrameObserver;
import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.personality.Os;
import io.jnetstack.personality.Personality;
import io.jnetstack.sim.LinkProperties;
import io.jnetstack.sim.SimHost;
import io.jnetstack.sim.SimLink;
import io.jnetstack.sim.SimProcess;
import io.jnetstack.sim.SimThreadException;
import io.jnetstack.sim.Simulation;
import io.jnetstack.socket.Syscalls;
import io.jnetstack.stack.NetInterface;
import io.jnetstack.stack.Prefix;
import io.jnetstack.stack.Route;
import java.util.function.Consumer;

/**
 * A script's network in virtual time: a simulated host running the personality on a point-to-point link
 * {@code tun0} (MTU from {@code --mtu}), default routes out of it, and a probe on the far end as the remote peer.
 */
final class SimNetwork extends ScriptNetwork {
    final Simulation sim;
    final SimHost host;
    final SimProcess process;
    private final LinkEndpoint peer;

    SimNetwork(Personality personality, boolean ipv6, int mtu, long seed, FrameObserver tap) {
        super(ipv6);
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

    @Override
    long nowNs() {
        return sim.nowNs();
    }

    @Override
    long nextEventNs() {
        return sim.nextEventNs();
    }

    @Override
    void advanceTo(long timeNs) {
        try {
            sim.runUntil(Math.max(timeNs, sim.nowNs()));
        } catch (SimThreadException ex) {
            throw ScriptStop.fail("internal error at " + ScriptRun.seconds(ex.timeNs()) + ": " + ex.getCause());
        }
    }

    @Override
    void inject(byte[] packet) {
        peer.transmit(packet, 0, packet.length, sim.nowNs());
    }

    @Override
    void start(String name, Consumer<Syscalls> body) {
        process.start(name, t -> body.accept(t.syscalls()));
    }

    @Override
    Os os() {
        return host.stack().personality().os();
    }

    @Override
    String sysctl(String name, long value) {
        int[] rc = new int[2];
        process.start("sysctl " + name, t -> {
            rc[0] = t.syscalls().sysctl(name, null, new long[] {value});
            rc[1] = t.syscalls().errno();
        });
        advanceTo(sim.nowNs());
        return rc[0] < 0 ? host.stack().personality().abi().errnos().errnoOf(rc[1]).map(Enum::name)
                .orElse("errno " + rc[1]) : null;
    }

    @Override
    HostCommands commands() {
        return new HostCommands(this, os());
    }

    @Override
    CodeSnippets snippets() {
        return new CodeSnippets(this);
    }
}
