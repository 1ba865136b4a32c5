package io.jnetstack.socket.api;

import io.jnetstack.personality.abi.Errno;
import java.io.IOException;

/**
 * A system call failed: which call, the symbolic errno, the OS's number for it and the OS's strerror text, e.g.
 * {@code connect: ECONNREFUSED (61, Connection refused)} on FreeBSD.
 */
public final class ErrnoException extends IOException {
    private final String call;
    private final Errno errno;
    private final int number;
    private final String text;

    /** An exception for {@code call} failing with {@code errno} ({@code number} on the OS, {@code text} its message). */
    public ErrnoException(String call, Errno errno, int number, String text) {
        super(call + ": " + (errno == null ? "errno " + number : errno.name()) + " (" + number + ", " + text + ")");
        this.call = call;
        this.errno = errno;
        this.number = number;
        this.text = text;
    }

    /** The system call that failed. */
    public String call() {
        return call;
    }

    /** The symbolic errno (null only if the OS returned a number its table does not name). */
    public Errno errno() {
        return errno;
    }

    /** The OS's number for it. */
    public int number() {
        return number;
    }

    /** The OS's strerror text. */
    public String text() {
        return text;
    }
}
