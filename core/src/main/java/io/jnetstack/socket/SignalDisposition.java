package io.jnetstack.socket;

/** What a process does with a signal: the default action, or a catching handler with or without SA_RESTART. */
public enum SignalDisposition {
    /** SIG_DFL (for the signals used here: ignored by the simulated process rather than killing it). */
    DEFAULT,
    /** A handler without SA_RESTART: an interrupted slow call fails with EINTR. */
    HANDLER,
    /** A handler with SA_RESTART: an interrupted slow call is restarted where the OS restarts it. */
    HANDLER_RESTART
}
