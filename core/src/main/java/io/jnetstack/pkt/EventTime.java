package io.jnetstack.pkt;

/** When an event happens, in microseconds: absolute from the script start, or relative to the previous event. */
public sealed interface EventTime {

    /** {@code 0.1}: at this many microseconds after the script started. */
    record Absolute(long micros) implements EventTime {}

    /** {@code +0.1}: this many microseconds after the previous event. */
    record Relative(long micros) implements EventTime {}

    /** {@code *}: at any time (outbound packets only). */
    record Any() implements EventTime {}

    /** {@code 0.1~0.2}: at some time in this absolute window (outbound packets only). */
    record AbsoluteRange(long startMicros, long endMicros) implements EventTime {}

    /** {@code +0~+0.2}: at some time in this window after the previous event (outbound packets only). */
    record RelativeRange(long startMicros, long endMicros) implements EventTime {}
}
