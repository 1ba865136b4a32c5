package io.jnetstack.socket.unix;

import io.jnetstack.personality.UnixDomainRules;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.socket.vfs.Cred;

/**
 * Sending and receiving: a stream moves bytes into the peer's receive queue up to the connection's buffer
 * (unix_stream_sendmsg; BSD uipc_send into so_rcv), a seqpacket moves whole records, a datagram socket queues a
 * message with its source address on the target (unix_dgram_sendmsg; BSD uipc_send → sbappendaddr).
 */
final class DataPath {
    private DataPath() {}

    /**
     * send/sendto. Connections: ENOTCONN without a peer, EPIPE after SHUT_WR or once the peer closed or shut its
     * reading side, EMSGSIZE for a seqpacket record above the buffer; a full buffer is EAGAIN (non-blocking) or
     * blocked; a stream write may be partial. Datagrams: see {@link #sendDatagram}.
     */
    static UnixResult<Integer> send(UnixSocket s, Sockaddr.Un to, byte[] data, Cred cred, boolean nonBlocking) {
        if (s.closed()) {
            return UnixResult.fail(Errno.EBADF);
        }
        if (s.rules.sendReportsError() && s.error != null) {
            return UnixResult.fail(s.takeError());
        }
        if (!s.type().connectionOriented()) {
            return sendDatagram(s, to, data, cred == null ? Cred.root() : cred, nonBlocking);
        }
        if (to != null) {
            // unix_stream_sendmsg: an address is EISCONN when connected, else EOPNOTSUPP; BSD ignores it [I]
            return UnixResult.fail(s.state == UnixSocket.State.CONNECTED ? Errno.EISCONN : Errno.EOPNOTSUPP);
        }
        if (s.state != UnixSocket.State.CONNECTED) {
            return UnixResult.fail(Errno.ENOTCONN);
        }
        if (s.writeShut || s.peerReadShut || s.peer.closed()) {
            return UnixResult.fail(Errno.EPIPE);
        }
        int cap = s.rules.streamBuffer();
        boolean record = s.type() == UnixType.SEQPACKET;
        if (record && data.length > cap) {
            return UnixResult.fail(Errno.EMSGSIZE);
        }
        long space = cap - s.peer.queue.bytes();
        if (space <= 0 && data.length > 0 || record && space < data.length) {
            return nonBlocking ? UnixResult.fail(Errno.EAGAIN)
                    : new UnixResult.Blocked<>(s, UnixResult.Wait.WRITABLE);
        }
        int n = (int) Math.min(space, data.length);
        if (n > 0 || record) {
            s.peer.queue.add(n == data.length ? data : java.util.Arrays.copyOf(data, n), s.local);
        }
        return UnixResult.done(n);
    }

    /**
     * A datagram: EPIPE after SHUT_WR, EMSGSIZE above the largest datagram; with an address EISCONN when connected
     * (BSD), else the target's lookup errors; without one ENOTCONN, or ECONNREFUSED once when the Linux peer is gone;
     * EPIPE when the target shut its reading side; EPERM when the target is associated with a third socket (Linux);
     * a full target is EAGAIN or blocked (Linux) or ENOBUFS (BSD).
     */
    private static UnixResult<Integer> sendDatagram(UnixSocket s, Sockaddr.Un to, byte[] data, Cred cred,
            boolean nonBlocking) {
        UnixDomainRules r = s.rules;
        if (s.writeShut) {
            return UnixResult.fail(Errno.EPIPE);
        }
        if (data.length > r.datagramMax()) {
            return UnixResult.fail(Errno.EMSGSIZE);
        }
        UnixResult<UnixSocket> found = target(s, to, cred);
        if (!(found instanceof UnixResult.Done<UnixSocket>(UnixSocket target))) {
            return found.cast();
        }
        if (target.readShut) {
            return UnixResult.fail(Errno.EPIPE);
        }
        if (r.datagramExclusivePeer() && !Connector.maySend(s, target)) {
            return UnixResult.fail(Errno.EPERM);
        }
        if (!datagramRoom(target, data.length)) {
            if (!r.datagramFullWaits()) {
                return UnixResult.fail(Errno.ENOBUFS);
            }
            return nonBlocking ? UnixResult.fail(Errno.EAGAIN)
                    : new UnixResult.Blocked<>(target, UnixResult.Wait.DATAGRAM_ROOM);
        }
        target.queue.add(data, s.local);
        return UnixResult.done(data.length);
    }

    /** Where a datagram goes: the address given, or the peer. */
    private static UnixResult<UnixSocket> target(UnixSocket s, Sockaddr.Un to, Cred cred) {
        if (to != null) {
            if (s.peer != null && !s.rules.sendToWhileConnected()) {
                return UnixResult.fail(Errno.EISCONN);
            }
            Errno auto = s.autobindForCredentials();
            return auto != null ? UnixResult.fail(auto) : s.domain.find(to, s.type(), cred);
        }
        if (s.peer == null) {
            return UnixResult.fail(Errno.ENOTCONN);
        }
        if (s.peer.closed()) {
            Connector.dropDatagramPeer(s); // unix_dgram_sendmsg: the dead peer is forgotten
            return UnixResult.fail(Errno.ECONNREFUSED);
        }
        Errno auto = s.autobindForCredentials();
        return auto != null ? UnixResult.fail(auto) : UnixResult.done(s.peer);
    }

    /** Whether {@code target}'s receive queue takes one more datagram of {@code length} bytes. */
    static boolean datagramRoom(UnixSocket target, int length) {
        UnixDomainRules r = target.rules;
        boolean countOk = r.datagramQueueCount() == 0 || target.queue.count() < r.datagramQueueCount();
        return countOk && target.queue.bytes() + length <= r.datagramQueueBytes();
    }

    /** Whether a send now would not block (poll's POLLOUT). */
    static boolean sendWouldNotBlock(UnixSocket s) {
        if (s.writeShut || s.error != null) {
            return true;
        }
        if (!s.type().connectionOriented()) {
            return s.peer == null || s.peer.closed() || s.peer.readShut || datagramRoom(s.peer, 0);
        }
        if (s.state != UnixSocket.State.CONNECTED || s.peerReadShut || s.peer.closed()) {
            return true;
        }
        return s.peer.queue.bytes() < s.rules.streamBuffer();
    }

    /**
     * recv/recvfrom: queued data first (a stream reads across writes; a record or datagram is read whole, the rest
     * discarded and reported truncated); then a pending error, once (H27); then end-of-file after SHUT_RD or the
     * peer's SHUT_WR or close; else EAGAIN or blocked. An unconnected connection-oriented socket is refused
     * (Linux EINVAL, BSD ENOTCONN).
     */
    static UnixResult<Received> receive(UnixSocket s, int max, boolean nonBlocking) {
        if (s.closed()) {
            return UnixResult.fail(Errno.EBADF);
        }
        boolean connection = s.type().connectionOriented();
        if (connection && s.state != UnixSocket.State.CONNECTED) {
            return UnixResult.fail(s.rules.receiveUnconnected());
        }
        if (!s.queue.isEmpty() && (s.type() != UnixType.STREAM || s.queue.bytes() > 0)) {
            return UnixResult.done(s.type() == UnixType.STREAM ? s.queue.readStream(max) : s.queue.readMessage(max));
        }
        if (s.error != null) {
            return UnixResult.fail(s.takeError());
        }
        if (s.readShut) {
            return UnixResult.done(Received.eof());
        }
        return nonBlocking ? UnixResult.fail(Errno.EAGAIN) : new UnixResult.Blocked<>(s, UnixResult.Wait.READABLE);
    }
}
