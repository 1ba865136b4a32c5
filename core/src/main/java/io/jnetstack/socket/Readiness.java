package io.jnetstack.socket;

/**
 * What a descriptor is ready for, before it becomes the OS's poll bits: readable (POLLIN), writable (POLLOUT),
 * hang-up (POLLHUP), error (POLLERR), peer shut its writing side (Linux POLLRDHUP).
 */
record Readiness(boolean readable, boolean writable, boolean hangUp, boolean error, boolean readHangUp) {
    /** Nothing ready. */
    static final Readiness NONE = new Readiness(false, false, false, false, false);

    /** Ready for both reading and writing (a regular file). */
    static final Readiness FILE = new Readiness(true, true, false, false, false);

    boolean any() {
        return readable || writable || hangUp || error || readHangUp;
    }
}
