package io.jnetstack.pkt;

/**
 * A timed line of a script: when, and what happens then.
 *
 * @param position where the event's time starts (packetdrill reports events by this line)
 * @param time the time specification
 * @param action the packet, system call, shell command or code snippet
 */
public record Event(Position position, EventTime time, Action action) implements Statement {}
