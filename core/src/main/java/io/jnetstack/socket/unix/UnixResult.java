package io.jnetstack.socket.unix;

import io.jnetstack.personality.abi.Errno;

/**
 * The outcome of a UNIX-domain socket operation: a value, an errno, or {@link Blocked} when a blocking caller must
 * wait. Nothing here waits: the caller parks until {@link Blocked#ready()} and calls again (a non-blocking call never
 * sees {@code Blocked}; it gets EAGAIN).
 *
 * @param <T> the value on success ({@link Void} for calls that return only 0)
 */
public sealed interface UnixResult<T> permits UnixResult.Done, UnixResult.Failed, UnixResult.Blocked {

    /** Success. */
    record Done<T>(T value) implements UnixResult<T> {}

    /** Failure with an errno. */
    record Failed<T>(Errno errno) implements UnixResult<T> {}

    /**
     * The call would block; retry once {@link #ready()} holds (it also holds when retrying would now fail).
     *
     * @param on the socket whose state is awaited
     * @param until what is awaited
     */
    record Blocked<T>(UnixSocket on, Wait until) implements UnixResult<T> {
        /** Whether retrying now would not block for the same reason. */
        public boolean ready() {
            return on.ready(until);
        }
    }

    /** What a blocked call waits for. */
    enum Wait {
        /** accept: a connection queued on the listener {@code on}. */
        ACCEPTABLE,
        /** receive: data, end-of-file or an error on {@code on}. */
        READABLE,
        /** send: room in the connection of {@code on}. */
        WRITABLE,
        /** connect (Linux unix_wait_for_peer): room in the listen queue of {@code on}. */
        BACKLOG_ROOM,
        /** sendto (Linux unix_wait_for_peer): room in the receive queue of the datagram socket {@code on}. */
        DATAGRAM_ROOM
    }

    /** Success with no value. */
    static UnixResult<Void> ok() {
        return new Done<>(null);
    }

    /** Success with {@code value}. */
    static <T> UnixResult<T> done(T value) {
        return new Done<>(value);
    }

    /** Failure with {@code errno}. */
    static <T> UnixResult<T> fail(Errno errno) {
        return new Failed<>(errno);
    }

    /** Whether the call succeeded. */
    default boolean isDone() {
        return this instanceof Done;
    }

    /** The value on success, null otherwise. */
    default T valueOrNull() {
        return this instanceof Done<T>(T v) ? v : null;
    }

    /** The errno on failure, null otherwise. */
    default Errno errnoOrNull() {
        return this instanceof Failed<T>(Errno e) ? e : null;
    }

    /** The same failure or block, retyped (a programmer error on success). */
    default <U> UnixResult<U> cast() {
        return switch (this) {
            case Done<T> d -> throw new IllegalStateException("not a failure: " + d);
            case Failed<T>(Errno e) -> new Failed<>(e);
            case Blocked<T>(UnixSocket on, Wait until) -> new Blocked<>(on, until);
        };
    }
}
