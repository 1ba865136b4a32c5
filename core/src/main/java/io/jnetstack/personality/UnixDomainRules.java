package io.jnetstack.personality;

import io.jnetstack.personality.abi.Errno;

/**
 * The UNIX-domain socket engine's decisions (connect-catalogue §1H rows H1–H27, §3 sockaddr_un and UNIX backlog):
 * which types and namespaces exist, the order in which connect tests the caller's state and the target, what a full
 * queue does, and the buffer sizes. The listen queue's capacity is the one {@link ListenRules#capacity(int)} computes,
 * because Linux unix_stream_connect and the BSD unp_connect both consult the same limit TCP does
 * (sk_max_ack_backlog with {@code >}; sonewconn's so_qlimit test). Values only: the socket layer's UNIX-domain engine applies them.
 *
 * @param seqpacket               whether AF_UNIX SOCK_SEQPACKET exists (XNU localdomain has no such protosw:
 *                                socreate_internal answers EPROTONOSUPPORT)
 * @param abstractNamespace       whether a name starting with a NUL byte is an abstract name keyed by socket type
 *                                (Linux unix_find_abstract; FreeBSD 15 tests/sys/kern/unix_abstract.c) rather than an
 *                                empty path (namei of "" → ENOENT)
 * @param autobind                whether binding the unnamed address, and connect or send with SO_PASSCRED on an
 *                                unbound socket, picks an abstract five-hex-digit name (Linux unix_autobind)
 * @param maximumPathBytes        the longest name a sockaddr_un can carry: Linux 108 (sun_path, no NUL needed),
 *                                FreeBSD 104, OpenBSD 103 (a full sun_path must hold a NUL), macOS 253 (255-byte
 *                                sockaddr); an abstract name gets one byte less (its leading NUL)
 * @param pathTooLong             the errno for a longer name (EINVAL; macOS getsockaddr ENAMETOOLONG beyond 255)
 * @param unnamedTarget           connect or sendto with no name at all (Linux unix_validate_addr EINVAL; BSD
 *                                namei of the empty path ENOENT)
 * @param stateCheckedFirst       whether a listening or connected caller is refused before the target lookup (BSD
 *                                soconnect / unp_connectat) rather than after it (Linux unix_stream_connect)
 * @param listenerConnects        the errno for a listening socket that connects (Linux EINVAL, BSD EOPNOTSUPP: H16)
 * @param permissionBeforeKind    whether write permission on the file is tested before its type (Linux
 *                                unix_find_bsd path_permission, then S_ISSOCK) rather than after (BSD VSOCK first)
 * @param notASocket              connecting to a file that is not a socket (Linux ECONNREFUSED, BSD ENOTSOCK: H3)
 * @param backlogFullWaits        whether a full listen queue makes a blocking client wait and a non-blocking one
 *                                fail with EAGAIN (Linux unix_wait_for_peer) instead of ECONNREFUSED (BSD sonewconn)
 * @param boundCheckAfterPath     whether bind creates the path before it finds the socket already bound (Linux
 *                                unix_bind_bsd: mknod, then {@code u->addr} → EINVAL and unlink) or tests first (BSD
 *                                unp_bind)
 * @param datagramExclusivePeer   whether a datagram socket connected to X refuses connects and sends from others
 *                                with EPERM (Linux unix_may_send: H20)
 * @param failedConnectDissolves  whether a connected datagram socket is disconnected before the new target is looked
 *                                up, so a failed connect leaves it unconnected (BSD soconnect → sodisconnect)
 * @param sendToWhileConnected    whether sendto with an address is allowed on a connected datagram socket (Linux);
 *                                the BSD uipc_send answers EISCONN
 * @param resetPeerOnUnreadClose  whether closing a stream socket with unread data, or an un-accepted one, gives the
 *                                peer ECONNRESET (Linux unix_release_sock: H27)
 * @param datagramPeerCloseResets whether closing a datagram socket disconnects those connected to it with so_error
 *                                ECONNRESET (BSD unp_detach → unp_drop); Linux leaves them pointing at the dead
 *                                socket and the next send answers ECONNREFUSED (unix_dgram_sendmsg)
 * @param receiveUnconnected      reading an unconnected stream or seqpacket socket (Linux unix_stream_read_generic
 *                                EINVAL, BSD soreceive ENOTCONN)
 * @param sendReportsError        whether send returns and clears a pending so_error first (BSD sosend); Linux's
 *                                unix send paths never read sk_err
 * @param shutdownRequiresConnection whether shutdown(2) on an unconnected socket is ENOTCONN (FreeBSD and XNU
 *                                soshutdown); Linux unix_shutdown and OpenBSD soshutdown accept it
 * @param shutdownReadDiscards    whether SHUT_RD throws queued data away (BSD sorflush); Linux keeps it readable
 * @param streamBuffer            bytes a stream or seqpacket connection holds before the sender blocks (Linux
 *                                wmem_default 212992; BSD PIPSIZ 8192); also the largest seqpacket record
 * @param datagramMax             the largest datagram (Linux sk_sndbuf − 32; BSD unpdg_sendspace / maxdgram)
 * @param datagramQueueCount      datagrams a receiver queues (Linux max_dgram_qlen 10 with {@code >}: 11); 0 = no count
 * @param datagramQueueBytes      bytes a receiver queues (BSD unpdg_recvspace; Linux the sender's 212992)
 * @param datagramFullWaits       whether a full receiver makes a blocking sender wait and a non-blocking one fail
 *                                with EAGAIN (Linux unix_wait_for_peer) instead of ENOBUFS (BSD sbappendaddr)
 */
public record UnixDomainRules(boolean seqpacket, boolean abstractNamespace, boolean autobind, int maximumPathBytes,
        Errno pathTooLong, Errno unnamedTarget, boolean stateCheckedFirst, Errno listenerConnects,
        boolean permissionBeforeKind, Errno notASocket, boolean backlogFullWaits, boolean boundCheckAfterPath,
        boolean datagramExclusivePeer, boolean failedConnectDissolves, boolean sendToWhileConnected,
        boolean resetPeerOnUnreadClose, boolean datagramPeerCloseResets, Errno receiveUnconnected,
        boolean sendReportsError, boolean shutdownRequiresConnection, boolean shutdownReadDiscards, int streamBuffer,
        int datagramMax, int datagramQueueCount, int datagramQueueBytes, boolean datagramFullWaits) {

    /** Validates sizes and that every errno is present. */
    public UnixDomainRules {
        if (maximumPathBytes < 1 || streamBuffer < 1 || datagramMax < 1 || datagramQueueCount < 0
                || datagramQueueBytes < datagramMax || pathTooLong == null || unnamedTarget == null
                || listenerConnects == null || notASocket == null || receiveUnconnected == null) {
            throw new IllegalArgumentException("bad unix-domain rules");
        }
    }
}
