package io.jnetstack.bench;

import io.jnetstack.host.NetNamespace;
import io.jnetstack.host.RealTimeHost;
import io.jnetstack.host.TunDevice;
import io.jnetstack.personality.Personality;
import io.jnetstack.socket.Syscalls;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.wire.Ipv4Address;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Stand-alone benchmark (issue #6): TCP throughput between the host kernel and a jnetstack stack over TUN, each
 * way, and the kernel's own throughput between two namespaces over a veth pair, in one run, as ratios. Everything
 * runs in network namespaces this program creates. Needs root and /dev/net/tun (else it says which is missing and
 * exits 2). Usage: {@code bash bench/tun.sh [MiB per direction, default 1024]}.
 */
public final class TunThroughput {
    private static final int MTU = 65_535;

    private TunThroughput() {}

    public static void main(String[] args) throws Exception {
        if (TunDevice.unavailable().isPresent()) {
            System.err.println("tun benchmark: " + TunDevice.unavailable().get());
            System.exit(2);
        }
        long bytes = (args.length > 0 ? Long.parseLong(args[0]) : 1024) << 20;
        double toJns;
        double fromJns;
        try (NetNamespace ns = NetNamespace.create(); TunDevice tun = TunDevice.create(ns, "jns0", "10.9.0.1/24", MTU);
                RealTimeHost jns = new RealTimeHost(Personality.named("linux"), tun, MTU, Ipv4Address.of(10, 9, 0, 2),
                        24, 1)) {
            toJns = kernelToJnetstack(ns, jns, bytes);
            fromJns = jnetstackToKernel(ns, jns, bytes);
        }
        double veth = vethKernelToKernel(bytes);
        System.out.printf(Locale.ROOT, "%d MiB per direction, MTU %d, Linux personality%n", bytes >> 20, MTU);
        System.out.printf(Locale.ROOT, "kernel -> jnetstack over TUN   %7.2f Gbit/s   %.3f x veth%n", toJns, toJns / veth);
        System.out.printf(Locale.ROOT, "jnetstack -> kernel over TUN   %7.2f Gbit/s   %.3f x veth%n", fromJns,
                fromJns / veth);
        System.out.printf(Locale.ROOT, "kernel -> kernel over veth     %7.2f Gbit/s%n", veth);
    }

    private static double gbps(long bytes, long ns) {
        return bytes * 8.0 / ns;
    }

    static byte[] addr(int a, int b, int c, int d, int port) {
        return new byte[] {2, 0, (byte) (port >> 8), (byte) port, (byte) a, (byte) b, (byte) c, (byte) d,
            0, 0, 0, 0, 0, 0, 0, 0};
    }

    private static double kernelToJnetstack(NetNamespace ns, RealTimeHost jns, long bytes) throws Exception {
        jns.call(st -> {
            st.tcpListen(5001);
            return null;
        });
        CompletableFuture<Long> done = new CompletableFuture<>();
        long[] got = {0};
        TcpHandle[] h = {null};
        jns.addPoller(st -> {
            if (h[0] == null) {
                h[0] = st.tcpAccept(5001);
                return true;
            }
            TcpConnection c = st.tcpConnection(h[0]);
            if (c != null && c.available() > 0) {
                got[0] += st.tcpRead(h[0], 1 << 20, jns.nowNs()).length;
            }
            if (c == null || c.available() == 0 && c.peerClosed()) {
                st.tcpClose(h[0], jns.nowNs());
                done.complete(jns.nowNs());
                return false;
            }
            return true;
        });
        long start = jns.nowNs();
        ns.call(s -> send(s, addr(10, 9, 0, 2, 5001), bytes));
        long end = done.get();
        if (got[0] != bytes) {
            throw new IllegalStateException("received " + got[0] + " of " + bytes);
        }
        return gbps(bytes, end - start);
    }

    private static double jnetstackToKernel(NetNamespace ns, RealTimeHost jns, long bytes) throws Exception {
        CompletableFuture<Long> kernel = CompletableFuture.supplyAsync(() -> ns.call(s -> {
            int l = s.socket(2, 1, 0);
            s.bind(l, addr(10, 9, 0, 1, 5002), 16);
            s.listen(l, 1);
            int fd = s.accept(l, null, null);
            return drain(s, fd, l);
        }));
        TcpHandle h = null;
        while (h == null) { // the kernel's listen() races the first SYN: a RST, then try again
            TcpHandle t = jns.call(st -> st.tcpConnect(Ipv4Address.of(10, 9, 0, 1), 5002, jns.nowNs()));
            Boolean ok = null;
            while (ok == null) {
                ok = jns.call(st -> {
                    TcpConnection c = st.tcpConnection(t);
                    if (c == null) {
                        return false;
                    }
                    return c.state() instanceof io.jnetstack.stack.tcp.TcpState.Established ? true : null;
                });
            }
            h = ok ? t : null;
        }
        TcpHandle conn = h;
        byte[] block = new byte[1 << 20];
        long[] sent = {0};
        long start = jns.nowNs();
        jns.addPoller(st -> {
            while (sent[0] < bytes) {
                int n = st.tcpSend(conn, block, 0, (int) Math.min(block.length, bytes - sent[0]), jns.nowNs());
                if (n <= 0) {
                    return true;
                }
                sent[0] += n;
            }
            st.tcpClose(conn, jns.nowNs());
            return false;
        });
        long got = kernel.get();
        long end = jns.nowNs();
        if (got != bytes) {
            throw new IllegalStateException("kernel received " + got + " of " + bytes);
        }
        return gbps(bytes, end - start);
    }

    private static double vethKernelToKernel(long bytes) throws Exception {
        try (NetNamespace a = NetNamespace.create(); NetNamespace b = NetNamespace.create()) {
            Process holder = b.start("sleep", "600"); // a process inside b, to name b to ip(8)
            try {
                a.ip("link", "add", "veth0", "mtu", Integer.toString(MTU), "type", "veth", "peer", "name", "veth1",
                        "mtu", Integer.toString(MTU));
                a.ip("link", "set", "veth1", "netns", Long.toString(holder.pid()));
                a.ip("addr", "add", "10.8.0.1/24", "dev", "veth0");
                a.ip("link", "set", "veth0", "up");
                b.ip("addr", "add", "10.8.0.2/24", "dev", "veth1");
                b.ip("link", "set", "veth1", "up");
                CompletableFuture<long[]> server = CompletableFuture.supplyAsync(() -> b.call(s -> {
                    int l = s.socket(2, 1, 0);
                    s.bind(l, addr(10, 8, 0, 2, 5003), 16);
                    s.listen(l, 1);
                    int fd = s.accept(l, null, null);
                    long t0 = System.nanoTime();
                    long n = drain(s, fd, l);
                    return new long[] {n, System.nanoTime() - t0};
                }));
                Long sentBytes = null;
                while (sentBytes == null) {
                    sentBytes = a.call(s -> {
                        long r = send(s, addr(10, 8, 0, 2, 5003), bytes);
                        return r < 0 ? null : r;
                    });
                }
                long[] r = server.get();
                return gbps(r[0], r[1]);
            } finally {
                holder.destroy();
            }
        }
    }

    /** Connects to {@code to} and writes {@code bytes}; -1 when the connection was refused (not listening yet). */
    private static long send(Syscalls s, byte[] to, long bytes) {
        int fd = s.socket(2, 1, 0);
        if (s.connect(fd, to, 16) < 0) {
            s.close(fd);
            return -1;
        }
        byte[] block = new byte[1 << 20];
        long sent = 0;
        while (sent < bytes) {
            int n = s.write(fd, block, (int) Math.min(block.length, bytes - sent));
            if (n < 0) {
                throw new IllegalStateException("write errno " + s.errno());
            }
            sent += n;
        }
        s.close(fd);
        return sent;
    }

    private static long drain(Syscalls s, int fd, int listener) {
        byte[] buf = new byte[1 << 20];
        long total = 0;
        for (int n = s.read(fd, buf, buf.length); n > 0; n = s.read(fd, buf, buf.length)) {
            total += n;
        }
        s.close(fd);
        s.close(listener);
        return total;
    }
}
