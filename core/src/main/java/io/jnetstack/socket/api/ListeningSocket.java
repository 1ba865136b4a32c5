package io.jnetstack.socket.api;

/** A listening TCP socket; {@link #accept} blocks until a connection completes. */
public final class ListeningSocket implements AutoCloseable {
    private final Sockets s;
    private final int fd;

    ListeningSocket(Sockets s, int fd) {
        this.s = s;
        this.fd = fd;
    }

    /** The descriptor. */
    public int fd() {
        return fd;
    }

    /** The next completed connection. */
    public StreamSocket accept() throws ErrnoException {
        return new StreamSocket(s, s.check("accept", s.syscalls().accept(fd, null, null)));
    }

    @Override
    public void close() throws ErrnoException {
        s.check("close", s.syscalls().close(fd));
    }
}
