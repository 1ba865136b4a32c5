package io.jnetstack.personality;

import java.util.List;

/**
 * Everything that differs between the kernels jnetstack reproduces, as values and decisions. A simulated host runs
 * exactly one personality; no other code asks which OS it is.
 *
 * <p>This layer (IP, ARP/NDP, ICMP, reassembly) uses the methods below; the TCP and socket layers add their
 * decision points here as they arrive.
 */
public interface Personality {

    /** The OS this personality reproduces. */
    Os os();

    /** A short lower-case name used on the command line ("linux", "freebsd", "openbsd", "macos"). */
    default String name() {
        return os().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Default IPv4 TTL for datagrams this host originates. */
    int defaultTtl();

    /** Default IPv6 hop limit for datagrams this host originates. */
    int defaultHopLimit();

    /** ARP resolution schedule (RFC 826 / RFC 1122 §2.3.2.1). */
    NeighborTimings arp();

    /** NDP address resolution schedule (RFC 4861 §7.2, §10). */
    NeighborTimings ndp();

    /** How long an incomplete IPv4 datagram is kept before its fragments are discarded. */
    long ipv4ReassemblyTimeoutNs();

    /** How long an incomplete IPv6 datagram is kept before its fragments are discarded. */
    long ipv6ReassemblyTimeoutNs();

    /**
     * Whether the host sends ICMP time exceeded, code 1 ("fragment reassembly time exceeded"), when a reassembly
     * whose first fragment arrived times out (RFC 792; RFC 8200 §4.5 makes it a must for IPv6).
     */
    boolean sendsReassemblyTimeExceeded();

    /** Whether ICMP echo requests sent to a broadcast or multicast address are answered. */
    boolean answersBroadcastEcho();

    /** MTU of the loopback interface. */
    int loopbackMtu();

    /**
     * How much of 127.0.0.0/8 is a local address of every host (the implicit loopback interface): 8 where the whole
     * net answers (Linux), 32 where only 127.0.0.1 is configured on the loopback interface (the BSDs; further
     * addresses need an alias). ::1 is always local.
     */
    int loopbackIpv4PrefixLength();

    /** The ephemeral (automatic) port range for implicit binds. */
    PortRange ephemeralPorts();

    // ---- TCP (issue #3); facts and citations in docs/research/tcp-personalities.md ----

    /** The options of this OS's SYN, in wire order. */
    List<SynOption> synOptionLayout();

    /** The window field of this OS's SYN for a connection whose MSS is {@code mss}. */
    int synWindow(int mss);

    /** The window-scale shift this OS offers with default buffers. */
    int windowScale();

    /** When this OS retransmits an unanswered SYN, and when connect() gives up. */
    SynRetransmission synRetransmission();

    /** RTO bounds for data (RFC 6298). */
    RetransmissionTimeout rto();

    /** When data retransmission on an established connection gives up (ETIMEDOUT). */
    RetransmissionLimit retransmissionLimit();

    /** Default socket buffer sizes and their auto-sizing ceilings. */
    TcpBuffers tcpBuffers();

    /** When ACKs are sent at once or delayed, and the Nagle rule. */
    AckPolicy ackPolicy();

    /** How this OS decides on resets and closes. */
    TcpRules tcpRules();

    /**
     * Where this OS's state machine departs from RFC 9293 in closing, TIME-WAIT and SYN-SENT ({@link TcpStateRules});
     * the RFC reading unless the OS overrides it.
     */
    default TcpStateRules tcpStateRules() {
        return TcpStateRules.RFC;
    }

    /** Where this OS's implementation of its congestion control departs from the RFC text. */
    CongestionTuning congestionTuning();

    /** TIME-WAIT, orphaned FIN-WAIT-2, delayed-ACK and keep-alive timers. */
    TcpTimers tcpTimers();

    /**
     * What an ICMP error does to a connection in SYN-SENT whose quoted sequence number is in [SND.UNA, SND.NXT).
     *
     * @param retransmissions SYN retransmissions so far (BSD t_rxtshift)
     * @param softErrorStored whether an earlier soft error is already remembered (BSD t_softerror)
     */
    IcmpDisposition synSentIcmp(IcmpClass icmp, int retransmissions, boolean softErrorStored);

    /** The congestion-control algorithm a new connection gets by default. */
    CongestionAlgorithm congestionControl();

    /**
     * How the data receiver builds its SACK blocks and whether it reports duplicates (D-SACK); see
     * {@link SackReporting} for which OS does what. Default: jnetstack's generic list.
     */
    default SackReporting sackReporting() {
        return SackReporting.RECENT_FIRST;
    }

    /** The initial congestion window in bytes for a connection whose MSS is {@code mss} (RFC 6928 / RFC 3390). */
    long initialWindow(int mss);

    // ---- UDP ----

    /**
     * Whether SO_REUSEADDR on two UDP sockets lets them bind one port on overlapping addresses. Linux: yes
     * (net/ipv4/udp.c {@code udp_lib_lport_inuse}: {@code sk_reuse} on both). The BSDs: no; there SO_REUSEADDR
     * only narrows the conflict check to the exact address, and counts as SO_REUSEPORT for a multicast address
     * (netinet/in_pcb.c {@code in_pcbbind_setup}).
     */
    boolean udpReuseAddrShares();

    /** Every personality, in a fixed order. */
    static List<Personality> all() {
        return List.of(new LinuxPersonality(), new FreeBsdPersonality(), new OpenBsdPersonality(),
                new MacOsPersonality());
    }

    /** Looks a personality up by {@link #name()}; null when unknown. */
    /**
     * The personality one host runs: a fresh instance when the OS has per-host {@link #tunables()} (a sysctl on one
     * host must not change another), else this one.
     */
    default Personality forHost() {
        return this;
    }

    /**
     * The client side of TCP Fast Open (RFC 7413) as this OS implements it, read when a TCP_FASTOPEN socket
     * connects and when its SYN-ACK arrives; null where it is not modelled (then TCP_FASTOPEN is no option).
     */
    default FastOpenClient fastOpenClient() {
        return null;
    }

    /**
     * A TCP socket buffer size once the handshake has fixed the segment size {@code mss}: unchanged by default;
     * FreeBSD's tcp_mss() rounds it up to a multiple of the MSS (within kern.ipc.maxsockbuf).
     */
    default int tcpBufferAfterHandshake(int configured, int mss) {
        return configured;
    }

    /**
     * How this OS screens RST, SYN and SYN+FIN segments, asked when each segment arrives (FreeBSD's answer follows
     * sysctls); the RFC 5961 path unless the OS departs from it.
     */
    default TcpInputRules tcpInputRules() {
        return TcpInputRules.RFC5961;
    }

    /**
     * Whether every TCP connection probes its idle peer as if SO_KEEPALIVE were set (FreeBSD
     * net.inet.tcp.always_keepalive, default 1); SO_KEEPALIVE itself still reads as the application set it. False
     * by default.
     */
    default boolean tcpAlwaysKeepAlive() {
        return false;
    }

    /**
     * Whether getsockopt(TCP_MAXSEG) on a synchronized connection reads the connection's segment size and
     * setsockopt(TCP_MAXSEG) lowers it at once (FreeBSD tcp_usrreq.c tcp_default_ctloutput: {@code tp->t_maxseg}),
     * rather than the socket's stored value; false by default.
     */
    default boolean tcpMaxSegIsConnectionMss() {
        return false;
    }

    /**
     * The local UDP port TCP over UDP encapsulation listens on and sends from (FreeBSD 13+
     * net.inet.tcp.udp_tunneling_port), asked when a segment or datagram moves; 0 when it is off, and always on an
     * OS without it.
     */
    default int tcpUdpTunnelingPort() {
        return 0;
    }

    /**
     * How much smaller the MSS of a UDP-encapsulated TCP connection is (FreeBSD net.inet.tcp.udp_tunneling_overhead,
     * subtracted in tcp_mss and tcp_mssopt); 0 on an OS without encapsulation.
     */
    default int tcpUdpTunnelingOverhead() {
        return 0;
    }

    /**
     * The per-socket TCP timer options (TCP_KEEPINIT, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT) with their current
     * host defaults; null when this OS's are not modelled (getsockopt and setsockopt then fail with ENOPROTOOPT).
     */
    default TcpTimerOptions tcpTimerOptions() {
        return null;
    }

    /**
     * The SYN schedule of a connection whose attempt may last {@code keepInitNs} (a per-socket TCP_KEEPINIT): by
     * default the usual schedule abandoned at that time.
     */
    default SynRetransmission synRetransmission(long keepInitNs) {
        SynRetransmission r = synRetransmission();
        return r.truncated(r.synCount(), keepInitNs);
    }

    /**
     * Whether the SYN sent after {@code retransmissions} retransmissions asks for ECN (ECE and CWR set, RFC 3168
     * §6.1.1). No by default (jnetstack models no client-side ECN unless the OS's tunables ask for it).
     */
    default boolean synRequestsEcn(int retransmissions) {
        return false;
    }

    /**
     * Whether the connection stops offering window scaling, timestamps and SACK from its SYN retransmission number
     * {@code retransmissions} on (a work-around for peers that drop SYNs with options). Asked at every SYN
     * retransmission; once yes, the SYNs of that connection carry only MSS. No by default.
     */
    default boolean dropsSynOptions(int retransmissions) {
        return false;
    }

    /**
     * Whether a Packet Too Big (IPv6, {@code ipv6} true) or Fragmentation Needed (IPv4) quoting an unanswered SYN
     * lowers the MSS the retransmitted SYN offers to the reported path MTU less the headers. No by default.
     */
    default boolean synMssFollowsPathMtu(boolean ipv6) {
        return false;
    }

    /**
     * Whether getsockopt(IPV6_UNICAST_HOPS) on a socket that set none reports -1 (KAME ip6_ctloutput: the inpcb's
     * in6p_hops) rather than the hop limit in use (Linux ipv6_getsockopt: the route's or the interface's). No by
     * default.
     */
    default boolean unsetHopLimitReadsMinusOne() {
        return false;
    }

    /**
     * Whether the window a synchronized segment advertises is rounded up to the window-scale unit (1 &lt;&lt; shift)
     * rather than truncated to it, so scaling never shrinks the window. No by default.
     */
    default boolean roundsWindowUpToScale() {
        return false;
    }

    /**
     * Whether the RST answering a segment for a socket that is bound but neither listening nor connected carries
     * that socket's IP options (TTL or hop limit, TOS or traffic class) rather than the host defaults. No by default.
     */
    default boolean resetUsesBoundSocketIpOptions() {
        return false;
    }

    /**
     * Whether TCP_MD5SIG is the integer switch that makes the stack sign every segment of the socket with the key of
     * the host's security association for the segment's addresses, and drop received segments without a right
     * signature (RFC 2385). No by default: Linux's TCP_MD5SIG installs a key of its own and OpenBSD's connect finds no
     * association (neither is modelled beyond that).
     */
    default boolean tcpSignaturesFromSecurityAssociations() {
        return false;
    }

    /**
     * Whether reading from the receive buffer sends a window update at once, given the window the peer knows
     * ({@code oldWindow}), the window now free ({@code newWindow}), the segment size, the buffer size, the
     * receive window scale, and whether a delayed ACK is already pending. By default, receiver-side silly window avoidance (RFC 9293 §3.8.6.2.2): only when the
     * known window was below min(MSS, half the buffer) and the free one reaches it.
     */
    default boolean windowUpdateAfterRead(int oldWindow, int newWindow, int mss, int buffer, int scale,
            boolean ackPending) {
        int threshold = Math.min(mss, buffer / 2);
        return oldWindow < threshold && newWindow >= threshold;
    }

    /**
     * Whether an ECN-setup SYN from the peer is answered with an ECN-setup SYN-ACK (RFC 3168 §6.1.1), after which
     * data leaves marked ECT(0). No by default: jnetstack models ECN negotiation only where a personality says so
     * (congestion feedback from CE marks is not modelled).
     */
    default boolean acceptsEcnSetup() {
        return false;
    }

    /**
     * The errno connect(2) returns when the route to the peer is a blackhole route, or null when the OS lets the
     * connect go on (the datagrams are then discarded).
     */
    default io.jnetstack.personality.abi.Errno blackholeRoute() {
        return null;
    }

    /**
     * Whether an ICMP error counts when the TCP sequence number it quotes lies in [SND.UNA, SND.NXT] (both ends in),
     * rather than [SND.UNA, SND.MAX). No by default (the BSDs' tcp_ctlinput).
     */
    default boolean icmpQuoteIncludesSndNxt() {
        return false;
    }

    /** The host's tunables (sysctls that change TCP/IP behaviour); none unless the OS models some. */
    default Tunables tunables() {
        return Tunables.none();
    }

    static Personality named(String name) {
        for (Personality p : all()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The passive side: backlog limits and overflow, SYN-ACK retransmission, SYN to a TIME-WAIT 4-tuple
     * (docs/research/tcp-closing.md §§1, 6, 7).
     */
    ListenRules listenRules();

    /**
     * The ABI edge (design.md §4): errno numbers and strerror texts, socket-call constants and the sockaddr byte
     * layout of this OS.
     */
    io.jnetstack.personality.abi.Abi abi();

    /**
     * Path-name resolution limits of the per-host file tree UNIX-domain sockets live in: MAXSYMLINKS, NAME_MAX,
     * PATH_MAX and the orderings that differ (issue #4).
     */
    VfsLimits vfsLimits();


    /**
     * connect(2)'s argument and address checks in this kernel's order (connect-catalogue §0.1, rows A1–A15,
     * B1–B10), applied by the socket layer before the protocol runs.
     */
    ConnectArgumentRules connectArgumentRules();

    /**
     * How this OS picks an ephemeral port inside {@link #ephemeralPorts()} (connect catalogue §1E rows E1, E2, E10;
     * docs/research/ephemeral-ports.md).
     */
    PortSelection portSelection();

    /**
     * The generic socket layer's and the TCP/IP connect routines' decisions after the argument checks: the connect
     * lifecycle, signals and timeouts, poll rules, descriptor limits and the destination rules.
     */
    SocketRules socketRules();

    /**
     * The UNIX-domain socket engine's decisions: socket types, abstract names, connect's order of checks, queue and
     * buffer limits (connect-catalogue §1H rows H1–H27, §3).
     */
    UnixDomainRules unixDomainRules();

    /** UDP connect, dissolve and send decisions (connect-catalogue §1G, F6, F7, E3). */
    UdpRules udpRules();

    /**
     * The errno a TCP socket reports for {@code failure} (connect(), SO_ERROR, a later read or write): RST to a SYN
     * ECONNREFUSED, RST later ECONNRESET, a timeout ETIMEDOUT, and an ICMP or ICMPv6 error through this kernel's
     * own table (connect catalogue §1D). Null when this kernel attaches no errno to that ICMP message.
     */
    io.jnetstack.personality.abi.Errno tcpErrno(TcpFailure failure);

    /**
     * Whether a neighbour (ARP/NDP) resolution that gives up is reported to the sending transport as an ICMP host
     * unreachable from the host itself (Linux arp_error_report / ndisc_error_report → icmp_send, which tcp_v4_err
     * takes as fatal in SYN-SENT: connect fails EHOSTUNREACH after the probes, catalogue D12); the BSDs return the
     * resolver's error from the output call instead, which a retransmission timer ignores.
     */
    boolean neighborFailureAsIcmp();
}
