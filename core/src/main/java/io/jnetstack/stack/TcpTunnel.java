package io.jnetstack.stack;

import io.jnetstack.link.FrameInfo;
import io.jnetstack.link.Medium;
import io.jnetstack.stack.StackListener.Origin;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.ip.Ipv4Header;
import io.jnetstack.wire.ip.Ipv6Header;
import io.jnetstack.wire.udp.UdpHeader;
import java.util.TreeMap;

/**
 * TCP over UDP encapsulation as FreeBSD 13+ does it (the personality's {@code tcpUdpTunnelingPort}, e.g. sysctl
 * net.inet.tcp.udp_tunneling_port): the remote UDP port of each encapsulated connection (tcpcb {@code t_port}),
 * the segments it sends wrapped in UDP from the tunneling port, and datagrams to that port unwrapped for TCP.
 *
 * <p>FreeBSD facts (sys/netinet): tcp_subr.c tcp_recv_udp_tunneled_packet strips the UDP header and calls
 * tcp_input_with_port with the datagram's source port (a datagram shorter than the UDP and TCP headers is dropped);
 * tcp_input_with_port skips the TCP checksum when {@code port != 0} (the UDP checksum covered it); tcp_output and
 * tcp_respond insert a UDP header (source V_tcp_udp_tunneling_port, destination t_port, or for a reply the port
 * the offending segment came from) and send {@code th_sum = 0} with the UDP checksum filled in.
 */
final class TcpTunnel {
    private final Stack stack;
    /** Four-tuple → the peer's UDP port (FreeBSD tp->t_port); absent for plain TCP. */
    private final TreeMap<TcpHandle, Integer> remotePorts = new TreeMap<>();

    TcpTunnel(Stack stack) {
        this.stack = stack;
    }

    /** The remote UDP port connection {@code h} is encapsulated to; 0 for plain TCP. */
    int port(TcpHandle h) {
        return remotePorts.getOrDefault(h, 0);
    }

    /** Connection {@code h} is encapsulated to remote UDP port {@code port} (0: plain TCP). */
    void set(TcpHandle h, int port) {
        if (port == 0) {
            remotePorts.remove(h);
        } else {
            remotePorts.put(h, port);
        }
    }

    void forget(TcpHandle h) {
        remotePorts.remove(h);
    }

    /**
     * How much smaller the MSS of a connection encapsulated to {@code port} is: tcp_mss / tcp_mssopt subtract
     * V_tcp_udp_tunneling_overhead when {@code t_port} is set; 0 for plain TCP.
     */
    int mssReduction(int port) {
        return port == 0 ? 0 : stack.personality().tcpUdpTunnelingOverhead();
    }

    /** Whether a unicast datagram to local UDP port {@code port} is the tunnel's (the tunneling port is on). */
    boolean takes(int port) {
        int tunnel = stack.personality().tcpUdpTunnelingPort();
        return tunnel != 0 && port == tunnel;
    }

    /**
     * The plain IP datagram {@code src} → {@code dst} carrying the TCP segment found at {@code b[at, at+len)} inside
     * a tunneled datagram, its TCP checksum recomputed (tcp_input_with_port does not check it for {@code port != 0});
     * null when the segment is shorter than a TCP header (tcp_recv_udp_tunneled_packet drops it).
     */
    byte[] unwrap(IpAddress src, IpAddress dst, byte[] b, int at, int len) {
        if (len < 20 || at + len > b.length) {
            return null;
        }
        int hl = HostOutput.headroom(dst);
        byte[] d = new byte[hl + len];
        switch (dst) {
            case Ipv4Address v4 -> new Ipv4Header(0, hl + len, 0, false, false, 0, 64, IpProtocol.TCP,
                    (Ipv4Address) src, v4, io.jnetstack.wire.ByteString.EMPTY).emit(d, 0);
            case Ipv6Address v6 -> new Ipv6Header(0, 0, len, IpProtocol.TCP, 64, (Ipv6Address) src, v6).emit(d, 0);
        }
        System.arraycopy(b, at, d, hl, len);
        long pseudo = new PseudoHeader(src, dst, IpProtocol.TCP).sum(len);
        Bytes.put16(d, hl + 16, Checksum.computeWithFieldZeroed(d, hl, len, hl + 16, pseudo));
        return d;
    }

    /**
     * Sends the TCP segment {@code seg} of connection {@code src} → {@code dst} inside UDP from the tunneling port to
     * {@code port} (tcp_output.c: {@code th_sum = 0}, the UDP checksum over it all); nothing when the tunneling
     * port has since been set to 0 (tcp_output fails the send with EHOSTUNREACH).
     */
    void send(IpAddress src, IpAddress dst, byte[] seg, int ttl, int tos, int port, long nowNs) {
        int tunnel = stack.personality().tcpUdpTunnelingPort();
        if (tunnel == 0) {
            return;
        }
        int room = HostOutput.headroom(dst);
        byte[] d = new byte[room + UdpHeader.LENGTH + seg.length];
        System.arraycopy(seg, 0, d, room + UdpHeader.LENGTH, seg.length);
        Bytes.put16(d, room + UdpHeader.LENGTH + 16, 0);
        UdpHeader.of(tunnel, port, seg.length).emit(d, room, new PseudoHeader(src, dst, IpProtocol.UDP));
        stack.output().sendTransportPrepared(src, dst, IpProtocol.UDP, d, ttl, tos,
                new Origin(IpProtocol.UDP, tunnel, port), nowNs);
    }

    /**
     * Sends {@code reply}, an IP datagram carrying a TCP segment (a RST answering a segment that came through the
     * tunnel from {@code port}), inside UDP to that port (tcp_subr.c tcp_respond takes the port from the mbuf).
     */
    void sendReply(byte[] reply, int port, long nowNs) {
        FrameInfo f = new FrameInfo(Medium.IP, reply, 0, reply.length, nowNs);
        if (!f.isIp()) {
            return;
        }
        int t = f.transportOffset();
        byte[] seg = java.util.Arrays.copyOfRange(reply, t, f.ipOffset() + f.ipLength());
        boolean v4 = f.ipVersion() == 4;
        int ttl = v4 ? Bytes.u8(reply, 8) : Bytes.u8(reply, 7);
        int tos = v4 ? Bytes.u8(reply, 1) : (Bytes.u16(reply, 0) >>> 4) & 0xFF;
        send(f.source(), f.destination(), seg, ttl, tos, port, nowNs);
    }
}
