package io.jnetstack.stack;

import io.jnetstack.personality.Personality;
import io.jnetstack.stack.StackListener.Origin;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.udp.UdpHeader;

/**
 * The datagrams a stack originates — transport payloads, UDP probes, echo requests, answers such as a RST — handed
 * to the IP layer of their version with the personality's default TTL or hop limit, and what its transports size
 * their segments by on the way out (the path's MTU, the interface's segmentation offload).
 */
final class HostOutput {
    private final Stack stack;
    private final Personality personality;
    private final Ipv4Layer ipv4;
    private final Ipv6Layer ipv6;

    HostOutput(Stack stack, Ipv4Layer ipv4, Ipv6Layer ipv6) {
        this.stack = stack;
        this.personality = stack.personality();
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
    }

    /** An ICMP or ICMPv6 echo request (see {@link Stack#ping}). */
    void ping(IpAddress dst, int identifier, int sequence, int dataLength, int ttl, long nowNs) {
        switch (dst) {
            case Ipv4Address d -> ipv4.ping(d, identifier, sequence, dataLength, ttl, nowNs);
            case Ipv6Address d -> ipv6.ping(d, identifier, sequence, dataLength, ttl, nowNs);
        }
    }

    /** The echo payload iputils ping fills after its timestamp: 0x10, 0x11, ... */
    static byte[] echoData(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (0x10 + i);
        }
        return data;
    }

    /** A UDP datagram, a traceroute-style probe (see {@link Stack#sendUdp}). */
    void sendUdp(IpAddress dst, int sourcePort, int destinationPort, byte[] payload, int ttl, long nowNs) {
        IpAddress src = stack.sourceFor(dst);
        byte[] seg = new byte[UdpHeader.LENGTH + payload.length];
        System.arraycopy(payload, 0, seg, UdpHeader.LENGTH, payload.length);
        UdpHeader.of(sourcePort, destinationPort, payload.length).emit(seg, 0,
                new PseudoHeader(src, dst, IpProtocol.UDP));
        sendTransport(src, dst, IpProtocol.UDP, seg, ttl, new Origin(IpProtocol.UDP, sourcePort, destinationPort),
                nowNs);
    }

    /** Sends a transport payload built by this host with TTL or hop limit {@code ttl} (0: the default). */
    void sendTransport(IpAddress src, IpAddress dst, int protocol, byte[] payload, int ttl, Origin o, long nowNs) {
        switch (dst) {
            case Ipv4Address d -> ipv4.send((Ipv4Address) src, d, protocol, payload,
                    ttl > 0 ? ttl : personality.defaultTtl(), o, nowNs);
            case Ipv6Address d -> ipv6.send((Ipv6Address) src, d, protocol, payload,
                    ttl > 0 ? ttl : personality.defaultHopLimit(), o, nowNs);
        }
    }

    /** Bytes of IP header room {@link #sendTransportPrepared} expects in front of a transport payload. */
    static int headroom(IpAddress dst) {
        return dst.version() == 4 ? 20 : 40;
    }

    /** As {@link #sendTransport}, for a payload built in place after {@link #headroom} bytes of {@code d}. */
    void sendTransportPrepared(IpAddress src, IpAddress dst, int protocol, byte[] d, Origin o, long nowNs) {
        sendTransportPrepared(src, dst, protocol, d, 0, 0, o, nowNs);
    }

    /**
     * As {@link #sendTransportPrepared(IpAddress, IpAddress, int, byte[], Origin, long)} with TTL or hop limit
     * {@code ttl} (0: the default) and TOS byte or traffic class {@code tos}.
     */
    void sendTransportPrepared(IpAddress src, IpAddress dst, int protocol, byte[] d, int ttl, int tos, Origin o,
            long nowNs) {
        switch (dst) {
            case Ipv4Address v4 -> ipv4.sendPrepared((Ipv4Address) src, v4, protocol, d,
                    ttl > 0 ? ttl : personality.defaultTtl(), tos, o, nowNs);
            case Ipv6Address v6 -> ipv6.sendPrepared((Ipv6Address) src, v6, protocol, d,
                    ttl > 0 ? ttl : personality.defaultHopLimit(), tos, o, nowNs);
        }
    }

    /** Sends a datagram this host built as an answer (a RST): looped back when local, routed otherwise. */
    void loopBackOrSend(byte[] d, long nowNs) {
        if ((d[0] & 0xF0) == 0x40) {
            ipv4.send(d, nowNs);
        } else {
            ipv6.send(d, nowNs);
        }
    }

    /** MTU towards {@code dst}: the loopback MTU for a local address, else the outgoing interface's. */
    int mtuTo(IpAddress dst) {
        if (stack.isLocal(dst)) {
            return personality.loopbackMtu();
        }
        Route r = stack.routes().lookup(dst);
        return r == null || r.kind() != Route.Kind.UNICAST ? 1500 : stack.iface(r.ifIndex()).mtu();
    }

    /**
     * The TCP segmentation offload of the interface towards {@code dst} ({@link
     * io.jnetstack.link.LinkEndpoint#tcpOffloadSize}); 0 for a local address or without a unicast route.
     */
    int tcpOffloadTo(IpAddress dst) {
        if (stack.isLocal(dst)) {
            return 0;
        }
        Route r = stack.routes().lookup(dst);
        return r == null || r.kind() != Route.Kind.UNICAST ? 0 : stack.iface(r.ifIndex()).link().tcpOffloadSize();
    }
}
