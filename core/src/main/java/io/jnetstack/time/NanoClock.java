package io.jnetstack.time;

/** A source of monotonic time in nanoseconds. In simulation this is virtual time, never the wall clock. */
@FunctionalInterface
public interface NanoClock {
    /** The current time in nanoseconds; never decreases between calls. */
    long nanoTime();
}
