package io.jnetstack.pktrun;

import io.jnetstack.personality.Os;
import io.jnetstack.socket.Syscalls;
import io.jnetstack.wire.IpAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Where a script runs, as packetdrill's tun set-up has it: the host under test owns the local address (192.168.0.1,
 * fd3d:fa7b:d17d::1) on a point-to-point interface, everything else is routed out of it, and the script's remote
 * peer (192.0.2.1, 2001:db8::1) sits at the other end and sees every packet the host sends. Two kinds: a simulated
 * host in virtual time ({@link SimNetwork}) and the machine's own kernel behind a TUN device in real time
 * ({@link HostNetwork}).
 */
abstract class ScriptNetwork implements AutoCloseable {
    /** packetdrill config.c defaults (NPLab): local 192.168.0.1, remote 192.0.2.1 (TEST-NET-1). */
    static final io.jnetstack.wire.Ipv4Address LOCAL4 = io.jnetstack.wire.Ipv4Address.of(192, 168, 0, 1);
    static final io.jnetstack.wire.Ipv4Address REMOTE4 = io.jnetstack.wire.Ipv4Address.of(192, 0, 2, 1);
    static final io.jnetstack.wire.Ipv6Address LOCAL6 = io.jnetstack.wire.Ipv6Address.of("fd3d:fa7b:d17d::1");
    static final io.jnetstack.wire.Ipv6Address REMOTE6 = io.jnetstack.wire.Ipv6Address.of("2001:db8::1");

    /** A packet the host sent, with the time it left. */
    record Sent(long atNs, byte[] packet) {}

    final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    final boolean ipv6;

    ScriptNetwork(boolean ipv6) {
        this.ipv6 = ipv6;
    }

    IpAddress local() {
        return ipv6 ? LOCAL6 : LOCAL4;
    }

    IpAddress remote() {
        return ipv6 ? REMOTE6 : REMOTE4;
    }

    /** The time now, ns since the script started. */
    abstract long nowNs();

    /** When something may next happen on its own (virtual: the next event; real: a polling step). */
    abstract long nextEventNs();

    /** Lets time pass to {@code timeNs}: runs the simulation, or waits in real time. */
    abstract void advanceTo(long timeNs);

    /** Puts a packet on the wire towards the host, now. */
    abstract void inject(byte[] packet);

    /** Starts {@code body} on a thread of the script's process, with that thread's system calls. */
    abstract void start(String name, Consumer<Syscalls> body);

    /** The OS of the host (for #ifdef symbols and host tools). */
    abstract Os os();

    /** {@code sysctl -w name=value} on the host: null when done, else why it is not (errno name or message). */
    abstract String sysctl(String name, long value);

    /** The FreeBSD tools the suite runs (sockstat, tcpdrop); a SKIP where the host target has none. */
    abstract HostCommands commands();

    /** tcp_info snippets; a SKIP where the host target has none. */
    abstract CodeSnippets snippets();

    @Override
    public void close() {}
}
