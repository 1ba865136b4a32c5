package io.jnetstack.stack;

import io.jnetstack.stack.StackListener.Origin;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.udp.UdpHeader;

/**
 * The UDP endpoints of one {@link Stack} (RFC 768), the base a socket layer builds UDP sockets on: open, bind,
 * connect, send, receive, close. Facts, not errno: failures come back as {@link UdpFailure}s, arrivals and ICMP
 * errors as {@link StackListener#onUdpReadable} and {@link StackListener#onUdpError}.
 *
 * <p>Addresses given and returned are in the endpoint's family: an IPv6 endpoint names IPv4 peers by v4-mapped
 * address (and takes IPv4 traffic unless {@link #setV6Only v6-only}); a null or unspecified local address is any.
 * Handles that were never opened or are closed are a bug in the caller (IllegalArgumentException), as are addresses
 * of the other family.
 */
public final class UdpEndpoints {
    /** Largest IPv4 payload: 65535 − 20 (IP header) − 8 (UDP header). */
    public static final int MAX_PAYLOAD_V4 = 65_507;
    /** Largest IPv6 payload: 65535 (payload length field) − 8 (UDP header), no jumbograms. */
    public static final int MAX_PAYLOAD_V6 = 65_527;
    private static final Ipv4Address LOOPBACK_V4 = Ipv4Address.of(127, 0, 0, 1);

    private final Stack stack;
    private final UdpDemux demux;
    private final EphemeralPorts ports;

    UdpEndpoints(Stack stack, UdpDemux demux) {
        this.stack = stack;
        this.demux = demux;
        this.ports = EphemeralPorts.udp(stack.personality(), stack.random().fork("udp-ports"));
    }

    /** The allocator bind(0) and implicit binds draw from. */
    EphemeralPorts ports() {
        return ports;
    }

    /** A new, unbound, unconnected endpoint for IPv6 ({@code ipv6}, dual-stack until v6-only) or IPv4. */
    public UdpHandle open(boolean ipv6) {
        return demux.open(ipv6);
    }

    /** Frees {@code h}: its port and queued datagrams are gone. Closing twice is harmless. */
    public void close(UdpHandle h) {
        demux.close(h);
    }

    /** IPV6_V6ONLY: when on, an IPv6 endpoint takes no IPv4 traffic and refuses v4-mapped addresses. */
    public void setV6Only(UdpHandle h, boolean on) {
        demux.get(h).v6Only = on;
    }

    /** SO_REUSEADDR and SO_REUSEPORT as later binds by others see them (bind also sets them). */
    public void setReuse(UdpHandle h, boolean reuseAddr, boolean reusePort) {
        UdpEndpoint e = demux.get(h);
        e.reuseAddr = reuseAddr;
        e.reusePort = reusePort;
    }

    /** SO_RCVBUF as the socket layer computed it: payload bytes the receive queue may hold. */
    public void setReceiveBuffer(UdpHandle h, int bytes) {
        demux.get(h).receiveBuffer = Math.max(0, bytes);
    }

    /**
     * bind(2): {@code local} (null or unspecified: any) and {@code port} (0: an ephemeral port, as the personality
     * searches). Fails with ALREADY_BOUND, FAMILY_MISMATCH (v4-mapped on a v6-only endpoint), NOT_LOCAL (an
     * address not configured here; loopback, broadcast and multicast addresses are accepted), IN_USE (see
     * {@link UdpPortRules#conflicts}) or NO_PORTS. An ephemeral port is never shared, whatever the flags.
     */
    public UdpResult bind(UdpHandle h, IpAddress local, int port, boolean reuseAddr, boolean reusePort) {
        UdpEndpoint e = demux.get(h);
        if (e.isBound()) {
            return fail(UdpFailure.ALREADY_BOUND);
        }
        UdpFailure f = local == null ? null : familyFailure(e, local);
        IpAddress a = local == null ? null : anyToNull(UdpEndpoint.unmapped(local));
        if (f == null && a != null && !isLocalForBind(a)) {
            f = UdpFailure.NOT_LOCAL;
        }
        if (f != null) {
            return fail(f);
        }
        IpAddress before = e.local;
        e.local = a;
        e.reuseAddr = reuseAddr;
        e.reusePort = reusePort;
        f = port == 0 ? autoBind(e) : claim(e, port);
        if (f != null) {
            e.local = before;
            return fail(f);
        }
        e.addressLocked = a != null;
        e.portLocked = port != 0;
        return ok(e, e.local);
    }

    /**
     * connect(2): {@code remote}:{@code port} becomes the default destination and the only source datagrams are
     * taken from (datagrams queued before stay queued). An unbound endpoint first takes an ephemeral port; one bound
     * to any takes the source address of the route (reported in the result). Fails with FAMILY_MISMATCH, NO_ROUTE,
     * REJECT_ROUTE or NO_PORTS, leaving the endpoint as it was. Connecting again replaces the peer.
     */
    public UdpResult connect(UdpHandle h, IpAddress remote, int port) {
        UdpEndpoint e = demux.get(h);
        UdpFailure f = familyFailure(e, remote);
        IpAddress dst = UdpEndpoint.unmapped(remote);
        IpAddress[] source = new IpAddress[1];
        f = f != null ? f : prepare(e, dst, source);
        if (f != null) {
            return fail(f);
        }
        IpAddress src = source[0];
        if (e.local == null) {
            e.local = src;
        }
        e.remote = dst;
        e.remotePort = port;
        return ok(e, e.local);
    }

    /**
     * connect(AF_UNSPEC): forgets the peer, then resets the local address and port as {@code address} and
     * {@code port} say (see {@link UdpLocalReset}: Linux IF_IMPLICIT/IF_IMPLICIT, BSD ALWAYS/KEEP). Applies the
     * resets even when not connected (Linux does; the BSDs refuse with ENOTCONN first). Returns whether it was
     * connected.
     */
    public boolean disconnect(UdpHandle h, UdpLocalReset address, UdpLocalReset port) {
        UdpEndpoint e = demux.get(h);
        boolean was = e.isConnected();
        e.remote = null;
        e.remotePort = 0;
        if (resets(address, e.addressLocked)) {
            e.local = null;
            e.addressLocked = false;
        }
        if (resets(port, e.portLocked)) {
            demux.unbind(e);
        }
        return was;
    }

    /**
     * sendto(2) of {@code b[off, off+len)} to {@code dst}:{@code port}, or to the connected peer when {@code dst}
     * is null (then {@code port} is ignored). An unbound endpoint first takes an ephemeral port. The result names the
     * source address and port used. Fails with NOT_CONNECTED, FAMILY_MISMATCH, MESSAGE_TOO_BIG, NO_ROUTE,
     * REJECT_ROUTE or NO_PORTS; later failures (neighbour unreachable, ICMP errors) arrive at the listener.
     */
    public UdpResult send(UdpHandle h, IpAddress dst, int port, byte[] b, int off, int len, long nowNs) {
        UdpEndpoint e = demux.get(h);
        if (dst == null && !e.isConnected()) {
            return fail(UdpFailure.NOT_CONNECTED);
        }
        UdpFailure f = dst == null ? null : familyFailure(e, dst);
        IpAddress to = dst == null ? e.remote : UdpEndpoint.unmapped(dst);
        int dport = dst == null ? e.remotePort : port;
        if (f == null && len > (to.version() == 4 ? MAX_PAYLOAD_V4 : MAX_PAYLOAD_V6)) {
            f = UdpFailure.MESSAGE_TOO_BIG;
        }
        IpAddress[] source = new IpAddress[1];
        f = f != null ? f : prepare(e, to, source);
        if (f != null) {
            return fail(f);
        }
        IpAddress src = source[0];
        transmit(src, e.localPort, to, dport, b, off, len, nowNs);
        return ok(e, src);
    }

    /** recvfrom(2): takes the oldest queued datagram, or null when none waits. */
    public UdpDatagram receive(UdpHandle h) {
        return demux.get(h).poll();
    }

    /** MSG_PEEK: the oldest queued datagram, left in the queue, or null. */
    public UdpDatagram peek(UdpHandle h) {
        return demux.get(h).peek();
    }

    /** Payload bytes queued for reading. */
    public int queuedBytes(UdpHandle h) {
        return demux.get(h).queuedBytes();
    }

    /** Datagrams queued for reading. */
    public int queuedCount(UdpHandle h) {
        return demux.get(h).queuedCount();
    }

    /** Datagrams dropped because the receive buffer was full (Linux UDP_MIB_RCVBUFERRORS, per endpoint). */
    public long receiveBufferDrops(UdpHandle h) {
        return demux.get(h).drops();
    }

    /** getsockname(2): the local address (unspecified for any) and port (0 while unbound). */
    public UdpAddress local(UdpHandle h) {
        UdpEndpoint e = demux.get(h);
        return new UdpAddress(e.view(e.local), e.localPort);
    }

    /** getpeername(2): the connected peer, or null when not connected. */
    public UdpAddress remote(UdpHandle h) {
        UdpEndpoint e = demux.get(h);
        return e.isConnected() ? new UdpAddress(e.view(e.remote), e.remotePort) : null;
    }

    /** Whether {@code h} names an endpoint that is open. */
    public boolean isOpen(UdpHandle h) {
        return demux.isOpen(h);
    }

    // ---- internals ----

    private void transmit(IpAddress src, int sport, IpAddress dst, int dport, byte[] b, int off, int len,
            long nowNs) {
        int room = HostOutput.headroom(dst);
        byte[] d = new byte[room + UdpHeader.LENGTH + len];
        System.arraycopy(b, off, d, room + UdpHeader.LENGTH, len);
        UdpHeader.of(sport, dport, len).emit(d, room, new PseudoHeader(src, dst, IpProtocol.UDP));
        stack.stats().increment(StackStats.Counter.UDP_OUT);
        stack.output().sendTransportPrepared(src, dst, IpProtocol.UDP, d, new Origin(IpProtocol.UDP, sport, dport),
                nowNs);
    }

    /** Takes an ephemeral port no endpoint on an overlapping address holds; NO_PORTS when there is none. */
    private UdpFailure autoBind(UdpEndpoint e) {
        IpAddress local = e.local != null ? e.local : e.ipv6 ? Ipv6Address.ANY : Ipv4Address.ANY;
        int p = ports.pick(EphemeralPorts.Use.BIND, local, local, 0, port -> busy(e, port));
        if (p < 0) {
            return UdpFailure.NO_PORTS;
        }
        demux.bind(e, p);
        return null;
    }

    private boolean busy(UdpEndpoint e, int port) {
        for (UdpEndpoint o : demux.onPort(port)) {
            if (UdpPortRules.overlap(e, o)) {
                return true;
            }
        }
        return false;
    }

    /** bind(2) to a named port: IN_USE when an endpoint already there conflicts. */
    private UdpFailure claim(UdpEndpoint e, int port) {
        boolean shares = stack.personality().udpReuseAddrShares();
        for (UdpEndpoint o : demux.onPort(port)) {
            if (UdpPortRules.conflicts(e, o, shares)) {
                return UdpFailure.IN_USE;
            }
        }
        demux.bind(e, port);
        return null;
    }

    /** Checks an address given for {@code e}: its family must be the endpoint's (a bug otherwise). */
    private static UdpFailure familyFailure(UdpEndpoint e, IpAddress a) {
        if (a.version() != (e.ipv6 ? 6 : 4)) {
            throw new IllegalArgumentException("IPv" + a.version() + " address " + a + " for an IPv"
                    + (e.ipv6 ? 6 : 4) + " UDP endpoint");
        }
        return e.v6Only && UdpEndpoint.isMapped(a) ? UdpFailure.FAMILY_MISMATCH : null;
    }

    /** Whether {@code dst} (native form) can be reached from {@code e}: its family and the routing table. */
    private UdpFailure peerFailure(UdpEndpoint e, IpAddress dst) {
        if (e.local != null && !UdpPortRules.isGroup(e.local) && e.local.version() != dst.version()) {
            return UdpFailure.FAMILY_MISMATCH;
        }
        if (stack.isLocal(dst) || UdpPortRules.isLoopback(dst)) {
            return null;
        }
        Route r = stack.routes().lookup(dst);
        if (r == null) {
            return UdpFailure.NO_ROUTE;
        }
        return switch (r.kind()) {
            case UNICAST -> null;
            case UNREACHABLE -> UdpFailure.REJECT_ROUTE;
            case PROHIBIT -> UdpFailure.PROHIBITED_ROUTE;
            case BLACKHOLE -> stack.personality().blackholeRoute() != null ? UdpFailure.BLACKHOLE_ROUTE
                    : UdpFailure.REJECT_ROUTE;
        };
    }

    /**
     * The source address for a datagram to {@code dst}: the bound address, unless any or a group address (Linux
     * then lets the route choose, RFC 1122 §3.3.4.3); 127.0.0.1 towards 127/8, ::1 towards ::1; null when no
     * address fits.
     */
    private IpAddress sourceFor(UdpEndpoint e, IpAddress dst) {
        if (e.local != null && !UdpPortRules.isGroup(e.local)) {
            return e.local;
        }
        if (UdpPortRules.isLoopback(dst) && !stack.isLocal(dst)) {
            return dst.version() == 4 ? LOOPBACK_V4 : Ipv6Address.LOOPBACK;
        }
        IpAddress s = stack.sourceFor(dst);
        return s.equals(Ipv4Address.ANY) || s.equals(Ipv6Address.ANY) ? null : s;
    }

    private boolean isLocalForBind(IpAddress a) {
        if (stack.isLocal(a) || UdpPortRules.isLoopback(a) || UdpPortRules.isGroup(a)) {
            return true;
        }
        for (NetInterface i : stack.interfaces()) {
            if (a instanceof Ipv4Address v4 && i.isBroadcast(v4)) {
                return true;
            }
        }
        return false;
    }

    private static IpAddress anyToNull(IpAddress a) {
        return a.equals(Ipv4Address.ANY) || a.equals(Ipv6Address.ANY) ? null : a;
    }

    private static boolean resets(UdpLocalReset r, boolean explicit) {
        return switch (r) {
            case KEEP -> false;
            case IF_IMPLICIT -> !explicit;
            case ALWAYS -> true;
        };
    }

    private static UdpResult ok(UdpEndpoint e, IpAddress local) {
        return new UdpResult.Ok(e.view(local), e.localPort);
    }

    private static UdpResult fail(UdpFailure f) {
        return new UdpResult.Failed(f);
    }

    /**
     * What connect and send share: the peer checks, the source address towards {@code dst} (NO_ROUTE without one) and
     * the implicit bind of an unbound endpoint. Null when all passed, with the source in {@code source[0]}.
     */
    private UdpFailure prepare(UdpEndpoint e, IpAddress dst, IpAddress[] source) {
        UdpFailure f = peerFailure(e, dst);
        IpAddress src = f != null ? null : sourceFor(e, dst);
        if (f == null && src == null) {
            f = UdpFailure.NO_ROUTE;
        }
        if (f == null && !e.isBound()) {
            f = autoBind(e);
        }
        source[0] = src;
        return f;
    }
}
