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
        int tcp = c(AbiConstant.IPPROTO_TCP);
        int udp = c(AbiConstant.IPPROTO_UDP);
        Socket s;
        switch (ty.get()) {
            case SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET -> {
                if (d == SocketSummary.Domain.UNIX) {
                    if (protocol != 0) {
                        return fail(Errno.EPROTONOSUPPORT);
                    }
                    var r = kernel.unix().socket(unixType(ty.get()));
                    if (!(r instanceof io.jnetstack.socket.unix.UnixResult.Done<
                            io.jnetstack.socket.unix.UnixSocket> u)) {
                        return fail(r.errnoOrNull());
                    }
                    s = new UnixSocketFile(kernel, u.value());
                } else if (ty.get() == AbiConstant.SOCK_STREAM && (protocol == 0 || protocol == tcp)) {
                    s = new TcpSocket(kernel, d);
                } else if (ty.get() == AbiConstant.SOCK_DGRAM && (protocol == 0 || protocol == udp)) {
                    if (process.full() || kernel.fileTableFull()) {
                        return fail(process.full() ? Errno.EMFILE : Errno.ENFILE);
                    }
                    s = kernel.newUdp(d);
                } else {
                    return fail(Errno.EPROTONOSUPPORT);
                }
            }
            default -> {
                return fail(Errno.EPROTONOSUPPORT);
            }
        }
        return install(s, flags.known().contains(AbiConstant.SOCK_NONBLOCK),
                flags.known().contains(AbiConstant.SOCK_CLOEXEC));
    }

    private static io.jnetstack.socket.unix.UnixType unixType(AbiConstant t) {
        return switch (t) {
            case SOCK_DGRAM -> io.jnetstack.socket.unix.UnixType.DATAGRAM;
            case SOCK_SEQPACKET -> io.jnetstack.socket.unix.UnixType.SEQPACKET;
            default -> io.jnetstack.socket.unix.UnixType.STREAM;
        };
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
        var flags = abi.constants().decodeFlags(AbiConstant.Kind.SOCKET_FLAG, type);
        Optional<AbiConstant> fam = constant(AbiConstant.Kind.ADDRESS_FAMILY, domain);
        Optional<AbiConstant> ty = constant(AbiConstant.Kind.SOCKET_TYPE, flags.unknownBits());
        if (fam.isEmpty() || fam.get() == AbiConstant.AF_UNSPEC) {
            return fail(Errno.EAFNOSUPPORT);
        }
        if (fam.get() != AbiConstant.AF_UNIX) {
            return fail(Errno.EOPNOTSUPP); // inet: socketpair is not supported (pru_connect2 / sock_no_socketpair)
        }
        if (ty.isEmpty() || protocol != 0) {
            return fail(Errno.EPROTONOSUPPORT);
        }
        if (sv == null || sv.length < 2) {
            return fail(Errno.EFAULT);
        }
        var r = kernel.unix().socketPair(unixType(ty.get()));
        if (!(r instanceof io.jnetstack.socket.unix.UnixResult.Done<io.jnetstack.socket.unix.UnixDomain.Pair> p)) {
            return fail(r.errnoOrNull());
        }
        boolean nb = flags.known().contains(AbiConstant.SOCK_NONBLOCK);
        boolean ce = flags.known().contains(AbiConstant.SOCK_CLOEXEC);
        int a = install(new UnixSocketFile(kernel, p.value().first()), nb, ce);
        if (a < 0) {
            p.value().first().close();
            p.value().second().close();
            return a;
        }
        int b = install(new UnixSocketFile(kernel, p.value().second()), nb, ce);
        if (b < 0) {
            close(a);
            p.value().second().close();
            return b;
        }
        sv[0] = a;
        sv[1] = b;
        return 0;
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
            case TcpSocket t -> new TcpCalls(this).send(t, f.nonBlocking, b, len, flags);
            case UdpSocket u -> new UdpCalls(this).send(u, f.nonBlocking, b, len, flags, addr, addrlen);
            case UnixSocketFile u -> new UnixCalls(this).send(u, f.nonBlocking, b, len, flags, addr, addrlen);
        };
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
                arg[0] = switch (f.file) {
                    case TcpSocket t -> TcpCalls.available(t);
                    case UdpSocket u -> kernel.stack().udp().queuedCount(u.handle) == 0 ? 0
                            : kernel.stack().udp().peek(u.handle).length();
                    default -> 0;
                };
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
    public int sysctl(String name, long[] oldValues, long[] newValues) {
        if (name == null) {
            return fail(Errno.EFAULT);
        }
        long[] v = kernel.sysctls().get(name);
        if (v == null) {
            return fail(Errno.ENOENT);
        }
        if (oldValues != null) {
            if (oldValues.length < v.length) {
                return fail(Errno.EFAULT);
            }
            System.arraycopy(v, 0, oldValues, 0, v.length);
        }
        if (newValues != null) {
            if (!process.cred().isRoot()) {
                return fail(Errno.EPERM);
            }
            if (!kernel.sysctls().set(name, newValues)) {
                return fail(Errno.EINVAL);
            }
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

    @Override
    public int mkdir(String path, int mode) {
        return path == null ? fail(Errno.EFAULT) : vfs(kernel.vfs().mkdir(path, mode & ~process.umask(),
                process.cred()));
    }

    @Override
    public int creat(String path, int mode) {
        if (path == null) {
            return fail(Errno.EFAULT);
        }
        VfsResult r = kernel.vfs().createFile(path, mode & ~process.umask(), process.cred());
        return switch (r) {
            case VfsResult.Ok ok -> install(new RegularFile(ok.node()), false, false);
            case VfsResult.Err err -> fail(err.errno());
        };
    }

    @Override
    public int chmod(String path, int mode) {
        return path == null ? fail(Errno.EFAULT) : vfs(kernel.vfs().chmod(path, mode, process.cred()));
    }

    @Override
    public int symlink(String target, String linkPath) {
        return target == null || linkPath == null ? fail(Errno.EFAULT)
                : vfs(kernel.vfs().symlink(target, linkPath, process.cred()));
    }

    @Override
    public int unlink(String path) {
        return path == null ? fail(Errno.EFAULT) : vfs(kernel.vfs().unlink(path, process.cred()));
    }

    @Override
    public int setuid(int uid) {
        if (uid < 0) {
            return fail(Errno.EINVAL);
        }
        Cred c = process.cred();
        if (!c.isRoot() && c.uid() != uid) {
            return fail(Errno.EPERM);
        }
        process.setCred(new Cred(uid, c.gid(), c.groups()));
        return 0;
    }

    @Override
    public int setgid(int gid) {
        if (gid < 0) {
            return fail(Errno.EINVAL);
        }
        Cred c = process.cred();
        if (!c.isRoot() && c.gid() != gid) {
            return fail(Errno.EPERM);
        }
        process.setCred(new Cred(c.uid(), gid, c.groups()));
        return 0;
    }

    private int vfs(VfsResult r) {
        return switch (r) {
            case VfsResult.Ok ok -> 0;
            case VfsResult.Err err -> fail(err.errno());
        };
    }

    @Override
    public int capEnter() {
        if (!abi.errnos().defines(Errno.ECAPMODE)) {
            return fail(Errno.ENOSYS);
        }
        process.enterCapabilityMode();
        return 0;
    }

    /**
     * FreeBSD sys_connect/sys_bind/kern_sendit in capability mode: the address is copied in first (its errors win),
     * then ECAPMODE. Null when the process is not in capability mode.
     */
    private Errno capabilityRefusal(byte[] addr, int addrlen) {
        if (!process.capabilityMode()) {
            return null;
        }
        ConnectCheck c = ConnectArguments.check(kernel.personality(), SocketSummary.badDescriptor(), addr, 0,
                addr == null ? 0 : addr.length, addrlen);
        return c instanceof ConnectCheck.Fail f && f.errno() != Errno.EBADF ? f.errno() : Errno.ECAPMODE;
    }

    /** The promises pledge(2) knows (OpenBSD kern_pledge.c pledgenames, the ones a network program uses). */
    private static final java.util.Set<String> PROMISES = java.util.Set.of("stdio", "rpath", "wpath", "cpath",
            "dpath", "tmppath", "inet", "mcast", "fattr", "chown", "flock", "unix", "dns", "getpw", "sendfd",
            "recvfd", "tape", "tty", "proc", "exec", "prot_exec", "settime", "ps", "vminfo", "id", "pf", "route",
            "wroute", "audio", "video", "bpf", "unveil", "error");

    @Override
    public int pledge(String promises) {
        if (!kernel.rules().pledge()) {
            return fail(Errno.ENOSYS);
        }
        if (promises == null) {
            return 0; // NULL: promises unchanged
        }
        java.util.TreeSet<String> wanted = new java.util.TreeSet<>();
        for (String w : promises.trim().split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (!PROMISES.contains(w)) {
                return fail(Errno.EINVAL);
            }
            wanted.add(w);
        }
        if (process.pledges() != null && !process.pledges().containsAll(wanted)) {
            return fail(Errno.EPERM);
        }
        process.setPledges(wanted);
        return 0;
    }

    /**
     * OpenBSD pledge_socket: an INET socket needs "inet", a UNIX one "unix"; pledge_fail returns ENOSYS under
     * "error", else kills the process with SIGABRT. Null when allowed.
     */
    private Errno pledgeRefusal(Socket s) {
        java.util.Set<String> p = process.pledges();
        if (p == null) {
            return null;
        }
        String need = s.domain == SocketSummary.Domain.UNIX ? "unix" : "inet";
        if (p.contains(need)) {
            return null;
        }
        if (p.contains("error")) {
            return Errno.ENOSYS;
        }
        ctx.killProcess(6); // SIGABRT
        return Errno.EPERM; // not seen on the simulator: the thread has unwound
    }
}
