package io.jnetstack.personality;

/** FreeBsd — overrides only where its kernel departs from the shared BSD defaults. */
public final class FreeBsdPersonality extends BsdPersonality {
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
}
