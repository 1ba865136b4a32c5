package io.jnetstack.hostmatrix;

import io.jnetstack.host.HostSyscalls;
import io.jnetstack.matrix.NotOnHost;
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

    private final Set<Integer> open = new LinkedHashSet<>();
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
                        r = m.invoke(real, args);
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
        } else if (name.equals("close") && r instanceof Integer rc && rc == 0) {
            open.remove((Integer) args[0]);
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
