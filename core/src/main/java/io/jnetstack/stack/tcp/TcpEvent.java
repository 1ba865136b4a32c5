package io.jnetstack.stack.tcp;

/**
 * Facts a connection reports upward; the socket layer turns them into errno through the personality (design.md
 * §3: errors in three layers).
 */
public enum TcpEvent {
    /** The three-way handshake completed (ESTABLISHED). */
    CONNECTED,
    /** A RST answered our SYN (RFC 9293 §3.10.7.3): connect() is refused. */
    REFUSED,
    /** No answer within the personality's SYN schedule: connect() times out. */
    TIMED_OUT,
    /** A valid RST arrived in a synchronized state (RFC 9293 §3.10.7.4): the connection is reset. */
    RESET
}
