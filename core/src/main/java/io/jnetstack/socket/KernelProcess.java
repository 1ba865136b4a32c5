package io.jnetstack.socket;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The kernel's view of one process: its descriptor table (lowest free number first, as POSIX requires), the soft
 * RLIMIT_NOFILE (EMFILE beyond it), and its signal dispositions. Made by {@link SocketKernel#process}.
 */
public final class KernelProcess {
    private final SocketKernel kernel;
    private final int pid;
    private final List<OpenFile> files = new ArrayList<>();
    private final List<Boolean> closeOnExec = new ArrayList<>();
    private final TreeMap<Integer, SignalDisposition> signals = new TreeMap<>();
    private int openFileLimit;
    private io.jnetstack.socket.vfs.Cred cred = io.jnetstack.socket.vfs.Cred.root();
    private int umask = 022;
    private boolean capabilityMode;
    private java.util.TreeSet<String> pledges;
    private int open;

    KernelProcess(SocketKernel kernel, int pid, int openFileLimit) {
        this.kernel = kernel;
        this.pid = pid;
        this.openFileLimit = openFileLimit;
        // 0, 1, 2: standard input, output and error, open on /dev/null as a freshly started daemon has them
        for (int i = 0; i < 3; i++) {
            files.add(kernel.newFile(new RegularFile(null), false));
            closeOnExec.add(false);
            open++;
        }
    }

    /** The process id. */
    public int pid() {
        return pid;
    }

    /** The kernel it runs on. */
    public SocketKernel kernel() {
        return kernel;
    }

    /** Descriptors open now. */
    public int openDescriptors() {
        return open;
    }

    /**
     * The system makes the socket behind {@code fd} defunct, as XNU does to a suspended app's sockets (so_defunct);
     * false when this kernel has no defunct sockets or {@code fd} is not a socket.
     */
    public boolean makeDefunct(int fd) {
        OpenFile f = file(fd);
        if (!kernel.rules().defunctSockets() || f == null || !(f.file instanceof Socket s)) {
            return false;
        }
        s.defunct = true;
        return true;
    }

    /**
     * The process is gone (killed): every descriptor is closed, as exit(2) closes them — connections are closed or
     * reset as close(2) would, listeners stop.
     */
    public void exit(long nowNs) {
        for (int fd = 0; fd < files.size(); fd++) {
            OpenFile f = remove(fd);
            if (f != null) {
                kernel.releaseFile(f, nowNs);
            }
        }
    }

    /** The process's TCP sockets in descriptor order, as sockstat(1) shows them. */
    public List<TcpSocketView> tcpSockets() {
        List<TcpSocketView> out = new ArrayList<>();
        for (int fd = 0; fd < files.size(); fd++) {
            OpenFile f = files.get(fd);
            if (f != null && f.file instanceof TcpSocket t) {
                io.jnetstack.stack.tcp.TcpConnection c = t.connection();
                out.add(new TcpSocketView(fd, t.domain == SocketSummary.Domain.INET6,
                        t.handle != null ? t.handle.localPort() : t.boundPort,
                        t.handle != null ? t.handle.remotePort() : 0, t.listening, c == null ? null : c.state(),
                        c != null && c.timestampsEnabled(), c != null && c.sackEnabled(),
                        c != null && c.windowScalingEnabled(), c != null && c.ecnEnabled()));
            }
        }
        return out;
    }

    /** A view of this process's calls for the thread {@code ctx}. */
    public Syscalls syscalls(ThreadContext ctx) {
        return new KernelSyscalls(kernel, this, ctx);
    }

    /** The process's credentials (root until setuid/setgid). */
    io.jnetstack.socket.vfs.Cred cred() {
        return cred;
    }

    void setCred(io.jnetstack.socket.vfs.Cred c) {
        cred = c;
    }

    /** The pledged promises, or null when the process never called pledge. */
    java.util.TreeSet<String> pledges() {
        return pledges;
    }

    void setPledges(java.util.TreeSet<String> p) {
        pledges = p;
    }

    boolean capabilityMode() {
        return capabilityMode;
    }

    void enterCapabilityMode() {
        capabilityMode = true;
    }

    int umask() {
        return umask;
    }

    /** Whether {@code signo}'s default action terminates the process (see {@link SignalDisposition#DEFAULT}). */
    static boolean terminatesByDefault(int signo) {
        return switch (signo) {
            case 1, 2, 3, 6, 9, 13, 14, 15 -> true;
            default -> false;
        };
    }

    SignalDisposition disposition(int signo) {
        return signals.getOrDefault(signo, SignalDisposition.DEFAULT);
    }

    void setDisposition(int signo, SignalDisposition d) {
        signals.put(signo, d);
    }

    int openFileLimit() {
        return openFileLimit;
    }

    void setOpenFileLimit(int limit) {
        openFileLimit = limit;
    }

    /** The open file behind {@code fd}, or null when it is not open. */
    OpenFile file(int fd) {
        return fd >= 0 && fd < files.size() ? files.get(fd) : null;
    }

    boolean closeOnExec(int fd) {
        return closeOnExec.get(fd);
    }

    void setCloseOnExec(int fd, boolean on) {
        closeOnExec.set(fd, on);
    }

    /** True when another descriptor would exceed the process limit (EMFILE). */
    boolean full() {
        return lowestFree() >= openFileLimit;
    }

    /** Installs {@code f} at the lowest free descriptor; the caller checked {@link #full()}. */
    int install(OpenFile f, boolean cloexec) {
        int fd = lowestFree();
        if (fd == files.size()) {
            files.add(f);
            closeOnExec.add(cloexec);
        } else {
            files.set(fd, f);
            closeOnExec.set(fd, cloexec);
        }
        open++;
        return fd;
    }

    /** Removes {@code fd}; returns its open file, or null when it was not open. */
    OpenFile remove(int fd) {
        OpenFile f = file(fd);
        if (f != null) {
            files.set(fd, null);
            open--;
        }
        return f;
    }

    private int lowestFree() {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i) == null) {
                return i;
            }
        }
        return files.size();
    }
}
