package io.jnetstack.personality;

import io.jnetstack.personality.abi.Errno;
import java.util.List;

/** MacOs — overrides only where its kernel departs from the shared BSD defaults. */
public final class MacOsPersonality extends BsdPersonality {
    @Override
    public Os os() {
        return Os.MACOS;
    }

    /**
     * bsd/netinet/ip_icmp.c: icmpbmcastecho = 1 — XNU answers echo requests sent to a broadcast or multicast
     * address (only from senders on a local subnet, a check not modelled: every simulated sender is local).
     */
    @Override
    public boolean answersBroadcastEcho() {
        return true;
    }

    /**
     * bsd/netinet/tcp_output.c: {@code mss, nop, wscale, nop, nop, TS, sackOK, eol, eol} (24 bytes).
     */
    @Override
    public List<SynOption> synOptionLayout() {
        return List.of(SynOption.MSS, SynOption.NOP, SynOption.WINDOW_SCALE, SynOption.NOP, SynOption.NOP,
                SynOption.TIMESTAMPS, SynOption.SACK_PERMITTED, SynOption.EOL, SynOption.EOL);
    }

    /**
     * bsd/netinet/tcp_timer.c tcp_syn_backoff {1, 1, 1, 1, 1, 2, 4, 8, 16, 32, 64, ...} × the 1 s initial RTO;
     * TCPTV_KEEP_INIT 75 s ends the attempt. SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67 s.
     */
    @Override
    public SynRetransmission synRetransmission() {
        return SynRetransmission.ofMillis(KEEP_INIT_MS, 0, 1000, 2000, 3000, 4000, 5000, 7000, 11_000, 19_000,
                35_000, 67_000);
    }

    /** bsd/netinet/tcp_timer.h TCPTV_RTOBASE 1 s; rtt_min 100 ms plus the 200 ms slop once established; 64 s max. */
    @Override
    public RetransmissionTimeout rto() {
        return RetransmissionTimeout.ofMillis(1000, 300, 64_000);
    }

    /**
     * TIME-WAIT 2 × MSL = 30 s (tcp_timer.h TCPTV_MSL 15 s, add_to_time_wait(tp, 2 * tcp_msl)); orphaned FIN-WAIT-2
     * 60 s (tcp_finwait2_timeout = TCPTV_FINWAIT2); delayed ACK 100 ms (tcp_delack = TCP_RETRANSHZ / 10);
     * keep-alive 7200 s / 75 s / 8.
     */
    @Override
    public TcpTimers tcpTimers() {
        return TcpTimers.of(30_000, 60_000, 100, 7200, 75, 8);
    }


    /**
     * bsd/netinet/tcp_input.c {@code tcp_set_foreground_cc()}: CUBIC (TCP_CC_ALGO_CUBIC_INDEX, "default CC
     * algorithm" in tcp_cc.h) unless net.inet.tcp.use_newreno (default 0) or L4S (Prague) is on.
     */
    @Override
    public CongestionAlgorithm congestionControl() {
        return CongestionAlgorithm.CUBIC;
    }

    /**
     * bsd/netinet/tcp_cc.c {@code tcp_cc_cwnd_init_or_reset()} → tcp_cc.h {@code tcp_initial_cwnd()}: with
     * tcp_cubic_minor_fixes = 1 (tcp_sysctls.c default) it is TCP_CC_CWND_INIT_PKTS (10) × t_maxseg, no byte cap.
     */
    @Override
    public long initialWindow(int mss) {
        return 10L * mss;
    }

    /**
     * bsd/netinet/tcp_usrreq.c: close with unread (or out-of-order) data drops with a RST; an orphaned FIN-WAIT-2
     * times out through tcp_drop (RST); tcp_input challenge ACKs; in TIME_WAIT an exact RST is ignored (RFC 1337) and
     * an inexact in-window one draws a challenge ACK.
     */
    @Override
    public TcpRules tcpRules() {
        return new TcpRules(true, true, true, false, true, false);
    }

    /**
     * bsd/netinet/tcp_usrreq.c tcp_sendspace 1448 × 256 = 370688, tcp_recvspace 1448 × 384 = 556032; auto-sizing up to
     * tcp_autorcvbuf_max / tcp_autosndbuf_max 4 MiB.
     */
    @Override
    public TcpBuffers tcpBuffers() {
        return new TcpBuffers(556_032, 4_194_304, 370_688, 4_194_304, false);
    }

    /**
     * bsd/netinet/tcp_input.c: the first 16 ACKs are forced (tcp_maxseg_unacked / quick-ack), then every second full
     * segment (stretch ACKs later, not modelled); BSD "idle" Nagle.
     */
    @Override
    public AckPolicy ackPolicy() {
        return new AckPolicy(16, 2, false);
    }


    /**
     * bsd/kern/uipc_socket.c solisten: {@code backlog <= 0 || backlog > somaxconn} means SOMAXCONN 128;
     * uipc_socket2.c sonewconn_internal with soqlimitcompat fails when {@code so_qlen >= so_qlimit}, so_qlen counting
     * half-open connections too; tcp_input.c tcp_dropdropablreq evicts one, else the SYN is dropped. The SYN_RECEIVED
     * tcpcb retransmits on the normal RTO (1 s doubling, no slop before ESTABLISHED): SYN-ACKs at 0, 1, 3, 7, 15, 31,
     * 63 s; TCPT_KEEP (TCPTV_KEEP_INIT 75 s) drops it through tcp_drop, which sends a RST (derived).
     */
    @Override
    public ListenRules listenRules() {
        return new ListenRules(128, 0, true, 1, 1, 0, ListenRules.AcceptOverflow.EVICT_HALF_OPEN,
                ListenRules.TimeWaitSyn.BEYOND_WINDOW,
                SynAckRetransmission.ofMillis(SynAckRetransmission.DuplicateSyn.KEEP, true, KEEP_INIT_MS,
                        0, 1000, 3000, 7000, 15_000, 31_000, 63_000));
    }

    /** The macOS ABI: see {@link io.jnetstack.personality.abi.Abi#macos()} for the headers each value comes from. */
    @Override
    public io.jnetstack.personality.abi.Abi abi() {
        return io.jnetstack.personality.abi.Abi.macos();
    }

    /**
     * xnu bsd/sys/param.h MAXSYMLINKS 32 (bsd/vfs/vfs_lookup.c: {@code ni_loopcnt++ >= MAXSYMLINKS} is ELOOP);
     * bsd/sys/syslimits.h NAME_MAX 255, PATH_MAX 1024 (namei copyinstr into MAXPATHLEN bytes including the NUL:
     * 1023 bytes is the longest path; a link body plus the rest must fit in MAXPATHLEN); the component length is
     * checked before VNOP_LOOKUP; unlink(2) on a directory: EPERM; a new
     * file takes its directory's group.
     */
    @Override
    public VfsLimits vfsLimits() {
        return new VfsLimits(32, 255, 1024, true, true, io.jnetstack.personality.abi.Errno.EPERM, true);
    }


    /**
     * bsd/kern/uipc_syscalls.c connect_nocancel: file_socket (EBADF/ENOTSOCK), then getsockaddr_s for namelen ≤ 128
     * (NULL or {@code len < 2} → EINVAL, copyin EFAULT) or getsockaddr ({@code len > 255} → ENAMETOOLONG), AF_UNSPEC
     * → AF_INET on non-datagram AF_INET sockets with namelen 16; connectit: EALREADY only when non-blocking;
     * uipc_socket.c soconnectlock; netinet/tcp_usrreq.c tcp_usr_connect_common, netinet/in_pcb.c in_pcbladdr,
     * netinet6/in6_pcb.c in6_pcbladdr (sa_len, then family); kern/uipc_usrreq.c unp_connect (family 0 accepted).
     */
    @Override
    public ConnectArgumentRules connectArgumentRules() {
        return new ConnectArgumentRules(ConnectArgumentRules.AddressCopy.AFTER_SOCKET, 255,
                io.jnetstack.personality.abi.Errno.ENAMETOOLONG, 128, true,
                ConnectArgumentRules.ConnectingAtEntry.NON_BLOCKING, ConnectArgumentRules.StateGate.SOCONNECT,
                ConnectArgumentRules.Unspec.INET_STREAM_REWRITE,
                ConnectArgumentRules.InetCheck.ZERO_OR_FAMILY_THEN_EXACT_LENGTH_THEN_FAMILY,
                ConnectArgumentRules.InetCheck.EXACT_LENGTH_THEN_FAMILY,
                new ConnectArgumentRules.UnixRules(io.jnetstack.personality.abi.Errno.EAFNOSUPPORT, true, false, 255,
                        false, false));
    }

    /**
     * bsd/netinet/in_pcb.c {@code in_pcbbind}: with {@code tcp_use_randomport}/{@code udp_use_randomport} (default
     * 1) the start is {@code first + rand_port % (last - first)} (u_short arithmetic), then {@code ++*lastport} with
     * wrap, skipping {@code IS_RESTRICTED_IN_PORT} ports, busy when {@code in_pcblookup_local_and_cleanup} finds any
     * pcb on the port (local scope); EADDRNOTAVAIL when the count runs out. bsd/net/restricted_in_port.c: on macOS
     * only 55555 (lights-out management) is restricted, for both protocols in the bitmap.
     */
    @Override
    public PortSelection portSelection() {
        return new PortSelection(PortSelection.Strategy.RANDOM_START_LINEAR, PortSelection.Scope.LOCAL_PORT, true,
                List.of(55555), List.of(55555));
    }

    /**
     * bsd/kern/uipc_syscalls.c connect_nocancel/connectit (msleep without timeout, ERESTART → EINTR); uipc_socket.c
     * soconnectlock; uipc_socket2.c sowriteable (true once so_error is set); netinet/tcp_usrreq.c tcp_usr_connect
     * (dead inpcb: so_error if set, else EINVAL; multicast and INADDR_BROADCAST → EAFNOSUPPORT) and tcp_connect
     * (laddr == faddr and lport == fport → EINVAL); in_pcb.c in_pcbladdr (port 0 → EADDRNOTAVAIL, INADDR_ANY →
     * primary address, no route → ENETUNREACH); in_pcbconnect (existing four-tuple → EADDRINUSE); launchd soft
     * RLIMIT_NOFILE 256, kern.maxfiles 122880; tcp6_connect (v4-mapped on V6ONLY or a native-bound socket →
     * EAFNOSUPPORT).
     * ip_output: RTF_REJECT EHOSTUNREACH; an interface down: dlil/ether output ENETDOWN, which tcp_output returns in
     * SYN_SENT; pf hook drop [I: EACCES as FreeBSD]; TCP_MD5SIG is not defined.
     */
    @Override
    public SocketRules socketRules() {
        return new SocketRules(SocketRules.ConnectLifecycle.DEAD_PCB_SO_ERROR, false, false,
                SocketRules.PollStyle.XNU, 256, 122880, Errno.ENETUNREACH, Errno.EADDRINUSE, Errno.EADDRNOTAVAIL,
                Errno.EAFNOSUPPORT, Errno.EAFNOSUPPORT, null, SocketRules.Unspecified.PRIMARY_ADDRESS, Errno.EINVAL,
                false, true, Errno.EAFNOSUPPORT, Errno.EAFNOSUPPORT, Errno.EAFNOSUPPORT, Errno.ENOTCONN,
                false, Errno.EHOSTUNREACH, Errno.EHOSTUNREACH,
                Errno.ENETDOWN, null,
                Errno.EACCES, false, 4, false, "net.inet.tcp.icmp_may_rst",
                true, false, "kern.maxfiles",
                "net.inet.ip.portrange.first", "net.inet.ip.portrange.last");
    }

    /**
     * bsd/kern/uipc_usrreq.c: localsw has SOCK_STREAM and SOCK_DGRAM only (bsd/kern/uipc_socket.c
     * socreate_internal: no protosw for the type → EPROTONOSUPPORT); no abstract namespace; unp_bind (bound → EINVAL
     * first); unp_connect (namei, VSOCK → ENOTSOCK, vnode_authorize(WRITE_DATA) → EACCES, no unpcb → ECONNREFUSED,
     * so_type → EPROTOTYPE, sonewconn failure → ECONNREFUSED); sockaddr up to 255 bytes (253-byte path; longer →
     * ENAMETOOLONG in getsockaddr); unp_detach → unp_drop(ECONNRESET); uipc_socket.c soconnectlock (EOPNOTSUPP,
     * EISCONN, sodisconnectlocked first), soshutdown ENOTCONN, sorflush, sosend so_error. Sizes unpst_sendspace
     * PIPSIZ 8192, unpdg_sendspace 2048, unpdg_recvspace 4096.
     */
    @Override
    public UnixDomainRules unixDomainRules() {
        return new UnixDomainRules(false, false, false, 253, io.jnetstack.personality.abi.Errno.ENAMETOOLONG,
                io.jnetstack.personality.abi.Errno.ENOENT, true, io.jnetstack.personality.abi.Errno.EOPNOTSUPP,
                false, io.jnetstack.personality.abi.Errno.ENOTSOCK, false, false, false, true, false, false, true,
                io.jnetstack.personality.abi.Errno.ENOTCONN, true, true, true, 8192, 2048, 0, 4096, false);
    }

    /** {@link IcmpErrnos#xnu}: bsd/netinet/ip_input.c inetctlerrmap and the PRC_ codes of icmp_input. */
    @Override
    public io.jnetstack.personality.abi.Errno tcpErrno(TcpFailure failure) {
        return IcmpErrnos.of(failure, IcmpErrnos::xnu);
    }
}
