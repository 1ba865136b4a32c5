package io.jnetstack.socket;

import io.jnetstack.personality.abi.Abi;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.socket.vfs.Cred;
import io.jnetstack.socket.vfs.VfsResult;
import java.util.Optional;

/**
 * The simulated kernel's system calls for one thread of one process: descriptor lookup, the per-thread errno and the
 * ABI numbers at the edge; the work is done by the socket's protocol ({@link TcpCalls}, {@link TcpConnectCall}),
 * {@link SocketOptionCalls} and {@link PollCall}. Every method is total: bad arguments give an errno, never an
 * exception.
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

    @Override
    public int socket(int domain, int type, int protocol) {
        var flags = abi.constants().decodeFlags(AbiConstant.Kind.SOCKET_FLAG, type);
        Optional<AbiConstant> fam = constant(AbiConstant.Kind.ADDRESS_FAMILY, domain);
        if (fam.isEmpty() || fam.get() == AbiConstant.AF_UNSPEC) {
            return fail(Errno.EAFNOSUPPORT);
        }
        Optional<AbiConstant> ty = constant(AbiConstant.Kind.SOCKET_TYPE, flags.unknownBits());
        if (ty.isEmpty()) {
            return fail(Errno.EPROTONOSUPPORT);
        }
        SocketSummary.Domain d = switch (fam.get()) {
            case AF_INET6 -> SocketSummary.Domain.INET6;
            case AF_UNIX -> SocketSummary.Domain.UNIX;
            default -> SocketSummary.Domain.INET;
        };
        Socket s;
        switch (ty.get()) {
            case SOCK_STREAM -> {
                if (d == SocketSummary.Domain.UNIX) {
                    return fail(Errno.EPROTONOSUPPORT);
                }
                if (protocol != 0 && protocol != c(AbiConstant.IPPROTO_TCP)) {
                    return fail(Errno.EPROTONOSUPPORT);
                }
                s = new TcpSocket(kernel, d);
            }
            default -> {
                return fail(Errno.EPROTONOSUPPORT);
            }
        }
        return install(s, flags.known().contains(AbiConstant.SOCK_NONBLOCK),
                flags.known().contains(AbiConstant.SOCK_CLOEXEC));
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

    @Override
    public int socketpair(int domain, int type, int protocol, int[] sv) {
        if (sv == null || sv.length < 2) {
            return fail(Errno.EFAULT);
        }
        Optional<AbiConstant> fam = constant(AbiConstant.Kind.ADDRESS_FAMILY, domain);
        if (fam.isEmpty()) {
            return fail(Errno.EAFNOSUPPORT);
        }
        return fail(fam.get() == AbiConstant.AF_UNIX ? Errno.EPROTONOSUPPORT : Errno.EOPNOTSUPP);
    }

    @Override
    public int open(String path, int flags) {
        if (path == null) {
            return fail(Errno.EFAULT);
        }
        VfsResult r = kernel.vfs().lookup(path, Cred.root(), true);
        return switch (r) {
            case VfsResult.Ok ok -> install(new RegularFile(ok.node()), false, false);
            case VfsResult.Err err -> fail(err.errno());
        };
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
        Socket s = socketOf(fd);
        return switch (s) {
            case null -> -1;
            case TcpSocket t -> result(new TcpCalls(this).bind(t, addr, addrlen));
        };
    }

    @Override
    public int listen(int fd, int backlog) {
        Socket s = socketOf(fd);
        return switch (s) {
            case null -> -1;
            case TcpSocket t -> result(new TcpCalls(this).listen(t, backlog));
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
        };
    }

    @Override
    public int connect(int fd, byte[] addr, int addrlen) {
        OpenFile f = process.file(fd);
        if (f == null || !(f.file instanceof Socket s)) {
            // the descriptor and copy-in errors in the OS's order
            SocketSummary summary = f == null ? SocketSummary.badDescriptor() : SocketSummary.notSocket();
            ConnectCheck c = ConnectArguments.check(kernel.personality(), summary, addr, 0,
                    addr == null ? 0 : addr.length, addrlen);
            return fail(c instanceof ConnectCheck.Fail fail ? fail.errno() : Errno.ENOTSOCK);
        }
        return switch (s) {
            case TcpSocket t -> result(new TcpConnectCall(kernel, process, ctx).connect(t, f.nonBlocking, addr,
                    addrlen));
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
        if (len < 0) {
            return fail(Errno.EINVAL);
        }
        if (len > 0 && (buf == null || buf.length < len)) {
            return fail(Errno.EFAULT);
        }
        return switch (s) {
            case TcpSocket t -> new TcpCalls(this).receive(t, f.nonBlocking, buf, len, flags);
        };
    }

    @Override
    public int sendto(int fd, byte[] buf, int len, int flags, byte[] addr, int addrlen) {
        OpenFile f = file(fd);
        if (f == null) {
            return -1;
        }
        if (!(f.file instanceof Socket s)) {
            return f.file instanceof RegularFile ? Math.max(len, 0) : fail(Errno.ENOTSOCK);
        }
        if (len < 0) {
            return fail(Errno.EINVAL);
        }
        if (len > 0 && (buf == null || buf.length < len)) {
            return fail(Errno.EFAULT);
        }
        return switch (s) {
            case TcpSocket t -> new TcpCalls(this).send(t, f.nonBlocking, buf, len, flags);
        };
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
        };
    }

    @Override
    public int getpeername(int fd, byte[] addr, int[] addrlen) {
        Socket s = socketOf(fd);
        return switch (s) {
            case null -> -1;
            case TcpSocket t -> new TcpCalls(this).name(t, true, addr, addrlen);
        };
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        OpenFile f = file(fd);
        if (f == null) {
            return -1;
        }
        Optional<AbiConstant> command = constant(AbiConstant.Kind.FCNTL_COMMAND, cmd);
        if (command.isEmpty()) {
            return fail(Errno.EINVAL);
        }
        int nonblock = c(AbiConstant.O_NONBLOCK);
        int cloexec = c(AbiConstant.FD_CLOEXEC);
        return switch (command.get()) {
            case F_GETFL -> (f.nonBlocking ? nonblock : 0) | 2; // O_RDWR is 2 on all four
            case F_SETFL -> {
                f.nonBlocking = (arg & nonblock) != 0;
                yield 0;
            }
            case F_GETFD -> process.closeOnExec(fd) ? cloexec : 0;
            case F_SETFD -> {
                process.setCloseOnExec(fd, (arg & cloexec) != 0);
                yield 0;
            }
            default -> fail(Errno.EINVAL);
        };
    }

    @Override
    public int ioctl(int fd, int request, int[] arg) {
        OpenFile f = file(fd);
        if (f == null) {
            return -1;
        }
        Optional<AbiConstant> req = constant(AbiConstant.Kind.IOCTL, request);
        if (req.isEmpty()) {
            return fail(Errno.ENOTTY);
        }
        if (arg == null || arg.length < 1) {
            return fail(Errno.EFAULT);
        }
        return switch (req.get()) {
            case FIONBIO -> {
                f.nonBlocking = arg[0] != 0;
                yield 0;
            }
            case FIONREAD -> {
                arg[0] = f.file instanceof TcpSocket t ? TcpCalls.available(t) : 0;
                yield 0;
            }
            default -> fail(Errno.ENOTTY);
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
    public int sysctl(String name, long[] oldValue, Long newValue) {
        if (name == null) {
            return fail(Errno.EFAULT);
        }
        Long v = kernel.sysctls().get(name);
        if (v == null) {
            return fail(Errno.ENOENT);
        }
        if (oldValue != null) {
            if (oldValue.length < 1) {
                return fail(Errno.EFAULT);
            }
            oldValue[0] = v;
        }
        if (newValue != null && (newValue < 0 || !kernel.sysctls().set(name, newValue))) {
            return fail(Errno.EINVAL);
        }
        return 0;
    }

    @Override
    public int sigaction(int signo, SignalDisposition disposition) {
        if (signo <= 0 || signo >= 32 || disposition == null) {
            return fail(Errno.EINVAL);
        }
        process.setDisposition(signo, disposition);
        return 0;
    }

    @Override
    public int setOpenFileLimit(int limit) {
        if (limit < 0) {
            return fail(Errno.EINVAL);
        }
        process.setOpenFileLimit(limit);
        return 0;
    }
}
