package io.jnetstack.bench;

import io.jnetstack.host.NetNamespace;
import io.jnetstack.host.RealTimeHost;
import io.jnetstack.host.TunDevice;
import io.jnetstack.personality.Personality;
import io.jnetstack.socket.Syscalls;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.stack.tcp.TcpState;
import io.jnetstack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Stand-alone benchmark (issue #6): bulk TCP throughput between the host kernel and a jnetstack stack (Linux
 * personality) over a TUN device, each way, and the kernel's own throughput between two namespaces over a veth
 * pair, in one run, as ratios. Everything runs in network namespaces this program creates; needs root and
 * /dev/net/tun (else it says which is missing and exits 2).
 *
 * <p>What is measured: one TCP connection per figure moving {@code MiB} mebibytes of zeros, from the sender's first
 * byte to the receiver's end of file, application to application: the kernel side through read/write(2) on 1 MiB
 * buffers on a thread inside the namespace; the jnetstack side as a poller on the stack's own (single) thread,
 * reading into / writing from a 1 MiB array. The veth figure is timed by its receiver from accept to end of file.
 *
 * <p>Settings ({@code --tun}, default {@code 1500,1500+offload,65535,65535+offload}): the TUN device's MTU, and
 * whether it runs with virtio-net offloads ({@code +offload}: IFF_VNET_HDR and TUNSETOFFLOAD csum/TSO4/TSO6, so the
 * kernel hands jnetstack TCP super-packets of up to 64 KiB with partial checksums and takes such super-packets from
 * it, segmenting them at the MTU itself: what veth's GSO/GRO does between two kernels). Without offloads every TCP
 * segment on the TUN device is at most MTU-sized. Each setting gets its own namespace, device and stack. The veth
 * reference runs at each MTU used (at 1500 it is the veth default, GSO/GRO on); ratios are the TUN median over the
 * veth median at the same MTU.
 *
 * <p>Before timing, every setting moves {@code --warmup} MiB each way untimed (the JIT compiles the fast path);
 * then {@code --runs} rounds each measure every figure once, so load from elsewhere on a shared machine falls on all
 * figures alike, and the median per figure is printed with its spread ([min .. max]).
 *
 * <p>Usage: {@code bash bench/tun.sh [MiB per direction, default 1024] [--tun 1500,1500+offload,65535,...]
 * [--runs 3] [--warmup 512] [--stats]}; {@code --stats} also prints each TUN device's packet counts (average packet
 * sizes, drops).
 */
public final class TunThroughput {
    private static final int BLOCK = 1 << 20;
    private static boolean stats;
    /** For profiling one direction alone: {@code -Dtun.only=to} (kernel to jnetstack) or {@code from}. */
    private static final boolean PROFILE_TO = "to".equals(System.getProperty("tun.only"));
    private static final boolean PROFILE_FROM = "from".equals(System.getProperty("tun.only"));
    private int nextPort = 5001;

    private TunThroughput() {}

    /** The measured figures for one setting, in Gbit/s. */
    private record Figures(String label, double[] gbps) {
        double median() {
            double[] s = gbps.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        String spread() {
            double[] s = gbps.clone();
            Arrays.sort(s);
            return String.format(Locale.ROOT, "[%.2f .. %.2f]", s[0], s[s.length - 1]);
        }
    }

    public static void main(String[] args) throws Exception {
        if (TunDevice.unavailable().isPresent()) {
            System.err.println("tun benchmark: " + TunDevice.unavailable().get());
            System.exit(2);
        }
        long mib = 1024;
        long warmupMib = 512;
        int runs = 3;
        String[] tuns = {"1500", "1500+offload", "65535", "65535+offload"};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tun" -> tuns = args[++i].split(",");
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmupMib = Long.parseLong(args[++i]);
                case "--stats" -> stats = true;
                default -> mib = Long.parseLong(args[i]);
            }
        }
        int[] mtus = Arrays.stream(tuns).mapToInt(t -> Integer.parseInt(t.replace("+offload", ""))).toArray();
        boolean[] offloads = new boolean[tuns.length];
        for (int i = 0; i < tuns.length; i++) {
            offloads[i] = tuns[i].endsWith("+offload");
        }
        new TunThroughput().run(mib << 20, warmupMib << 20, runs, mtus, offloads);
    }

    /** A TUN device with a stack behind it, or a veth pair between two namespaces: one setting measured. */
    private interface Setting extends AutoCloseable {
        /** Moves {@code bytes} once per figure of this setting; Gbit/s per figure. */
        double[] measure(long bytes) throws Exception;

        @Override
        void close();
    }

    /**
     * Sets everything up, warms up, then measures in rounds: each round measures every figure once, so noise from
     * the shared machine falls on all of them alike.
     */
    private void run(long bytes, long warmup, int runs, int[] mtus, boolean[] offloads) throws Exception {
        int[] vethMtus = Arrays.stream(mtus).distinct().toArray();
        List<Setting> settings = new ArrayList<>();
        try {
            for (int i = 0; i < mtus.length; i++) {
                settings.add(tunSetting(mtus[i], offloads[i]));
            }
            for (int mtu : vethMtus) {
                settings.add(vethSetting(mtu));
            }
            for (Setting s : settings) {
                if (warmup > 0) {
                    s.measure(warmup);
                }
            }
            double[][][] g = new double[settings.size()][][];
            for (int r = 0; r < runs; r++) {
                for (int i = 0; i < settings.size(); i++) {
                    double[] m = settings.get(i).measure(bytes);
                    if (g[i] == null) {
                        g[i] = new double[m.length][runs];
                    }
                    for (int k = 0; k < m.length; k++) {
                        g[i][k][r] = m[k];
                    }
                }
            }
            report(bytes, warmup, runs, mtus, offloads, vethMtus, g);
        } finally {
            for (Setting s : settings.reversed()) {
                s.close();
            }
        }
    }

    private static void report(long bytes, long warmup, int runs, int[] mtus, boolean[] offloads, int[] vethMtus,
            double[][][] g) {
        System.out.printf(Locale.ROOT, "%d MiB per direction, median of %d rounds (after %d MiB warm-up each way);"
                + " jnetstack: Linux personality, one stack thread%n", bytes >> 20, runs, warmup >> 20);
        for (int i = 0; i < mtus.length; i++) {
            Figures ref = new Figures("", g[mtus.length + indexOf(vethMtus, mtus[i])][0]);
            String[] dir = {"kernel -> jnetstack", "jnetstack -> kernel"};
            for (int k = 0; k < 2; k++) {
                Figures f = new Figures(dir[k] + ", TUN MTU " + mtus[i] + (offloads[i] ? " +offload" : ""),
                        g[i][k]);
                System.out.printf(Locale.ROOT, "%-50s %7.2f Gbit/s %-16s %.3f x veth (MTU %d)%n", f.label(),
                        f.median(), f.spread(), f.median() / ref.median(), mtus[i]);
            }
        }
        for (int i = 0; i < vethMtus.length; i++) {
            Figures f = new Figures("kernel -> kernel, veth MTU " + vethMtus[i]
                    + (vethMtus[i] <= 1500 ? " (GSO/GRO)" : ""), g[mtus.length + i][0]);
            System.out.printf(Locale.ROOT, "%-50s %7.2f Gbit/s %s%n", f.label(), f.median(), f.spread());
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A fresh namespace, TUN device (with or without checksum and segmentation offloads) and stack at {@code mtu}:
     * kernel to jnetstack, then jnetstack to kernel.
     */
    private Setting tunSetting(int mtu, boolean offloads) throws Exception {
        NetNamespace ns = NetNamespace.create();
        TunDevice tun = TunDevice.create(ns, "jns0", "10.9.0.1/24", mtu, false, offloads);
        RealTimeHost jns = new RealTimeHost(Personality.named("linux"), tun, mtu, Ipv4Address.of(10, 9, 0, 2), 24, 1);
        return new Setting() {
            @Override
            public double[] measure(long bytes) throws Exception {
                return new double[] {PROFILE_FROM ? 0 : kernelToJnetstack(ns, jns, bytes),
                    PROFILE_TO ? 0 : jnetstackToKernel(ns, jns, bytes)};
            }

            @Override
            public void close() {
                if (stats) {
                    System.out.println("TUN MTU " + mtu + (offloads ? " +offload" : "") + ", packets seen by the kernel"
                            + " (RX: from jnetstack, TX: to jnetstack):\n" + linkStats(ns, "jns0"));
                }
                jns.close();
                tun.close();
                ns.close();
            }
        };
    }

    /** {@code ip -s link show dev} inside {@code ns}: packet and byte counts each way. */
    private static String linkStats(NetNamespace ns, String dev) {
        try {
            Process p = ns.start("ip", "-s", "link", "show", "dev", dev);
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (java.io.IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    private static double gbps(long bytes, long ns) {
        return bytes * 8.0 / ns;
    }

    static byte[] addr(int a, int b, int c, int d, int port) {
        return new byte[] {2, 0, (byte) (port >> 8), (byte) port, (byte) a, (byte) b, (byte) c, (byte) d,
            0, 0, 0, 0, 0, 0, 0, 0};
    }

    /** The kernel connects and writes; a poller on the stack's thread accepts and reads to end of file. */
    private double kernelToJnetstack(NetNamespace ns, RealTimeHost jns, long bytes) throws Exception {
        int port = nextPort++;
        jns.call(st -> {
            st.tcpListen(port);
            return null;
        });
        CompletableFuture<Long> done = new CompletableFuture<>();
        long[] got = {0};
        TcpHandle[] h = {null};
        byte[] buf = new byte[BLOCK];
        jns.addPoller(st -> {
            if (h[0] == null) {
                h[0] = st.tcpAccept(port);
                return true;
            }
            TcpConnection c = st.tcpConnection(h[0]);
            while (c != null && c.available() > 0) {
                got[0] += st.tcpRead(h[0], buf, 0, buf.length, jns.nowNs());
            }
            if (c == null || c.available() == 0 && c.peerClosed()) {
                st.tcpClose(h[0], jns.nowNs());
                st.tcpUnlisten(port, jns.nowNs());
                done.complete(jns.nowNs());
                return false;
            }
            return true;
        });
        long start = jns.nowNs();
        ns.call(s -> send(s, addr(10, 9, 0, 2, port), bytes));
        long end = done.get();
        if (got[0] != bytes) {
            throw new IllegalStateException("received " + got[0] + " of " + bytes);
        }
        return gbps(bytes, end - start);
    }

    /** The kernel listens and reads to end of file; a poller on the stack's thread writes and closes. */
    private double jnetstackToKernel(NetNamespace ns, RealTimeHost jns, long bytes) throws Exception {
        int port = nextPort++;
        CompletableFuture<Long> kernel = CompletableFuture.supplyAsync(() -> ns.call(s -> {
            int l = s.socket(2, 1, 0);
            s.bind(l, addr(10, 9, 0, 1, port), 16);
            s.listen(l, 1);
            int fd = s.accept(l, null, null);
            return drain(s, fd, l);
        }));
        TcpHandle conn = connect(jns, port);
        byte[] block = new byte[BLOCK];
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

    /** Connects to the kernel's port; the kernel's listen() races the first SYN: a RST, then try again. */
    private static TcpHandle connect(RealTimeHost jns, int port) {
        while (true) {
            TcpHandle t = jns.call(st -> st.tcpConnect(Ipv4Address.of(10, 9, 0, 1), port, jns.nowNs()));
            Boolean ok = null;
            while (ok == null) {
                ok = jns.call(st -> {
                    TcpConnection c = st.tcpConnection(t);
                    if (c == null) {
                        return false;
                    }
                    return c.state() instanceof TcpState.Established ? true : null;
                });
            }
            if (ok) {
                return t;
            }
        }
    }

    /** Two namespaces joined by a veth pair at {@code mtu}: the kernel to itself. */
    private Setting vethSetting(int mtu) throws Exception {
        NetNamespace a = NetNamespace.create();
        NetNamespace b = NetNamespace.create();
        Process holder = b.start("sleep", "3600"); // a process inside b, to name b to ip(8)
        a.ip("link", "add", "veth0", "mtu", Integer.toString(mtu), "type", "veth", "peer", "name", "veth1",
                "mtu", Integer.toString(mtu));
        a.ip("link", "set", "veth1", "netns", Long.toString(holder.pid()));
        a.ip("addr", "add", "10.8.0.1/24", "dev", "veth0");
        a.ip("link", "set", "veth0", "up");
        b.ip("addr", "add", "10.8.0.2/24", "dev", "veth1");
        b.ip("link", "set", "veth1", "up");
        return new Setting() {
            @Override
            public double[] measure(long bytes) throws Exception {
                return new double[] {vethOnce(a, b, bytes)};
            }

            @Override
            public void close() {
                holder.destroy();
                b.close();
                a.close();
            }
        };
    }

    private double vethOnce(NetNamespace a, NetNamespace b, long bytes) throws Exception {
        int port = nextPort++;
        CompletableFuture<long[]> server = CompletableFuture.supplyAsync(() -> b.call(s -> {
            int l = s.socket(2, 1, 0);
            s.bind(l, addr(10, 8, 0, 2, port), 16);
            s.listen(l, 1);
            int fd = s.accept(l, null, null);
            long t0 = System.nanoTime();
            long n = drain(s, fd, l);
            return new long[] {n, System.nanoTime() - t0};
        }));
        Long sentBytes = null;
        while (sentBytes == null) {
            sentBytes = a.call(s -> {
                long r = send(s, addr(10, 8, 0, 2, port), bytes);
                return r < 0 ? null : r;
            });
        }
        long[] r = server.get();
        return gbps(r[0], r[1]);
    }

    /** Connects to {@code to} and writes {@code bytes}; -1 when the connection was refused (not listening yet). */
    private static long send(Syscalls s, byte[] to, long bytes) {
        int fd = s.socket(2, 1, 0);
        if (s.connect(fd, to, 16) < 0) {
            s.close(fd);
            return -1;
        }
        byte[] block = new byte[BLOCK];
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
        byte[] buf = new byte[BLOCK];
        long total = 0;
        for (int n = s.read(fd, buf, buf.length); n > 0; n = s.read(fd, buf, buf.length)) {
            total += n;
        }
        s.close(fd);
        s.close(listener);
        return total;
    }
}
