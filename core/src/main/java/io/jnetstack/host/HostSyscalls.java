package io.jnetstack.host;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.jnetstack.personality.abi.Abi;
import io.jnetstack.socket.FdSet;
import io.jnetstack.socket.MessageHeader;
import io.jnetstack.socket.PollFd;
import io.jnetstack.socket.SignalDisposition;
import io.jnetstack.socket.Syscalls;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * {@link Syscalls} on the host's Linux kernel through FFM, for the thread that calls them (which must be inside a
 * {@link NetNamespace}). Numbers and sockaddr bytes are the Linux ABI's, so they pass through unchanged; buffers
 * are copied to native memory and back. The socket calls of issue #6 are real: socket, bind, listen, accept,
 * accept4, connect, close, shutdown, read, write, send, recv, sendto, recvfrom, getsockopt, setsockopt,
 * getsockname, getpeername, fcntl, poll; so are sysctl (Linux names, through /proc/sys), mkdir, creat, chmod,
 * symlink and unlink (give the thread a {@link PrivateTmp} first), and setuid/setgid for the calling thread only. The
 * rest of the interface (open, select, sendmsg, recvmsg, ioctl, socketpair, signals, limits) is not routed to the
 * host: those calls fail with ENOSYS.
 */
public final class HostSyscalls implements Syscalls {
    private static final int EFAULT = 14;
    private static final int ENOSYS = 38;
    private static final int ENOENT = 2;
    private static final int EINVAL = 22;
    private int errno;

    /**
     * Calls each bound function once with a descriptor that is not open (EBADF), so that their first real use — in a
     * script running in real time — does not pay for linking the native calls.
     */
    public static void warmUp() {
        HostSyscalls s = new HostSyscalls();
        byte[] b = new byte[16];
        int[] len = {16};
        s.close(-1);
        s.close(s.socket(2, 1, 0));
        s.bind(-1, b, 16);
        s.connect(-1, b, 16);
        s.listen(-1, 1);
        s.accept(-1, b, len);
        s.shutdown(-1, 1);
        s.read(-1, b, 1);
        s.write(-1, b, 1);
        s.recv(-1, b, 1, 0);
        s.send(-1, b, 1, 0);
        s.recvfrom(-1, b, 1, 0, b, len);
        s.sendto(-1, b, 1, 0, b, 16);
        s.getsockopt(-1, 1, 4, b, new int[] {4});
        s.setsockopt(-1, 1, 2, b, 4);
        s.getsockname(-1, b, len);
        s.getpeername(-1, b, len);
        s.fcntl(-1, 3, 0);
        s.poll(new PollFd[] {new PollFd(-1, 1)}, 1, 0);
    }

    @Override
    public Abi abi() {
        return Abi.linux();
    }

    @Override
    public int errno() {
        return errno;
    }

    /** A call with its arena and errno capture. */
    @FunctionalInterface
    private interface Native {
        long call(Arena a, MemorySegment capture) throws Throwable;
    }

    private long invoke(Native n) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(a);
            long rc = n.call(a, cap);
            if (rc < 0) {
                errno = Libc.errno(cap);
            }
            return rc;
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("native call failed", t);
        }
    }

    private int fail(int e) {
        errno = e;
        return -1;
    }

    private static boolean shortBuffer(byte[] b, int len) {
        return len > 0 && (b == null || b.length < len);
    }

    private static MemorySegment copyIn(Arena a, byte[] b, int len) {
        MemorySegment m = a.allocate(Math.max(len, 1));
        if (b != null && len > 0) {
            MemorySegment.copy(b, 0, m, JAVA_BYTE, 0, len);
        }
        return m;
    }

    private static MemorySegment lengthCell(Arena a, int[] len) {
        if (len == null) {
            return MemorySegment.NULL;
        }
        MemorySegment m = a.allocate(JAVA_INT);
        m.set(JAVA_INT, 0, len[0]);
        return m;
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        return (int) invoke((a, c) -> (int) Libc.SOCKET.invokeExact(c, domain, type, protocol));
    }

    @Override
    public int bind(int fd, byte[] addr, int addrlen) {
        if (shortBuffer(addr, addrlen)) {
            return fail(EFAULT);
        }
        return (int) invoke((a, c) -> {
            MemorySegment name = addr == null ? MemorySegment.NULL : copyIn(a, addr, addrlen);
            return (int) Libc.BIND.invokeExact(c, fd, name, addrlen);
        });
    }

    @Override
    public int connect(int fd, byte[] addr, int addrlen) {
        if (shortBuffer(addr, addrlen)) {
            return fail(EFAULT);
        }
        return (int) invoke((a, c) -> {
            MemorySegment name = addr == null ? MemorySegment.NULL : copyIn(a, addr, addrlen);
            return (int) Libc.CONNECT.invokeExact(c, fd, name, addrlen);
        });
    }

    @Override
    public int listen(int fd, int backlog) {
        return (int) invoke((a, c) -> (int) Libc.LISTEN.invokeExact(c, fd, backlog));
    }

    @Override
    public int accept(int fd, byte[] addr, int[] addrlen) {
        return accept4(fd, addr, addrlen, 0);
    }

    @Override
    public int accept4(int fd, byte[] addr, int[] addrlen, int flags) {
        return (int) nameCall(addr, addrlen, (a, c, name, len) ->
                (int) Libc.ACCEPT4.invokeExact(c, fd, name, len, flags));
    }

    @Override
    public int getsockname(int fd, byte[] addr, int[] addrlen) {
        return (int) nameCall(addr, addrlen, (a, c, name, len) -> (int) Libc.GETSOCKNAME.invokeExact(c, fd, name, len));
    }

    @Override
    public int getpeername(int fd, byte[] addr, int[] addrlen) {
        return (int) nameCall(addr, addrlen, (a, c, name, len) -> (int) Libc.GETPEERNAME.invokeExact(c, fd, name, len));
    }

    /** A call that fills an address of at most {@code addrlen[0]} bytes and its length. */
    @FunctionalInterface
    private interface NameCall {
        long call(Arena a, MemorySegment capture, MemorySegment name, MemorySegment len) throws Throwable;
    }

    private long nameCall(byte[] addr, int[] addrlen, NameCall body) {
        if (addrlen != null && addrlen.length > 0 && shortBuffer(addr, addrlen[0])) {
            return fail(EFAULT);
        }
        return invoke((a, c) -> {
            int room = addrlen == null || addrlen.length == 0 ? 0 : Math.max(addrlen[0], 0);
            MemorySegment name = addr == null ? MemorySegment.NULL : a.allocate(Math.max(room, 1));
            MemorySegment len = addrlen == null || addrlen.length == 0 ? MemorySegment.NULL : lengthCell(a, addrlen);
            long rc = body.call(a, c, name, len);
            if (rc >= 0 && len != MemorySegment.NULL) {
                int got = len.get(JAVA_INT, 0);
                if (addr != null) {
                    MemorySegment.copy(name, JAVA_BYTE, 0, addr, 0, Math.min(Math.min(got, room), addr.length));
                }
                addrlen[0] = got;
            }
            return rc;
        });
    }

    @Override
    public int close(int fd) {
        return (int) Forks.closing(() -> invoke((a, c) -> (int) Libc.CLOSE.invokeExact(c, fd)));
    }

    @Override
    public int shutdown(int fd, int how) {
        return (int) invoke((a, c) -> (int) Libc.SHUTDOWN.invokeExact(c, fd, how));
    }

    @Override
    public int read(int fd, byte[] buf, int count) {
        return receive(true, fd, buf, count, 0, null, null);
    }

    @Override
    public int write(int fd, byte[] buf, int count) {
        return transmit(true, fd, buf, count, 0, null, 0);
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
        return receive(false, fd, buf, len, flags, addr, addrlen);
    }

    /** read(2) when {@code plain}, else recvfrom(2). */
    private int receive(boolean plain, int fd, byte[] buf, int len, int flags, byte[] addr, int[] addrlen) {
        if (shortBuffer(buf, len) || addrlen != null && addrlen.length > 0 && shortBuffer(addr, addrlen[0])) {
            return fail(EFAULT);
        }
        return (int) nameCall(addr, addrlen, (a, c, name, nameLen) -> {
            MemorySegment data = a.allocate(Math.max(len, 1));
            long n = plain ? (long) Libc.READ.invokeExact(c, fd, data, (long) len)
                    : (long) Libc.RECVFROM.invokeExact(c, fd, data, (long) len, flags, name, nameLen);
            if (n > 0) {
                MemorySegment.copy(data, JAVA_BYTE, 0, buf, 0, (int) n);
            }
            return n;
        });
    }

    @Override
    public int sendto(int fd, byte[] buf, int len, int flags, byte[] addr, int addrlen) {
        return transmit(false, fd, buf, len, flags, addr, addrlen);
    }

    /** write(2) when {@code plain}, else sendto(2). */
    private int transmit(boolean plain, int fd, byte[] buf, int len, int flags, byte[] addr, int addrlen) {
        if (shortBuffer(buf, len) || shortBuffer(addr, addrlen)) {
            return fail(EFAULT);
        }
        return (int) invoke((a, c) -> {
            MemorySegment data = copyIn(a, buf, len);
            if (plain) {
                return (long) Libc.WRITE.invokeExact(c, fd, data, (long) len);
            }
            MemorySegment name = addr == null ? MemorySegment.NULL : copyIn(a, addr, addrlen);
            return (long) Libc.SENDTO.invokeExact(c, fd, data, (long) len, flags, name, addrlen);
        });
    }

    @Override
    public int getsockopt(int fd, int level, int optname, byte[] optval, int[] optlen) {
        if (optlen != null && optlen.length > 0 && shortBuffer(optval, optlen[0])) {
            return fail(EFAULT);
        }
        return (int) invoke((a, c) -> {
            int room = optlen == null || optlen.length == 0 ? 0 : Math.max(optlen[0], 0);
            MemorySegment val = optval == null ? MemorySegment.NULL : a.allocate(Math.max(room, 1));
            MemorySegment len = optlen == null || optlen.length == 0 ? MemorySegment.NULL : lengthCell(a, optlen);
            int rc = (int) Libc.GETSOCKOPT.invokeExact(c, fd, level, optname, val, len);
            if (rc >= 0 && len != MemorySegment.NULL) {
                int got = len.get(JAVA_INT, 0);
                if (optval != null) {
                    MemorySegment.copy(val, JAVA_BYTE, 0, optval, 0, Math.min(Math.min(got, room), optval.length));
                }
                optlen[0] = got;
            }
            return rc;
        });
    }

    @Override
    public int setsockopt(int fd, int level, int optname, byte[] optval, int optlen) {
        if (shortBuffer(optval, optlen)) {
            return fail(EFAULT);
        }
        return (int) invoke((a, c) -> {
            MemorySegment val = optval == null ? MemorySegment.NULL : copyIn(a, optval, optlen);
            return (int) Libc.SETSOCKOPT.invokeExact(c, fd, level, optname, val, optlen);
        });
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        return (int) invoke((a, c) -> (int) Libc.FCNTL.invokeExact(c, fd, cmd, arg));
    }

    @Override
    public int poll(PollFd[] fds, int nfds, int timeoutMs) {
        if (nfds < 0 || nfds > 0 && (fds == null || fds.length < nfds)) {
            return fail(EFAULT);
        }
        return (int) invoke((a, c) -> {
            MemorySegment p = a.allocate(8L * Math.max(nfds, 1));
            for (int i = 0; i < nfds; i++) {
                p.set(JAVA_INT, 8L * i, fds[i].fd);
                p.set(JAVA_SHORT, 8L * i + 4, (short) fds[i].events);
            }
            int rc = (int) Libc.POLL.invokeExact(c, p, (long) nfds, timeoutMs);
            for (int i = 0; rc >= 0 && i < nfds; i++) {
                fds[i].revents = p.get(JAVA_SHORT, 8L * i + 6) & 0xFFFF;
            }
            return rc;
        });
    }

    // ---- not routed to the host kernel (issue #6 covers the socket calls above) ----

    @Override
    public int socketpair(int domain, int type, int protocol, int[] sv) {
        return fail(ENOSYS);
    }

    @Override
    public int open(String path, int flags) {
        return fail(ENOSYS);
    }

    @Override
    public int recvmsg(int fd, MessageHeader msg, int flags) {
        return fail(ENOSYS);
    }

    @Override
    public int sendmsg(int fd, MessageHeader msg, int flags) {
        return fail(ENOSYS);
    }

    @Override
    public int ioctl(int fd, int request, int[] arg) {
        return fail(ENOSYS);
    }

    @Override
    public int select(int nfds, FdSet readfds, FdSet writefds, FdSet exceptfds, long timeoutUs) {
        return fail(ENOSYS);
    }

    /**
     * sysctl by its Linux name: reads and writes {@code /proc/sys/<name with dots as slashes>}, which the kernel
     * resolves in the calling thread's network namespace. ENOENT for a name the kernel lacks (as the simulated Linux
     * answers), EFAULT for a short {@code oldValues}, EINVAL when the kernel refuses the values.
     */
    @Override
    public int sysctl(String name, long[] oldValues, long[] newValues) {
        if (name == null) {
            return fail(EFAULT);
        }
        java.nio.file.Path p = java.nio.file.Path.of("/proc/sys", name.split("\\."));
        if (name.contains("/") || !java.nio.file.Files.isRegularFile(p)) {
            return fail(ENOENT);
        }
        try {
            if (oldValues != null) {
                String text; // not Files.readString: it trusts the size procfs reports (0) and stops after a byte
                try (java.io.InputStream in = java.nio.file.Files.newInputStream(p)) {
                    text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
                }
                String[] v = text.strip().split("\\s+");
                if (oldValues.length < v.length) {
                    return fail(EFAULT);
                }
                for (int i = 0; i < v.length; i++) {
                    oldValues[i] = Long.parseLong(v[i]);
                }
            }
            if (newValues != null) {
                StringBuilder sb = new StringBuilder();
                for (long v : newValues) {
                    sb.append(sb.isEmpty() ? "" : "\t").append(v);
                }
                java.nio.file.Files.writeString(p, sb.append('\n'));
            }
            return 0;
        } catch (java.io.IOException | NumberFormatException e) {
            return fail(EINVAL);
        }
    }

    @Override
    public int sigaction(int signo, SignalDisposition disposition) {
        return fail(ENOSYS);
    }

    @Override
    public int setOpenFileLimit(int limit) {
        return fail(ENOSYS);
    }

    @Override
    public int mkdir(String path, int mode) {
        return path == null ? fail(EFAULT) : (int) invoke((a, c) -> (int) Libc.MKDIR.invokeExact(c, cString(a, path),
                mode));
    }

    @Override
    public int creat(String path, int mode) {
        return path == null ? fail(EFAULT) : (int) invoke((a, c) -> (int) Libc.CREAT.invokeExact(c, cString(a, path),
                mode));
    }

    @Override
    public int chmod(String path, int mode) {
        return path == null ? fail(EFAULT) : (int) invoke((a, c) -> (int) Libc.CHMOD.invokeExact(c, cString(a, path),
                mode));
    }

    @Override
    public int symlink(String target, String linkPath) {
        return target == null || linkPath == null ? fail(EFAULT) : (int) invoke((a, c) ->
                (int) Libc.SYMLINK.invokeExact(c, cString(a, target), cString(a, linkPath)));
    }

    @Override
    public int unlink(String path) {
        return path == null ? fail(EFAULT) : (int) invoke((a, c) -> (int) Libc.UNLINK.invokeExact(c, cString(a,
                path)));
    }

    /** setuid(2) for the calling thread only (the raw system call; see {@link Libc#SYSCALL1}). */
    @Override
    public int setuid(int uid) {
        return (int) invoke((a, c) -> (long) Libc.SYSCALL1.invokeExact(c, Libc.SYS_SETUID, (long) uid));
    }

    /** setgid(2) for the calling thread only. */
    @Override
    public int setgid(int gid) {
        return (int) invoke((a, c) -> (long) Libc.SYSCALL1.invokeExact(c, Libc.SYS_SETGID, (long) gid));
    }

    /** A NUL-terminated copy of {@code s} (the bytes as Java holds them, UTF-8). */
    private static MemorySegment cString(Arena a, String s) {
        return a.allocateFrom(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public int capEnter() {
        return fail(ENOSYS);
    }

    @Override
    public int pledge(String promises) {
        return fail(ENOSYS);
    }
}
