package io.jnetstack.socket.unix;

import io.jnetstack.personality.UnixDomainRules;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.socket.vfs.Cred;

/**
 * Making and ending associations: stream and seqpacket connect (Linux unix_stream_connect, FreeBSD unp_connectat,
 * OpenBSD and XNU unp_connect), datagram connect (unix_dgram_connect; BSD soconnect + unp_connect), and what close
 * does to the other end.
 */
final class Connector {
    private Connector() {}

    /**
     * A connection: BSD refuses a listening (EOPNOTSUPP) or connected (EISCONN) caller before the lookup; Linux
     * looks up first, then refuses a target that is not listening or is shut down (ECONNREFUSED), waits or fails on a
     * full queue, and only then refuses its own state (EISCONN, EINVAL for a listener).
     */
    static UnixResult<Void> stream(UnixSocket s, Sockaddr.Un address, Cred cred, boolean nonBlocking) {
        UnixDomainRules r = s.rules;
        if (r.stateCheckedFirst()) {
            Errno own = ownState(s);
            if (own != null) {
                return UnixResult.fail(own);
            }
        }
        Errno auto = s.autobindForCredentials();
        if (auto != null) {
            return UnixResult.fail(auto);
        }
        UnixResult<UnixSocket> found = s.domain.find(address, s.type(), cred);
        if (!(found instanceof UnixResult.Done<UnixSocket>(UnixSocket target))) {
            return found.cast();
        }
        if (target.state != UnixSocket.State.LISTENING || target.readShut) {
            return UnixResult.fail(Errno.ECONNREFUSED);
        }
        if (!target.hasBacklogRoom()) {
            if (!r.backlogFullWaits()) {
                return UnixResult.fail(Errno.ECONNREFUSED);
            }
            return nonBlocking ? UnixResult.fail(Errno.EAGAIN)
                    : new UnixResult.Blocked<>(target, UnixResult.Wait.BACKLOG_ROOM);
        }
        Errno own = ownState(s);
        if (own != null) {
            return UnixResult.fail(own);
        }
        establish(s, target);
        return UnixResult.ok();
    }

    /** The caller's own state: a listener (H16/H17), a connected socket (H15); null when it may connect. */
    private static Errno ownState(UnixSocket s) {
        return switch (s.state) {
            case LISTENING -> s.rules.listenerConnects();
            case CONNECTED -> Errno.EISCONN;
            case UNCONNECTED, CLOSED -> null;
        };
    }

    /** The server end: a new socket named like the listener, queued for accept; the client is connected at once. */
    private static void establish(UnixSocket client, UnixSocket listener) {
        UnixSocket server = new UnixSocket(listener.domain, listener.type());
        server.local = listener.local;
        server.embryo = true;
        server.peer = client;
        server.state = UnixSocket.State.CONNECTED;
        client.peer = server;
        client.state = UnixSocket.State.CONNECTED;
        listener.pending.addLast(server);
    }

    /**
     * A datagram association (H18–H21): BSD first disconnects an associated socket (a failed connect leaves it
     * unconnected); Linux keeps the old peer until the new one is found and refuses a target associated with a
     * third socket (unix_may_send: EPERM).
     */
    static UnixResult<Void> datagram(UnixSocket s, Sockaddr.Un address, Cred cred) {
        UnixDomainRules r = s.rules;
        if (r.failedConnectDissolves()) {
            dropDatagramPeer(s);
        }
        Errno auto = s.autobindForCredentials();
        if (auto != null) {
            return UnixResult.fail(auto);
        }
        UnixResult<UnixSocket> found = s.domain.find(address, s.type(), cred);
        if (!(found instanceof UnixResult.Done<UnixSocket>(UnixSocket target))) {
            return found.cast();
        }
        if (r.datagramExclusivePeer() && !maySend(s, target)) {
            return UnixResult.fail(Errno.EPERM);
        }
        dropDatagramPeer(s);
        s.peer = target;
        target.referrers.add(s);
        s.state = UnixSocket.State.CONNECTED;
        return UnixResult.ok();
    }

    /**
     * Linux unix_may_send: the target has no peer, or its peer is the sender. A peer that closed still counts until
     * the target itself sends or reconnects (unix_release_sock leaves {@code unix_peer} of others alone).
     */
    static boolean maySend(UnixSocket sender, UnixSocket target) {
        return target.peer == null || target.peer == sender;
    }

    /** Ends a datagram association, if any. */
    static void dropDatagramPeer(UnixSocket s) {
        if (s.peer != null) {
            s.peer.referrers.remove(s);
            s.peer = null;
        }
        if (s.state == UnixSocket.State.CONNECTED) {
            s.state = UnixSocket.State.UNCONNECTED;
        }
    }

    /**
     * The peer of a closing connection reads end-of-file and can no longer send; on Linux it first gets ECONNRESET
     * when this end closed un-accepted or with unread data (unix_release_sock).
     */
    static void closeConnection(UnixSocket s, boolean unread) {
        UnixSocket p = s.peer;
        if (p == null || p.closed()) {
            return;
        }
        p.readShut = true;
        p.writeShut = true;
        if (s.rules.resetPeerOnUnreadClose() && (unread || s.embryo)) {
            p.error = Errno.ECONNRESET;
        }
    }

    /**
     * Datagram sockets associated with a closing one: BSD unp_drop disconnects them with so_error ECONNRESET; Linux
     * leaves them pointing at it, and their next send fails (ECONNREFUSED, then ENOTCONN).
     */
    static void closeDatagram(UnixSocket s) {
        if (s.peer != null) {
            s.peer.referrers.remove(s);
        }
        if (s.rules.datagramPeerCloseResets()) {
            while (!s.referrers.isEmpty()) {
                UnixSocket ref = s.referrers.removeFirst();
                ref.peer = null;
                ref.state = UnixSocket.State.UNCONNECTED;
                ref.error = Errno.ECONNRESET;
            }
        }
    }
}
