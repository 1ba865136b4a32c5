package io.jnetstack.bench;

import io.jnetstack.time.EventQueue;
import io.jnetstack.time.TimerWheel;
import java.util.PriorityQueue;
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
 * TIMERS at 1k / 100k / 1M armed timers. Subjects: {@link TimerWheel}, and {@link EventQueue} used as the timer
 * store (schedule = arm, cancel, poll due = expire). Reference: {@code PriorityQueue} with lazy cancel (a
 * cancelled flag; tombstones are dropped when they reach the head).
 *
 * <ul>
 *   <li>arm+cancel: virtual time advances one step per operation and due timers expire; each operation cancels
 *       the timer armed {@code timers} operations ago and arms a new one 2×{@code timers} steps ahead (a TCP
 *       retransmission timer restarted on every ACK — it never fires).</li>
 *   <li>expire+re-arm: jump to the earliest deadline, run that timer, which re-arms itself a random interval
 *       ahead (periodic timers).</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class TimerBenchmark {
    static final int MASK = SimEngineBenchmark.INCREMENTS - 1;
    static final long STEP_NS = 1_000;

    /** Reference timer: deadline, sequence, lazily-cancelled flag. */
    static final class Timer implements Comparable<Timer> {
        long deadline;
        long seq;
        boolean cancelled;

        Timer(long deadline, long seq) {
            this.deadline = deadline;
            this.seq = seq;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /**
     * The deadline ring position {@code k} would hold in steady state: armed {@code timers - k} operations
     * before time 0 with the 2×{@code timers}-step horizon, so cancelled timers come due one per operation
     * from the start instead of all at once.
     */
    static long steadyStateDeadline(int timers, int k, long[] inc) {
        return (long) (timers + k) * STEP_NS + inc[k & MASK];
    }

    /** Subject state: the queue, a ring of live handles, virtual now. */
    @State(Scope.Thread)
    public static class Subject {
        @Param({"1000", "100000", "1000000"})
        int timers;
        EventQueue queue;
        long[] ring;
        long[] inc;
        long now;
        int i;
        long fired;
        Runnable rearm;

        /** Arms {@code timers} timers at their steady-state deadlines. */
        @Setup
        public void setUp() {
            inc = SimEngineBenchmark.increments(7);
            queue = new EventQueue(timers * 2);
            ring = new long[timers];
            rearm = () -> queue.schedule(now + inc[i++ & MASK], rearm);
            for (int k = 0; k < timers; k++) {
                ring[k] = queue.schedule(steadyStateDeadline(timers, k, inc), rearm);
            }
        }

        long horizon() {
            return now + 2L * timers * STEP_NS;
        }
    }

    /** Wheel state: the {@link TimerWheel}, a ring of live handles, virtual now. */
    @State(Scope.Thread)
    public static class Wheel {
        @Param({"1000", "100000", "1000000"})
        int timers;
        TimerWheel wheel;
        long[] ring;
        long[] inc;
        long now;
        int i;
        Runnable rearm;

        /** Arms {@code timers} timers at their steady-state deadlines. */
        @Setup
        public void setUp() {
            inc = SimEngineBenchmark.increments(7);
            wheel = new TimerWheel(0);
            ring = new long[timers];
            rearm = () -> wheel.arm(now + inc[i++ & MASK], rearm);
            for (int k = 0; k < timers; k++) {
                ring[k] = wheel.arm(steadyStateDeadline(timers, k, inc), rearm);
            }
        }
    }

    /** Reference state: a PriorityQueue of timers with lazy cancel. */
    @State(Scope.Thread)
    public static class Reference {
        @Param({"1000", "100000", "1000000"})
        int timers;
        PriorityQueue<Timer> queue;
        Timer[] ring;
        long[] inc;
        long now;
        long seq;
        int i;

        /** Arms {@code timers} timers at their steady-state deadlines. */
        @Setup
        public void setUp() {
            inc = SimEngineBenchmark.increments(7);
            queue = new PriorityQueue<>(timers * 3);
            ring = new Timer[timers];
            for (int k = 0; k < timers; k++) {
                ring[k] = new Timer(steadyStateDeadline(timers, k, inc), seq++);
                queue.add(ring[k]);
            }
        }
    }

    /** Subject: advance, expire due, cancel the oldest, arm a new one. */
    @Benchmark
    public int eventQueueArmCancel(Subject s) {
        EventQueue q = s.queue;
        s.now += STEP_NS;
        while (q.nextTimeNs() <= s.now) {
            q.poll().run();
        }
        int k = s.i++ % s.timers;
        q.cancel(s.ring[k]);
        s.ring[k] = q.schedule(s.horizon() + s.inc[k & MASK], s.rearm);
        return q.size();
    }

    /** Reference: advance, drop due tombstones, flag the oldest cancelled, add a new one. */
    @Benchmark
    public int priorityQueueArmCancel(Reference s) {
        PriorityQueue<Timer> q = s.queue;
        s.now += STEP_NS;
        for (Timer t = q.peek(); t != null && t.deadline <= s.now; t = q.peek()) {
            q.poll();
        }
        int k = s.i++ % s.timers;
        s.ring[k].cancelled = true;
        Timer t = new Timer(s.now + 2L * s.timers * STEP_NS + s.inc[k & MASK], s.seq++);
        s.ring[k] = t;
        q.add(t);
        return q.size();
    }

    /** Wheel: advance, expire due, cancel the oldest, arm a new one. */
    @Benchmark
    public int wheelArmCancel(Wheel s) {
        TimerWheel w = s.wheel;
        s.now += STEP_NS;
        w.expire(s.now);
        int k = s.i++ % s.timers;
        w.cancel(s.ring[k]);
        s.ring[k] = w.arm(s.now + 2L * s.timers * STEP_NS + s.inc[k & MASK], s.rearm);
        return w.size();
    }

    /** Wheel: jump to the earliest deadline and expire; the timer re-arms itself. */
    @Benchmark
    public long wheelExpireRearm(Wheel s) {
        TimerWheel w = s.wheel;
        s.now = w.nextDeadlineNs();
        w.expire(s.now);
        return s.now;
    }

    /** Subject: jump to the earliest deadline and run it; it re-arms itself. */
    @Benchmark
    public long eventQueueExpireRearm(Subject s) {
        EventQueue q = s.queue;
        s.now = q.nextTimeNs();
        q.poll().run();
        return s.now;
    }

    /** Reference: jump to the earliest live deadline, fire it, re-arm the same object. */
    @Benchmark
    public long priorityQueueExpireRearm(Reference s) {
        PriorityQueue<Timer> q = s.queue;
        Timer t = q.poll();
        while (t.cancelled) {
            t = q.poll();
        }
        s.now = t.deadline;
        t.deadline = s.now + s.inc[s.i++ & MASK];
        t.seq = s.seq++;
        q.add(t);
        return s.now;
    }
}
