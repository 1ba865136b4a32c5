package io.jnetstack.socket.unix;

import io.jnetstack.personality.UnixDomainRules;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.socket.vfs.Cred;
import io.jnetstack.socket.vfs.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One UNIX-domain socket: its name, its state, its peer, its receive queue and (listening) its queue of connections
 * not yet accepted. Operations return a {@link UnixResult}; none blocks, throws for any argument sequence, or reads a
 * clock. The socket layer wraps it in a file descriptor and maps {@link UnixResult.Blocked} to a wait.
 */
public final class UnixSocket {
    /** Where a socket is in its life. */
    public enum State {
        /** Created, possibly bound; not listening, no peer. */
        UNCONNECTED,
        /** listen() was called. */
        LISTENING,
        /** Has a peer (a datagram socket: a default destination); stays so after the peer goes. */
        CONNECTED,
        /** close() was called. */
        CLOSED
    }

    /** Permission bits of a socket file with the customary umask 022. */
    public static final int DEFAULT_MODE = 0755;

    final UnixDomain domain;
    final UnixDomainRules rules;
    private final UnixType type;
    State state = State.UNCONNECTED;
    Sockaddr.Un local = Sockaddr.Un.unnamed();
    private Node node;
    UnixSocket peer;
    /** Datagram sockets connected to this one (BSD unp_refs). */
    final List<UnixSocket> referrers = new ArrayList<>();
    final ReceiveQueue queue = new ReceiveQueue();
    final ArrayDeque<UnixSocket> pending = new ArrayDeque<>();
    int backlog;
    /** SHUT_RD here, or the peer closed. */
    boolean readShut;
    /** SHUT_WR here, or the peer closed. */
    boolean writeShut;
    /** The peer of this connection shut its reading side (sends get EPIPE). */
    boolean peerReadShut;
    /** Still in a listener's queue (Linux "embrion"). */
    boolean embryo;
    Errno error;
    boolean passCred;

    UnixSocket(UnixDomain domain, UnixType type) {
        this.domain = domain;
        this.rules = domain.rules();
        this.type = type;
    }

    /** The socket's type. */
    public UnixType type() {
        return type;
    }

    /** The socket's state. */
    public State state() {
        return state;
    }

    /** Whether close() was called. */
    public boolean closed() {
        return state == State.CLOSED;
    }

    /** getsockname(2): the bound name, or the unnamed address. */
    public Sockaddr.Un localAddress() {
        return local;
    }

    /** getpeername(2): the peer's name; ENOTCONN without a peer. */
    public UnixResult<Sockaddr.Un> peerAddress() {
        return peer == null || closed() ? UnixResult.fail(Errno.ENOTCONN) : UnixResult.done(peer.local);
    }

    /** SO_PASSCRED: on Linux an unbound socket then autobinds before connect and send (H26). */
    public void passCredentials(boolean on) {
        passCred = on;
    }

    /** bind(2) with mode {@link #DEFAULT_MODE}. */
    public UnixResult<Void> bind(Sockaddr.Un address, Cred cred) {
        return bind(address, cred, DEFAULT_MODE);
    }

    /**
     * bind(2): a path makes a socket file with {@code mode} (already reduced by the umask): EADDRINUSE when the name
     * exists, namei errors, EACCES; EINVAL when already bound (Linux after creating the path, BSD first); the unnamed
     * address autobinds on Linux and is EINVAL on the BSDs; an abstract name is EADDRINUSE when a socket of the same
     * type holds it, ENOENT where there is no abstract namespace (an empty path).
     */
    public UnixResult<Void> bind(Sockaddr.Un address, Cred cred, int mode) {
        if (closed()) {
            return UnixResult.fail(Errno.EBADF);
        }
        Errno bad = domain.nameProblem(address);
        if (bad != null) {
            return UnixResult.fail(bad);
        }
        boolean bound = local.kind() != Sockaddr.UnixKind.UNNAMED;
        return switch (address.kind()) {
            case UNNAMED -> !rules.autobind() ? UnixResult.fail(Errno.EINVAL)
                    : bound ? UnixResult.ok() : autobind();
            case ABSTRACT -> bindAbstract(address, bound);
            case PATHNAME -> bindPath(address, cred, mode, bound);
        };
    }

    private UnixResult<Void> bindAbstract(Sockaddr.Un address, boolean bound) {
        if (!rules.abstractNamespace()) {
            return UnixResult.fail(bound ? Errno.EINVAL : Errno.ENOENT);
        }
        if (bound) {
            return UnixResult.fail(Errno.EINVAL);
        }
        Errno e = domain.bindAbstract(this, address.name());
        if (e != null) {
            return UnixResult.fail(e);
        }
        local = address;
        return UnixResult.ok();
    }

    private UnixResult<Void> bindPath(Sockaddr.Un address, Cred cred, int mode, boolean bound) {
        if (bound && !rules.boundCheckAfterPath()) {
            return UnixResult.fail(Errno.EINVAL);
        }
        UnixResult<Node> made = domain.createSocketFile(address, cred, mode, this);
        if (!(made instanceof UnixResult.Done<Node>(Node n))) {
            return made.cast();
        }
        if (bound) {
            domain.removeSocketFile(address);
            return UnixResult.fail(Errno.EINVAL);
        }
        node = n;
        local = address;
        return UnixResult.ok();
    }

    /** Linux unix_autobind; the name is kept on success. */
    UnixResult<Void> autobind() {
        UnixResult<Sockaddr.Un> name = domain.autobind(this);
        if (!(name instanceof UnixResult.Done<Sockaddr.Un>(Sockaddr.Un a))) {
            return name.cast();
        }
        local = a;
        return UnixResult.ok();
    }

    /** Autobinds when SO_PASSCRED asks for it on an unbound socket (Linux); null on success or when not needed. */
    Errno autobindForCredentials() {
        if (!passCred || !rules.autobind() || local.kind() != Sockaddr.UnixKind.UNNAMED) {
            return null;
        }
        return autobind().errnoOrNull();
    }

    /**
     * listen(2): EOPNOTSUPP for a datagram socket, EINVAL when connected or unbound; again on a listener only
     * changes the backlog. The queue admits {@code personality.listenRules().capacity(backlog)} connections.
     */
    public UnixResult<Void> listen(int backlog) {
        if (closed()) {
            return UnixResult.fail(Errno.EBADF);
        }
        if (!type.connectionOriented()) {
            return UnixResult.fail(Errno.EOPNOTSUPP);
        }
        if (state == State.CONNECTED || local.kind() == Sockaddr.UnixKind.UNNAMED) {
            return UnixResult.fail(Errno.EINVAL);
        }
        state = State.LISTENING;
        this.backlog = backlog;
        return UnixResult.ok();
    }

    /** Whether the listen queue has room for one more connection. */
    public boolean hasBacklogRoom() {
        return pending.size() < domain.personality().listenRules().capacity(backlog);
    }

    /**
     * connect(2) (H1–H27): see {@link Connector}. A stream connect completes at once (no EINPROGRESS); a blocking
     * Linux client facing a full listen queue gets {@link UnixResult.Blocked} on {@link UnixResult.Wait#BACKLOG_ROOM}.
     */
    public UnixResult<Void> connect(Sockaddr.Un address, Cred cred, boolean nonBlocking) {
        if (closed()) {
            return UnixResult.fail(Errno.EBADF);
        }
        return type.connectionOriented() ? Connector.stream(this, address, cred, nonBlocking)
                : Connector.datagram(this, address, cred);
    }

    /** Dissolves a datagram association (the caller applies each OS's AF_UNSPEC rules); a no-op without one. */
    public UnixResult<Void> disconnect() {
        if (closed()) {
            return UnixResult.fail(Errno.EBADF);
        }
        if (!type.connectionOriented()) {
            Connector.dropDatagramPeer(this);
        }
        return UnixResult.ok();
    }

    /** accept(2): the oldest queued connection; EINVAL when not listening; EAGAIN or blocked when none. */
    public UnixResult<UnixSocket> accept(boolean nonBlocking) {
        if (closed()) {
            return UnixResult.fail(Errno.EBADF);
        }
        if (state != State.LISTENING) {
            return UnixResult.fail(Errno.EINVAL);
        }
        UnixSocket s = pending.pollFirst();
        if (s == null) {
            return nonBlocking ? UnixResult.fail(Errno.EAGAIN)
                    : new UnixResult.Blocked<>(this, UnixResult.Wait.ACCEPTABLE);
        }
        s.embryo = false;
        return UnixResult.done(s);
    }

    /** send(2) on a connection or to the connected datagram peer; see {@link DataPath#send}. */
    public UnixResult<Integer> send(byte[] data, boolean nonBlocking) {
        return DataPath.send(this, null, data, null, nonBlocking);
    }

    /** sendto(2); a null address sends to the peer. See {@link DataPath#send}. */
    public UnixResult<Integer> sendTo(Sockaddr.Un to, byte[] data, Cred cred, boolean nonBlocking) {
        return DataPath.send(this, to, data, cred, nonBlocking);
    }

    /** recv(2)/recvfrom(2) of at most {@code max} bytes; see {@link DataPath#receive}. */
    public UnixResult<Received> receive(int max, boolean nonBlocking) {
        return DataPath.receive(this, Math.max(0, max), nonBlocking);
    }

    /**
     * shutdown(2): SHUT_WR makes the peer read end-of-file after the queued data and our sends EPIPE; SHUT_RD ends
     * our reading (BSD sorflush drops queued data). ENOTCONN on an unconnected socket where soshutdown says so.
     */
    public UnixResult<Void> shutdown(Shutdown how) {
        if (closed()) {
            return UnixResult.fail(Errno.EBADF);
        }
        if (rules.shutdownRequiresConnection() && state == State.UNCONNECTED) {
            return UnixResult.fail(Errno.ENOTCONN);
        }
        if (how.read()) {
            readShut = true;
            if (rules.shutdownReadDiscards()) {
                queue.clear();
            }
            if (type.connectionOriented() && peer != null) {
                peer.peerReadShut = true;
            }
        }
        if (how.write()) {
            writeShut = true;
            if (type.connectionOriented() && peer != null) {
                peer.readShut = true;
            }
        }
        return UnixResult.ok();
    }

    /**
     * close(2): the name is released (a socket file stays, stale: H4); a listener closes its queued connections (their
     * clients read end-of-file, on Linux after ECONNRESET: H27); the peer reads end-of-file and its sends fail.
     */
    public void close() {
        if (closed()) {
            return;
        }
        boolean unread = !queue.isEmpty();
        state = State.CLOSED;
        if (node != null) {
            node.socketRef(null);
        }
        if (local.kind() == Sockaddr.UnixKind.ABSTRACT) {
            domain.releaseAbstract(this, local.name());
        }
        while (!pending.isEmpty()) {
            pending.pollFirst().close();
        }
        if (type.connectionOriented()) {
            Connector.closeConnection(this, unread);
        } else {
            Connector.closeDatagram(this);
        }
        queue.clear();
    }

    /** Connects two fresh sockets to each other (socketpair). */
    void pairWith(UnixSocket other) {
        peer = other;
        other.peer = this;
        state = State.CONNECTED;
        other.state = State.CONNECTED;
        if (!type.connectionOriented()) {
            other.referrers.add(this);
            referrers.add(other);
        }
    }

    // ---- readiness (poll) ----

    /** POLLIN: data, end-of-file or an error to read; on a listener a queued connection. */
    public boolean readable() {
        if (closed()) {
            return false;
        }
        if (state == State.LISTENING) {
            return acceptable();
        }
        return !queue.isEmpty() && (type != UnixType.STREAM || queue.bytes() > 0) || readShut || error != null;
    }

    /** POLLOUT: a send would not block (it may fail at once, which also does not block). */
    public boolean writable() {
        if (closed() || state == State.LISTENING) {
            return false;
        }
        return DataPath.sendWouldNotBlock(this);
    }

    /** POLLHUP: both directions are shut (by us or because the peer closed). */
    public boolean hangup() {
        return !closed() && readShut && writeShut;
    }

    /** POLLERR: the pending socket error, or null; reading it does not clear it. */
    public Errno pendingError() {
        return error;
    }

    /** getsockopt(SO_ERROR): the pending error, cleared; null when none. */
    public Errno takeError() {
        Errno e = error;
        error = null;
        return e;
    }

    /** A listener with a connection to accept. */
    public boolean acceptable() {
        return !closed() && state == State.LISTENING && !pending.isEmpty();
    }

    /** Whether a call blocked on {@code until} for this socket may now be retried. */
    boolean ready(UnixResult.Wait until) {
        if (closed()) {
            return true;
        }
        return switch (until) {
            case ACCEPTABLE -> acceptable() || state != State.LISTENING;
            case READABLE -> readable();
            case WRITABLE -> writable();
            case BACKLOG_ROOM -> state != State.LISTENING || readShut || hasBacklogRoom();
            case DATAGRAM_ROOM -> readShut || DataPath.datagramRoom(this, 0);
        };
    }

    @Override
    public String toString() {
        return type + " " + state + " " + local;
    }
}
