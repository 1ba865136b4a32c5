package io.jnetstack.sim;

import io.jnetstack.sim.SimThread.Reason;
import io.jnetstack.sim.SimThread.State;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;

/**
 * The application-thread scheduler of design.md §5: one thread runs at a time under the baton.
 *
 * <p>Each {@link SimThread} is backed by a Java virtual thread, created when it first gets the baton. Handing the
 * baton over is a volatile flag plus {@link LockSupport#unpark}; the giver parks until the flag comes back, so the
 * simulation's own thread and the application threads never run at the same time, and every write made under the
 * baton is visible to the next holder (the flag is volatile).
 *
 * <p>Order (fixed, so the same seed gives the same interleaving): one FIFO of runnable threads. A started thread
 * joins its tail (so threads started together first run in creation order); so does a woken thread, in the order
 * the wake-ups happen. When a host changes (its stack was driven, or one of its threads ran application code and
 * then blocked or ended), the host's threads blocked on a condition join the tail in creation order, to re-evaluate
 * it. {@link Simulation#runUntil} drains the FIFO before the first event and after every event, all at that
 * event's virtual time.
 */
final class SimScheduler {
    /**
     * Spins the simulation's thread polls for the baton before it parks: most turns are short, and skipping the
     * park/unpark of a platform thread makes a switch about 2 µs instead of 6 (measured on two shared cores). The
     * application side never spins: it would hold one of the few carrier threads.
     */
    private static final int SPINS = 1000;
    private static final Comparator<SimThread> CREATION = Comparator.comparingLong(SimThread::id);

    private final Simulation sim;
    private final ArrayDeque<SimThread> runnable = new ArrayDeque<>();
    private final Map<SimHost, TreeSet<SimThread>> waiting = new LinkedHashMap<>();
    private final List<SimThreadException> failures = new ArrayList<>();
    private volatile Thread simThread;
    private SimThread current;
    private long nextThreadId = 1;
    private int waitingCount;

    SimScheduler(Simulation sim) {
        this.sim = sim;
    }

    long nextThreadId() {
        return nextThreadId++;
    }

    /** The thread holding the baton, or null when the simulation's own thread does. */
    SimThread current() {
        return current;
    }

    List<SimThreadException> failures() {
        return List.copyOf(failures);
    }

    /** A new thread: runnable now, at the tail of the FIFO. */
    void started(SimThread t) {
        enqueue(t);
    }

    /**
     * Runs runnable threads one at a time until none is left. A thread that ends by throwing is recorded and its
     * failure thrown from here (the other threads stay queued and run on the next call).
     */
    void runReady() {
        SimThread t;
        while ((t = runnable.pollFirst()) != null) {
            t.queued = false;
            if (t.state == State.DONE) {
                continue;
            }
            t.state = State.RUNNING;
            switchTo(t);
            afterSwitch(t);
        }
    }

    private void afterSwitch(SimThread t) {
        if (t.ranCode) {
            t.ranCode = false;
            hostChanged(t.process().host(), t);
        }
        if (t.state == State.DONE && t.failure != null) {
            SimThreadException e = new SimThreadException(t, sim.nowNs(), t.failure);
            failures.add(e);
            throw e;
        }
    }

    /** Host state may have changed: its threads blocked on a condition re-evaluate it (creation order). */
    void hostChanged(SimHost host) {
        hostChanged(host, null);
    }

    private void hostChanged(SimHost host, SimThread except) {
        if (waitingCount == 0) {
            return;
        }
        TreeSet<SimThread> w = waiting.get(host);
        if (w == null) {
            return;
        }
        for (SimThread t : w) {
            if (t != except) {
                wake(t, Reason.RECHECK);
            }
        }
    }

    /** Makes a blocked thread runnable for {@code r}; a stronger reason replaces a weaker one already queued. */
    void wake(SimThread t, Reason r) {
        if (t.state != State.BLOCKED) {
            return;
        }
        if (r.compareTo(t.reason) > 0) {
            t.reason = r;
        }
        enqueue(t);
    }

    private void enqueue(SimThread t) {
        if (!t.queued) {
            t.queued = true;
            runnable.addLast(t);
        }
    }

    /** Records a blocking await: the deadline event and, for a condition, the host's waiting set. */
    void block(SimThread t, long deadlineNs) {
        if (deadlineNs != Long.MAX_VALUE) {
            t.deadlineHandle = sim.at(deadlineNs, () -> wake(t, Reason.TIMEOUT));
        }
        if (t.condition != null) {
            waiting.computeIfAbsent(t.process().host(), h -> new TreeSet<>(CREATION)).add(t);
            waitingCount++;
        }
    }

    /** Undoes {@link #block} when an await returns. */
    void unblock(SimThread t) {
        t.reason = Reason.NONE;
        if (t.deadlineHandle != 0) {
            sim.cancel(t.deadlineHandle);
            t.deadlineHandle = 0;
        }
        if (t.condition != null) {
            waiting.get(t.process().host()).remove(t);
            waitingCount--;
            t.condition = null;
        }
    }

    /** Fails unless the caller is {@code t}'s own thread holding the baton. */
    void checkHolder(SimThread t) {
        if (current != t || Thread.currentThread() != t.carrier) {
            throw new IllegalStateException("thread " + t.name() + " may block only on its own thread, with the baton");
        }
    }

    /** Fails when called by an application thread (only the simulation's own thread drives the simulation). */
    void checkNotApplication(String what) {
        if (current != null) {
            throw new IllegalStateException(what + " called by application thread " + current.name());
        }
    }

    /** Simulation side: gives {@code t} the baton and waits until it gives it back. */
    private void switchTo(SimThread t) {
        simThread = Thread.currentThread();
        current = t;
        t.baton = true;
        if (t.carrier == null) {
            t.carrier = Thread.ofVirtual().name(t.javaName()).unstarted(() -> body(t));
            t.carrier.start();
        } else {
            LockSupport.unpark(t.carrier);
        }
        for (int i = 0; i < SPINS && t.baton; i++) {
            Thread.onSpinWait();
        }
        while (t.baton) {
            LockSupport.park(this);
        }
        current = null;
    }

    /** Application side: gives the baton back to the simulation and waits until it is handed over again. */
    void yieldBaton(SimThread t) {
        t.state = State.BLOCKED;
        t.baton = false;
        LockSupport.unpark(simThread);
        while (!t.baton) {
            LockSupport.park(this);
        }
    }

    private void body(SimThread t) {
        try {
            t.ranCode = true;
            t.runBody();
        } catch (SimThread.Killed k) {
            // killed with its process: a normal end
        } catch (Throwable e) {
            t.failure = e;
        }
        unblock(t);
        t.state = State.DONE;
        t.baton = false;
        LockSupport.unpark(simThread);
    }
}
