package io.jnetstack.personality;

import io.jnetstack.personality.abi.Errno;
import java.util.List;

/**
 * Linux, as the kernel on the development machine behaves (6.x). Values are the sysctl defaults read from
 * {@code /proc/sys/net} there and their definitions in torvalds/linux.
 */
public final class LinuxPersonality implements Personality {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    /** net.ipv4.tcp_fastopen: bit 0 TFO_CLIENT_ENABLE (default 1, include/net/tcp.h TFO_CLIENT_ENABLE). */
    public static final String TCP_FASTOPEN = "net.ipv4.tcp_fastopen";

    private final Tunables tunables = new Tunables(List.of(new Tunables.Spec(TCP_FASTOPEN, 1, v -> v == 0 || v == 1,
            "net/ipv4/tcp.c do_tcp_setsockopt: TCP_FASTOPEN_CONNECT is EOPNOTSUPP without TFO_CLIENT_ENABLE;"
                    + " the server bit (2) and TFO_CLIENT_NO_COOKIE (4) are not modelled")));

    /** Each host its own tunables (a sysctl on one host must not change another). */
    @Override
    public Personality forHost() {
        return new LinuxPersonality();
    }

    @Override
    public Tunables tunables() {
        return tunables;
    }

    /**
     * The TCP_FASTOPEN_CONNECT client (net/ipv4/tcp_fastopen.c tcp_fastopen_defer_connect, tcp_fastopen_cookie_check,
     * tcp_fastopen_cache_set) under net.ipv4.tcp_fastopen's TFO_CLIENT_ENABLE bit; the cookies live in the TCP
     * metrics, which a sysctl change leaves alone.
     */
    @Override
    public FastOpenClient fastOpenClient() {
        return FastOpenClient.linux((tunables.get(TCP_FASTOPEN) & 1) != 0, 0);
    }

    @Override
    public Os os() {
        return Os.LINUX;
    }

    /** net.ipv4.ip_default_ttl = 64 (include/net/ip.h IPDEFTTL). */
    @Override
    public int defaultTtl() {
        return 64;
    }

    /** net.ipv6.conf.default.hop_limit = 64 (include/linux/ipv6.h IPV6_DEFAULT_HOPLIMIT). */
    @Override
    public int defaultHopLimit() {
        return 64;
    }

    /**
     * net.ipv4.neigh.default: mcast_solicit 3 broadcast requests (app_solicit 0), retrans_time_ms 1000; the entry
     * then fails (net/core/neighbour.c neigh_timer_handler → NUD_FAILED, neigh_max_probes). unres_qlen_bytes
     * (212992) bounds the queue; 101 packets of 1500 bytes is the packet-count equivalent used here.
     * base_reachable_time_ms 30000.
     */
    @Override
    public NeighborTimings arp() {
        return new NeighborTimings(3, 1000 * MS, 101, 30 * S);
    }

    /** net.ipv6.neigh.default: mcast_solicit 3, retrans_time_ms 1000 (RFC 4861 §10 MAX_MULTICAST_SOLICIT). */
    @Override
    public NeighborTimings ndp() {
        return new NeighborTimings(3, 1000 * MS, 101, 30 * S);
    }

    /** net.ipv4.ipfrag_time = 30 s (include/net/ip.h IP_FRAG_TIME). */
    @Override
    public long ipv4ReassemblyTimeoutNs() {
        return 30 * S;
    }

    /** net.ipv6.ip6frag_time = 60 s (include/net/ipv6.h IPV6_FRAG_TIMEOUT). */
    @Override
    public long ipv6ReassemblyTimeoutNs() {
        return 60 * S;
    }

    /** net/ipv4/ip_fragment.c ip_expire and net/ipv6/reassembly.c ip6_frag_expire send ICMP time exceeded. */
    @Override
    public boolean sendsReassemblyTimeExceeded() {
        return true;
    }

    /** net.ipv4.icmp_echo_ignore_broadcasts = 1. */
    @Override
    public boolean answersBroadcastEcho() {
        return false;
    }

    /** drivers/net/loopback.c: dev->mtu = 64 * 1024. */
    @Override
    public int loopbackMtu() {
        return 65536;
    }

    /** See {@link Personality#udpReuseAddrShares()}. */
    @Override
    public boolean udpReuseAddrShares() {
        return true;
    }

    /** net.ipv4.ip_local_port_range = 32768 60999 (net/ipv4/af_inet.c inet_init_net). */
    @Override
    public PortRange ephemeralPorts() {
        return new PortRange(32768, 60999);
    }

    /**
     * tcp_syn_options() order, measured on the live kernel (tcpdump on a veth pair): {@code mss, sackOK, TS, nop,
     * wscale} — SACK-permitted and timestamps packed into one aligned word, then NOP + window scale.
     */
    @Override
    public List<SynOption> synOptionLayout() {
        return List.of(SynOption.MSS, SynOption.SACK_PERMITTED, SynOption.TIMESTAMPS, SynOption.NOP,
                SynOption.WINDOW_SCALE);
    }

    /**
     * tcp_select_initial_window(): the initial receive window rounded down to a multiple of the MSS and capped
     * at 65535 in the SYN (measured: 64240 = 44 × 1460 at MSS 1460, 65495 on loopback).
     */
    @Override
    public int synWindow(int mss) {
        return mss >= 65535 ? 65535 : 65535 / mss * mss;
    }

    /** Measured wscale 7 with the stock tcp_rmem max of 6291456 (tcp_select_initial_window). */
    @Override
    public int windowScale() {
        return 7;
    }

    /**
     * Measured on 6.18 against a black hole: SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 69 s (tcp_syn_retries 6 plus
     * tcp_syn_linear_timeouts 4 linear 1 s retries, then doubling), ETIMEDOUT at 135.3 s
     * (net/ipv4/tcp_timer.c tcp_write_timeout → retransmits_timed_out by elapsed time).
     */
    @Override
    public SynRetransmission synRetransmission() {
        return SynRetransmission.ofMillis(135_300, 0, 1000, 2000, 3000, 4000, 5000, 7000, 11_000, 19_000, 35_000,
                69_000);
    }

    /**
     * net/ipv4/tcp_ipv4.c tcp_v4_err (and tcp_v6_err): in TCP_SYN_SENT every destination-unreachable code and time
     * exceeded ends the attempt through tcp_done_with_error() (measured: connect() failed 51 ms after the SYN, on
     * the ICMP's arrival). Fragmentation needed / packet too big only adjusts the MTU.
     */
    @Override
    public IcmpDisposition synSentIcmp(IcmpClass icmp, int retransmissions, boolean softErrorStored) {
        return icmp == IcmpClass.OTHER ? IcmpDisposition.IGNORE : IcmpDisposition.ABORT;
    }

    /**
     * IPv4 only. tcp_v4_err acts on a fragmentation needed in SYN_SENT (tcp_v4_mtu_reduced → inet_csk_update_pmtu),
     * which gives the socket a route with the new path MTU, and the retransmitted SYN offers tcp_advertise_mss =
     * dst_metric_advmss, the MTU less the headers (seen on the kernel: a SYN answered with "need to frag (mtu 1000)"
     * is sent again offering 960). tcp_v6_mtu_reduced first drops a report that would not lower mss_cache, and in
     * SYN_SENT mss_cache is still clamped to TCP_MSS_DEFAULT (536, tcp_init_sock): a packet too big there changes
     * nothing (seen on the kernel: mtu 1280 leaves both the SYN's 1440 and the data's).
     */
    @Override
    public boolean synMssFollowsPathMtu(boolean ipv6) {
        return !ipv6;
    }

    /** include/net/tcp.h TCP_TIMEOUT_INIT 1 s, TCP_RTO_MIN 200 ms, TCP_RTO_MAX 120 s (tcp_rto_min_us = 200000 live). */
    @Override
    public RetransmissionTimeout rto() {
        return RetransmissionTimeout.ofMillis(1000, 200, 120_000);
    }

    /**
     * TIME-WAIT 60 s (include/net/tcp.h TCP_TIMEWAIT_LEN); net.ipv4.tcp_fin_timeout 60 s for orphaned FIN-WAIT-2
     * (TCP_FIN_TIMEOUT); delayed ACK 40 ms, the floor of the adaptive ATO (TCP_DELACK_MIN HZ/25); keep-alive
     * 7200 s / 75 s / 9 (TCP_KEEPALIVE_TIME, TCP_KEEPALIVE_INTVL, TCP_KEEPALIVE_PROBES).
     */
    @Override
    public TcpTimers tcpTimers() {
        return TcpTimers.of(60_000, 60_000, 40, 7200, 75, 9);
    }

    /**
     * net.ipv4.tcp_retries2 = 15 (TCP_RETR2), judged by elapsed time: tcp_model_timeout with rto_base TCP_RTO_MIN
     * gives (2^10 − 1) × 200 ms + 6 × 120 s = 924.6 s (net/ipv4/tcp_timer.c retransmits_timed_out).
     */
    @Override
    public RetransmissionLimit retransmissionLimit() {
        return RetransmissionLimit.elapsed(924_600_000_000L);
    }



    /** net/ipv4/Kconfig DEFAULT_TCP_CONG: {@code default "cubic"} (net.ipv4.tcp_congestion_control). */
    @Override
    public CongestionAlgorithm congestionControl() {
        return CongestionAlgorithm.CUBIC;
    }

    /**
     * include/net/tcp.h TCP_INIT_CWND 10 ("as per rfc6928"), used by net/ipv4/tcp_input.c {@code tcp_init_cwnd()}
     * when no route metric initcwnd is set. Linux counts cwnd in segments: 10 × MSS with no 14600-byte cap.
     */
    @Override
    public long initialWindow(int mss) {
        return 10L * mss;
    }

    /** Linux tcp_cong.c / tcp_cubic.c: no ABC cap, halving restart, HyStart. */
    @Override
    public CongestionTuning congestionTuning() {
        return CongestionTuning.linux();
    }

    /**
     * net/ipv4/tcp.c __tcp_close (data_was_unread → tcp_send_active_reset, measured); orphaned FIN-WAIT-2 ends
     * silently in a timewait mini-socket (tcp_time_wait); tcp_validate_incoming challenge ACKs (RFC 5961);
     * tcp_timewait_state_process kills TIME-WAIT on a RST at rcv_nxt (tcp_rfc1337 = 0).
     */
    @Override
    public TcpRules tcpRules() {
        return new TcpRules(true, false, true, true, false, true);
    }

    /**
     * net.ipv4.tcp_rmem = 4096 131072 6291456 and tcp_wmem = 4096 16384 4194304 (stock defaults, measured); receive
     * autotuning in tcp_rcv_space_adjust, send in tcp_sndbuf_expand.
     */
    @Override
    public TcpBuffers tcpBuffers() {
        return new TcpBuffers(131_072, 6_291_456, 16_384, 4_194_304, true);
    }

    /**
     * net/ipv4/tcp_input.c: quick-ack mode for the first TCP_MAX_QUICKACKS (16) ACKs (tcp_incr_quickack), then an ACK
     * when more than one full frame is unacknowledged (__tcp_ack_snd_check); Minshall's Nagle (tcp_nagle_check).
     */
    @Override
    public AckPolicy ackPolicy() {
        return new AckPolicy(16, 2, true);
    }


    /**
     * net/socket.c __sys_listen clamps to somaxconn 4096 (unsigned compare: negative means the maximum);
     * include/net/sock.h sk_acceptq_is_full is {@code sk_ack_backlog > sk_max_ack_backlog}, so backlog + 1 fit
     * (measured: listen(2) completed 3 handshakes); tcp_conn_request drops the SYN when full, tcp_check_req ignores
     * the final ACK (tcp_abort_on_overflow 0). inet_connection_sock.c reqsk_timer_handler: SYN-ACKs at 0, 1, 3, 7, 15,
     * 31 s (TCP_TIMEOUT_INIT doubling, tcp_synack_retries 5; measured 0, 1.03, 3.04, 7.20, 15.40, 31.52 s), request
     * dropped at 63 s. Decision: with tcp_syncookies = 1 the SYN queue never refuses, so it has no limit here.
     */
    @Override
    public ListenRules listenRules() {
        return new ListenRules(4096, 0, false, 1, 1, 1, ListenRules.AcceptOverflow.DROP_SYN_IGNORE_ACK,
                ListenRules.TimeWaitSyn.AFTER_RCV_NXT_OR_NEWER_TIMESTAMP,
                SynAckRetransmission.ofMillis(SynAckRetransmission.DuplicateSyn.RESTART_INTERVAL, false, 63_000,
                        0, 1000, 3000, 7000, 15_000, 31_000));
    }

    /** The Linux ABI: see {@link io.jnetstack.personality.abi.Abi#linux()} for the headers each value comes from. */
    @Override
    public io.jnetstack.personality.abi.Abi abi() {
        return io.jnetstack.personality.abi.Abi.linux();
    }

    /**
     * include/linux/namei.h MAXSYMLINKS 40 (fs/namei.c reserve_stack: {@code total_link_count++ >= MAXSYMLINKS});
     * include/uapi/linux/limits.h NAME_MAX 255, PATH_MAX 4096 "including nul" (fs/namei.c getname_flags:
     * {@code len == PATH_MAX} is ENAMETOOLONG, so 4095 bytes is the longest path). may_lookup (search permission)
     * runs before the file system's lookup refuses a long name; unlink(2) on a directory: EISDIR; a new file
     * gets the creator's fsgid unless the directory is set-group-id (fs/inode.c inode_init_owner).
     */
    @Override
    public VfsLimits vfsLimits() {
        return new VfsLimits(40, 255, 4096, false, false, io.jnetstack.personality.abi.Errno.EISDIR, false);
    }


    /**
     * net/socket.c __sys_connect: fd lookup (EBADF), move_addr_to_kernel ({@code ulen < 0 || ulen > 128} → EINVAL,
     * nothing copied for 0, EFAULT), then __sys_connect_file (ENOTSOCK). net/ipv4/af_inet.c __inet_stream_connect:
     * {@code addr_len < sizeof(sa_family)} → EINVAL, AF_UNSPEC → disconnect, the sock->state switch; then
     * net/ipv4/tcp_ipv4.c tcp_v4_connect and net/ipv6/tcp_ipv6.c tcp_v6_connect (length minimum, then family);
     * inet_dgram_connect, __ip4_datagram_connect, __ip6_datagram_connect; net/unix/af_unix.c unix_validate_addr.
     */
    @Override
    public ConnectArgumentRules connectArgumentRules() {
        return new ConnectArgumentRules(ConnectArgumentRules.AddressCopy.BETWEEN_DESCRIPTOR_AND_SOCKET, 128,
                io.jnetstack.personality.abi.Errno.EINVAL, -1, false, ConnectArgumentRules.ConnectingAtEntry.NEVER,
                ConnectArgumentRules.StateGate.LINUX_STREAM_SWITCH, ConnectArgumentRules.Unspec.DISCONNECT,
                ConnectArgumentRules.InetCheck.MINIMUM_LENGTH_THEN_FAMILY,
                ConnectArgumentRules.InetCheck.INET_ON_INET6_THEN_MINIMUM_LENGTH,
                new ConnectArgumentRules.UnixRules(io.jnetstack.personality.abi.Errno.EINVAL, false, true, 110, false,
                        false));
    }

    /**
     * net/ipv4/inet_hashtables.c {@code __inet_hash_connect} (keyed hash of saddr/daddr/dport plus
     * {@code table_perturb[]}, even ports first with the default range, then odd) and inet_connection_sock.c
     * {@code inet_csk_find_open_port} (bind(0): random start, odd first); a connect() candidate is busy only when its
     * four-tuple is ({@code __inet_check_established}); {@code ip_local_reserved_ports} is empty by default. Live:
     * 200/200 connect() ports even, 200/200 bind(0) ports odd.
     */
    @Override
    public PortSelection portSelection() {
        return new PortSelection(PortSelection.Strategy.LINUX_HASHED_PARITY, PortSelection.Scope.FOUR_TUPLE, true,
                List.of(), List.of());
    }

    /**
     * net/ipv4/af_inet.c __inet_stream_connect (sock->state, sock_error → ECONNABORTED, sock_intr_errno: ERESTARTSYS
     * only with an infinite timeo, sock_sndtimeo), inet_wait_for_connect; net/ipv4/tcp.c tcp_poll; RLIMIT_NOFILE soft
     * 1024 (fs.file-max is effectively unbounded); net/ipv4/tcp_ipv4.c tcp_v4_connect (ip_route_connect:
     * ENETUNREACH, RTN_BROADCAST/RTN_MULTICAST routes refused with ENETUNREACH, INADDR_ANY → loopback via
     * inet_sk_saddr/ip_route_connect_init); inet_hashtables.c __inet_check_established → EADDRNOTAVAIL;
     * net/ipv6/tcp_ipv6.c tcp_v6_connect (v4-mapped with ipv6only → ENETUNREACH, bound to a native address →
     * ENETUNREACH; ipv6_addr_any → ::1); bindv6only 0.
     * Reject routes: RTN_UNREACHABLE EHOSTUNREACH, RTN_PROHIBIT EACCES (ip_route_connect); an interface set down
     * takes its routes with it (fib_sync_down_dev): ENETUNREACH; a cgroup connect hook or netfilter drop: EPERM;
     * TCP_MD5SIG takes a struct tcp_md5sig (216 bytes).
     */
    @Override
    public SocketRules socketRules() {
        return new SocketRules(SocketRules.ConnectLifecycle.LINUX_SOCK_STATE, true, true, SocketRules.PollStyle.LINUX,
                1024, Integer.MAX_VALUE, Errno.ENETUNREACH, Errno.EADDRNOTAVAIL, null, Errno.ENETUNREACH,
                Errno.ENETUNREACH, Errno.ENETUNREACH, SocketRules.Unspecified.LOOPBACK, null, false, true,
                Errno.ENETUNREACH, Errno.ENETUNREACH, Errno.EAFNOSUPPORT, Errno.EPIPE, true,
                Errno.EHOSTUNREACH, Errno.EACCES,
                Errno.ENETUNREACH, null,
                Errno.EPERM, true, 216, true, null,
                false, false, "fs.file-max",
                "net.ipv4.ip_local_port_range", "net.ipv4.ip_local_port_range");
    }

    /**
     * net/unix/af_unix.c: unix_create (SOCK_SEQPACKET exists); unix_find_abstract and unix_bind_abstract hash the name
     * with the socket type; unix_autobind ({@code "%05x"}, also from unix_stream_connect / unix_dgram_connect /
     * unix_dgram_sendmsg when SO_PASSCRED is set); unix_validate_addr (sun_path 108 bytes, no name → EINVAL);
     * unix_find_bsd (kern_path, path_permission(MAY_WRITE), then !S_ISSOCK or no socket → ECONNREFUSED, type →
     * EPROTOTYPE); unix_stream_connect (lookup, not listening → ECONNREFUSED, unix_recvq_full → EAGAIN or
     * unix_wait_for_peer, then own state: ESTABLISHED → EISCONN, else EINVAL); unix_bind_bsd (vfs_mknod before the
     * {@code u->addr} test); unix_dgram_connect (unix_may_send → EPERM, old peer kept on failure);
     * unix_dgram_sendmsg (sendto allowed when connected, {@code len > sk_sndbuf - 32} → EMSGSIZE, dead peer →
     * ECONNREFUSED, unix_recvq_full → wait); unix_release_sock (embryos and unread data → peer sk_err
     * ECONNRESET); unix_stream_read_generic (not ESTABLISHED → EINVAL); unix_shutdown (no connection needed).
     * Sizes: net.core.wmem_default 212992, net.unix.max_dgram_qlen 10.
     */
    @Override
    public UnixDomainRules unixDomainRules() {
        return new UnixDomainRules(true, true, true, 108, io.jnetstack.personality.abi.Errno.EINVAL,
                io.jnetstack.personality.abi.Errno.EINVAL, false, io.jnetstack.personality.abi.Errno.EINVAL, true,
                io.jnetstack.personality.abi.Errno.ECONNREFUSED, true, true, true, false, true, true, false,
                io.jnetstack.personality.abi.Errno.EINVAL, false, false, false, 212_992, 212_960, 11, 212_992, true);
    }

    /**
     * net/ipv4/datagram.c __ip4_datagram_connect (no port check; RTN_BROADCAST without SOCK_BROADCAST → EACCES;
     * INADDR_ANY routes to the local host), net/ipv4/udp.c __udp_disconnect (address and port reset unless locked by
     * bind), udp_sendmsg (an address is honoured on a connected socket), af_inet.c inet_dgram_connect (autobind failure
     * → EAGAIN).
     */
    @Override
    public UdpRules udpRules() {
        return new UdpRules(null, UdpRules.Unspecified.LOOPBACK, Errno.EACCES, false, null,
                UdpRules.LocalReset.IF_IMPLICIT, UdpRules.LocalReset.IF_IMPLICIT, Errno.EAGAIN, true);
    }

    /** The local table's {@code local 127.0.0.0/8 dev lo} route: every 127/8 address is this host's. */
    @Override
    public int loopbackIpv4PrefixLength() {
        return 8;
    }

    /** {@link IcmpErrnos#linux}: net/ipv4/icmp.c icmp_err_convert, net/ipv6/icmp.c icmpv6_err_convert. */
    @Override
    public io.jnetstack.personality.abi.Errno tcpErrno(TcpFailure failure) {
        return IcmpErrnos.of(failure, IcmpErrnos::linux);
    }

    /** net/ipv4/arp.c arp_error_report and net/ipv6/ndisc.c ndisc_error_report send the host an ICMP unreachable. */
    @Override
    public boolean neighborFailureAsIcmp() {
        return true;
    }

    /**
     * net/ipv4/fib_semantics.c fib_props[RTN_BLACKHOLE] = -EINVAL: ip_route_connect (TCP tcp_v4_connect, UDP
     * ip4_datagram_connect) fails with EINVAL; checked against the host kernel by HostParityTest.
     */
    @Override
    public io.jnetstack.personality.abi.Errno blackholeRoute() {
        return io.jnetstack.personality.abi.Errno.EINVAL;
    }

    /**
     * net/ipv4/tcp_ipv4.c tcp_v4_err (and tcp_v6_err): {@code if (sk->sk_state != TCP_LISTEN && !between(seq,
     * tp->snd_una, tp->snd_nxt))} drops the error; between() includes both ends, so an error quoting SND.NXT (the
     * ISN + 1 of a SYN) counts — the host kernel answered such a port unreachable with ECONNREFUSED (HostScriptsTest).
     */
    @Override
    public boolean icmpQuoteIncludesSndNxt() {
        return true;
    }
}
