package io.jnetstack.socket;

import io.jnetstack.stack.tcp.TcpState;

/**
 * One TCP socket of a process as sockstat(1) lists it: descriptor, family, local and foreign port, and the TCP
 * state (null while the socket has no connection; see {@link #listening}).
 *
 * @param fd the descriptor
 * @param ipv6 an AF_INET6 socket
 * @param localPort the bound local port (0: none)
 * @param foreignPort the peer's port (0: none)
 * @param listening listen() was called
 * @param state the connection's state, or null when there is none (never connected, or gone)
 * @param timestamps timestamps were negotiated
 * @param sack SACK was negotiated
 * @param windowScaling window scaling was negotiated
 * @param ecn ECN was negotiated
 */
public record TcpSocketView(int fd, boolean ipv6, int localPort, int foreignPort, boolean listening, TcpState state,
        boolean timestamps, boolean sack, boolean windowScaling, boolean ecn) {}
