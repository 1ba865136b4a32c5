package io.jnetstack.stack;

import io.jnetstack.link.FrameSink;
import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.wire.EtherType;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.ethernet.EthernetHeader;
import java.util.ArrayDeque;

/**
 * A stack's frames in and out through its interfaces' links: Ethernet framing and the EtherType dispatch to ARP,
 * IPv4 and IPv6, the datagrams looped back to this host until the next {@link Stack#advanceTo}, and whether the
 * frame being received came with its checksum verified by the link.
 */
final class FrameIo {
    private final StackStats stats;
    private final Ipv4Layer ipv4;
    private final Ipv6Layer ipv6;
    private final ArrayDeque<byte[]> loopback = new ArrayDeque<>();
    /** Set while a frame the link checksum-verified is being received ({@link #checksumVerified()}). */
    private boolean checksumVerified;

    FrameIo(StackStats stats, Ipv4Layer ipv4, Ipv6Layer ipv6) {
        this.stats = stats;
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
    }

    /** What interface {@code ifc}'s link hands its received frames to. */
    FrameSink sink(NetInterface ifc) {
        return new FrameSink() {
            @Override
            public void onFrame(byte[] frame, int off, int len, long nowNs) {
                receive(ifc, frame, off, len, nowNs);
            }

            @Override
            public void onChecksumVerifiedFrame(byte[] frame, int off, int len, long nowNs) {
                checksumVerified = true;
                try {
                    receive(ifc, frame, off, len, nowNs);
                } finally {
                    checksumVerified = false;
                }
            }
        };
    }

    /**
     * Whether the frame being received right now came with its transport checksum verified by the link (receive
     * checksum offload, {@link FrameSink#onChecksumVerifiedFrame}).
     */
    boolean checksumVerified() {
        return checksumVerified;
    }

    /** Queues a datagram addressed to this host for delivery on the next {@link Stack#advanceTo}. */
    void loopBack(byte[] datagram) {
        loopback.addLast(datagram);
    }

    /** True when looped-back datagrams wait for delivery. */
    boolean hasLoopedBack() {
        return !loopback.isEmpty();
    }

    /** Delivers the looped-back datagrams, those they loop back in turn included. */
    void deliverLoopedBack(long nowNs) {
        while (!loopback.isEmpty()) {
            byte[] d = loopback.removeFirst();
            deliverIp(null, d, 0, d.length, nowNs);
        }
    }

    /** Frames a datagram for {@code ifc} and transmits it; {@code dstMac} is ignored on an IP medium. */
    void transmit(NetInterface ifc, MacAddress dstMac, int etherType, byte[] dgram, int off, int len, long nowNs) {
        if (!ifc.isUp()) {
            stats.increment(StackStats.Counter.INTERFACE_DOWN);
            return;
        }
        stats.increment(StackStats.Counter.FRAMES_OUT);
        LinkEndpoint link = ifc.link();
        if (link.medium() == Medium.IP) {
            link.transmit(dgram, off, len, nowNs);
            return;
        }
        byte[] frame = new byte[EthernetHeader.LENGTH + len];
        new EthernetHeader(dstMac, link.macAddress(), etherType).emit(frame, 0);
        System.arraycopy(dgram, off, frame, EthernetHeader.LENGTH, len);
        link.transmit(frame, 0, frame.length, nowNs);
    }

    private void receive(NetInterface ifc, byte[] frame, int off, int len, long nowNs) {
        stats.increment(StackStats.Counter.FRAMES_IN);
        if (!ifc.isUp()) {
            stats.increment(StackStats.Counter.INTERFACE_DOWN);
            return;
        }
        if (ifc.link().medium() == Medium.IP) {
            deliverIp(ifc, frame, off, len, nowNs);
            return;
        }
        if (!(EthernetHeader.parse(frame, off, len) instanceof Parsed.Ok<EthernetHeader> ok)) {
            stats.increment(StackStats.Counter.MALFORMED);
            return;
        }
        EthernetHeader eth = ok.value();
        MacAddress to = eth.destination();
        if (!to.equals(ifc.link().macAddress()) && !to.isMulticast()) {
            stats.increment(StackStats.Counter.NOT_FOR_US);
            return;
        }
        int at = off + EthernetHeader.LENGTH;
        int rest = len - EthernetHeader.LENGTH;
        switch (eth.etherType()) {
            case EtherType.ARP -> ipv4.onArp(ifc, frame, at, rest, nowNs);
            case EtherType.IPV4 -> ipv4.onDatagram(ifc, frame, at, rest, nowNs);
            case EtherType.IPV6 -> ipv6.onDatagram(ifc, frame, at, rest, nowNs);
            default -> stats.increment(StackStats.Counter.NOT_FOR_US);
        }
    }

    private void deliverIp(NetInterface ifc, byte[] b, int off, int len, long nowNs) {
        int version = len > 0 ? (b[off] & 0xFF) >>> 4 : 0;
        if (version == 4) {
            ipv4.onDatagram(ifc, b, off, len, nowNs);
        } else if (version == 6) {
            ipv6.onDatagram(ifc, b, off, len, nowNs);
        } else {
            stats.increment(StackStats.Counter.MALFORMED);
        }
    }
}
