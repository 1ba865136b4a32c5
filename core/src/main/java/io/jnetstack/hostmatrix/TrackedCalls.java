package io.jnetstack.hostmatrix;

import io.jnetstack.host.HostSyscalls;
import io.jnetstack.matrix.NotOnHost;
import io.jnetstack.socket.PollFd;
import io.jnetstack.socket.Syscalls;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The descriptors one host row opens (socket, accept, accept4, creat), so that {@link #release} can shut them down
 * and close them — waking every thread of the row blocked in connect, accept, poll or read — and the calls a row may
 * not make on the host: those {@link HostSyscalls} does not route to the kernel (it answers ENOSYS where Linux would
 * not), and, unless the row has a /tmp of its own ({@link #isolateFiles}), the file-system calls and AF_UNIX
 * pathnames (the file system would be the machine's, shared by every row).
 *
 * <p>Rows run concurrently in one process, which has one descriptor table: a number a row closed may be handed to
 * another row's socket (or to a pipe of the JVM's) before the row uses it again, as I4 does on purpose. A descriptor
 * a row closed and did not get back is therefore passed to the kernel as {@link #CLOSED}, a number no process has
 * open — what the row's own number would be had nothing reused it: EBADF from fdget (POLLNVAL from poll).
 */
final class TrackedCalls {
    private static final int EBADF = 9;
    private static final int AF_UNIX = 1;
    private static final int SHUT_RDWR = 2;
    /** Calls HostSyscalls answers with ENOSYS that Linux has (capEnter and pledge are ENOSYS on Linux too). */
    private static final Set<String> NOT_ROUTED = Set.of("open", "setOpenFileLimit", "sigaction", "socketpair",
            "select", "sendmsg", "recvmsg", "ioctl");

    /** The file-system calls, which need the row's own mount namespace ({@link io.jnetstack.host.PrivateTmp}). */
    private static final Set<String> FILES = Set.of("mkdir", "creat", "chmod", "symlink", "unlink", "setuid",
            "setgid");

    /** A descriptor number past any open file's (fdget fails on it: fs/file.c). */
    static final int CLOSED = Integer.MAX_VALUE;
    /** The calls whose first argument is a descriptor. */
    private static final Set<String> FD_FIRST = Set.of("bind", "listen", "accept", "accept4", "connect", "close",
            "shutdown", "read", "write", "recv", "send", "recvfrom", "sendto", "recvmsg", "sendmsg", "getsockopt",
            "setsockopt", "getsockname", "getpeername", "fcntl", "ioctl");

    private final Set<Integer> open = new LinkedHashSet<>();
    /** Descriptors the row closed and has not been given again. */
    private final Set<Integer> closedByRow = new java.util.HashSet<>();
    private boolean released;
    private volatile boolean filesIsolated;

    /** The row's threads see a /tmp of their own: its file-system calls and UNIX socket paths go to the kernel. */
    void isolateFiles() {
        filesIsolated = true;
    }

    /** A new Syscalls for one thread of the row (its own errno), recording into this set. */
    Syscalls calls() {
        HostSyscalls real = new HostSyscalls();
        return (Syscalls) Proxy.newProxyInstance(Syscalls.class.getClassLoader(), new Class<?>[] {Syscalls.class},
                (proxy, m, args) -> {
                    String name = m.getName();
                    if (NOT_ROUTED.contains(name)) {
                        throw new NotOnHost(name + "(2) (not routed to the kernel by HostSyscalls)");
                    }
                    if (!filesIsolated && FILES.contains(name)) {
                        throw new NotOnHost(name + "(2) (no mount namespace of the row's own for its files)");
                    }
                    if (!filesIsolated && unixPath(name, args)) {
                        throw new NotOnHost("an AF_UNIX pathname (the machine's file system is shared by every row)");
                    }
                    synchronized (this) {
                        if (released) {
                            return name.equals("errno") ? (Object) EBADF : name.equals("abi") ? real.abi() : -1;
                        }
                    }
                    Object r;
                    try {
                        Object[] called = substituteClosed(name, args);
                        r = m.invoke(real, called);
                        copyRevents(args, called);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    record(name, args, r);
                    return r;
                });
    }

    private synchronized void record(String name, Object[] args, Object r) {
        if ((name.equals("socket") || name.startsWith("accept") || name.equals("creat")) && r instanceof Integer fd
                && fd >= 0) {
            open.add(fd);
            closedByRow.remove(fd);
        } else if (name.equals("close") && r instanceof Integer rc && rc == 0) {
            open.remove((Integer) args[0]);
            closedByRow.add((Integer) args[0]);
        }
    }

    /** The call's arguments with every descriptor the row closed replaced by {@link #CLOSED}. */
    private synchronized Object[] substituteClosed(String name, Object[] args) {
        if (closedByRow.isEmpty()) {
            return args;
        }
        if (FD_FIRST.contains(name) && closedByRow.contains((Integer) args[0])) {
            Object[] copy = args.clone();
            copy[0] = CLOSED;
            return copy;
        }
        if (name.equals("poll")) {
            PollFd[] fds = ((PollFd[]) args[0]).clone();
            for (int i = 0; i < fds.length; i++) {
                if (fds[i] != null && closedByRow.contains(fds[i].fd)) {
                    fds[i] = new PollFd(CLOSED, fds[i].events);
                }
            }
            Object[] copy = args.clone();
            copy[0] = fds;
            return copy;
        }
        return args;
    }

    /** After a poll with substituted entries: the revents the kernel wrote go back to the row's own entries. */
    private static void copyRevents(Object[] asked, Object[] called) {
        if (asked != called && asked[0] instanceof PollFd[] mine && called[0] instanceof PollFd[] used) {
            for (int i = 0; i < mine.length; i++) {
                if (mine[i] != null && mine[i] != used[i]) {
                    mine[i].revents = used[i].revents;
                }
            }
        }
    }

    private static boolean unixPath(String name, Object[] args) {
        byte[] a = switch (name) {
            case "bind", "connect" -> (byte[]) args[1];
            case "sendto" -> (byte[]) args[4];
            default -> null;
        };
        return a != null && a.length > 2 && (a[0] & 0xff | (a[1] & 0xff) << 8) == AF_UNIX && a[2] != 0;
    }

    /** Shuts down and closes every descriptor the row still holds; later calls of the row fail with EBADF. */
    void release() {
        List<Integer> fds;
        synchronized (this) {
            released = true;
            fds = new ArrayList<>(open);
            open.clear();
        }
        HostSyscalls s = new HostSyscalls();
        for (int fd : fds) {
            s.shutdown(fd, SHUT_RDWR);
            s.close(fd);
        }
    }
}
