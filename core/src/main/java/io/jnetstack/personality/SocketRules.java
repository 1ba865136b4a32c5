package io.jnetstack.personality;

import io.jnetstack.personality.abi.Errno;

/**
 * How one OS's generic socket layer and its TCP/IP connect routines answer the cases the connect(2) pages and the
 * catalogue (§1C–1F, §1I, §1J, §0.2) describe once the argument checks ({@link ConnectArgumentRules}) have passed.
 * Values only: the socket layer applies them.
 *
 * @param lifecycle          what a TCP socket whose attempt or connection ended does on the next connect
 * @param restartsConnect    whether a blocking connect interrupted by a signal whose handler has SA_RESTART is
 *                           restarted (Linux ERESTARTSYS when the send timeout is infinite); the BSDs map ERESTART to
 *                           EINTR in connect
 * @param honoursSendTimeout whether SO_SNDTIMEO bounds a blocking connect (Linux inet_wait_for_connect → EINPROGRESS)
 * @param poll               whose poll(2) readiness rules apply
 * @param openFilesPerProcess the default RLIMIT_NOFILE soft limit (EMFILE beyond it)
 * @param openFilesPerHost   the host's open-file ceiling (ENFILE beyond it)
 * @param noRoute            connect to a destination with no route (D10)
 * @param tupleInUse         connect from a bound address:port whose four-tuple exists already (E4)
 * @param portZero           TCP connect to port 0; null: allowed (the SYN goes out)
 * @param broadcast          TCP connect to 255.255.255.255 (F1)
 * @param multicast          TCP connect to a multicast group, v4 or v6 (F2, F4)
 * @param subnetBroadcast    TCP connect to a subnet-directed broadcast address (F3); null: not checked
 * @param unspecified        what a TCP connect to 0.0.0.0 / :: means (J5, J6)
 * @param selfConnect        TCP connect to the socket's own address and port (C24); null: allowed
 * @param defaultV6Only      IPV6_V6ONLY's default on a new AF_INET6 socket
 * @param v4Mapped           whether the stack has IPv4-mapped IPv6 sockets at all (OpenBSD: no)
 * @param v4MappedOnV6Only   connect to a v4-mapped address with IPV6_V6ONLY set (J2)
 * @param v4MappedOnV6Bound  connect to a v4-mapped address from a socket bound to a native IPv6 address (J3)
 * @param v6OnV4Bound        connect to a native IPv6 address from a socket bound to a v4-mapped one (J4)
 * @param sendUnconnected    send on a TCP socket that never connected: Linux sk_stream_wait_connect EPIPE; BSD sosend
 *                           ENOTCONN
 * @param sendWaitsForHandshake whether send on a connecting TCP socket waits for the handshake (Linux
 *                           sk_stream_wait_connect; EAGAIN when non-blocking) rather than failing ENOTCONN (BSD sosend)
 * @param rejectRoute        connect through an "unreachable" reject route (Linux RTN_UNREACHABLE EHOSTUNREACH, BSD
 *                           RTF_REJECT EHOSTUNREACH)
 * @param prohibitRoute      connect through a "prohibit" route or a firewall rule that rejects (Linux RTN_PROHIBIT and
 *                           ip_route_connect EACCES; BSD RTF_REJECT EHOSTUNREACH)
 * @param interfaceDown      connect through an interface that is down (Linux: its routes are gone, ENETUNREACH; BSD
 *                           ip_output ENETDOWN returned by tcp_output in SYN_SENT)
 * @param signatureWithoutKey connect with TCP_MD5SIG set and no security association (OpenBSD tcp_output's
 *                           gettdbbysrcdst → EPERM); null where connect does not look for a key
 * @param firewall           a local firewall rule refuses the destination: Linux's cgroup connect hook
 *                           (BPF_CGROUP_INET4_CONNECT) and netfilter NF_DROP on send give EPERM; FreeBSD ip_output
 *                           (pfil PFIL_DROPPED) and OpenBSD ip_output (pf_test) EACCES, which tcp_output returns in
 *                           SYN_SENT; XNU's pf hook [I: assumed EACCES as FreeBSD]
 * @param firewallAtConnect  whether a datagram connect is checked too (Linux's connect hook) or only the send
 * @param md5OptionLength    the smallest TCP_MD5SIG option value (Linux struct tcp_md5sig, 216 bytes; the BSDs an
 *                           int)
 * @param acceptTimeout      whether SO_RCVTIMEO bounds a blocking accept (Linux inet_csk_accept uses sk_rcvtimeo →
 *                           EAGAIN; the BSDs' accept sleeps on so_timeo without a timeout)
 * @param icmpMayResetName   the sysctl that lets ICMP errors abort SYN-SENT at once (FreeBSD and XNU
 *                           net.inet.tcp.icmp_may_rst); null where the kernel has no such switch
 * @param defunctSockets     whether the kernel can make a suspended app's sockets defunct (XNU so_defunct; connect
 *                           then fails EOPNOTSUPP in soconnectlock)
 * @param pledge             whether the kernel has pledge(2) (OpenBSD kern_pledge.c: pledge_socket refuses an
 *                           INET or UNIX socket without its promise; pledge_fail gives ENOSYS with "error", else
 *                           kills the process with SIGABRT)
 * @param maxFilesName       the sysctl naming the host-wide open-file ceiling (fs.file-max, kern.maxfiles)
 * @param portFirstName      the sysctl naming the ephemeral range's first port (Linux's ip_local_port_range holds both
 *                           ends: the same name twice)
 * @param portLastName       the sysctl naming its last port
 */
public record SocketRules(ConnectLifecycle lifecycle, boolean restartsConnect, boolean honoursSendTimeout,
        PollStyle poll, int openFilesPerProcess, int openFilesPerHost, Errno noRoute, Errno tupleInUse,
        Errno portZero, Errno broadcast, Errno multicast, Errno subnetBroadcast, Unspecified unspecified,
        Errno selfConnect, boolean defaultV6Only, boolean v4Mapped, Errno v4MappedOnV6Only, Errno v4MappedOnV6Bound, Errno v6OnV4Bound,
        Errno sendUnconnected, boolean sendWaitsForHandshake, Errno rejectRoute, Errno prohibitRoute,
        Errno interfaceDown,
        Errno signatureWithoutKey, Errno firewall, boolean firewallAtConnect,
        int md5OptionLength, boolean acceptTimeout, String icmpMayResetName, boolean defunctSockets,
        boolean pledge, String maxFilesName,
        String portFirstName, String portLastName) {

    /** Validates the required values. */
    public SocketRules {
        if (lifecycle == null || poll == null || unspecified == null || noRoute == null || tupleInUse == null
                || broadcast == null || multicast == null || openFilesPerProcess < 3 || openFilesPerHost < 3) {
            throw new IllegalArgumentException("incomplete socket rules");
        }
    }

    /** A TCP socket's next connect after its attempt or connection ended. */
    public enum ConnectLifecycle {
        /**
         * Linux __inet_stream_connect: sock->state stays SS_CONNECTING until connect or the wait sees the result;
         * a failed attempt then returns sk_err (or ECONNABORTED when it was read) and the socket is unconnected and
         * reusable (C9, C11); once SS_CONNECTED it stays so (EISCONN after close, I6).
         */
        LINUX_SOCK_STATE,
        /**
         * FreeBSD soconnectat zeroes so_error, then tcp_usr_connect: a dropped pcb → ECONNREFUSED, TIME_WAIT →
         * EADDRINUSE (C9, C10, C11, I6).
         */
        FREEBSD_DROPPED_PCB,
        /**
         * OpenBSD tcp_sogetpcb / macOS tcp_usr_connect on a dead pcb: the pending so_error (read and cleared), else
         * EINVAL (C9, C10, C11, I6).
         */
        DEAD_PCB_SO_ERROR
    }

    /** Whose poll/select readiness rules apply. */
    public enum PollStyle {
        /** Linux tcp_poll: POLLHUP in CLOSE, POLLOUT outside SYN-SENT, POLLERR while sk_err is set. */
        LINUX,
        /** FreeBSD sopoll_generic: readable/writable include so_error; POLLHUP when both directions are shut. */
        FREEBSD,
        /** OpenBSD soo_poll: POLLHUP once disconnected, then never POLLOUT. */
        OPENBSD,
        /** XNU soo_select/sopoll: sowriteable is true once so_error is set; POLLHUP when both directions are shut. */
        XNU
    }

    /** What a TCP connect to the unspecified address means. */
    public enum Unspecified {
        /** Linux: the local host (127.0.0.1 / ::1). */
        LOOPBACK,
        /** FreeBSD ≤14, macOS in_pcbladdr: the primary interface's address. */
        PRIMARY_ADDRESS,
        /** OpenBSD tcp_connect: EINVAL. */
        REFUSED
    }
}
