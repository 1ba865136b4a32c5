package io.jnetstack.sim;

import io.jnetstack.link.FrameSink;
import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.wire.MacAddress;

/** One host's attachment to a simulated link: the {@link LinkEndpoint} its stack sends through. */
public final class SimPort implements LinkEndpoint {
    private final SimLink link;
    private final SimHost host;
    private final MacAddress mac;
    private FrameSink sink = (f, o, l, t) -> {};
    private long busyUntilNs;

    SimPort(SimLink link, SimHost host, MacAddress mac) {
        this.link = link;
        this.host = host;
        this.mac = mac;
    }

    @Override
    public Medium medium() {
        return link.medium();
    }

    @Override
    public int mtu() {
        return link.properties().mtu();
    }

    @Override
    public MacAddress macAddress() {
        return mac;
    }

    @Override
    public void attach(FrameSink inbound) {
        sink = inbound;
    }

    @Override
    public void transmit(byte[] frame, int off, int len, long nowNs) {
        link.send(this, java.util.Arrays.copyOfRange(frame, off, off + len), nowNs);
    }

    /** The link this port is on. */
    public SimLink link() {
        return link;
    }

    /** The host that owns the port; null for a probe ({@link Simulation#attachProbe}). */
    public SimHost host() {
        return host;
    }

    long busyUntilNs() {
        return busyUntilNs;
    }

    void busyUntilNs(long t) {
        busyUntilNs = t;
    }

    /** Hands an arriving frame to the host (through the host's fault rules), then lets the stack run. */
    void deliver(byte[] frame, long nowNs) {
        if (host == null) {
            sink.onFrame(frame, 0, frame.length, nowNs);
            return;
        }
        host.receive(this, frame, nowNs, sink);
    }
}
