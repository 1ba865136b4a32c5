package io.jnetstack.sim;

import io.jnetstack.socket.ThreadContext;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * An application thread of a {@link SimProcess}, run in virtual time under the simulator's baton (design.md §5).
 * It is the {@link ThreadContext} its system calls block through: {@link #await} parks it, other threads and
 * events run, and it wakes when its condition holds (re-evaluated on this thread after every change to its host),
 * at its deadline, or when a signal arrives.
 *
 * <p>Order: one FIFO of runnable threads, drained before the first event and after every event of
 * {@link Simulation#runUntil}. A started thread joins its tail, so does a woken one (in wake-up order); when a host
 * changes (its stack was driven, or one of its threads ran and then blocked or ended), its threads blocked on a
 * condition join the tail in creation order ({@link #id}) to re-evaluate it.
 *
 * <p>{@link #await}, {@link #sleep} and {@link #takeSignal} are for the thread itself; {@link #signalAt} and the
 * accessors may be called by the simulation's thread or by any thread holding the baton. Conditions must not
 * change state: they may run many times.
 */
public final class SimThread implements ThreadContext {

    /** Where a thread is in its life. */
    public enum State {
        /** Started, waiting for its first turn. */
        RUNNABLE,
        /** Holds the baton. */
        RUNNING,
        /** Parked in {@link #await} or {@link #sleep} (possibly queued to re-evaluate its condition). */
        BLOCKED,
        /** Its body returned, threw, or its process was killed. */
        DONE
    }

    /** Why a blocked thread was made runnable, weakest first (a stronger reason replaces a weaker one). */
    enum Reason { NONE, RECHECK, TIMEOUT, SIGNAL, KILL }

    /** Thrown into a thread whose process is killed, to unwind it; the scheduler treats it as a normal end. */
    static final class Killed extends Error {
        Killed() {
            super("killed", null, false, false);
        }
    }

    private final SimProcess process;
    private final SimScheduler scheduler;
    private final Simulation sim;
    private final long id;
    private final String name;
    private final Consumer<? super SimThread> body;

    // scheduler state, touched only under the baton
    State state = State.RUNNABLE;
    Reason reason = Reason.NONE;
    boolean queued;
    boolean ranCode;
    boolean killed;
    BooleanSupplier condition;
    long deadlineHandle;
    long pendingSignals;
    Throwable failure;
    Thread carrier;
    volatile boolean baton;
    private io.jnetstack.socket.Syscalls syscalls;
    private int killedBy;

    SimThread(SimProcess process, SimScheduler scheduler, Simulation sim, String name,
            Consumer<? super SimThread> body) {
        this.process = process;
        this.scheduler = scheduler;
        this.sim = sim;
        this.id = scheduler.nextThreadId();
        this.name = name;
        this.body = body;
    }

    @Override
    public void killProcess(int signo) {
        killedBy = signo;
        process.kill();
    }

    /** The signal the kernel killed this thread's process with (0 when it was not). */
    public int killedBy() {
        return killedBy;
    }

    /** This thread's system calls into its host's simulated kernel (its own errno, its process's descriptors). */
    public io.jnetstack.socket.Syscalls syscalls() {
        if (syscalls == null) {
            syscalls = process.kernelProcess().syscalls(this);
        }
        return syscalls;
    }

    /** Simulation-wide thread number, in creation order from 1 (also the order conditions are re-evaluated in). */
    public long id() {
        return id;
    }

    /** The name given at start. */
    public String name() {
        return name;
    }

    /** The owning process. */
    public SimProcess process() {
        return process;
    }

    /** Where the thread is in its life. */
    public State state() {
        return state;
    }

    /** What the body threw, or null (a failure is also thrown from {@link Simulation#runUntil}). */
    public Throwable failure() {
        return failure;
    }

    @Override
    public long nowNs() {
        return sim.nowNs();
    }

    @Override
    public Wake await(BooleanSupplier ready, long deadlineNs) {
        return block(Objects.requireNonNull(ready, "ready"), deadlineNs);
    }

    /**
     * Sleeps {@code durationNs} of virtual time: {@link Wake#TIMEOUT} when it has passed, {@link Wake#SIGNAL} when a
     * signal arrives first (or is already pending). A sleeping thread is not woken by changes to its host.
     */
    public Wake sleep(long durationNs) {
        if (durationNs < 0) {
            throw new IllegalArgumentException("negative sleep: " + durationNs);
        }
        long now = nowNs();
        return block(null, durationNs > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + durationNs);
    }

    @Override
    public int takeSignal() {
        if (pendingSignals == 0) {
            return 0;
        }
        int bit = Long.numberOfTrailingZeros(pendingSignals);
        pendingSignals &= ~(1L << bit);
        return bit + 1;
    }

    /**
     * Delivers signal {@code signo} (1..64) at virtual time {@code atNs}: at once when that is not in the future
     * (like kill(2) from a running thread), else by an event at {@code atNs}. It joins the pending set, and a blocked
     * thread wakes with {@link Wake#SIGNAL}. A thread that has ended ignores it.
     */
    public void signalAt(int signo, long atNs) {
        if (signo < 1 || signo > 64) {
            throw new IllegalArgumentException("signal number out of 1..64: " + signo);
        }
        if (atNs <= nowNs()) {
            deliver(signo);
        } else {
            sim.at(atNs, () -> deliver(signo));
        }
    }

    private void deliver(int signo) {
        if (state != State.DONE) {
            pendingSignals |= 1L << (signo - 1);
            scheduler.wake(this, Reason.SIGNAL);
        }
    }

    private Wake block(BooleanSupplier ready, long deadlineNs) {
        scheduler.checkHolder(this);
        if (killed) {
            throw new Killed();
        }
        if (pendingSignals != 0) {
            return Wake.SIGNAL;
        }
        if (ready != null && ready.getAsBoolean()) {
            return Wake.READY;
        }
        if (deadlineNs <= nowNs()) {
            return Wake.TIMEOUT;
        }
        condition = ready;
        scheduler.block(this, deadlineNs);
        Wake w;
        do {
            scheduler.yieldBaton(this);
            w = wakeFor(reason, ready);
        } while (w == null);
        scheduler.unblock(this);
        ranCode = true;
        return w;
    }

    /** The answer for a wake-up, or null to stay blocked. */
    private Wake wakeFor(Reason r, BooleanSupplier ready) {
        reason = Reason.NONE;
        return switch (r) {
            case KILL -> throw new Killed();
            case SIGNAL -> Wake.SIGNAL;
            case TIMEOUT -> ready != null && ready.getAsBoolean() ? Wake.READY : Wake.TIMEOUT;
            case RECHECK -> ready != null && ready.getAsBoolean() ? Wake.READY : null;
            case NONE -> null;
        };
    }

    void runBody() {
        body.accept(this);
    }

    /** The name of the backing Java thread: host/process[pid]/thread. */
    String javaName() {
        return process.host().name() + "/" + process.name() + "[" + process.pid() + "]/" + name;
    }

    @Override
    public String toString() {
        return "SimThread[" + javaName() + " #" + id + " " + state + "]";
    }
}
