package io.jnetstack.host;

import io.jnetstack.link.FrameSink;
import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.wire.MacAddress;

/** A {@link LinkEndpoint} over a {@link TunDevice}: bare IP packets, written to the kernel as they are sent. */
final class TunLink implements LinkEndpoint {
    private final TunDevice tun;
    private final int mtu;
    private FrameSink sink = (f, o, l, t) -> {};

    TunLink(TunDevice tun, int mtu) {
        this.tun = tun;
        this.mtu = mtu;
    }

    @Override
    public Medium medium() {
        return Medium.IP;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public MacAddress macAddress() {
        return MacAddress.ZERO;
    }

    @Override
    public void attach(FrameSink inbound) {
        sink = inbound;
    }

    @Override
    public void transmit(byte[] frame, int off, int len, long nowNs) {
        tun.write(frame, off, len);
    }

    /** A packet the kernel sent, into the stack. */
    void deliver(byte[] packet, int len, long nowNs) {
        sink.onFrame(packet, 0, len, nowNs);
    }
}
