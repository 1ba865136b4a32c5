package io.jnetstack.socket;

/** {@code struct pollfd}: the descriptor, the events asked for, the events returned. */
public final class PollFd {
    /** The descriptor; negative entries are skipped (revents 0). */
    public int fd;
    /** Requested events (POLLIN, POLLOUT, …) in the OS's numbering. */
    public int events;
    /** Returned events. */
    public int revents;

    /** An entry for {@code fd} asking for {@code events}. */
    public PollFd(int fd, int events) {
        this.fd = fd;
        this.events = events;
    }
}
