package io.jnetstack.time;

/** A {@link NanoClock} that only moves when told to; the simulation loop advances it to each event's time. */
public final class ManualClock implements NanoClock {
    private long now;

    /** A clock reading {@code startNs}. */
    public ManualClock(long startNs) {
        this.now = startNs;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /**
     * Moves the clock to {@code ns} (staying put is allowed).
     *
     * @throws IllegalArgumentException when {@code ns} is before the current time
     */
    public void advanceTo(long ns) {
        if (ns < now) {
            throw new IllegalArgumentException("clock cannot go backwards: now=" + now + " requested=" + ns);
        }
        now = ns;
    }

    /**
     * Moves the clock forward by {@code deltaNs}.
     *
     * @throws IllegalArgumentException when {@code deltaNs} is negative or the result overflows
     */
    public void advanceBy(long deltaNs) {
        if (deltaNs < 0) {
            throw new IllegalArgumentException("negative delta: " + deltaNs);
        }
        advanceTo(Math.addExact(now, deltaNs));
    }

    @Override
    public String toString() {
        return "ManualClock[" + now + " ns]";
    }
}
