package io.jnetstack.stack;

/**
 * Who in the stack holds a local TCP port (for the socket layer's bind(2) conflict checks, which also know the
 * sockets that are bound but neither listening nor connected). Ordered from weakest to strongest.
 */
public enum TcpPortUse {
    /** Nothing in the stack uses it. */
    FREE,
    /** Only connections in TIME-WAIT (which SO_REUSEADDR lets a new bind pass over). */
    TIME_WAIT,
    /** At least one connection that is not in TIME-WAIT. */
    CONNECTED,
    /** A listener. */
    LISTENING
}
