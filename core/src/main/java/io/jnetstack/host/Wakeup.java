package io.jnetstack.host;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** An eventfd(2) another thread signals to end a poll(2) early (the real-time owner's doorbell). */
final class Wakeup implements AutoCloseable {
    private static final int EFD_NONBLOCK = 0x800;
    private static final int EFD_CLOEXEC = 0x80000;
    private final int fd;
    private final MemorySegment one;
    private final MemorySegment sink;

    Wakeup() {
        Arena auto = Arena.ofAuto();
        one = auto.allocate(JAVA_LONG);
        one.set(JAVA_LONG, 0, 1L);
        sink = auto.allocate(JAVA_LONG);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(a);
            int f = (int) Libc.EVENTFD.invokeExact(cap, 0, EFD_NONBLOCK | EFD_CLOEXEC);
            if (f < 0) {
                throw new IllegalStateException("eventfd failed: errno " + Libc.errno(cap));
            }
            fd = f;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("eventfd", t);
        }
    }

    int fd() {
        return fd;
    }

    /** Rings: the owner's poll returns. */
    void ring() {
        try (Arena a = Arena.ofConfined()) {
            long ignored = (long) Libc.WRITE.invokeExact(Libc.capture(a), fd, one, 8L);
        } catch (Throwable t) {
            throw new IllegalStateException("eventfd write", t);
        }
    }

    /** Clears the counter (the owner, after its poll). */
    void drain() {
        try (Arena a = Arena.ofConfined()) {
            long ignored = (long) Libc.READ.invokeExact(Libc.capture(a), fd, sink, 8L);
        } catch (Throwable t) {
            throw new IllegalStateException("eventfd read", t);
        }
    }

    @Override
    public void close() {
        try (Arena a = Arena.ofConfined()) {
            int ignored = (int) Libc.CLOSE.invokeExact(Libc.capture(a), fd);
        } catch (Throwable t) {
            throw new IllegalStateException("eventfd close", t);
        }
    }
}
