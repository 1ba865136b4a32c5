package io.jnetstack.bench;

import io.jnetstack.wire.Checksum;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CHECKSUM: RFC 1071 {@link Checksum#partial} over one buffer vs {@code System.arraycopy} of the same buffer
 * (same size, same run). Throughput in operations/s; bytes/s = ops/s × size. Target ≥ 0.3× arraycopy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class ChecksumBenchmark {
    @Param({"65536", "1500", "40"})
    int size;
    byte[] src;
    byte[] dst;

    /** Fills the buffer with seeded random bytes. */
    @Setup
    public void setUp() {
        src = new byte[size];
        dst = new byte[size];
        new SplittableRandom(1071).nextBytes(src);
    }

    /** Subject: the 32-bit-folded partial sum over the buffer. */
    @Benchmark
    public long checksum() {
        return Checksum.partial(src, 0, size, 0);
    }

    /** Reference: a copy of the same bytes. */
    @Benchmark
    public byte[] arraycopy() {
        System.arraycopy(src, 0, dst, 0, size);
        return dst;
    }
}
