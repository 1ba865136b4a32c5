package io.jnetstack.socket;

import io.jnetstack.personality.abi.Abi;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The simulated kernel's system calls for one thread of one process: descriptor lookup, the per-thread errno and the
 * ABI numbers at the edge; the work is done by the socket's protocol ({@link TcpCalls}, {@link TcpConnectCall}),
 * {@link SocketOptionCalls} and {@link PollCall}. Every method is total: bad arguments give an errno, never an
 * exception. Socket creation, descriptor flags, file-system and process-wide calls live in {@link SocketCreation},
 * {@link DescriptorCalls}, {@link FileSystemCalls} and {@link ProcessCalls}.
 */
final class KernelSyscalls implements Syscalls {
    final SocketKernel kernel;
    final KernelProcess process;
    final ThreadContext ctx;
    private final Abi abi;
    private int errno;
    private Errno lastError;

    KernelSyscalls(SocketKernel kernel, KernelProcess process, ThreadContext ctx) {
        this.kernel = kernel;
        this.process = process;
        this.ctx = ctx;
        this.abi = kernel.abi();
    }

    @Override
    public Abi abi() {
        return abi;
    }

    @Override
    public int errno() {
        return errno;
    }

    /** The symbolic errno of the last failure (null before any). */
    Errno lastError() {
        return lastError;
    }

    /** Sets errno and returns -1. */
    int fail(Errno e) {
        lastError = e;
        errno = abi.errnos().number(e).orElseThrow(() -> new IllegalStateException(abi.name() + " has no " + e));
        return -1;
    }

    /** -1 with {@code e}, or 0 when {@code e} is null. */
    int result(Errno e) {
        return e == null ? 0 : fail(e);
    }

    /** The value of {@code c} in this ABI, or {@link Integer#MIN_VALUE} when the OS does not define it. */
    int c(AbiConstant c) {
        return abi.constants().value(c).orElse(Integer.MIN_VALUE);
    }

    Optional<AbiConstant> constant(AbiConstant.Kind kind, int value) {
        return abi.constants().lookup(kind, value);
    }



    /** Installs a new open file for {@code f}: EMFILE, then ENFILE, as Linux get_unused_fd_flags then alloc_file. */
    int install(KernelFile f, boolean nonBlocking, boolean cloexec) {
        if (process.full()) {
            return fail(Errno.EMFILE);
        }
        if (kernel.fileTableFull()) {
            return fail(Errno.ENFILE);
        }
        return process.install(kernel.newFile(f, nonBlocking), cloexec);
    }



    /**
     * Copies a socket address out as the kernels do (move_addr_to_user, sockargs' copyout): truncated to
     * {@code *addrlen}, which then holds the address's full size; EFAULT for a missing or short buffer, EINVAL for a
     * negative length.
     */
    int copyOut(io.jnetstack.personality.abi.Sockaddr a, byte[] addr, int[] addrlen) {
        if (addrlen == null || addrlen.length < 1) {
            return fail(Errno.EFAULT);
        }
        if (addrlen[0] < 0) {
            return fail(Errno.EINVAL);
        }
        byte[] enc = abi.sockaddr().encode(a);
        int n = Math.min(addrlen[0], enc.length);
        if (n > 0 && (addr == null || addr.length < n)) {
            return fail(Errno.EFAULT);
        }
        if (n > 0) {
            System.arraycopy(enc, 0, addr, 0, n);
        }
        addrlen[0] = enc.length;
        return 0;
    }

    /**
     * A slow call's wait: null when the condition holds; EAGAIN on timeout; EINTR on a signal, or a restart
     * (another wait) when the handler has SA_RESTART and {@code restartable} (accept, read, write restart on all four).
     */
    Errno waitFor(BooleanSupplier ready, long timeoutNs, boolean restartable) {
        while (true) {
            switch (Blocking.await(ctx, process, ready, timeoutNs)) {
                case READY -> {
                    return null;
                }
                case TIMEOUT -> {
                    return Errno.EAGAIN;
                }
                case INTERRUPTED -> {
                    return Errno.EINTR;
                }
                case INTERRUPTED_RESTARTABLE -> {
                    if (!restartable) {
                        return Errno.EINTR;
                    }
                }
            }
        }
    }

    /** Whether {@code flags} has {@code flag} (a flag the OS does not define is never set). */
    boolean hasFlag(int flags, AbiConstant flag) {
        int v = c(flag);
        return v != Integer.MIN_VALUE && (flags & v) != 0;
    }

    /** Copies {@code a}:{@code port} out in the socket's family ({@link #copyOut}). */
    int copyOutInet(SocketSummary.Domain domain, io.jnetstack.wire.IpAddress a, int port, byte[] addr,
            int[] addrlen) {
        return copyOut(InetAddresses.toSockaddr(domain, a, port), addr, addrlen);
    }

    /** The errno a caller's address bytes get when they do not decode (copy-in and family/length checks). */
    Errno addressErrno(io.jnetstack.personality.abi.SockaddrDecoding.Invalid bad) {
        return switch (bad.problem()) {
            case TOO_LONG -> kernel.personality().connectArgumentRules().tooLong();
            case OUTSIDE_BUFFER -> Errno.EFAULT;
            case BAD_FAMILY -> Errno.EAFNOSUPPORT;
            case NO_FAMILY, TOO_SHORT, TOO_LONG_FOR_FAMILY, BAD_LENGTH_FIELD -> Errno.EINVAL;
        };
    }

    /** shutdown(2)'s {@code how} as (read, write); null when it names neither. */
    boolean[] shutdownHow(int how) {
        boolean rd = how == c(AbiConstant.SHUT_RD) || how == c(AbiConstant.SHUT_RDWR);
        boolean wr = how == c(AbiConstant.SHUT_WR) || how == c(AbiConstant.SHUT_RDWR);
        return rd || wr ? new boolean[] {rd, wr} : null;
    }

    /** The open file behind {@code fd}; null after setting EBADF. */
    OpenFile file(int fd) {
        OpenFile f = process.file(fd);
        if (f == null) {
            fail(Errno.EBADF);
        }
        return f;
    }

    /** The socket behind {@code fd}; null after setting EBADF or ENOTSOCK. */
    Socket socketOf(int fd) {
        OpenFile f = file(fd);
        if (f == null) {
            return null;
        }
        if (f.file instanceof Socket s) {
            return s;
        }
        fail(Errno.ENOTSOCK);
        return null;
    }

    @Override
    public int bind(int fd, byte[] addr, int addrlen) {
        Errno cap = capabilityRefusal(addr, addrlen);
        if (cap != null) {
            return fail(cap);
        }
        Socket s = socketOf(fd);
        return switch (s) {
            case null -> -1;
            case TcpSocket t -> result(new TcpCalls(this).bind(t, addr, addrlen));
            case UdpSocket u -> result(new UdpCalls(this).bind(u, addr, addrlen));
            case UnixSocketFile u -> result(new UnixCalls(this).bind(u, addr, addrlen));
        };
    }

    @Override
    public int listen(int fd, int backlog) {
        Socket s = socketOf(fd);
        return switch (s) {
            case null -> -1;
            case TcpSocket t -> result(new TcpCalls(this).listen(t, backlog));
            case UdpSocket u -> fail(Errno.EOPNOTSUPP);
            case UnixSocketFile u -> result(new UnixCalls(this).listen(u, backlog));
        };
    }

    @Override
    public int accept(int fd, byte[] addr, int[] addrlen) {
        return acceptWith(fd, addr, addrlen, false, false);
    }

    @Override
    public int accept4(int fd, byte[] addr, int[] addrlen, int flags) {
        var f = abi.constants().decodeFlags(AbiConstant.Kind.SOCKET_FLAG, flags);
        if (f.unknownBits() != 0 || c(AbiConstant.SOCK_NONBLOCK) == Integer.MIN_VALUE) {
            return fail(c(AbiConstant.SOCK_NONBLOCK) == Integer.MIN_VALUE ? Errno.ENOSYS : Errno.EINVAL);
        }
        return acceptWith(fd, addr, addrlen, f.known().contains(AbiConstant.SOCK_NONBLOCK),
                f.known().contains(AbiConstant.SOCK_CLOEXEC));
    }

    private int acceptWith(int fd, byte[] addr, int[] addrlen, boolean nonBlocking, boolean cloexec) {
        OpenFile f = file(fd);
        if (f == null) {
            return -1;
        }
        if (!(f.file instanceof Socket s)) {
            return fail(Errno.ENOTSOCK);
        }
        return switch (s) {
            case TcpSocket t -> new TcpCalls(this).accept(t, f.nonBlocking, addr, addrlen, nonBlocking, cloexec);
            case UdpSocket u -> fail(Errno.EOPNOTSUPP);
            case UnixSocketFile u -> new UnixCalls(this).accept(u, f.nonBlocking, addr, addrlen, nonBlocking,
                    cloexec);
        };
    }

    @Override
    public int connect(int fd, byte[] addr, int addrlen) {
        Errno cap = capabilityRefusal(addr, addrlen);
        if (cap != null) {
            return fail(cap);
        }
        OpenFile f = process.file(fd);
        if (f == null || !(f.file instanceof Socket s)) {
            // the descriptor and copy-in errors in the OS's order
            SocketSummary summary = f == null ? SocketSummary.badDescriptor() : SocketSummary.notSocket();
            ConnectCheck c = ConnectArguments.check(kernel.personality(), summary, addr, 0,
                    addr == null ? 0 : addr.length, addrlen);
            return fail(c instanceof ConnectCheck.Fail fail ? fail.errno() : Errno.ENOTSOCK);
        }
        Errno pledged = pledgeRefusal(s);
        if (pledged != null) {
            return fail(pledged);
        }
        return switch (s) {
            case TcpSocket t -> result(new TcpConnectCall(kernel, process, ctx).connect(t, f.nonBlocking, addr,
                    addrlen));
            case UdpSocket u -> result(new UdpCalls(this).connect(u, f.nonBlocking, addr, addrlen));
            case UnixSocketFile u -> result(new UnixCalls(this).connect(u, f.nonBlocking, addr, addrlen));
        };
    }

    @Override
    public int close(int fd) {
        OpenFile f = process.remove(fd);
        if (f == null) {
            return fail(Errno.EBADF);
        }
        kernel.releaseFile(f, ctx.nowNs());
        return 0;
    }

    @Override
    public int shutdown(int fd, int how) {
        Socket s = socketOf(fd);
        return switch (s) {
            case null -> -1;
            case TcpSocket t -> result(new TcpCalls(this).shutdown(t, how));
            case UdpSocket u -> result(new UdpCalls(this).shutdown(u, how));
            case UnixSocketFile u -> result(new UnixCalls(this).shutdown(u, how));
        };
    }

    @Override
    public int read(int fd, byte[] buf, int count) {
        return recvfrom(fd, buf, count, 0, null, null);
    }

    @Override
    public int write(int fd, byte[] buf, int count) {
        return sendto(fd, buf, count, 0, null, 0);
    }

    @Override
    public int recv(int fd, byte[] buf, int len, int flags) {
        return recvfrom(fd, buf, len, flags, null, null);
    }

    @Override
    public int send(int fd, byte[] buf, int len, int flags) {
        return sendto(fd, buf, len, flags, null, 0);
    }

    @Override
    public int recvfrom(int fd, byte[] buf, int len, int flags, byte[] addr, int[] addrlen) {
        OpenFile f = file(fd);
        if (f == null) {
            return -1;
        }
        if (!(f.file instanceof Socket s)) {
            return f.file instanceof RegularFile ? 0 : fail(Errno.ENOTSOCK);
        }
        byte[] b = buffer(buf, len);
        return switch (b == null ? null : s) {
            case null -> -1;
            case TcpSocket t -> new TcpCalls(this).receive(t, f.nonBlocking, b, len, flags);
            case UdpSocket u -> new UdpCalls(this).receive(u, f.nonBlocking, b, len, flags, addr, addrlen);
            case UnixSocketFile u -> new UnixCalls(this).receive(u, f.nonBlocking, b, len, flags, addr, addrlen);
        };
    }

    @Override
    public int sendto(int fd, byte[] buf, int len, int flags, byte[] addr, int addrlen) {
        Errno cap = addr == null ? null : capabilityRefusal(addr, addrlen);
        if (cap != null) {
            return fail(cap);
        }
        OpenFile f = file(fd);
        if (f == null) {
            return -1;
        }
        if (!(f.file instanceof Socket s)) {
            return f.file instanceof RegularFile ? Math.max(len, 0) : fail(Errno.ENOTSOCK);
        }
        byte[] b = buffer(buf, len);
        return switch (b == null ? null : s) {
            case null -> -1;
            case TcpSocket t -> addr != null && t.options.fastOpen && t.handle == null && !t.listening
                    ? sendFastOpen(t, f.nonBlocking, b, len, addr, addrlen)
                    : new TcpCalls(this).send(t, f.nonBlocking, b, len, flags);
            case UdpSocket u -> new UdpCalls(this).send(u, f.nonBlocking, b, len, flags, addr, addrlen);
            case UnixSocketFile u -> new UnixCalls(this).send(u, f.nonBlocking, b, len, flags, addr, addrlen);
        };
    }

    /**
     * sendto(2) with an address on an unconnected TCP_FASTOPEN socket (FreeBSD tcp_usr_send: tcp_connect, then
     * tcp_fastopen_connect, the data appended to the send buffer, tcp_output): the implicit connect's errors, else
     * the bytes queued, which the SYN carries when a cookie is cached.
     */
    private int sendFastOpen(TcpSocket t, boolean nonBlocking, byte[] b, int len, byte[] addr, int addrlen) {
        byte[] data = java.util.Arrays.copyOf(b, len);
        Errno e = new TcpConnectCall(kernel, process, ctx).connectFastOpen(t, addr, addrlen, data);
        if (e != null) {
            return fail(e);
        }
        var c = kernel.stack().tcpConnection(t.handle);
        return c == null ? len : c.unacknowledged();
    }

    /**
     * The data buffer of a read or write: EINVAL for a negative length, EFAULT when the buffer is shorter than it
     * (memory outside the process); a NULL buffer with length 0 is never touched. Null after setting errno.
     */
    private byte[] buffer(byte[] buf, int len) {
        if (len < 0) {
            fail(Errno.EINVAL);
            return null;
        }
        if (len > 0 && (buf == null || buf.length < len)) {
            fail(Errno.EFAULT);
            return null;
        }
        return buf == null ? new byte[0] : buf;
    }

    @Override
    public int recvmsg(int fd, MessageHeader msg, int flags) {
        if (msg == null) {
            return fail(Errno.EFAULT);
        }
        int[] len = {msg.namelen};
        int n = recvfrom(fd, msg.data, msg.length, flags, msg.name, msg.name == null ? null : len);
        msg.namelen = msg.name == null ? 0 : len[0];
        return n;
    }

    @Override
    public int sendmsg(int fd, MessageHeader msg, int flags) {
        if (msg == null) {
            return fail(Errno.EFAULT);
        }
        return sendto(fd, msg.data, msg.length, flags, msg.name, msg.namelen);
    }

    @Override
    public int getsockopt(int fd, int level, int optname, byte[] optval, int[] optlen) {
        Socket s = socketOf(fd);
        return s == null ? -1 : new SocketOptionCalls(this).get(s, level, optname, optval, optlen);
    }

    @Override
    public int setsockopt(int fd, int level, int optname, byte[] optval, int optlen) {
        Socket s = socketOf(fd);
        return s == null ? -1 : new SocketOptionCalls(this).set(s, level, optname, optval, optlen);
    }

    @Override
    public int getsockname(int fd, byte[] addr, int[] addrlen) {
        Socket s = socketOf(fd);
        return switch (s) {
            case null -> -1;
            case TcpSocket t -> new TcpCalls(this).name(t, false, addr, addrlen);
            case UdpSocket u -> new UdpCalls(this).name(u, false, addr, addrlen);
            case UnixSocketFile u -> new UnixCalls(this).name(u, false, addr, addrlen);
        };
    }

    @Override
    public int getpeername(int fd, byte[] addr, int[] addrlen) {
        Socket s = socketOf(fd);
        return switch (s) {
            case null -> -1;
            case TcpSocket t -> new TcpCalls(this).name(t, true, addr, addrlen);
            case UdpSocket u -> new UdpCalls(this).name(u, true, addr, addrlen);
            case UnixSocketFile u -> new UnixCalls(this).name(u, true, addr, addrlen);
        };
    }



    @Override
    public int poll(PollFd[] fds, int nfds, int timeoutMs) {
        return new PollCall(this).poll(fds, nfds, timeoutMs);
    }

    @Override
    public int select(int nfds, FdSet readfds, FdSet writefds, FdSet exceptfds, long timeoutUs) {
        return new PollCall(this).select(nfds, readfds, writefds, exceptfds, timeoutUs);
    }

    @Override
    public int open(String path, int flags) {
        return new FileSystemCalls(this).open(path, flags);
    }

    @Override
    public int mkdir(String path, int mode) {
        return new FileSystemCalls(this).mkdir(path, mode);
    }

    @Override
    public int creat(String path, int mode) {
        return new FileSystemCalls(this).creat(path, mode);
    }

    @Override
    public int chmod(String path, int mode) {
        return new FileSystemCalls(this).chmod(path, mode);
    }

    @Override
    public int symlink(String target, String linkPath) {
        return new FileSystemCalls(this).symlink(target, linkPath);
    }

    @Override
    public int unlink(String path) {
        return new FileSystemCalls(this).unlink(path);
    }

    @Override
    public int sysctl(String name, long[] oldValues, long[] newValues) {
        return new ProcessCalls(this).sysctl(name, oldValues, newValues);
    }

    @Override
    public int sigaction(int signo, SignalDisposition disposition) {
        return new ProcessCalls(this).sigaction(signo, disposition);
    }

    @Override
    public int setOpenFileLimit(int limit) {
        return new ProcessCalls(this).setOpenFileLimit(limit);
    }

    @Override
    public int setuid(int uid) {
        return new ProcessCalls(this).setuid(uid);
    }

    @Override
    public int setgid(int gid) {
        return new ProcessCalls(this).setgid(gid);
    }

    @Override
    public int capEnter() {
        return new ProcessCalls(this).capEnter();
    }

    @Override
    public int pledge(String promises) {
        return new ProcessCalls(this).pledge(promises);
    }

    private Errno capabilityRefusal(byte[] addr, int addrlen) {
        return new ProcessCalls(this).capabilityRefusal(addr, addrlen);
    }

    private Errno pledgeRefusal(Socket s) {
        return new ProcessCalls(this).pledgeRefusal(s);
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        return new SocketCreation(this).socket(domain, type, protocol);
    }

    @Override
    public int socketpair(int domain, int type, int protocol, int[] sv) {
        return new SocketCreation(this).socketpair(domain, type, protocol, sv);
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        return new DescriptorCalls(this).fcntl(fd, cmd, arg);
    }

    @Override
    public int ioctl(int fd, int request, int[] arg) {
        return new DescriptorCalls(this).ioctl(fd, request, arg);
    }

    /**
     * A write on a socket that cannot send any more (EPIPE) raises SIGPIPE unless MSG_NOSIGNAL or SO_NOSIGPIPE says
     * not to (Linux sk_stream_error, BSD sosend): the default action kills the process; ignored or caught, the call
     * returns EPIPE. Returns -1 with EPIPE when the process survives.
     */
    int brokenPipe(Socket s, int flags) {
        int nosignal = c(AbiConstant.MSG_NOSIGNAL);
        boolean quiet = nosignal != Integer.MIN_VALUE && (flags & nosignal) != 0 || s.options.noSigPipe;
        if (!quiet && process.disposition(13) == SignalDisposition.DEFAULT) {
            ctx.killProcess(13);
        }
        return fail(Errno.EPIPE);
    }
}
