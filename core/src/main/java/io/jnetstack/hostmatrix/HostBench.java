package io.jnetstack.hostmatrix;

import io.jnetstack.host.NetNamespace;
import io.jnetstack.matrix.KernelBackend;
import io.jnetstack.matrix.NotOnHost;
import io.jnetstack.socket.Syscalls;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * One row's network on the kernel: a client and a server namespace joined by a veth pair ({@code eth0} on each side,
 * 10.0.0.1/24 + 2001:db8::1/64 and 10.0.0.2/24 + 2001:db8::2/64, IPv6 without duplicate address detection), 1 ms of
 * netem delay each way where the kernel has sch_netem. Faults are the server namespace's netfilter rules (iptables
 * DROP and REJECT) and, for the ICMP errors REJECT cannot send, a {@link SynIcmpResponder} in the server.
 * {@link #close} releases the row's descriptors and the namespaces.
 */
final class HostBench implements KernelBackend, AutoCloseable {
    /** How long a new server thread gets to reach its listen or accept before the scenario goes on. */
    private static final long SERVER_START_MS = 100;

    private final NetNamespace client;
    private final NetNamespace server;
    private final TrackedCalls calls = new TrackedCalls();
    private final ThreadLocal<Syscalls> perThread = ThreadLocal.withInitial(calls::calls);
    private final long startNs = System.nanoTime();
    /** SIGALRM's disposition belongs to the whole process: one row at a time may set it (C13 and C14 differ). */
    private static final java.util.concurrent.Semaphore ALARM = new java.util.concurrent.Semaphore(1);
    private boolean holdsAlarm;
    private boolean closed;
    private final java.util.List<Thread> timers = new java.util.ArrayList<>();
    private final java.util.List<SynIcmpResponder> responders = new java.util.ArrayList<>();

    private HostBench(NetNamespace client, NetNamespace server) {
        this.client = client;
        this.server = server;
    }

    /** Two new namespaces wired as the simulated bench is; throws (and frees what it made) when one cannot be made. */
    static HostBench create(boolean netem) throws IOException {
        NetNamespace c = NetNamespace.create();
        NetNamespace s;
        try {
            s = NetNamespace.create();
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        HostBench b = new HostBench(c, s);
        try {
            b.wire(netem);
            return b;
        } catch (RuntimeException e) {
            b.close();
            throw new IOException("wiring the namespaces: " + e.getMessage(), e);
        }
    }

    private void wire(boolean netem) {
        // ip moves the peer into a namespace named by a process in it: a short-lived sleep in the server
        Process anchor = server.start("sleep", "60");
        try {
            client.ip("link", "add", "eth0", "type", "veth", "peer", "name", "eth0", "netns",
                    Long.toString(anchor.pid()));
        } finally {
            anchor.destroy();
        }
        address(client, "10.0.0.1/24", "2001:db8::1/64", netem);
        address(server, "10.0.0.2/24", "2001:db8::2/64", netem);
    }

    private static void address(NetNamespace ns, String v4, String v6, boolean netem) {
        ns.ip("addr", "add", v4, "dev", "eth0");
        ns.ip("addr", "add", v6, "dev", "eth0", "nodad");
        ns.ip("link", "set", "eth0", "up");
        if (netem) {
            ns.exec("tc", "qdisc", "add", "dev", "eth0", "root", "netem", "delay", "1ms");
        }
    }

    /**
     * Starts the scenario's main thread inside the client; it runs {@code body} in a mount namespace of its own with
     * an empty /tmp ({@link io.jnetstack.host.PrivateTmp}), which the threads it starts share — so the row's files
     * and socket paths are its own. Without one, the row's file-system calls stay {@code n/a on host}.
     */
    Thread startClient(String name, Runnable body) {
        Thread t = client.threads(name).newThread(() -> {
            try {
                io.jnetstack.host.PrivateTmp.enter();
                calls.isolateFiles();
            } catch (IOException e) {
                // the file-system calls keep answering NotOnHost
            }
            body.run();
        });
        t.start();
        return t;
    }

    @Override
    public Syscalls sys() {
        return perThread.get();
    }

    @Override
    public void pause(double seconds) {
        try {
            Thread.sleep(Math.max(1, (long) (seconds * 1000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in pause", e);
        }
    }

    @Override
    public void serverThread(Consumer<Syscalls> body) {
        server.threads("host-row-server").newThread(() -> body.accept(perThread.get())).start();
        pause(SERVER_START_MS / 1000.0);
    }

    @Override
    public void clientThread(Consumer<Syscalls> body) {
        client.threads("host-row-other").newThread(() -> body.accept(perThread.get())).start();
    }

    @Override
    public void serverDrop() {
        server.exec("iptables", "-A", "INPUT", "-d", "10.0.0.2", "-j", "DROP");
    }

    @Override
    public void serverDropFirstSyn() {
        // xt_statistic's nth counter starts at every − 1 − packet (libxt_statistic) and matches when it reaches
        // every − 1: with --packet 0 the first SYN, then the millionth
        server.exec("iptables", "-A", "INPUT", "-p", "tcp", "--syn", "-d", "10.0.0.2", "-m", "statistic", "--mode",
                "nth", "--every", "1000000", "--packet", "0", "-j", "DROP");
    }

    @Override
    public void serverIcmpThenDrop(int type, int code) {
        String with = rejectWith(type, code);
        if (with == null) {
            throw new NotOnHost("ICMP type " + type + " code " + code + " to any packet (iptables REJECT cannot "
                    + "send it)");
        }
        server.exec("iptables", "-A", "INPUT", "-d", "10.0.0.2", "-m", "statistic", "--mode", "nth", "--every",
                "1000000", "--packet", "0", "-j", "REJECT", "--reject-with", with);
        serverDrop();
    }

    @Override
    public void serverIcmp(int type, int code) {
        if (type == ICMP_TIME_EXCEEDED && code == 0) {
            timeExceeded();
            return;
        }
        String with = rejectWith(type, code);
        if (with == null) {
            serverIcmpForSyns(type, code, false, 0);
            return;
        }
        server.exec("iptables", "-A", "INPUT", "-p", "tcp", "-d", "10.0.0.2", "-j", "REJECT", "--reject-with", with);
    }

    @Override
    public void serverIcmpForSyns(int type, int code, boolean firstOnly, int seqShift) {
        if (firstOnly) {
            serverDropFirstSyn();
        } else {
            server.exec("iptables", "-A", "INPUT", "-p", "tcp", "--syn", "-d", "10.0.0.2", "-j", "DROP");
        }
        try {
            SynIcmpResponder r = new SynIcmpResponder(server, io.jnetstack.wire.Ipv4Address.of("10.0.0.2"), type,
                    code, firstOnly ? 1 : -1, seqShift);
            synchronized (this) {
                responders.add(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** ICMP time exceeded (RFC 792 type 11). */
    private static final int ICMP_TIME_EXCEEDED = 11;

    /**
     * A real "time exceeded in transit" from the server, which REJECT cannot send: TCP to 10.0.0.2 is given TTL 1
     * (mangle TTL) and redirected to 10.9.9.9 (DNAT), an address the server would forward, so ip_forward finds the
     * TTL spent and icmp_send answers from 10.0.0.2; conntrack translates the quoted header back to 10.0.0.2.
     */
    private void timeExceeded() {
        server.exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        server.ip("route", "add", "10.9.9.0/24", "via", "10.0.0.1", "dev", "eth0");
        server.exec("iptables", "-t", "mangle", "-A", "PREROUTING", "-p", "tcp", "-d", "10.0.0.2", "-j", "TTL",
                "--ttl-set", "1");
        server.exec("iptables", "-t", "nat", "-A", "PREROUTING", "-p", "tcp", "-d", "10.0.0.2", "-j", "DNAT",
                "--to-destination", "10.9.9.9");
    }

    /** iptables REJECT's name for ICMP {@code type}/{@code code}; null for those it cannot send. */
    private static String rejectWith(int type, int code) {
        String with = type != 3 ? null : switch (code) {
            case 0 -> "icmp-net-unreachable";
            case 1 -> "icmp-host-unreachable";
            case 3 -> "icmp-port-unreachable";
            case 9 -> "icmp-net-prohibited";
            case 10 -> "icmp-host-prohibited";
            case 13 -> "icmp-admin-prohibited";
            default -> null;
        };
        return with;
    }

    @Override
    public void defaultRoute() {
        client.ip("route", "add", "default", "via", "10.0.0.254");
    }

    @Override
    public double now() {
        return Math.round((System.nanoTime() - startNs) / 1_000_000.0) / 1000.0;
    }

    /** Shuts down and closes the row's descriptors (waking its blocked threads), then both namespaces. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true; // no signal after this: the row's threads are done
            timers.forEach(Thread::interrupt);
            responders.forEach(SynIcmpResponder::close);
        }
        if (holdsAlarm) {
            ALARM.release();
        }
        calls.release();
        client.close();
        server.close();
    }

    @Override
    public void alarm(double seconds, boolean restart) {
        if (!holdsAlarm) {
            ALARM.acquireUninterruptibly(); // held until close()
            holdsAlarm = true;
        }
        io.jnetstack.host.HostSignals.catchSignal(SIGALRM, restart);
        int tid = io.jnetstack.host.HostSignals.threadId();
        long ms = Math.max(1, (long) (seconds * 1000));
        synchronized (this) {
            timers.add(Thread.ofPlatform().daemon().name("host-row-alarm").start(() -> {
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (this) {
                    if (!closed) {
                        io.jnetstack.host.HostSignals.signalThread(tid, SIGALRM);
                    }
                }
            }));
        }
    }

    /** SIGALRM on Linux (asm-generic/signal.h). */
    private static final int SIGALRM = 14;
}
