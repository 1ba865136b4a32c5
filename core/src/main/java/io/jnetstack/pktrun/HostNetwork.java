package io.jnetstack.pktrun;

import io.jnetstack.host.NetNamespace;
import io.jnetstack.host.TunDevice;
import io.jnetstack.personality.Os;
import io.jnetstack.socket.Syscalls;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A script's network on the machine's own Linux kernel, the way packetdrill runs: a network namespace of its own, a
 * TUN device {@code tun0} holding the local address with the remote peer's prefix routed out of it, the script's
 * packets written to and read from the TUN device, its system calls made through FFM on threads inside the
 * namespace, in real time (ns since the script started).
 */
final class HostNetwork extends ScriptNetwork {
    private static final long POLL_STEP_NS = 1_000_000;
    private final NetNamespace ns;
    private final TunDevice tun;
    private final java.util.concurrent.ExecutorService calls;
    private long startNs = System.nanoTime();
    private final Thread reader;
    private volatile boolean closed;

    HostNetwork(boolean ipv6, int mtu) throws IOException {
        super(ipv6);
        ns = NetNamespace.create();
        try {
            tun = TunDevice.create(ns, "tun0", ipv6 ? LOCAL6 + "/48" : LOCAL4 + "/16", mtu, ipv6);
            ns.ip("route", "add", ipv6 ? "2001:db8::/32" : "192.0.2.0/24", "dev", "tun0");
            // A new namespace copies tcp_rmem from the machine's (tcp_sk_init), which sizes the SYN's window scale
            // (tcp_select_initial_window); the Linux personality models the stock kernel, so the namespace gets the
            // stock value (tcp_init: 4096 131072 6291456 on a machine of a few GB) and its scripts their wscale 7.
            ns.exec("sysctl", "-q", "-w", "net.ipv4.tcp_rmem=4096 131072 6291456");
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
        calls = java.util.concurrent.Executors.newCachedThreadPool(ns.threads("syscalls"));
        try { // a thread inside the namespace and the native bindings ready before the script's time zero
            calls.submit(io.jnetstack.host.HostSyscalls::warmUp).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("cannot call into the namespace: " + e.getCause(), e);
        }
        reader = Thread.ofPlatform().name("tun0-reader").daemon().start(this::read);
        startNs = System.nanoTime();
    }

    /** Copies what the kernel sends into {@link #sent}, leaving out IPv6 neighbour discovery and MLD. */
    private void read() {
        byte[] buf = new byte[65_536];
        while (!closed) {
            int n = tun.read(buf, 20);
            if (n < 0) {
                return;
            }
            if (n > 0 && !neighbourDiscovery(buf, n)) {
                sent.add(new Sent(nowNs(), java.util.Arrays.copyOf(buf, n)));
            }
        }
    }

    private static boolean neighbourDiscovery(byte[] b, int n) {
        return n > 40 && (b[0] & 0xF0) == 0x60 && (b[6] & 0xFF) == 58 && (b[40] & 0xFF) >= 130
                && (b[40] & 0xFF) <= 143;
    }

    @Override
    long nowNs() {
        return System.nanoTime() - startNs;
    }

    @Override
    long nextEventNs() {
        return nowNs() + POLL_STEP_NS;
    }

    @Override
    void advanceTo(long timeNs) {
        for (long wait = timeNs - nowNs(); wait > 0; wait = timeNs - nowNs()) {
            LockSupport.parkNanos(wait);
        }
    }

    @Override
    void inject(byte[] packet) {
        tun.write(packet, 0, packet.length);
    }

    @Override
    void start(String name, Consumer<Syscalls> body) {
        calls.execute(() -> body.accept(new io.jnetstack.host.HostSyscalls()));
    }

    @Override
    Os os() {
        return Os.LINUX;
    }

    @Override
    String sysctl(String name, long value) {
        try {
            ns.exec("sysctl", "-q", "-w", name + "=" + value);
            return null;
        } catch (IllegalStateException e) {
            return "the host kernel refused it in the namespace: " + e.getMessage();
        }
    }

    @Override
    HostCommands commands() {
        throw ScriptStop.skip("host tools other than sysctl are not run on the host target");
    }

    @Override
    CodeSnippets snippets() {
        throw ScriptStop.skip("tcp_info snippets are not read from the host kernel");
    }

    @Override
    public void close() {
        closed = true;
        calls.shutdownNow();
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tun.close();
        ns.close();
    }
}
