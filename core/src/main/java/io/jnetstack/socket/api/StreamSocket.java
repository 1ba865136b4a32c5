package io.jnetstack.socket.api;

import io.jnetstack.personality.abi.AbiConstant;
import java.net.InetSocketAddress;
import java.util.Arrays;

/** A connected TCP socket: blocking reads and writes, names, shutdown and close; failures as {@link ErrnoException}. */
public final class StreamSocket implements AutoCloseable {
    private final Sockets s;
    private final int fd;

    StreamSocket(Sockets s, int fd) {
        this.s = s;
        this.fd = fd;
    }

    /** The descriptor. */
    public int fd() {
        return fd;
    }

    /** Reads up to {@code max} bytes; an empty array at end of stream. */
    public byte[] read(int max) throws ErrnoException {
        byte[] b = new byte[max];
        int n = s.check("read", s.syscalls().read(fd, b, max));
        return Arrays.copyOf(b, n);
    }

    /** Writes all of {@code data} (a blocking socket's write takes it all or fails). */
    public int write(byte[] data) throws ErrnoException {
        return s.check("write", s.syscalls().write(fd, data, data.length));
    }

    /** shutdown(SHUT_WR): a FIN after the data. */
    public void shutdownOutput() throws ErrnoException {
        s.check("shutdown", s.syscalls().shutdown(fd, s.k(AbiConstant.SHUT_WR)));
    }

    /** The local address (getsockname). */
    public InetSocketAddress localAddress() throws ErrnoException {
        byte[] b = new byte[128];
        int[] len = {128};
        s.check("getsockname", s.syscalls().getsockname(fd, b, len));
        return s.decode(b, len[0]);
    }

    /** The peer's address (getpeername). */
    public InetSocketAddress remoteAddress() throws ErrnoException {
        byte[] b = new byte[128];
        int[] len = {128};
        s.check("getpeername", s.syscalls().getpeername(fd, b, len));
        return s.decode(b, len[0]);
    }

    @Override
    public void close() throws ErrnoException {
        s.check("close", s.syscalls().close(fd));
    }
}
