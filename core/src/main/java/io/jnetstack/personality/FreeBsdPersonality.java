package io.jnetstack.personality;

import io.jnetstack.personality.abi.Errno;
import java.util.List;

/** FreeBsd — overrides only where its kernel departs from the shared BSD defaults. */
public final class FreeBsdPersonality extends BsdPersonality {
    private final Tunables tunables;

    /** FreeBSD with every tunable at its default (each host gets its own copy: {@link #forHost()}). */
    public FreeBsdPersonality() {
        this.tunables = new Tunables(FreeBsdTunables.specs());
    }

    @Override
    public Personality forHost() {
        return new FreeBsdPersonality();
    }

    @Override
    public Tunables tunables() {
        return tunables;
    }

    /**
     * tcp_input.c tcp_mss(): a buffer of at least one MSS is rounded up to a multiple of it, capped at sb_max
     * (kern.ipc.maxsockbuf), and only ever grows (sbreserve when larger).
     */
    @Override
    public int tcpBufferAfterHandshake(int configured, int mss) {
        if (mss <= 0 || configured < mss) {
            return configured;
        }
        long rounded = Math.min((configured + (long) mss - 1) / mss * mss, tunables.get(FreeBsdTunables.MAXSOCKBUF));
        return (int) Math.max(rounded, configured);
    }

    /**
     * tcp_output.c, the window-update test tcp_usr_rcvd reaches (skipped while TF_DELACK is set: the delayed ACK
     * will carry the window): adv = the growth of the window over what the peer
     * knows; nothing when it does not change the scaled value; send when adv is at least two segments and either
     * a quarter of the buffer, or the window is at most an eighth of it, or the buffer is at most eight segments,
     * or adv reaches TCP_MAXWIN &lt;&lt; scale; or when adv is at least half the buffer.
     */
    @Override
    public boolean windowUpdateAfterRead(int oldWindow, int newWindow, int mss, int buffer, int scale,
            boolean ackPending) {
        if (ackPending) {
            return false;
        }
        int old = Math.max(oldWindow, 0);
        int adv = Math.max(newWindow - old, 0);
        if (old >> scale >= (adv + old) >> scale) {
            return false;
        }
        if (adv >= 2 * mss && (adv >= buffer / 4 || newWindow <= buffer / 8 || buffer <= 8 * mss
                || adv >= 65_535 << scale)) {
            return true;
        }
        return 2 * adv >= buffer;
    }

    /**
     * net.inet.tcp.ecn.enable 1 or 2 accepts an ECN-setup SYN (tcp_ecn.c tcp_ecn_syncache_add,
     * tcp_ecn_input_parallel_syn: V_tcp_do_ecn != 0).
     */
    @Override
    public boolean acceptsEcnSetup() {
        return tunables.get(FreeBsdTunables.ECN_ENABLE) != 0;
    }

    /** Window scale the SYN requests for the current kern.ipc.maxsockbuf ({@link FreeBsdTunables#windowScale}). */
    @Override
    public int windowScale() {
        return FreeBsdTunables.windowScale(tunables.get(FreeBsdTunables.MAXSOCKBUF));
    }
    /**
     * tcp_sack.c tcp_update_sack_list / tcp_update_dsack_list / tcp_clean_dsack_blocks, called from tcp_input.c
     * tcp_do_segment (the "todrop" trim and after tcp_reass) and tcp_output.c (after a segment went out).
     */
    @Override
    public SackReporting sackReporting() {
        return SackReporting.FREEBSD;
    }

    @Override
    public Os os() {
        return Os.FREEBSD;
    }

    /**
     * sys/netinet/in_pcb.c: ipport_firstauto = IPPORT_EPHEMERALFIRST (10000), ipport_lastauto =
     * IPPORT_EPHEMERALLAST (65535).
     */
    @Override
    public PortRange ephemeralPorts() {
        return new PortRange(10000, 65535);
    }

    /**
     * sys/netinet/tcp_fastopen.c: the client cookie cache (tcp_fastopen_connect, tcp_fastopen_update_cache,
     * tcp_fastopen_disable_path) under net.inet.tcp.fastopen.client_enable and path_disable_time.
     */
    @Override
    public FastOpenClient fastOpenClient() {
        return new FastOpenClient(tunables.get(FreeBsdTunables.FASTOPEN_CLIENT_ENABLE) != 0,
                tunables.changes(FreeBsdTunables.FASTOPEN_CLIENT_ENABLE),
                tunables.get(FreeBsdTunables.FASTOPEN_PATH_DISABLE_TIME) * 1_000_000_000L);
    }

    /**
     * sys/netinet/tcp_output.c tcp_addoptions(): {@code mss, nop, wscale, sackOK, TS} (20 bytes) by default; the
     * layout follows net.inet.tcp.rfc1323 and net.inet.tcp.sack.enable ({@link FreeBsdTunables#synLayout}).
     */
    @Override
    public List<SynOption> synOptionLayout() {
        return FreeBsdTunables.synLayout(tunables.get(FreeBsdTunables.RFC1323) != 0,
                tunables.get(FreeBsdTunables.SACK) != 0);
    }

    /**
     * sys/netinet/tcp_timer.c tcp_timer_rexmt(): a SYN is retransmitted on the ordinary doubling backoff from a
     * 1 s initial RTO plus rexmit_slop (200 ms) from the second retransmission on (the old tcp_syn_backoff table
     * is gone); tcp_timer_keep(): keepinit 75 s ends the attempt. SYNs at 0, 1, 3.2, 7.4, 15.6, 31.8, 64 s.
     */
    @Override
    public SynRetransmission synRetransmission() {
        return FreeBsdTunables.synSchedule(tunables.get(FreeBsdTunables.KEEPINIT));
    }

    /**
     * sys/netinet/tcp_usrreq.c tcp_default_ctloutput: TCP_KEEPINIT, TCP_KEEPIDLE and TCP_KEEPINTVL take seconds
     * ({@code ui > UINT_MAX / hz} is EINVAL, then {@code ui *= hz}), TCP_KEEPCNT a count; getsockopt reports
     * TP_KEEPINIT(tp) / hz and friends (tcp_var.h: the tcpcb's value, else V_tcp_keepinit and the other sysctls).
     */
    @Override
    public TcpTimerOptions tcpTimerOptions() {
        return new TcpTimerOptions(tunables.get(FreeBsdTunables.KEEPINIT) * MS,
                tunables.get(FreeBsdTunables.KEEPIDLE) * MS, tunables.get(FreeBsdTunables.KEEPINTVL) * MS,
                (int) tunables.get(FreeBsdTunables.KEEPCNT), 0xFFFF_FFFFL / FreeBsdTunables.HZ);
    }

    /**
     * tcp_timer.c tcp_timer_keep: TP_KEEPINIT(tp) ends the attempt; tcp_timer_rexmt keeps its schedule (so a
     * TCP_KEEPINIT beyond the default lets more SYNs out, up to TCP_MAXRXTSHIFT).
     */
    @Override
    public SynRetransmission synRetransmission(long keepInitNs) {
        return FreeBsdTunables.synSchedule(Math.max(1, keepInitNs / MS));
    }

    /**
     * tcp_ecn.c tcp_ecn_output_syn_sent: with net.inet.tcp.ecn.enable 1 the first SYN sets ECE|CWR, and so does a
     * retransmission while {@code t_rxtshift <= V_tcp_ecn_maxretries}.
     */
    @Override
    public boolean synRequestsEcn(int retransmissions) {
        return tunables.get(FreeBsdTunables.ECN_ENABLE) == 1
                && (retransmissions < 1 || retransmissions <= tunables.get(FreeBsdTunables.ECN_MAXRETRIES));
    }

    /**
     * tcp_timer.c tcp_timer_rexmt: "Disable RFC1323 and SACK if we haven't got any response to our third SYN":
     * in SYN_SENT with V_tcp_rexmit_drop_options and {@code t_rxtshift == 3}, TF_REQ_SCALE, TF_REQ_TSTMP and
     * TF_SACK_PERMIT are cleared for good.
     */
    @Override
    public boolean dropsSynOptions(int retransmissions) {
        return retransmissions == 3 && tunables.get(FreeBsdTunables.REXMIT_DROP_OPTIONS) != 0;
    }

    /**
     * IPv6: netinet6/icmp6.c icmp6_mtudisc_update stores a Packet Too Big's MTU in the host cache whatever the
     * connection's state (tcp_hc_updatemtu), and tcp_output.c tcp_mssopt offers min(interface MTU, tcp_hc_getmtu)
     * less the headers in the next SYN. IPv4: tcp_ctlinput only acts when the MTU is below t_maxseg plus the
     * headers, and t_maxseg is still tcp_mssdflt (536) in SYN_SENT, so the SYN keeps its MSS.
     */
    @Override
    public boolean synMssFollowsPathMtu(boolean ipv6) {
        return ipv6;
    }

    /**
     * tcp_output.c: "Avoid shrinking window with window scaling": {@code recwin = roundup2(recwin, 1 <<
     * tp->rcv_scale)} before the shift (not for SYNs, whose window is never scaled).
     */
    @Override
    public boolean roundsWindowUpToScale() {
        return true;
    }

    /**
     * tcp_input.c: a segment whose inpcb lookup finds a socket in TCPS_CLOSED (bound, not listening) goes to
     * dropwithreset; tcp_subr.c tcp_respond builds that RST with the inpcb's inp_ip_ttl and inp_ip_tos (IPv4), and
     * for IPv6 in6_selecthlim(inp) and ip6_output with the inpcb's options (IPV6_TCLASS).
     */
    @Override
    public boolean resetUsesBoundSocketIpOptions() {
        return true;
    }

    /**
     * netipsec/xform_tcp.c tcp_ipsec_pcbctl: TCP_MD5SIG takes an int and sets TF_SIGNATURE when it is positive;
     * tcp_ipsec_output signs with the security association key_allocsa_tcpmd5 finds for the segment's source and
     * destination (setkey(8) installs them), tcp_ipsec_input verifies the same way.
     */
    @Override
    public boolean tcpSignaturesFromSecurityAssociations() {
        return true;
    }

    /**
     * sys/netinet/tcp_timer.h: TCPTV_RTOBASE 1 s before a sample; TCPT_RANGESET adds net.inet.tcp.rexmit_slop
     * (200 ms) to TCP_REXMTVAL (SRTT + 4 RTTVAR) and clamps to [t_rttmin = rexmit_min 30 ms, TCPTV_REXMTMAX 64 s];
     * a backoff doubles TCP_REXMTVAL, then adds the slop (tcp_timer_rexmt). Not modelled: the "rtt + 2 ticks"
     * floor tcp_xmit_timer also applies (below the slop's 200 ms it never binds).
     */
    @Override
    public RetransmissionTimeout rto() {
        return RetransmissionTimeout.ofMillis(1000, 30, 64_000).withSlopMillis(200);
    }

    /**
     * TIME-WAIT 2 × MSL = 60 s (tcp_timer.h TCPTV_MSL 30 s); tcp_finwait2_timeout 60 s (TCPTV_FINWAIT2_TIMEOUT);
     * delayed ACK net.inet.tcp.delacktime (TCPTV_DELACK); keep-alive 7200 s / 75 s / 8 (TCPTV_KEEP_IDLE,
     * TCPTV_KEEPINTVL, TCPTV_KEEPCNT).
     */
    @Override
    public TcpTimers tcpTimers() {
        return new TcpTimers(60_000 * MS, 60_000 * MS, tunables.get(FreeBsdTunables.DELACKTIME) * MS,
                tunables.get(FreeBsdTunables.KEEPIDLE) * MS, tunables.get(FreeBsdTunables.KEEPINTVL) * MS,
                (int) tunables.get(FreeBsdTunables.KEEPCNT));
    }


    /** sys/netinet/cc/cc.c: {@code #define CC_DEFAULT "cubic"} when the kernel config names none (FreeBSD 14+). */
    @Override
    public CongestionAlgorithm congestionControl() {
        return CongestionAlgorithm.CUBIC;
    }

    /**
     * sys/netinet/tcp_subr.c {@code tcp_compute_initwnd()} with tcp_initcwnd_segments = 10 (tcp_input.c):
     * min(10 × mss, max(2 × mss, 10 × 1460)), the RFC 6928 formula.
     */
    @Override
    public long initialWindow(int mss) {
        return Math.min(10L * mss, Math.max(2L * mss, 14_600));
    }

    /**
     * tcp_usrreq.c tcp_disconnect flushes unread data and sends a FIN; FIN-WAIT-2 ends silently (tcp_timer_2msl);
     * tcp_input challenge ACKs (tcp_insecure_rst = 0); tcp_twcheck drops every RST ("RFC 1337").
     */
    @Override
    public TcpRules tcpRules() {
        return new TcpRules(false, false, true, false, false, false);
    }

    /**
     * tcp_output.c: tcp_outflags[] sends TH_FIN with every segment in FIN_WAIT_1, CLOSING and LAST_ACK, resent at
     * snd_max − 1; tcp_input.c tcp_do_segment: a SYN-ACK in SYN_SENT goes on to process_ACK and dodata with its
     * text (a simultaneous-open SYN's text waits in tcp_reass until the ACK), and an old duplicate's ACK is still processed ("keep on processing for RST or ACK"); tcp_timewait.c tcp_twcheck: TIME_WAIT has no window test, only "drop the segment if it does not contain an
     * ACK" and "acknowledge the segment if it has data or is not a duplicate ACK".
     */
    @Override
    public TcpStateRules tcpStateRules() {
        return new TcpStateRules(true, true, true, true);
    }

    /**
     * net.inet.tcp.recvspace 65536, sendspace 32768; recvbuf_auto / sendbuf_auto up to recvbuf_max / sendbuf_max
     * 2 MiB (tcp_input.c tcp_autorcvbuf, tcp_output.c tcp_autosndbuf) [research: unconfirmed in 14].
     */
    @Override
    public TcpBuffers tcpBuffers() {
        return new TcpBuffers(65_536, 2_097_152, 32_768, 2_097_152, false);
    }

    /**
     * tcp_input.c DELAY_ACK: an ACK for every second segment, else the delayed-ACK timer; tcp_output "idle" Nagle.
     */
    @Override
    public AckPolicy ackPolicy() {
        return new AckPolicy(0, 2, false);
    }


    /**
     * kern/uipc_socket.c solisten_proto: negative or above somaxconn (SOMAXCONN 128) means 128; sonewconn fails when
     * {@code sol_qlen > 3 * sol_qlimit / 2}, so ⌊1.5 × limit⌋ + 1 completed connections fit; the syncache answers
     * every SYN and a failed sonewconn draws a RST to the final ACK (rst_on_sock_fail 1). tcp_syncache.c
     * syncache_timeout: first interval tcp_rexmit_initial (1 s), then TCPT_RANGESET(tcp_rexmit_initial ×
     * tcp_backoff[n]) plus tcp_rexmit_slop 200 ms; syncache_timer drops the entry once sc_rxmits exceeds
     * SYNCACHE_MAXREXMTS 3: SYN-ACKs at 0, 1, 3.2, 7.4 s, dropped at 15.6 s. A duplicate SYN resets sc_rxmits.
     */
    @Override
    public ListenRules listenRules() {
        return new ListenRules(128, 0, false, 3, 2, 1, ListenRules.AcceptOverflow.RESET_FINAL_ACK,
                ListenRules.TimeWaitSyn.AFTER_RCV_NXT,
                SynAckRetransmission.ofMillis(SynAckRetransmission.DuplicateSyn.RESTART_SCHEDULE, false, 15_600,
                        0, 1000, 3200, 7400));
    }

    /** The FreeBSD ABI: see {@link io.jnetstack.personality.abi.Abi#freebsd()} for the headers each value comes from. */
    @Override
    public io.jnetstack.personality.abi.Abi abi() {
        return io.jnetstack.personality.abi.Abi.freebsd();
    }

    /**
     * sys/sys/param.h MAXSYMLINKS 32 (kern/vfs_lookup.c namei: {@code ni_loopcnt++ >= MAXSYMLINKS} is ELOOP);
     * sys/sys/syslimits.h NAME_MAX 255, PATH_MAX 1024 "max bytes in pathname" (namei copyinstr into MAXPATHLEN
     * bytes including the NUL, so 1023 bytes is the longest path; a link body plus the rest must also fit,
     * {@code linklen + ni_pathlen > MAXPATHLEN}); vfs_lookup checks cn_namelen &gt; NAME_MAX before VOP_LOOKUP's
     * search check; unlink(2) on a directory: EPERM (kern_funlinkat);
     * a new file takes its directory's group (ufs_makeinode).
     */
    @Override
    public VfsLimits vfsLimits() {
        return new VfsLimits(32, 255, 1024, true, true, io.jnetstack.personality.abi.Errno.EPERM, true);
    }


    /**
     * kern/uipc_syscalls.c sys_connect → getsockaddr ({@code len > SOCK_MAXADDRLEN} → ENAMETOOLONG, {@code len < 2}
     * → EINVAL, copyin EFAULT, {@code sa_len = len}) before kern_connectat's fd lookup, then SS_ISCONNECTING →
     * EALREADY; kern/uipc_socket.c soconnectat; netinet/tcp_usrreq.c tcp_usr_connect/tcp6_usr_connect and
     * netinet/udp_usrreq.c udp_connect (family, then {@code sa_len != sizeof}); kern/uipc_usrreq.c unp_connectat.
     */
    @Override
    public ConnectArgumentRules connectArgumentRules() {
        return new ConnectArgumentRules(ConnectArgumentRules.AddressCopy.BEFORE_DESCRIPTOR, 255,
                io.jnetstack.personality.abi.Errno.ENAMETOOLONG, -1, true,
                ConnectArgumentRules.ConnectingAtEntry.ALWAYS,
                ConnectArgumentRules.StateGate.SOCONNECT_LISTEN_IN_PROTOCOL, ConnectArgumentRules.Unspec.WRONG_FAMILY,
                ConnectArgumentRules.InetCheck.FAMILY_THEN_EXACT_LENGTH,
                ConnectArgumentRules.InetCheck.FAMILY_THEN_EXACT_LENGTH,
                new ConnectArgumentRules.UnixRules(io.jnetstack.personality.abi.Errno.EAFNOSUPPORT, false, false, 106,
                        false, false));
    }

    /**
     * sys/netinet/in_pcb.c {@code in_pcb_lport_dest}: {@code ipport_randomized} (default 1) starts at
     * {@code first + arc4random() % (last - first)}, then {@code ++lastport} with wrap; with a destination (connect)
     * the candidate is checked with {@code in_pcblookup_hash_locked} on the full four-tuple (tcp_usrreq.c
     * {@code tcp_connect} binds first only when {@code net.inet.tcp.require_unique_port}, default 0, is set);
     * EADDRNOTAVAIL when the count runs out. No ports are skipped.
     */
    @Override
    public PortSelection portSelection() {
        return new PortSelection(PortSelection.Strategy.RANDOM_START_LINEAR, PortSelection.Scope.FOUR_TUPLE, true,
                List.of(), List.of());
    }

    /**
     * sys/kern/uipc_syscalls.c kern_connectat (no timeout on the wait, ERESTART → EINTR, so_error read and cleared);
     * uipc_socket.c soconnectat (so_error zeroed before pru_connect), sopoll_generic; netinet/tcp_usrreq.c
     * tcp_usr_connect (INP_DROPPED → ECONNREFUSED, TIME_WAIT → EADDRINUSE, INADDR_BROADCAST → EACCES, multicast →
     * EAFNOSUPPORT); in_pcb.c in_pcbconnect_setup (port 0 → EADDRNOTAVAIL, INADDR_ANY → primary address on 14.x,
     * in_pcblookup_hash hit → EADDRINUSE); kern.maxfiles sized for a 2 GiB machine, maxfilesperproc 90% of it;
     * net.inet6.ip6.v6only 1; tcp6_usr_connect (v4-mapped with V6ONLY → EINVAL, lost INP_IPV4 → EAFNOSUPPORT).
     * ip_output: RTF_REJECT EHOSTUNREACH, an interface down ENETDOWN, pfil PFIL_DROPPED EACCES — tcp_output returns
     * these in SYN_SENT (soft only once a SYN was received); TCP_MD5SIG takes an int.
     */
    @Override
    public SocketRules socketRules() {
        return new SocketRules(SocketRules.ConnectLifecycle.FREEBSD_DROPPED_PCB, false, false,
                SocketRules.PollStyle.FREEBSD, 58982, 65536, Errno.ENETUNREACH, Errno.EADDRINUSE, Errno.EADDRNOTAVAIL,
                Errno.EACCES, Errno.EAFNOSUPPORT, null, SocketRules.Unspecified.PRIMARY_ADDRESS, null, true, true,
                Errno.EINVAL, Errno.EAFNOSUPPORT, Errno.EAFNOSUPPORT, Errno.ENOTCONN, false,
                Errno.EHOSTUNREACH, Errno.EHOSTUNREACH,
                Errno.ENETDOWN, null,
                Errno.EACCES, false, 4, false, "net.inet.tcp.icmp_may_rst",
                false, false, "kern.maxfiles",
                "net.inet.ip.portrange.first", "net.inet.ip.portrange.last");
    }

    /**
     * sys/kern/uipc_usrreq.c: the localsw table has SOCK_SEQPACKET; Linux-compatible abstract names keyed by type
     * (tests/sys/kern/unix_abstract.c, 15-era [I]); unp_bind (bound → EINVAL before namei; namelen ≤ 0 → EINVAL, no
     * autobind); unp_connectat (SOLISTENING → EOPNOTSUPP and unp_conn → EISCONN before namei; v_type != VSOCK →
     * ENOTSOCK; VOP_ACCESS(VWRITE) → EACCES; no unpcb → ECONNREFUSED; so_type → EPROTOTYPE; sonewconn failure →
     * ECONNREFUSED); sun_path 104 bytes (sa_len ≤ 106); uipc_send (EISCONN for sendto when connected; sbappendaddr
     * failure → ENOBUFS); unp_detach → unp_drop (ECONNRESET on datagram sockets connected to the closing one);
     * kern/uipc_socket.c soconnectat (sodisconnect first), soreceive ENOTCONN, sosend so_error, soshutdown ENOTCONN,
     * sorflush. Sizes (15-era uipc_usrreq.c, where stream and seqpacket bypass the send buffer): unpst_recvspace and
     * unpsp_recvspace 64 KiB, unpdg_maxdgram 8 KiB, unpdg_recvspace 16 KiB.
     */
    @Override
    public UnixDomainRules unixDomainRules() {
        return new UnixDomainRules(true, true, false, 104, io.jnetstack.personality.abi.Errno.EINVAL,
                io.jnetstack.personality.abi.Errno.ENOENT, true, io.jnetstack.personality.abi.Errno.EOPNOTSUPP,
                false, io.jnetstack.personality.abi.Errno.ENOTSOCK, false, false, false, true, false, false, true,
                io.jnetstack.personality.abi.Errno.ENOTCONN, true, true, true, 65_536, 8192, 0, 16_384, false);
    }

    /**
     * tcp_input.c tcp_do_segment(): a RST is judged first, against [last_ack_sent, last_ack_sent + rcv_wnd), and
     * resets the connection when {@code V_tcp_insecure_rst || tp->last_ack_sent == th->th_seq} (so_error
     * ECONNRESET in every synchronized state, CLOSING and LAST-ACK included), else draws a challenge ACK; a SYN past
     * SYN-RECEIVED inside that window calls tcp_drop(ECONNRESET) when {@code V_tcp_insecure_syn}, else draws a
     * challenge ACK; {@code V_drop_synfin} drops SYN+FIN in tcp_do_segment, on a listen socket
     * (tcp_input_with_port) and in TIME-WAIT (tcp_timewait.c tcp_twcheck, since commit f8b5681094dd). A passive
     * SYN-RECEIVED entry follows the same RST rule in tcp_syncache.c syncache_chkrst (window sc_wnd, exact
     * {@code sc_irs + 1}, V_tcp_insecure_rst). With {@code V_tcp_tolerate_missing_ts} = 0, tcp_do_segment drops a
     * segment without timestamps when TF_RCVD_TSTMP is set, unless it is a RST (RFC 7323 §3.2).
     */
    @Override
    public TcpInputRules tcpInputRules() {
        return new TcpInputRules(tunables.get(FreeBsdTunables.INSECURE_RST) != 0,
                tunables.get(FreeBsdTunables.INSECURE_SYN) != 0, tunables.get(FreeBsdTunables.DROP_SYNFIN) != 0,
                true, true, tunables.get(FreeBsdTunables.TOLERATE_MISSING_TS) == 0);
    }

    /**
     * tcp_timer.c V_tcp_always_keepalive (sysctl net.inet.tcp.always_keepalive, default 1): tcp_timer_keep probes
     * when {@code V_tcp_always_keepalive || so_options & SO_KEEPALIVE}.
     */
    @Override
    public boolean tcpAlwaysKeepAlive() {
        return true;
    }

    /**
     * tcp_usrreq.c tcp_default_ctloutput TCP_MAXSEG: getsockopt returns {@code tp->t_maxseg}; setsockopt takes
     * {@code 0 < optval <= t_maxseg && optval + 40 >= V_tcp_minmss} into t_maxseg, else EINVAL.
     */
    @Override
    public boolean tcpMaxSegIsConnectionMss() {
        return true;
    }

    /** net.inet.tcp.udp_tunneling_port (tcp_subr.c V_tcp_udp_tunneling_port; 0: TCP over UDP is off). */
    @Override
    public int tcpUdpTunnelingPort() {
        return (int) tunables.get(FreeBsdTunables.UDP_TUNNELING_PORT);
    }

    /** net.inet.tcp.udp_tunneling_overhead (tcp_subr.c V_tcp_udp_tunneling_overhead, default 8). */
    @Override
    public int tcpUdpTunnelingOverhead() {
        return (int) tunables.get(FreeBsdTunables.UDP_TUNNELING_OVERHEAD);
    }

    /** {@link IcmpErrnos#freebsd}: sys/netinet/ip_icmp.c icmp_errmap, sys/netinet6/icmp6.c icmp6_errmap. */
    @Override
    public io.jnetstack.personality.abi.Errno tcpErrno(TcpFailure failure) {
        return IcmpErrnos.of(failure, IcmpErrnos::freebsd);
    }
}
