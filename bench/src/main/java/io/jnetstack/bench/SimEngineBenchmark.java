package io.jnetstack.bench;

import io.jnetstack.time.EventQueue;
import java.util.PriorityQueue;
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
 * SIM-ENGINE: the classic "hold model" (pop the earliest event, schedule a new one at its time plus a random
 * increment) with a constant number of pending events. Subject: {@link EventQueue}; reference:
 * {@code java.util.PriorityQueue<Event(time, seq, Runnable)>}. One operation = one pop + one push. Target ≥ 2×.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class SimEngineBenchmark {
    static final int INCREMENTS = 1 << 16;
    static final long MAX_INCREMENT_NS = 1 << 20;
    static final Runnable NOOP = () -> { };

    /** Pre-drawn increments shared by both implementations, so both see the same workload. */
    static long[] increments(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] inc = new long[INCREMENTS];
        for (int i = 0; i < inc.length; i++) {
            inc[i] = rnd.nextLong(MAX_INCREMENT_NS);
        }
        return inc;
    }

    /** The reference event: time, insertion sequence, action. */
    record Event(long time, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** Subject state. */
    @State(Scope.Thread)
    public static class Subject {
        @Param({"1000", "100000", "1000000"})
        int pending;
        EventQueue queue;
        long[] inc;
        int i;

        /** Fills the queue with the pending events (times drawn from the shared increments). */
        @Setup
        public void setUp() {
            inc = increments(42);
            queue = new EventQueue(pending);
            for (int k = 0; k < pending; k++) {
                queue.schedule(inc[k & (INCREMENTS - 1)], NOOP);
            }
        }
    }

    /** Reference state. */
    @State(Scope.Thread)
    public static class Reference {
        @Param({"1000", "100000", "1000000"})
        int pending;
        PriorityQueue<Event> queue;
        long[] inc;
        long seq;
        int i;

        /** Fills the queue with the pending events (times drawn from the shared increments). */
        @Setup
        public void setUp() {
            inc = increments(42);
            queue = new PriorityQueue<>(pending);
            for (int k = 0; k < pending; k++) {
                queue.add(new Event(inc[k & (INCREMENTS - 1)], seq++, NOOP));
            }
        }
    }

    /** Subject: one hold step on {@link EventQueue}. */
    @Benchmark
    public long eventQueueHold(Subject s) {
        EventQueue q = s.queue;
        long t = q.nextTimeNs();
        Runnable r = q.poll();
        q.schedule(t + s.inc[s.i++ & (INCREMENTS - 1)], r);
        return t;
    }

    /** Reference: one hold step on {@link PriorityQueue}. */
    @Benchmark
    public long priorityQueueHold(Reference s) {
        Event e = s.queue.poll();
        s.queue.add(new Event(e.time() + s.inc[s.i++ & (INCREMENTS - 1)], s.seq++, e.action()));
        return e.time();
    }
}
