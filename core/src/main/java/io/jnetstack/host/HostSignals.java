package io.jnetstack.host;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Signals for the host target's rows that interrupt a blocking call (catalogue C13, C14): a process-wide handler
 * for a signal, with or without SA_RESTART, and a signal sent to one thread. The handler is libc's {@code abs} — a
 * function of one int that touches nothing, so it is async-signal-safe and never calls back into the JVM — since all
 * the rows need is that the signal is caught: the kernel then ends the interrupted call with EINTR, or restarts it
 * under SA_RESTART (ERESTARTSYS). HotSpot installs no handler for SIGALRM and leaves it unblocked in Java threads.
 */
public final class HostSignals {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle SIGACTION = LINKER.downcallHandle(find("sigaction"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle GETTID = LINKER.downcallHandle(find("gettid"), FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETPID = LINKER.downcallHandle(find("getpid"), FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle TGKILL = LINKER.downcallHandle(find("tgkill"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MemorySegment NO_OP_HANDLER = find("abs");
    /** struct sigaction on x86_64 glibc: sa_handler 8, sa_mask 128, sa_flags 4 (+4), sa_restorer 8. */
    private static final long SIGACTION_SIZE = 152;
    private static final long SA_FLAGS_OFFSET = 136;
    /** asm-generic/signal-defs.h SA_RESTART. */
    private static final int SA_RESTART = 0x1000_0000;

    private HostSignals() {}

    private static MemorySegment find(String name) {
        return LINKER.defaultLookup().find(name).orElseThrow(() -> new IllegalStateException("libc has no " + name));
    }

    /** Catches {@code signo} process-wide with a handler that does nothing, restarting calls when {@code restart}. */
    public static void catchSignal(int signo, boolean restart) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment act = a.allocate(SIGACTION_SIZE, 8);
            act.set(ADDRESS, 0, NO_OP_HANDLER);
            act.set(JAVA_INT, SA_FLAGS_OFFSET, restart ? SA_RESTART : 0);
            int rc = (int) SIGACTION.invokeExact(signo, act, MemorySegment.NULL);
            if (rc != 0) {
                throw new IllegalStateException("sigaction(" + signo + ") failed");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The calling thread's kernel thread id (gettid(2)). */
    public static int threadId() {
        try {
            return (int) GETTID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Sends {@code signo} to thread {@code tid} of this process (tgkill(2)); false when it is gone. */
    public static boolean signalThread(int tid, int signo) {
        try {
            int pid = (int) GETPID.invokeExact();
            return (int) TGKILL.invokeExact(pid, tid, signo) == 0;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
