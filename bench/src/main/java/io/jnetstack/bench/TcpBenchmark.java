package io.jnetstack.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * CC, CRR, RR and BULK (benchmarks.md): the simulated pair ({@link SimPair}, one thread, zero-delay link) against
 * the kernel over loopback ({@link KernelPair}, one thread). One operation is one connection (CC, CRR), one round
 * trip (RR) or one 128 KiB write moved and read (BULK). Connection benchmarks close abortively on both sides;
 * {@code ccTimeWait} is the normal-close variant whose client ends in TIME-WAIT.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TcpBenchmark {
    /** Bytes per BULK operation: one 128 KiB write. */
    public static final int BULK_WRITE = 128 * 1024;
    /**
     * Virtual time the TIME-WAIT variant advances per connection: 60 s TIME-WAIT / 100 ms = ≤ 600 entries held. A
     * TIME-WAIT entry keeps its whole connection, buffers included (≈ 330 KB now): at 5 ms per connection a 1 GiB
     * heap ran out near 3k entries.
     */
    static final long TIME_WAIT_STEP_NS = 100 * SimPair.MS;

    /** A fresh simulated pair at MTU 1500 (connection benchmarks). */
    @State(Scope.Thread)
    public static class Sim {
        SimPair pair;

        /** Builds the pair. */
        @Setup(Level.Trial)
        public void setUp() {
            pair = new SimPair(1500);
        }
    }

    /** A simulated pair with one established connection (RR). */
    @State(Scope.Thread)
    public static class SimOpen {
        SimPair pair;

        /** Builds the pair and opens the connection. */
        @Setup(Level.Trial)
        public void setUp() {
            pair = new SimPair(1500);
            pair.open();
        }
    }

    /** Holds a kernel pair; closes every socket at the end of the trial. */
    public abstract static class KernelBase {
        KernelPair pair;

        /** Closes every socket. */
        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            pair.close();
        }
    }

    /** A kernel loopback listener (connection benchmarks). */
    @State(Scope.Thread)
    public static class Kernel extends KernelBase {
        /** Binds the listener on 127.0.0.1. */
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            pair = new KernelPair();
        }
    }

    /** A kernel loopback connection (RR). */
    @State(Scope.Thread)
    public static class KernelOpen extends KernelBase {
        /** Binds the listener and opens the connection. */
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            pair = new KernelPair();
            pair.open();
        }
    }

    /** A simulated bulk connection at one MTU; the first transfer's bytes are checked. */
    public abstract static class SimBulk {
        SimPair pair;
        byte[] data;

        void init(int mtu) {
            pair = new SimPair(mtu);
            pair.open();
            data = new byte[BULK_WRITE];
            new io.jnetstack.time.RandomSource(7).nextBytes(data);
            pair.received = new java.io.ByteArrayOutputStream();
            pair.transfer(data, data.length);
            if (!Arrays.equals(pair.received.toByteArray(), data)) {
                throw new IllegalStateException("BULK at MTU " + mtu + ": received bytes differ from sent");
            }
            pair.received = null;
        }
    }

    /** BULK at the largest IP MTU (65535; Linux lo's 65536 exceeds IPv4's total-length field). */
    @State(Scope.Thread)
    public static class SimBulk64k extends SimBulk {
        /** Opens the connection and moves one write. */
        @Setup(Level.Trial)
        public void setUp() {
            init(65535);
        }
    }

    /** BULK at MTU 1500. */
    @State(Scope.Thread)
    public static class SimBulk1500 extends SimBulk {
        /** Opens the connection and moves one write. */
        @Setup(Level.Trial)
        public void setUp() {
            init(1500);
        }
    }

    /** A kernel loopback bulk connection (lo MTU 65536), direct buffers, non-blocking. */
    @State(Scope.Thread)
    public static class KernelBulk extends KernelBase {
        ByteBuffer out;
        ByteBuffer in;

        /** Opens the connection. */
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            pair = new KernelPair();
            pair.open();
            pair.nonBlocking();
            out = ByteBuffer.allocateDirect(BULK_WRITE);
            in = ByteBuffer.allocateDirect(BULK_WRITE);
            byte[] b = new byte[BULK_WRITE];
            Arrays.fill(b, (byte) 7);
            out.put(b).flip();
        }
    }

    /** CC subject: connect, accept, abort (RST), server side gone. */
    @Benchmark
    public Object cc(Sim s) {
        s.pair.open();
        s.pair.abort();
        return s.pair.serverHandle;
    }

    /** CC reference: connect, accept, SO_LINGER 0 close, server close. */
    @Benchmark
    public Object ccKernel(Kernel k) throws IOException {
        k.pair.open();
        Object o = k.pair.server;
        k.pair.abort();
        return o;
    }

    /** CC with a normal close (client FIN first, TIME-WAIT 60 s on the client; virtual time +100 ms each). */
    @Benchmark
    public Object ccTimeWait(Sim s) {
        s.pair.open();
        s.pair.closeNormally();
        s.pair.sim.runFor(TIME_WAIT_STEP_NS);
        return s.pair.serverHandle;
    }

    /** CRR subject: CC with a 1-byte request and response before the abort. */
    @Benchmark
    public Object crr(Sim s) {
        s.pair.open();
        s.pair.requestResponse();
        s.pair.abort();
        return s.pair.serverHandle;
    }

    /** CRR reference. */
    @Benchmark
    public Object crrKernel(Kernel k) throws IOException {
        k.pair.open();
        k.pair.requestResponse();
        Object o = k.pair.server;
        k.pair.abort();
        return o;
    }

    /** RR subject: one 1-byte round trip on an open connection. */
    @Benchmark
    public int rr(SimOpen s) {
        s.pair.requestResponse();
        return s.pair.lastRead;
    }

    /** RR reference. */
    @Benchmark
    public void rrKernel(KernelOpen k) throws IOException {
        k.pair.requestResponse();
    }

    /** BULK-64K subject: one 128 KiB write moved and read at MTU 65535. */
    @Benchmark
    public long bulk64k(SimBulk64k s) {
        return s.pair.transfer(s.data, BULK_WRITE);
    }

    /** BULK-1500 subject: the same at MTU 1500. */
    @Benchmark
    public long bulk1500(SimBulk1500 s) {
        return s.pair.transfer(s.data, BULK_WRITE);
    }

    /** BULK reference: one 128 KiB write moved and read over kernel loopback. */
    @Benchmark
    public long bulkKernel(KernelBulk k) throws IOException {
        k.out.rewind();
        return k.pair.transfer(k.out, k.in);
    }
}
