package io.jnetstack.personality;

import io.jnetstack.personality.abi.Errno;

/**
 * The 4.4BSD-Lite defaults that FreeBSD, OpenBSD and macOS share; each subclass overrides only where its kernel
 * differs, and cites the file it follows.
 */
public abstract class BsdPersonality implements Personality {
    /** KAME netinet6/ip6_output.c ip6_ctloutput: getsockopt(IPV6_UNICAST_HOPS) returns in6p_hops, -1 when unset. */
    @Override
    public boolean unsetHopLimitReadsMinusOne() {
        return true;
    }

    /** One millisecond in nanoseconds. */
    protected static final long MS = 1_000_000L;
    /** One second in nanoseconds. */
    protected static final long S = 1_000_000_000L;

    /** sys/netinet/ip.h: {@code #define IPDEFTTL 64}. */
    @Override
    public int defaultTtl() {
        return 64;
    }

    /** sys/netinet/ip6.h: {@code #define IPV6_DEFHLIM 64}, the initial ip6_defhlim. */
    @Override
    public int defaultHopLimit() {
        return 64;
    }

    /**
     * sys/netinet/if_ether.c arpresolve_full(): arp_maxtries = 5 requests, at most one a second; arp_maxhold = 16
     * packets held (the oldest dropped); arpt_keep = 20 min for a resolved entry.
     *
     * <p>Decision: the BSDs send a request only when a packet is sent while the entry is incomplete (no
     * retransmit timer), and after the fifth mark the entry down for arpt_down = 20 s (EHOSTDOWN). jnetstack
     * retransmits on a one-second timer for every personality; the request count and spacing match whenever a
     * sender keeps sending at least once a second (ping does), the hold-down period is not modelled yet.
     */
    @Override
    public NeighborTimings arp() {
        return new NeighborTimings(5, 1000 * MS, 16, 1200 * S);
    }

    /**
     * sys/netinet6/nd6.c: nd6_mmaxtries = 3 multicast solicitations, RETRANS_TIMER 1000 ms (nd6.h); one packet
     * held while incomplete (nd6_maxqueuelen = 1 in XNU and older FreeBSD); REACHABLE_TIME 30 s.
     */
    @Override
    public NeighborTimings ndp() {
        return new NeighborTimings(3, 1000 * MS, 1, 30 * S);
    }

    /** FreeBSD sys/netinet/ip_reass.c ipfragttl = 30 s; OpenBSD IPFRAGTTL 60 slowhz ticks = 30 s; XNU IPFRAGTTL 30. */
    @Override
    public long ipv4ReassemblyTimeoutNs() {
        return 30 * S;
    }

    /** IPV6_FRAGTTL: 120 half-second slowtimo ticks = 60 s (FreeBSD, OpenBSD); XNU ip6.h IPV6_FRAGTTL 60 s. */
    @Override
    public long ipv6ReassemblyTimeoutNs() {
        return 60 * S;
    }

    /**
     * IPv4 reassembly timeouts drop silently (FreeBSD ip_reass.c ipq_timeout, XNU frag_freef). IPv6 always sends
     * time exceeded (frag6.c frag6_freef / frag6_purgef), as RFC 8200 §4.5 requires of every personality.
     */
    @Override
    public boolean sendsReassemblyTimeExceeded() {
        return false;
    }

    /** sys/netinet/ip_icmp.c: icmpbmcastecho = 0 (FreeBSD, OpenBSD). */
    @Override
    public boolean answersBroadcastEcho() {
        return false;
    }

    /** sys/net/if_loop.c: LOMTU 16384 (FreeBSD, XNU). */
    @Override
    public int loopbackMtu() {
        return 16384;
    }

    /** See {@link Personality#udpReuseAddrShares()}. */
    @Override
    public boolean udpReuseAddrShares() {
        return false;
    }

    /** sys/netinet/in.h IPPORT_HIFIRSTAUTO 49152 .. IPPORT_HILASTAUTO 65535 (XNU in_pcb.c ipport_firstauto). */
    @Override
    public PortRange ephemeralPorts() {
        return new PortRange(49152, 65535);
    }

    /** 4.4BSD tcp_output(): the SYN window is the whole 65535-byte receive space (FreeBSD, XNU). */
    @Override
    public int synWindow(int mss) {
        return 65535;
    }

    /** FreeBSD tcp_usr_connect → tcp_connect: request_r_scale for the default 64 KiB+ buffers is 6 (XNU: 6). */
    @Override
    public int windowScale() {
        return 6;
    }

    /** TCPTV_KEEP_INIT: connection establishment gives up after 75 s (FreeBSD, OpenBSD, XNU tcp_timer.h). */
    protected static final long KEEP_INIT_MS = 75_000;

    /**
     * FreeBSD tcp_ctlinput_with_port() / XNU tcp_ctlinput(): with icmp_may_rst (default 1) port, protocol and
     * administratively-prohibited unreachables and time exceeded drop a SYN-SENT connection at once
     * (tcp_drop_syn_sent); net and host unreachable go to tcp_notify(), which drops only
     * {@code if (tp->t_state < TCPS_ESTABLISHED && tp->t_rxtshift > 3 && tp->t_softerror)} and otherwise
     * remembers the error in t_softerror.
     */
    @Override
    public IcmpDisposition synSentIcmp(IcmpClass icmp, int retransmissions, boolean softErrorStored) {
        return switch (icmp) {
            case PORT_UNREACHABLE, PROTOCOL_UNREACHABLE, ADMIN_PROHIBITED, TIME_EXCEEDED -> IcmpDisposition.ABORT;
            case NET_UNREACHABLE, HOST_UNREACHABLE, PARAMETER_PROBLEM -> notifySoft(retransmissions, softErrorStored);
            case OTHER -> IcmpDisposition.IGNORE;
        };
    }

    /** tcp_notify(): soft until the fourth retransmission has gone out and an earlier soft error is stored. */
    protected static IcmpDisposition notifySoft(int retransmissions, boolean softErrorStored) {
        return retransmissions > 3 && softErrorStored ? IcmpDisposition.ABORT : IcmpDisposition.SOFT;
    }

    /**
     * TCP_MAXRXTSHIFT = 12 (tcp_timer.h): tcp_timer_rexmt drops the connection when ++t_rxtshift exceeds it.
     */
    @Override
    public RetransmissionLimit retransmissionLimit() {
        return RetransmissionLimit.count(12);
    }


    /** FreeBSD cc_newreno.c / cc_cubic.c (abc_l_var 2, RFC 5681 §4.1 restart); OpenBSD and XNU follow the RFC text. */
    @Override
    public CongestionTuning congestionTuning() {
        return CongestionTuning.rfc();
    }

    /** lo0 carries 127.0.0.1 only (netmask /8 gives the route, not the addresses): other 127/8 addresses need an alias. */
    @Override
    public int loopbackIpv4PrefixLength() {
        return 32;
    }

    /** netinet/if_ether.c arpresolve / nd6_resolve: the error goes back to the output call, not to the transport. */
    @Override
    public boolean neighborFailureAsIcmp() {
        return false;
    }

    /**
     * FreeBSD and XNU alike: netinet/in_pcb.c in_pcbconnect_setup / bsd/netinet/in_pcb.c in_pcbladdr (port 0 →
     * EADDRNOTAVAIL; INADDR_ANY → the primary address, FreeBSD up to 14.x; INADDR_BROADCAST → the primary interface's
     * broadcast address), udp_usrreq.c udp_disconnect (laddr → INADDR_ANY, port kept), udp_output (an address on a
     * connected socket → EISCONN; xnu tests/udp_disconnect.c); exhaustion (in_pcb_lport_dest, in_pcbbind) →
     * EADDRNOTAVAIL. OpenBSD differs.
     */
    @Override
    public UdpRules udpRules() {
        return new UdpRules(Errno.EADDRNOTAVAIL, UdpRules.Unspecified.PRIMARY_ADDRESS, null, true, Errno.EISCONN,
                UdpRules.LocalReset.ALWAYS, UdpRules.LocalReset.KEEP, Errno.EADDRNOTAVAIL, false);
    }
}
