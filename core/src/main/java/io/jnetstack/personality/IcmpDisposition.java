package io.jnetstack.personality;

/** What an OS does with an ICMP error about a connection that is still being established. */
public enum IcmpDisposition {
    /** Abort the attempt now with this error (a "hard" error). */
    ABORT,
    /** Remember it: it replaces ETIMEDOUT if the attempt later times out (a "soft" error). */
    SOFT,
    /**
     * Report it to the socket (so_error: a connect() waiting wakes with it) but keep the connection trying
     * (OpenBSD tcp_notify: "so->so_error = error" without tcp_drop).
     */
    REPORT,
    /** Ignore it. */
    IGNORE
}
