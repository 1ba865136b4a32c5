package io.jnetstack.personality;

/**
 * The 4.4BSD-Lite defaults that FreeBSD, OpenBSD and macOS share; each subclass overrides only where its kernel
 * differs, and cites the file it follows.
 */
public abstract class BsdPersonality implements Personality {
    /** One millisecond in nanoseconds. */
    protected static final long MS = 1_000_000L;
    /** One second in nanoseconds. */
    protected static final long S = 1_000_000_000L;

    /** sys/netinet/ip_var.h? no: sys/netinet/in.h / ip.h IPDEFTTL = 64. */
    @Override
    public int defaultTtl() {
        return 64;
    }

    /** sys/netinet6/in6.h? ip6_defhlim = IPV6_DEFHLIM = 64 (netinet6/ip6_var.h). */
    @Override
    public int defaultHopLimit() {
        return 64;
    }

    /**
     * sys/netinet/if_ether.c: arp_maxtries = 5 requests, at most one per second (arp_rexmit / la_asked
     * accounting), then the entry is marked down for arpt_down = 20 s.
     */
    @Override
    public NeighborTimings arp() {
        return new NeighborTimings(5, 1000 * MS, 1, 1200 * S);
    }

    /** sys/netinet6/nd6.c: nd6_mmaxtries = 3 multicast solicitations, RETRANS_TIMER 1000 ms. */
    @Override
    public NeighborTimings ndp() {
        return new NeighborTimings(3, 1000 * MS, 1, 30 * S);
    }

    /** sys/netinet/ip_reass.c: IPFRAGTTL 60 half-second slow-timeout ticks = 30 s. */
    @Override
    public long ipv4ReassemblyTimeoutNs() {
        return 30 * S;
    }

    /** sys/netinet6/ip6_var.h: IPV6_FRAGTTL 120 half-second ticks = 60 s. */
    @Override
    public long ipv6ReassemblyTimeoutNs() {
        return 60 * S;
    }

    /** BSD IPv4 reassembly drops silently; IPv6 frag6_freef sends time exceeded. Modelled as "IPv6 only"? */
    @Override
    public boolean sendsReassemblyTimeExceeded() {
        return false;
    }

    /** net.inet.icmp.bmcastecho = 0. */
    @Override
    public boolean answersBroadcastEcho() {
        return false;
    }

    /** sys/net/if_loop.c LOMTU 16384. */
    @Override
    public int loopbackMtu() {
        return 16384;
    }

    /** IPPORT_HIFIRSTAUTO 49152 .. IPPORT_HILASTAUTO 65535 (sys/netinet/in.h). */
    @Override
    public PortRange ephemeralPorts() {
        return new PortRange(49152, 65535);
    }
}
