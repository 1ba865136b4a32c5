package io.jnetstack.personality;

import io.jnetstack.personality.abi.Errno;
import java.util.List;

/** OpenBsd — overrides only where its kernel departs from the shared BSD defaults. */
public final class OpenBsdPersonality extends BsdPersonality {
    @Override
    public Os os() {
        return Os.OPENBSD;
    }

    /** sys/netinet/if_ether.c: LA_HOLD_QUEUE 10 packets per incomplete entry. */
    @Override
    public NeighborTimings arp() {
        NeighborTimings bsd = super.arp();
        return new NeighborTimings(bsd.maxProbes(), bsd.retransmitNs(), 10, bsd.reachableNs());
    }

    /** sys/netinet6/nd6.h: LN_HOLD_QUEUE 10 packets per incomplete entry. */
    @Override
    public NeighborTimings ndp() {
        NeighborTimings bsd = super.ndp();
        return new NeighborTimings(bsd.maxProbes(), bsd.retransmitNs(), 10, bsd.reachableNs());
    }

    /** sys/net/if_loop.c: LOMTU 32768. */
    @Override
    public int loopbackMtu() {
        return 32768;
    }

    /**
     * sys/netinet/in_pcb.c: ipport_firstauto = IPPORT_RESERVED (1024), ipport_lastauto = IPPORT_USERRESERVED
     * (49151); the 49152–65535 range is used only with IP_PORTRANGE_HIGH.
     */
    @Override
    public PortRange ephemeralPorts() {
        return new PortRange(1024, 49151);
    }

    /**
     * sys/netinet/tcp_output.c: {@code mss, nop, nop, sackOK, nop, wscale, nop, nop, TS} (24 bytes, every
     * option but MSS aligned by NOPs).
     */
    @Override
    public List<SynOption> synOptionLayout() {
        return List.of(SynOption.MSS, SynOption.NOP, SynOption.NOP, SynOption.SACK_PERMITTED, SynOption.NOP,
                SynOption.WINDOW_SCALE, SynOption.NOP, SynOption.NOP, SynOption.TIMESTAMPS);
    }

    /** OpenBSD's default receive space is 16384 (tcp_recvspace) [unconfirmed in this session's reading]. */
    @Override
    public int synWindow(int mss) {
        return 16384;
    }

    /**
     * sys/netinet/tcp_timer.c: initial RTO 6 s (TCPTV_SRTTDFLT 3 s × 2 on the backoff table), doubling; keepinit
     * TCPTV_KEEP_INIT 75 s ends the attempt. SYNs at 0, 6, 18, 42 s. Derived from the source constants.
     */
    @Override
    public SynRetransmission synRetransmission() {
        return SynRetransmission.ofMillis(KEEP_INIT_MS, 0, 6000, 18_000, 42_000);
    }

    /**
     * sys/netinet/tcp_subr.c tcp_ctlinput → tcp_notify (docs/research/connect-catalogue-checks.md, 1D): OpenBSD has
     * no icmp_may_rst, so every unreachable is soft; once {@code t_rxtshift > 3} with a soft error stored, a further
     * one sets so_error — connect() returns it — without dropping the TCB. Time exceeded has no inetctlerrmap entry
     * and is ignored ({@code else if (errno == 0) return;}).
     */
    @Override
    public IcmpDisposition synSentIcmp(IcmpClass icmp, int retransmissions, boolean softErrorStored) {
        return switch (icmp) {
            case OTHER, TIME_EXCEEDED -> IcmpDisposition.IGNORE;
            case NET_UNREACHABLE, HOST_UNREACHABLE, PROTOCOL_UNREACHABLE, PORT_UNREACHABLE, ADMIN_PROHIBITED,
                    PARAMETER_PROBLEM ->
                    retransmissions > 3 && softErrorStored ? IcmpDisposition.REPORT : IcmpDisposition.SOFT;
        };
    }

    /** sys/netinet/tcp_timer.h: initial 6 s (TCPTV_SRTTDFLT 3 s doubled, derived), TCPTV_MIN 1 s, TCPTV_REXMTMAX 64 s. */
    @Override
    public RetransmissionTimeout rto() {
        return RetransmissionTimeout.ofMillis(6000, 1000, 64_000);
    }

    /**
     * TIME-WAIT 2 × MSL = 60 s (tcp_timer.h TCPTV_MSL 30 s); a closed FIN-WAIT-2 waits tcp_maxidle = TCPTV_KEEPCNT ×
     * TCPTV_KEEPINTVL = 600 s (tcp_input.c, TCPT_2MSL = tcp_maxidle when SS_CANTRCVMORE); delayed ACK 200 ms
     * (TCP_DELACK_MSECS); keep-alive 7200 s / 75 s / 8.
     */
    @Override
    public TcpTimers tcpTimers() {
        return TcpTimers.of(60_000, 600_000, 200, 7200, 75, 8);
    }


    /** OpenBSD has no pluggable congestion control: sys/netinet/tcp_input.c is Reno with NewReno partial ACKs. */
    @Override
    public CongestionAlgorithm congestionControl() {
        return CongestionAlgorithm.NEWRENO;
    }

    /**
     * sys/netinet/tcp_input.c {@code tcp_mss_update()} with tcp_do_rfc3390 = 2 (tcp_subr.c, "Increase TCP's
     * Initial Window to 10*mss"): {@code ulmin(10 * mss, ulmax(2 * mss, 14600))}.
     */
    @Override
    public long initialWindow(int mss) {
        return Math.min(10L * mss, Math.max(2L * mss, 14_600));
    }

    /**
     * tcp_usrreq.c tcp_disconnect flushes and sends a FIN; FIN-WAIT-2 ends silently (tcp_timer_2msl); tcp_input
     * accepts a RST at last_ack_sent, rcv_nxt or rcv_nxt + 1 and drops others without a challenge ACK; in TIME_WAIT
     * an accepted RST closes (tcp_close).
     */
    @Override
    public TcpRules tcpRules() {
        return new TcpRules(false, false, false, true, false, false);
    }

    /**
     * tcp_usrreq.c TCP_RECVSPACE / TCP_SENDSPACE 16384; tcp_update_rcvspace grows the receive buffer, tcp_update_sndspace
     * the send buffer, up to sb_max (2 MiB).
     */
    @Override
    public TcpBuffers tcpBuffers() {
        return new TcpBuffers(16_384, 2_097_152, 16_384, 2_097_152, false);
    }

    /**
     * tcp_input.c TCP_SETUP_ACK / delayed ACK for every second segment; tcp_output "idle" Nagle.
     */
    @Override
    public AckPolicy ackPolicy() {
        return new AckPolicy(0, 2, false);
    }


    /**
     * kern/uipc_socket.c solisten: negative or above somaxconn (128) means 128, then raised to sominconn 80;
     * kern/uipc_socket2.c sonewconn fails when {@code so_qlen + so_q0len > so_qlimit * 3} (q0 stays empty: the syn
     * cache makes the socket at the final ACK), so 3 × limit + 1 fit; syn_cache_get answers a failed sonewconn
     * with a RST. netinet/tcp_input.c syn_cache_timer: intervals TCPTV_SRTTDFLT (3 s) × tcp_backoff[n], the entry
     * dropped when the accumulated sc_rxttot reaches tcptv_keep_init 75 s at a timer run: SYN-ACKs at 0, 3, 9, 21,
     * 45 s, dropped at 93 s (derived). syn_cache_add answers a duplicate SYN without touching the timer.
     */
    @Override
    public ListenRules listenRules() {
        return new ListenRules(128, 80, false, 3, 1, 1, ListenRules.AcceptOverflow.RESET_FINAL_ACK,
                ListenRules.TimeWaitSyn.AFTER_RCV_NXT,
                SynAckRetransmission.ofMillis(SynAckRetransmission.DuplicateSyn.KEEP, false, 93_000,
                        0, 3000, 9000, 21_000, 45_000));
    }

    /** The OpenBSD ABI: see {@link io.jnetstack.personality.abi.Abi#openbsd()} for the headers each value comes from. */
    @Override
    public io.jnetstack.personality.abi.Abi abi() {
        return io.jnetstack.personality.abi.Abi.openbsd();
    }

    /**
     * sys/sys/syslimits.h SYMLOOP_MAX 32 "max symlinks per path", NAME_MAX 255, PATH_MAX 1024; sys/sys/param.h
     * MAXSYMLINKS SYMLOOP_MAX (kern/vfs_lookup.c namei: {@code ni_loopcnt++ >= SYMLOOP_MAX} is ELOOP; copyinstr
     * into MAXPATHLEN bytes including the NUL, so 1023 bytes is the longest path; {@code linklen + ni_pathlen >
     * MAXPATHLEN} is ENAMETOOLONG); the component length is checked before VOP_LOOKUP; unlink(2) on a directory:
     * EPERM; a new file takes its directory's group.
     */
    @Override
    public VfsLimits vfsLimits() {
        return new VfsLimits(32, 255, 1024, true, true, io.jnetstack.personality.abi.Errno.EPERM, true);
    }


    /**
     * kern/uipc_syscalls.c sys_connect: getsock (EBADF/ENOTSOCK), then sockargs ({@code buflen > UCHAR_MAX} or
     * {@code < 2} → EINVAL, copyin EFAULT, {@code sa_len = buflen}), SS_ISCONNECTING → EALREADY; kern/uipc_socket.c
     * soconnect (SO_ACCEPTCONN → EOPNOTSUPP, EISCONN); netinet/in.c in_nam2sin and netinet6/in6.c in6_nam2sin6
     * (family, then exact length); kern/uipc_usrreq.c unp_nam2sun.
     */
    @Override
    public ConnectArgumentRules connectArgumentRules() {
        return new ConnectArgumentRules(ConnectArgumentRules.AddressCopy.AFTER_SOCKET, 255,
                io.jnetstack.personality.abi.Errno.EINVAL, -1, true, ConnectArgumentRules.ConnectingAtEntry.ALWAYS,
                ConnectArgumentRules.StateGate.SOCONNECT, ConnectArgumentRules.Unspec.WRONG_FAMILY,
                ConnectArgumentRules.InetCheck.FAMILY_THEN_EXACT_LENGTH,
                ConnectArgumentRules.InetCheck.FAMILY_THEN_EXACT_LENGTH,
                new ConnectArgumentRules.UnixRules(io.jnetstack.personality.abi.Errno.EAFNOSUPPORT, false, false, 106,
                        true, true));
    }

    /**
     * sys/netinet/in_pcb.c {@code in_pcbpickport}: start {@code lower + arc4random_uniform(count)}, then
     * {@code ++candidate} with wrap, skipping {@code in_baddynamic} ports, busy when {@code in_pcblookup_local}
     * finds any pcb on the port (local scope); EADDRNOTAVAIL when the count runs out. netinet/in.h
     * DEFBADDYNAMICPORTS_TCP {587, 749, 750, 751, 853, 871, 2049, 6000-6010}, _UDP {623, 664, 749, 750, 751, 2049,
     * 3784, 3785, 7784}.
     */
    @Override
    public PortSelection portSelection() {
        return new PortSelection(PortSelection.Strategy.RANDOM_START_LINEAR, PortSelection.Scope.LOCAL_PORT, true,
                List.of(587, 749, 750, 751, 853, 871, 2049, 6000, 6001, 6002, 6003, 6004, 6005, 6006, 6007, 6008,
                        6009, 6010),
                List.of(623, 664, 749, 750, 751, 2049, 3784, 3785, 7784));
    }

    /**
     * sys/kern/uipc_syscalls.c sys_connect (INFSLP wait, ERESTART → EINTR); uipc_socket.c soconnect; sys_socket.c
     * soo_poll (POLLHUP once SS_ISDISCONNECTED, then no POLLOUT); netinet/tcp_usrreq.c tcp_sogetpcb (no tcpcb: the
     * pending so_error, else EINVAL) and tcp_connect (broadcast, multicast, INADDR_ANY and in_broadcast destinations
     * → EINVAL); in_pcb.c in_pcbconnect (port 0 → EADDRNOTAVAIL, in_pcbselsrc without a route → EADDRNOTAVAIL,
     * existing four-tuple → EADDRINUSE); login.conf openfiles-cur 512, kern.maxfiles 7030; no IPv4-mapped sockets.
     * ip_output: an RTF_REJECT network route ENETUNREACH, an interface down ENETDOWN, pf_test drop EACCES —
     * tcp_output returns them in SYN_SENT; tcp_ctloutput TCP_MD5SIG sets TF_SIGNATURE and tcp_output's
     * gettdbbysrcdst without an SA gives EPERM, which tcp_connect returns.
     */
    @Override
    public SocketRules socketRules() {
        return new SocketRules(SocketRules.ConnectLifecycle.DEAD_PCB_SO_ERROR, false, false,
                SocketRules.PollStyle.OPENBSD, 512, 7030, Errno.EADDRNOTAVAIL, Errno.EADDRINUSE, Errno.EADDRNOTAVAIL,
                Errno.EINVAL, Errno.EINVAL, Errno.EINVAL, SocketRules.Unspecified.REFUSED, null, true, false,
                Errno.EINVAL, Errno.EINVAL, Errno.EINVAL, Errno.ENOTCONN, false,
                Errno.ENETUNREACH, Errno.ENETUNREACH,
                Errno.ENETDOWN, Errno.EPERM,
                Errno.EACCES, false, 4, false, null,
                false, true, "kern.maxfiles",
                "net.inet.ip.portfirst", "net.inet.ip.portlast");
    }

    /**
     * sys/kern/uipc_usrreq.c: unixsw has SOCK_SEQPACKET, no abstract namespace (a leading NUL is an empty path,
     * ENOENT); unp_nam2sun (sun_path 104 bytes that must hold a NUL: 103 usable; > sizeof → EINVAL); unp_bind (bound
     * → EINVAL first); unp_connect (namei, v_type != VSOCK → ENOTSOCK, VOP_ACCESS(VWRITE) → EACCES, no unpcb →
     * ECONNREFUSED, so_type → EPROTOTYPE, sonewconn failure → ECONNREFUSED); unp_detach → unp_drop(ECONNRESET);
     * kern/uipc_socket.c soconnect (SO_ACCEPTCONN → EOPNOTSUPP, EISCONN, sodisconnect first), soshutdown (no
     * connection test), sorflush, sosend so_error. Sizes PIPSIZ 8192, unpdg_sendspace 2048, unpdg_recvspace 16384
     * [I: old-revision values, to confirm].
     */
    @Override
    public UnixDomainRules unixDomainRules() {
        return new UnixDomainRules(true, false, false, 103, io.jnetstack.personality.abi.Errno.EINVAL,
                io.jnetstack.personality.abi.Errno.ENOENT, true, io.jnetstack.personality.abi.Errno.EOPNOTSUPP,
                false, io.jnetstack.personality.abi.Errno.ENOTSOCK, false, false, false, true, false, false, true,
                io.jnetstack.personality.abi.Errno.ENOTCONN, true, false, true, 8192, 2048, 0, 16_384, false);
    }

    /**
     * netinet/in_pcb.c in_pcbconnect (port 0 → EADDRNOTAVAIL; no INADDR_ANY or broadcast rewrite), udp_usrreq.c
     * udp_disconnect and udp_output (EISCONN with an address when connected), in_pcbpickport → EADDRNOTAVAIL.
     */
    @Override
    public UdpRules udpRules() {
        return new UdpRules(Errno.EADDRNOTAVAIL, UdpRules.Unspecified.AS_GIVEN, null, false, Errno.EISCONN,
                UdpRules.LocalReset.ALWAYS, UdpRules.LocalReset.KEEP, Errno.EADDRNOTAVAIL, false);
    }

    /** {@link IcmpErrnos#openbsd}: sys/netinet/ip_input.c inetctlerrmap and the PRC_ codes of icmp_input. */
    @Override
    public io.jnetstack.personality.abi.Errno tcpErrno(TcpFailure failure) {
        return IcmpErrnos.of(failure, IcmpErrnos::openbsd);
    }
}
