package io.jnetstack.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A process on a simulated host (design.md §5): a name, a pid (per host, from 1 in spawn order) and the
 * {@link SimThread}s it started. Made by {@link SimHost#spawn}. Threads run in virtual time, one at a time, when the
 * simulation runs ({@link Simulation#runUntil}); starting one does not run it.
 */
public final class SimProcess {
    private final SimHost host;
    private final SimScheduler scheduler;
    private final Simulation sim;
    private final String name;
    private final int pid;
    private final List<SimThread> threads = new ArrayList<>();
    private io.jnetstack.socket.KernelProcess kernelProcess;

    SimProcess(SimHost host, SimScheduler scheduler, Simulation sim, String name, int pid) {
        this.host = host;
        this.scheduler = scheduler;
        this.sim = sim;
        this.name = name;
        this.pid = pid;
    }

    /** The host it runs on. */
    public SimHost host() {
        return host;
    }

    /** The name given at spawn. */
    public String name() {
        return name;
    }

    /** Its process id, unique on its host. */
    public int pid() {
        return pid;
    }

    /** The socket layer's view of this process (its descriptor table), made on first use. */
    public io.jnetstack.socket.KernelProcess kernelProcess() {
        if (kernelProcess == null) {
            kernelProcess = host.kernel().process();
        }
        return kernelProcess;
    }

    /** Every thread it started, in start order (ended ones included). */
    public List<SimThread> threads() {
        return List.copyOf(threads);
    }

    /** True while any of its threads has not ended. */
    public boolean alive() {
        for (SimThread t : threads) {
            if (t.state() != SimThread.State.DONE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts a thread running {@code body} with itself as its {@link io.jnetstack.socket.ThreadContext}. It becomes
     * runnable at the current virtual time, behind the threads already runnable; it first runs when the simulation
     * next runs (or, started by a running thread, once that thread blocks).
     */
    public SimThread start(String threadName, Consumer<? super SimThread> body) {
        SimThread t = new SimThread(this, scheduler, sim, threadName, body);
        threads.add(t);
        scheduler.started(t);
        return t;
    }

    /**
     * Kills the process: its descriptors are closed (as exit(2) does); each thread that has not run yet ends at once;
     * each blocked one is unwound (its await throws an unchecked error that ends it quietly) when the simulation
     * next runs its threads. Called by one of
     * its own threads, the caller unwinds at once (like exit).
     */
    public void kill() {
        if (kernelProcess != null) {
            kernelProcess.exit(sim.nowNs());
        }
        SimThread self = scheduler.current();
        for (SimThread t : threads) {
            if (t.state == SimThread.State.DONE) {
                continue;
            }
            t.killed = true;
            if (t.state == SimThread.State.RUNNABLE) {
                t.state = SimThread.State.DONE;
            } else {
                scheduler.wake(t, SimThread.Reason.KILL);
            }
        }
        if (self != null && self.process() == this) {
            throw new SimThread.Killed();
        }
    }

    @Override
    public String toString() {
        return "SimProcess[" + host.name() + "/" + name + " pid " + pid + "]";
    }
}
