package io.jnetstack.bench;

import io.jnetstack.stack.Stack;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpConnection;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The measurements JMH does not fit: IDLE-MEM (heap bytes per idle ESTABLISHED endpoint, from GC'd heap deltas),
 * IDLE-CPU (timer events per idle connection per second over 60 virtual seconds, no keep-alive) and ALLOC (bytes
 * allocated per connection and per MB moved, from {@code ThreadMXBean#getCurrentThreadAllocatedBytes}). Prints
 * one line per figure with its target and PASS/BELOW; never fails on a missed target. {@link RatioReport} runs it
 * in its own JVM; alone: {@code java -cp bench/target/benchmarks.jar io.jnetstack.bench.TcpFootprint [--smoke]
 * [--only REGEX]}.
 */
public final class TcpFootprint {
    /** benchmarks.md: the kernel's memory per idle TCP socket on this machine. */
    static final double KERNEL_SOCKET_BYTES = 3800;
    static final long S = 1_000_000_000L;
    static final double MB = 1 << 20;

    private final boolean smoke;
    private final Pattern only;

    private TcpFootprint(boolean smoke, Pattern only) {
        this.smoke = smoke;
        this.only = only;
    }

    /** Runs the selected figures; exit code 0 unless a measurement could not run. */
    public static void main(String[] args) throws Exception {
        boolean smoke = false;
        Pattern only = Pattern.compile("");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--only" -> only = Pattern.compile(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new TcpFootprint(smoke, only).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "%n%-22s %-22s %16s %16s %8s %8s %6s%n", "figure", "param", "subject",
                "reference", "ratio", "target", "");
        if (only.matcher("IDLE-MEM").find()) {
            idleMemory(smoke ? new int[] {1_000} : new int[] {1_000, 10_000, 100_000});
        }
        if (only.matcher("IDLE-CPU").find()) {
            idleCpu(smoke ? 1_000 : 10_000);
        }
        if (only.matcher("ALLOC").find()) {
            allocation();
        }
    }

    private static void row(String id, String param, String subject, String reference, double ratio,
            String target, Boolean pass) {
        System.out.printf(Locale.ROOT, "%-22s %-22s %16s %16s %8s %8s %6s%n", id, param, subject, reference,
                Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio), target,
                pass == null ? "REPORT" : pass ? "PASS" : "BELOW");
    }

    // ---- IDLE-MEM ----

    private static long usedAfterGc() {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        long[] used = new long[3];
        for (int i = 0; i < used.length; i++) {
            System.gc();
            used[i] = m.getHeapMemoryUsage().getUsed();
        }
        Arrays.sort(used);
        return used[1];
    }

    /** Per endpoint = heap delta / 2n: both ends of every connection live in this heap. */
    private void idleMemory(int[] sizes) {
        double perEndpoint = Double.NaN;
        for (int n : sizes) {
            long max = Runtime.getRuntime().maxMemory();
            long base = usedAfterGc();
            double need = Double.isNaN(perEndpoint) ? 0 : perEndpoint * 2 * n * 1.25;
            if (base + need > max * 0.9) {
                row("IDLE-MEM", "n=" + n, "skipped", "", Double.NaN, "", null);
                System.out.printf(Locale.ROOT, "%-22s would need %.1f GiB of heap at %.0f B/endpoint (max %.1f GiB)%n",
                        "", need / (1 << 30), perEndpoint, max / (double) (1 << 30));
                continue;
            }
            TcpHandle[] ends = new TcpHandle[n];
            DirectPair pair = new DirectPair();
            long before = usedAfterGc();
            pair.open(n, ends);
            long after = usedAfterGc();
            perEndpoint = (after - before) / (2.0 * n);
            double ratio = perEndpoint / KERNEL_SOCKET_BYTES;
            row("IDLE-MEM", "n=" + n + " B/endpoint", String.format(Locale.ROOT, "%,.0f", perEndpoint),
                    String.format(Locale.ROOT, "%,.0f", KERNEL_SOCKET_BYTES), ratio, "<=0.50", ratio <= 0.5);
            java.lang.ref.Reference.reachabilityFence(pair);
            java.lang.ref.Reference.reachabilityFence(ends);
        }
    }

    // ---- IDLE-CPU ----

    private static int pendingTimers(Stack s, TcpHandle[] ends) {
        int n = 0;
        for (TcpHandle h : ends) {
            TcpConnection c = s.tcpConnection(h);
            if (c != null && c.nextDeadlineNs() != Long.MAX_VALUE) {
                n++;
            }
        }
        return n;
    }

    private void idleCpu(int n) {
        DirectPair pair = new DirectPair();
        TcpHandle[] clientEnds = new TcpHandle[n];
        pair.serverEnds = new TcpHandle[n];
        pair.open(n, clientEnds);
        int pendingBefore = pendingTimers(pair.client, clientEnds) + pendingTimers(pair.server, pair.serverEnds);
        long framesBefore = pair.frames;
        long t0 = System.nanoTime();
        long events = pair.idle(60 * S, 10_000_000L);
        long wallNs = System.nanoTime() - t0;
        int pendingAfter = pendingTimers(pair.client, clientEnds) + pendingTimers(pair.server, pair.serverEnds);
        double perConnSec = events / (double) n / 60.0;
        row("IDLE-CPU", "n=" + n + " ev/conn/s", String.format(Locale.ROOT, "%.4f", perConnSec), "-",
                Double.NaN, "=0", events == 0);
        System.out.printf(Locale.ROOT, "%-22s timer events fired in 60 s: %d; frames sent: %d; endpoints with a "
                        + "pending timer: %d before, %d after (of %d); wall %.1f ms%n", "", events,
                pair.frames - framesBefore, pendingBefore, pendingAfter, 2 * n, wallNs / 1e6);
        long sink = 0;
        for (int i = 0; i < 2_000; i++) {
            sink += pair.client.nextDeadlineNs();
        }
        long s0 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            sink += pair.client.nextDeadlineNs();
        }
        System.out.printf(Locale.ROOT, "%-22s Stack.nextDeadlineNs() with %d connections: %.1f µs per call "
                + "(SimHost asks after every frame)%s%n", "", n, (System.nanoTime() - s0) / 100 / 1e3,
                sink == 42 ? " " : "");
    }

    // ---- ALLOC ----

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    private static long[] gcCountAndMs() {
        long count = 0;
        long ms = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, g.getCollectionCount());
            ms += Math.max(0, g.getCollectionTime());
        }
        return new long[] {count, ms};
    }

    /** Bytes allocated by {@code op} per call, after {@code warm} calls, over {@code count} calls. */
    private static double perOp(int warm, int count, ThrowingRunnable op) throws Exception {
        for (int i = 0; i < warm; i++) {
            op.run();
        }
        long[] gc0 = gcCountAndMs();
        long a0 = allocated();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            op.run();
        }
        long bytes = allocated() - a0;
        long wall = System.nanoTime() - t0;
        long[] gc1 = gcCountAndMs();
        System.out.printf(Locale.ROOT, "%-22s   (%d ops after %d warm-up: %d GCs, %d ms GC, %.0f ms wall)%n", "",
                count, warm, gc1[0] - gc0[0], gc1[1] - gc0[1], wall / 1e6);
        return bytes / (double) count;
    }

    /** A measured operation. */
    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private void allocation() throws Exception {
        int conns = smoke ? 2_000 : 10_000;
        SimPair cc = new SimPair(1500);
        double ccBytes = perOp(conns, conns, () -> {
            cc.open();
            cc.abort();
        });
        double kernelBytes;
        try (KernelPair k = new KernelPair()) {
            kernelBytes = perOp(conns / 4, conns / 4, () -> {
                k.open();
                k.abort();
            });
        }
        row("ALLOC CC", "B/connection", String.format(Locale.ROOT, "%,.0f", ccBytes),
                String.format(Locale.ROOT, "%,.0f", kernelBytes), ccBytes / kernelBytes, "-", null);
        int writes = smoke ? 100 : 2_000;
        for (int mtu : new int[] {65535, 1500}) {
            SimPair bulk = new SimPair(mtu);
            bulk.open();
            byte[] data = new byte[TcpBenchmark.BULK_WRITE];
            double perWrite = perOp(writes / 2, writes, () -> bulk.transfer(data, data.length));
            double perMb = perWrite / (data.length / MB);
            row("ALLOC BULK", "mtu=" + mtu + " B/MB", String.format(Locale.ROOT, "%,.0f", perMb), "-",
                    Double.NaN, "<1024", perMb < 1024);
        }
    }
}
