package io.jnetstack.socket;

import io.jnetstack.personality.abi.Errno;

/**
 * A socket as the generic socket layer keeps it (Linux struct socket + sock, BSD struct socket): domain, type,
 * options, the pending error (so_error / sk_err) and the shutdown flags. Each protocol's socket extends it.
 */
abstract sealed class Socket extends KernelFile permits TcpSocket, UdpSocket, UnixSocketFile {
    final SocketKernel kernel;
    final SocketSummary.Domain domain;
    final SocketSummary.Type type;
    final SocketOptions options = new SocketOptions();
    /** so_error / sk_err: the pending error, read and cleared by SO_ERROR and by the next call that reports it. */
    Errno error;
    boolean readShut;
    boolean writeShut;
    /** XNU SOF_DEFUNCT: the system took the socket from a suspended app. */
    boolean defunct;

    Socket(SocketKernel kernel, SocketSummary.Domain domain, SocketSummary.Type type) {
        this.kernel = kernel;
        this.domain = domain;
        this.type = type;
    }

    /** The state the generic connect checks see. */
    abstract SocketSummary.State state();

    /** What poll would report now. */
    abstract Readiness readiness();

    /**
     * The state connect's generic checks see: XNU soconnectlock refuses a defunct socket in the same test as a
     * listening one (EOPNOTSUPP), so a defunct socket is reported as listening to them.
     */
    SocketSummary.State connectState() {
        return defunct ? SocketSummary.State.LISTENING : state();
    }

    /** Reads and clears the pending error (SO_ERROR). */
    Errno takeError() {
        Errno e = error;
        error = null;
        return e;
    }
}
