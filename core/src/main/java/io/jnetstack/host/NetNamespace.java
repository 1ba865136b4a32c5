package io.jnetstack.host;

import io.jnetstack.socket.Syscalls;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A network namespace of its own (unshare(2) CLONE_NEWNET on a dedicated platform thread), holding only a loopback
 * interface that this class brings up. Work runs on fresh platform threads that join it with setns(2), so the
 * JVM's other threads keep the machine's view, and the namespace dies with its last descriptor ({@link #close}).
 * Needs CAP_SYS_ADMIN (root): {@link #unavailable()} says why not.
 */
public final class NetNamespace implements AutoCloseable {
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;

    private final int nsFd;
    private boolean closed;

    private NetNamespace(int nsFd) {
        this.nsFd = nsFd;
    }

    /** Why a namespace cannot be made here (not root, no unshare), or empty when it can. */
    public static Optional<String> unavailable() {
        int euid = Libc.geteuid();
        if (euid != 0) {
            return Optional.of("needs root for a network namespace (euid is " + euid + ")");
        }
        return Optional.empty();
    }

    /** A new namespace with {@code lo} up. */
    public static NetNamespace create() throws IOException {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("netns-create").start(() -> {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment cap = Libc.capture(a);
                int rc = (int) Libc.UNSHARE.invokeExact(cap, Libc.CLONE_NEWNET);
                if (rc < 0) {
                    out.set(new IOException("unshare(CLONE_NEWNET) failed: errno " + Libc.errno(cap)));
                    return;
                }
                MemorySegment path = a.allocateFrom("/proc/thread-self/ns/net", StandardCharsets.US_ASCII);
                int fd = (int) Libc.OPEN.invokeExact(cap, path, O_RDONLY | O_CLOEXEC, 0);
                if (fd < 0) {
                    out.set(new IOException("open /proc/thread-self/ns/net failed: errno " + Libc.errno(cap)));
                    return;
                }
                runIp("link", "set", "lo", "up");
                out.set(fd);
            } catch (Throwable e) {
                out.set(e instanceof IOException io ? io : new IOException("creating a network namespace", e));
            }
        });
        join(t);
        if (out.get() instanceof Integer fd) {
            return new NetNamespace(fd);
        }
        throw (IOException) out.get();
    }

    /** Runs {@code body} with system calls into this namespace's kernel, on a platform thread inside it. */
    public <T> T call(Function<Syscalls, T> body) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("netns-call").start(() -> {
            try {
                enter();
                result.set(body.apply(new HostSyscalls()));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        join(t);
        if (failure.get() != null) {
            throw new IllegalStateException("in the network namespace: " + failure.get(), failure.get());
        }
        return result.get();
    }

    /** A factory of platform threads that join the namespace before they run their task (for an executor). */
    public java.util.concurrent.ThreadFactory threads(String name) {
        return task -> Thread.ofPlatform().name(name).daemon().unstarted(() -> {
            try {
                enter();
            } catch (Throwable e) {
                throw new IllegalStateException("cannot enter the network namespace: " + e, e);
            }
            task.run();
        });
    }

    /** Starts {@code body} on a new platform thread inside the namespace and returns at once. */
    public Thread spawn(String name, java.util.function.Consumer<Syscalls> body) {
        return Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                enter();
            } catch (Throwable e) {
                throw new IllegalStateException("cannot enter the network namespace: " + e, e);
            }
            body.accept(new HostSyscalls());
        });
    }

    /** Runs {@code ip ARGS} inside the namespace; throws with ip's output when it fails. */
    public void ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        exec(cmd.toArray(String[]::new));
    }

    /** Runs a command inside the namespace (iproute2, sysctl, a kernel-side client or server); waits for it. */
    public void exec(String... command) {
        call(sys -> {
            try {
                runCommand(List.of(command));
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return null;
        });
    }

    /** Starts a command inside the namespace with its standard error kept apart; returns at once. */
    public Process startSplit(String... command) {
        return call(sys -> {
            try {
                return Forks.start(new ProcessBuilder(command));
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
            }
        });
    }

    /** Starts a command inside the namespace and returns at once (a server the test stops). */
    public Process start(String... command) {
        return call(sys -> {
            try {
                return Forks.start(new ProcessBuilder(command).redirectErrorStream(true));
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
            }
        });
    }

    /** Moves the calling platform thread into the namespace. */
    private void enter() throws Throwable {
        if (closed) {
            throw new IllegalStateException("namespace closed");
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(a);
            int rc = (int) Libc.SETNS.invokeExact(cap, nsFd, Libc.CLONE_NEWNET);
            if (rc < 0) {
                throw new IOException("setns failed: errno " + Libc.errno(cap));
            }
        }
    }

    private static void runIp(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        runCommand(cmd);
    }

    private static void runCommand(List<String> cmd) throws IOException {
        Process p = Forks.start(new ProcessBuilder(cmd).redirectErrorStream(true));
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", cmd) + " interrupted", e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Closes the namespace's descriptor; it disappears once no thread or socket holds it. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try (Arena a = Arena.ofConfined()) {
                int ignored = (int) Libc.CLOSE.invokeExact(Libc.capture(a), nsFd);
            } catch (Throwable e) {
                throw new IllegalStateException("close", e);
            }
        }
    }
}
