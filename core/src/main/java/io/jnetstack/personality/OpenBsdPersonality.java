package io.jnetstack.personality;

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
}
