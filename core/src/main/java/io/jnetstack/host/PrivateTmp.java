package io.jnetstack.host;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * A mount namespace of the calling thread's own with an empty tmpfs on /tmp, for host-target work that makes files
 * (UNIX-domain socket paths, directories, permissions): unshare(CLONE_NEWNS) — allowed for one thread of a
 * multithreaded process, as it implies CLONE_FS — then every mount made private (so nothing propagates back to the
 * machine), then tmpfs on /tmp. Threads the calling thread starts afterwards are cloned from it and share the view;
 * nothing the work creates is visible outside, and it all goes when the last of those threads ends.
 */
public final class PrivateTmp {
    /** mount(2) flags (sys/mount.h). */
    private static final long MS_REC = 16_384;
    private static final long MS_PRIVATE = 1L << 18;

    private PrivateTmp() {}

    /** Gives the calling thread its own mount namespace with a fresh, world-writable (1777) tmpfs on /tmp. */
    public static void enter() throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(a);
            if ((int) Libc.UNSHARE.invokeExact(cap, Libc.CLONE_NEWNS) < 0) {
                throw new IOException("unshare(CLONE_NEWNS) failed: errno " + Libc.errno(cap));
            }
            MemorySegment root = a.allocateFrom("/", StandardCharsets.US_ASCII);
            if ((int) Libc.MOUNT.invokeExact(cap, MemorySegment.NULL, root, MemorySegment.NULL, MS_REC | MS_PRIVATE,
                    MemorySegment.NULL) < 0) {
                throw new IOException("mount --make-rprivate / failed: errno " + Libc.errno(cap));
            }
            MemorySegment tmpfs = a.allocateFrom("tmpfs", StandardCharsets.US_ASCII);
            MemorySegment tmp = a.allocateFrom("/tmp", StandardCharsets.US_ASCII);
            MemorySegment mode = a.allocateFrom("mode=1777", StandardCharsets.US_ASCII);
            if ((int) Libc.MOUNT.invokeExact(cap, tmpfs, tmp, tmpfs, 0L, mode) < 0) {
                throw new IOException("mount tmpfs on /tmp failed: errno " + Libc.errno(cap));
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("mount namespace: " + t, t);
        }
    }
}
