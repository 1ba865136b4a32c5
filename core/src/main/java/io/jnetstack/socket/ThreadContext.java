package io.jnetstack.socket;

import java.util.function.BooleanSupplier;

/**
 * The calling thread as a system call sees it (design.md §5): the time now, and a way to block. On the simulated
 * network the simulator implements it — the thread parks, other threads run, virtual time advances to the next
 * deadline — so a blocking connect() to a black hole returns after the personality's full back-off in
 * microseconds of real time. The socket layer decides what a wake-up means (EINTR, SA_RESTART, SO_SNDTIMEO).
 */
public interface ThreadContext {

    /** Why {@link #await} returned. */
    enum Wake {
        /** The condition holds. */
        READY,
        /** The deadline passed first. */
        TIMEOUT,
        /** A signal arrived for this thread first ({@link #takeSignal()} says which). */
        SIGNAL
    }

    /** Virtual (or, on a real-time driver, wall-clock) time in nanoseconds. */
    long nowNs();

    /**
     * Blocks until {@code ready} holds, {@code deadlineNs} passes ({@link Long#MAX_VALUE}: never) or a signal is
     * pending. The condition is evaluated on the calling thread whenever the host's network state may have changed,
     * and once before blocking (a condition that already holds returns {@link Wake#READY} at once).
     */
    Wake await(BooleanSupplier ready, long deadlineNs);

    /** The lowest-numbered pending signal, removed from the pending set; 0 when none. */
    int takeSignal();

    /**
     * The kernel kills the calling process with {@code signo} (OpenBSD pledge violations: SIGABRT). Does not return
     * to the caller on the simulator: the thread unwinds.
     */
    void killProcess(int signo);
}
