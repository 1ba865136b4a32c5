package io.jnetstack.personality;

/** The kernels jnetstack reproduces. */
public enum Os {
    /** Linux (the kernel on the development machine is the oracle). */
    LINUX,
    /** FreeBSD. */
    FREEBSD,
    /** OpenBSD. */
    OPENBSD,
    /** macOS (XNU). */
    MACOS
}
