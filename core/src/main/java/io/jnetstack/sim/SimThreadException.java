package io.jnetstack.sim;

/**
 * An application thread ended by throwing: thrown from {@link Simulation#runUntil} right after the thread gave the
 * baton back (the rest of the run stays queued; call it again to go on), and kept in
 * {@link Simulation#threadFailures()}. The cause is what the thread threw.
 */
public final class SimThreadException extends RuntimeException {
    private final transient SimThread thread;
    private final long timeNs;

    SimThreadException(SimThread thread, long timeNs, Throwable cause) {
        super("thread " + thread.javaName() + " (#" + thread.id() + ") failed at " + timeNs + " ns: " + cause, cause);
        this.thread = thread;
        this.timeNs = timeNs;
    }

    /** The thread that failed. */
    public SimThread thread() {
        return thread;
    }

    /** The virtual time it failed at. */
    public long timeNs() {
        return timeNs;
    }
}
