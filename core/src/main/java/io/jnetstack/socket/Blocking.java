package io.jnetstack.socket;

import java.util.function.BooleanSupplier;

/**
 * A slow system call's wait: until the condition holds, the timeout passes, or a caught signal interrupts it. An
 * ignored signal lets the wait go on; one whose default action terminates kills the process; a handler interrupts,
 * and says whether SA_RESTART was set — the caller decides, per OS, what that means.
 */
final class Blocking {
    private Blocking() {}

    /** How a wait ended. */
    enum Outcome {
        /** The condition holds. */
        READY,
        /** The timeout passed. */
        TIMEOUT,
        /** A handler without SA_RESTART ran. */
        INTERRUPTED,
        /** A handler with SA_RESTART ran. */
        INTERRUPTED_RESTARTABLE
    }

    /** Waits on {@code ctx}; {@code timeoutNs} 0 or negative means no timeout. */
    static Outcome await(ThreadContext ctx, KernelProcess process, BooleanSupplier ready, long timeoutNs) {
        long deadline = timeoutNs > 0 ? ctx.nowNs() + timeoutNs : Long.MAX_VALUE;
        while (true) {
            switch (ctx.await(ready, deadline)) {
                case READY -> {
                    return Outcome.READY;
                }
                case TIMEOUT -> {
                    return Outcome.TIMEOUT;
                }
                case SIGNAL -> {
                    int signo = ctx.takeSignal();
                    switch (process.disposition(signo)) {
                        case DEFAULT -> {
                            if (KernelProcess.terminatesByDefault(signo)) {
                                ctx.killProcess(signo); // the process dies of it; on the simulator the thread unwinds
                            }
                        }
                        case IGNORE -> { }
                        case HANDLER -> {
                            return Outcome.INTERRUPTED;
                        }
                        case HANDLER_RESTART -> {
                            return Outcome.INTERRUPTED_RESTARTABLE;
                        }
                    }
                }
            }
        }
    }
}
