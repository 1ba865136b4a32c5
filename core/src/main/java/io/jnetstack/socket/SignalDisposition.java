package io.jnetstack.socket;

/** What a process does with a signal: the default action, ignoring it, or a catching handler. */
public enum SignalDisposition {
    /**
     * SIG_DFL: SIGHUP, SIGINT, SIGQUIT, SIGABRT, SIGKILL, SIGPIPE, SIGALRM and SIGTERM (1, 2, 3, 6, 9, 13, 14, 15 on
     * all four systems) terminate the process; other signals are ignored here (their numbers differ by system).
     */
    DEFAULT,
    /** SIG_IGN: discarded; a slow call goes on waiting. */
    IGNORE,
    /** A handler without SA_RESTART: an interrupted slow call fails with EINTR. */
    HANDLER,
    /** A handler with SA_RESTART: an interrupted slow call is restarted where the OS restarts it. */
    HANDLER_RESTART
}
