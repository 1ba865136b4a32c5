package io.jnetstack.stack;

import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.personality.Personality;
import io.jnetstack.stack.StackListener.LocalFailure;
import io.jnetstack.stack.StackListener.Origin;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.EtherType;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.udp.UdpHeader;
import io.jnetstack.wire.ethernet.EthernetHeader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The network layer of one host or router (the facade a driver calls): frames in through the interfaces' links,
 * frames out through them, timers advanced with {@link #advanceTo}. Single-threaded; never reads a clock.
 */
public final class Stack {
    private final String name;
    private final Personality personality;
    private final RandomSource random;
    private final StackStats stats = new StackStats();
    private final List<NetInterface> interfaces = new ArrayList<>();
    private final RouteTable routes = new RouteTable();
    private final ArrayDeque<byte[]> loopback = new ArrayDeque<>();
    private final Ipv4Layer ipv4;
    private final Ipv6Layer ipv6;
    private final TcpDemux tcp;
    private final UdpDemux udpDemux;
    private final UdpEndpoints udp;
    private final SecurityAssociations securityAssociations = new SecurityAssociations();
    private StackListener listener = new StackListener() {};
    private boolean forwarding;
    /** Set while a frame the link checksum-verified is being received ({@link #checksumVerified()}). */
    private boolean checksumVerified;

    /** A stack named {@code name} (for traces) running {@code personality}, drawing randomness from {@code random}. */
    public Stack(String name, Personality personality, RandomSource random) {
        this.name = name;
        this.personality = personality;
        this.random = random;
        this.ipv4 = new Ipv4Layer(this);
        this.ipv6 = new Ipv6Layer(this);
        this.tcp = new TcpDemux(this);
        this.udpDemux = new UdpDemux(this);
        this.udp = new UdpEndpoints(this, udpDemux);
    }

    /** Adds an interface on {@code link} and starts receiving from it. */
    public NetInterface addInterface(String ifName, LinkEndpoint link) {
        NetInterface ifc = new NetInterface(interfaces.size() + 1, ifName, link);
        interfaces.add(ifc);
        link.attach(new io.jnetstack.link.FrameSink() {
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
        });
        if (link.medium() == Medium.ETHERNET) {
            routes.add(Route.onLink(Prefix.of("fe80::/64"), ifc.index()));
        }
        return ifc;
    }

    /** Configures {@code address}/{@code prefixLength} on {@code ifc} and adds the on-link route for its prefix. */
    public void addAddress(NetInterface ifc, IpAddress address, int prefixLength) {
        Prefix p = new Prefix(address, prefixLength);
        ifc.addAddress(address, p);
        routes.add(Route.onLink(p, ifc.index()));
    }

    /** Adds a route. */
    public void addRoute(Route r) {
        routes.add(r);
    }

    /** Turns IP forwarding (router behaviour, RFC 1812) on or off. */
    public void setForwarding(boolean on) {
        forwarding = on;
    }

    /** True when forwarding. */
    public boolean isForwarding() {
        return forwarding;
    }

    /** Sets the receiver of upward reports. */
    public void setListener(StackListener l) {
        listener = l;
    }

    /** The stack's name. */
    public String name() {
        return name;
    }

    /** The host's TCP-MD5 security associations (FreeBSD's SADB as setkey(8) fills it). */
    public SecurityAssociations securityAssociations() {
        return securityAssociations;
    }

    /** The personality it runs. */
    public Personality personality() {
        return personality;
    }

    /** Its counters. */
    public StackStats stats() {
        return stats;
    }

    /** Its routing table. */
    public RouteTable routes() {
        return routes;
    }

    /** Its interfaces in index order. */
    public List<NetInterface> interfaces() {
        return List.copyOf(interfaces);
    }

    /** The interface with index {@code i} (1-based). */
    public NetInterface iface(int i) {
        return interfaces.get(i - 1);
    }

    /**
     * True when {@code a} is this host's: configured on any interface (the weak host model, RFC 1122 §3.3.4.2), or
     * on the {@link ImplicitLoopback} interface (::1, 127.0.0.1 or all of 127/8, per the personality).
     */
    public boolean isLocal(IpAddress a) {
        if (ImplicitLoopback.holds(personality, a)) {
            return true;
        }
        for (NetInterface i : interfaces) {
            if (i.hasAddress(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The route datagrams to {@code dst} take: for a local address an on-link host route through the implicit
     * loopback interface (index 0); else the longest-prefix match, reject kinds included; null when none matches.
     */
    public Route route(IpAddress dst) {
        if (isLocal(dst)) {
            return Route.onLink(new Prefix(dst, dst.version() == 4 ? 32 : 128), ImplicitLoopback.INDEX);
        }
        return routes.lookup(dst);
    }

    /** True for null, 0.0.0.0 and ::. */
    static boolean isWildcard(IpAddress a) {
        return a == null || a.equals(Ipv4Address.ANY) || a.equals(Ipv6Address.ANY);
    }

    /** When the stack next needs {@link #advanceTo}; {@link Long#MAX_VALUE} when idle. */
    public long nextDeadlineNs() {
        if (!loopback.isEmpty()) {
            return Long.MIN_VALUE;
        }
        return Math.min(Math.min(ipv4.nextDeadlineNs(), ipv6.nextDeadlineNs()), tcp.nextDeadlineNs());
    }

    /** Runs everything due at {@code nowNs}: looped-back datagrams, neighbour probes, reassembly timeouts. */
    public void advanceTo(long nowNs) {
        while (!loopback.isEmpty()) {
            byte[] d = loopback.removeFirst();
            deliverIp(null, d, 0, d.length, nowNs);
        }
        ipv4.advanceTo(nowNs);
        ipv6.advanceTo(nowNs);
        tcp.advanceTo(nowNs);
    }

    /**
     * Accepts TCP connections on {@code port} of every local address (RFC 9293 LISTEN) with the largest backlog the
     * personality allows (its somaxconn: Linux 4096, the BSDs 128), as {@code listen(fd, INT_MAX)} gets.
     */
    public void tcpListen(int port) {
        tcpListen(port, Integer.MAX_VALUE);
    }

    /** Listens on {@code port} of every local address: {@code tcpListen(null, port, backlog)}. */
    public void tcpListen(int port, int backlog) {
        tcpListen(null, port, backlog);
    }

    /**
     * Accepts TCP connections (RFC 9293 LISTEN) on {@code local}:{@code port} with listen(2)'s {@code backlog}, which
     * the personality's {@link io.jnetstack.personality.ListenRules} turn into a queue limit (clamped to somaxconn;
     * negative means the maximum; on XNU so does 0, on OpenBSD below 80 means 80). Completed handshakes wait for
     * {@link #tcpAccept} and still report CONNECTED. Listening again changes the limit. One listener per (address,
     * port), named by them in accept, queue length and unlisten: {@code local} null means every local address of both
     * versions, 0.0.0.0 every IPv4 and :: every IPv6 address, else that address only. A SYN goes to the most
     * specific: its destination, its version's wildcard, null. Bind conflicts are the caller's ({@link
     * #tcpLocalPortUse}).
     */
    public void tcpListen(IpAddress local, int port, int backlog) {
        tcp.listen(new PassiveOpen.Key(port, local), backlog);
    }

    /**
     * Sets the IP TTL and TOS and TCP_NOOPT that connections opened by listener {@code local}:{@code port} inherit
     * (the listening socket's IP_TTL, IP_TOS, IPV6_UNICAST_HOPS, IPV6_TCLASS, TCP_NOOPT).
     */
    public void tcpListenerOutputOptions(IpAddress local, int port, io.jnetstack.stack.tcp.TcpOutputOptions o) {
        tcp.listenerOutputOptions(new PassiveOpen.Key(port, local), o);
    }

    /** Sets connection {@code h}'s IP TTL and TOS and TCP_NOOPT for the segments it sends from now on. */
    public void tcpOutputOptions(TcpHandle h, io.jnetstack.stack.tcp.TcpOutputOptions o, long nowNs) {
        tcp.apply(h, c -> c.setOutputOptions(o), nowNs);
    }

    /** accept(2) on the all-address listener of {@code port}: {@code tcpAccept(null, port)}. */
    public TcpHandle tcpAccept(int port) {
        return tcpAccept(null, port);
    }

    /**
     * The oldest completed connection in listener {@code local}:{@code port}'s accept queue, removed, or null (it may
     * have closed since it completed; {@link #tcpConnection} then returns null for it).
     */
    public TcpHandle tcpAccept(IpAddress local, int port) {
        return tcp.accept(new PassiveOpen.Key(port, local));
    }

    /** {@code tcpAcceptQueueLength(null, port)}. */
    public int tcpAcceptQueueLength(int port) {
        return tcpAcceptQueueLength(null, port);
    }

    /** Completed connections waiting in listener {@code local}:{@code port}'s accept queue (0 when none). */
    public int tcpAcceptQueueLength(IpAddress local, int port) {
        return tcp.acceptQueueLength(new PassiveOpen.Key(port, local));
    }

    /** {@code tcpUnlisten(null, port, nowNs)}. */
    public void tcpUnlisten(int port, long nowNs) {
        tcpUnlisten(null, port, nowNs);
    }

    /**
     * Stops listener {@code local}:{@code port} (close(2) of the listening socket): completed connections not yet
     * accepted are aborted with RST,ACK; half-open ones are forgotten (reset on macOS). Established, accepted
     * connections are untouched.
     */
    public void tcpUnlisten(IpAddress local, int port, long nowNs) {
        tcp.unlisten(new PassiveOpen.Key(port, local), nowNs);
    }

    /**
     * Opens a TCP connection from {@code local} ({@code null} or a wildcard: the source address of the route, RFC
     * 1122 §3.3.4.3) and {@code localPort} (0: an ephemeral port, never one in use towards the same destination
     * or held by a listener) to {@code dst}.{@code port}, with {@code opts} applied before the SYN leaves. Refuses
     * at once, without sending, when no route matches or a reject route does (a blackhole route is taken: its SYNs
     * vanish), when {@code local} is not this host's, when no port is free, or when the four-tuple is taken. Its
     * later facts reach {@link StackListener#onTcpEvent}; an ICMP-class fact's message is
     * {@code tcpConnection(h).lastIcmp()}, readable during that call.
     */
    public TcpConnectResult tcpConnect(IpAddress local, int localPort, IpAddress dst, int port, TcpConnectOptions opts,
            long nowNs) {
        return tcp.connect(local, localPort, dst, port, opts, nowNs);
    }

    /**
     * As {@link #tcpConnect}, for sendto(2) with an address on a TCP_FASTOPEN socket (RFC 7413): {@code data} is
     * queued before the SYN leaves, and the SYN asks for or carries the host's cached cookie for the path as the
     * personality's {@link io.jnetstack.personality.Personality#fastOpenClient()} says (an ordinary connect with the
     * data queued where it returns null).
     */
    public TcpConnectResult tcpConnectFastOpen(IpAddress local, int localPort, IpAddress dst, int port,
            TcpConnectOptions opts, byte[] data, long nowNs) {
        return tcp.connect(local, localPort, dst, port, opts, java.util.Objects.requireNonNull(data, "data"), nowNs);
    }

    /** Whether a connection (TIME-WAIT included) holds the four-tuple {@code h} (local first). */
    public boolean tcpFourTupleInUse(TcpHandle h) {
        return tcp.holder(h) != null;
    }

    /** Whether the connection holding four-tuple {@code h} is in TIME-WAIT (false when none holds it). */
    public boolean tcpFourTupleInTimeWait(TcpHandle h) {
        return tcp.holder(h) != null && tcp.holder(h).state() instanceof io.jnetstack.stack.tcp.TcpState.TimeWait;
    }

    /** The strongest use of TCP port {@code port} on {@code local} (null or a wildcard: on any address). */
    public TcpPortUse tcpLocalPortUse(IpAddress local, int port) {
        return tcp.portUse(local, port);
    }

    /** Whether anything in the stack holds local TCP port {@code port} on {@code local} (see tcpLocalPortUse). */
    public boolean tcpLocalPortInUse(IpAddress local, int port) {
        return tcp.portUse(local, port) != TcpPortUse.FREE;
    }

    /** Active OPEN (RFC 9293) to {@code dst}.{@code port} from an ephemeral port; null when none is free. */
    public TcpHandle tcpConnect(IpAddress dst, int port, long nowNs) {
        return tcp.connect(dst, port, nowNs);
    }

    /** Queues data on connection {@code h} (RFC 9293 SEND); returns the bytes taken (0 if none fit or it is gone). */
    public int tcpSend(TcpHandle h, byte[] b, int off, int len, long nowNs) {
        return tcp.send(h, b, off, len, nowNs);
    }

    /**
     * The first write on connection {@code h} whose SYN a Fast Open connect deferred (Linux DEFER_CONNECT): the SYN
     * leaves carrying the cookie and as much of {@code b[off, off+len)} as fits; returns that many bytes.
     */
    public int tcpSendDeferredSyn(TcpHandle h, byte[] b, int off, int len, long nowNs) {
        return tcp.sendDeferredSyn(h, b, off, len, nowNs);
    }

    /** Reads up to {@code max} received bytes from connection {@code h} (RFC 9293 RECEIVE). */
    public byte[] tcpRead(TcpHandle h, int max, long nowNs) {
        return tcp.read(h, max, nowNs);
    }

    /**
     * As {@link #tcpRead(TcpHandle, int, long)}, into {@code into[off, off+len)} (no array per call); returns the
     * bytes read, 0 when none are waiting or the connection is gone.
     */
    public int tcpRead(TcpHandle h, byte[] into, int off, int len, long nowNs) {
        return tcp.read(h, into, off, len, nowNs);
    }

    /** A copy of up to {@code max} received bytes of connection {@code h}, left unread (MSG_PEEK). */
    public byte[] tcpPeek(TcpHandle h, int max) {
        io.jnetstack.stack.tcp.TcpConnection c = tcpConnection(h);
        return c == null ? new byte[0] : c.peek(max);
    }

    /** Closes connection {@code h} (RFC 9293 CLOSE: a FIN after the queued data; see TcpConnection#close). */
    public void tcpClose(TcpHandle h, long nowNs) {
        tcp.apply(h, c -> c.close(nowNs), nowNs);
    }

    /** Shuts the sending side of connection {@code h}: a FIN after the queued data, reading goes on. */
    public void tcpShutdownOutput(TcpHandle h, long nowNs) {
        tcp.apply(h, c -> c.shutdownOutput(nowNs), nowNs);
    }

    /** Aborts connection {@code h} (RFC 9293 ABORT: a RST when synchronized, then gone). */
    public void tcpAbort(TcpHandle h, long nowNs) {
        tcp.apply(h, c -> c.abort(nowNs), nowNs);
    }

    /** TCP_NODELAY on connection {@code h} (RFC 896 off when true). */
    public void tcpSetNoDelay(TcpHandle h, boolean on, long nowNs) {
        tcp.apply(h, c -> c.setNoDelay(on, nowNs), nowNs);
    }

    /** SO_KEEPALIVE on connection {@code h}, with the personality's schedule. */
    public void tcpSetKeepAlive(TcpHandle h, boolean on, long nowNs) {
        tcp.apply(h, c -> c.setKeepAlive(on, nowNs), nowNs);
    }

    /** Every TCP connection the stack holds (listeners' half-open ones and TIME-WAIT included) with its state. */
    public List<java.util.Map.Entry<TcpHandle, io.jnetstack.stack.tcp.TcpState>> tcpConnectionStates() {
        return tcp.states();
    }

    /**
     * Drops every connection in TIME-WAIT without a segment, as FreeBSD's tcpdrop(8) {@code -s TIME_WAIT} does
     * (tcp_twclose); returns how many.
     */
    public int tcpDropTimeWait() {
        int n = 0;
        for (var e : tcp.states()) {
            if (e.getValue() instanceof io.jnetstack.stack.tcp.TcpState.TimeWait) {
                tcp.forget(e.getKey());
                n++;
            }
        }
        return n;
    }

    /** The ephemeral port range TCP and UDP draw from (the personality's until a sysctl changes it). */
    public io.jnetstack.personality.PortRange ephemeralPortRange() {
        return tcp.ports().range();
    }

    /** Changes the ephemeral port range for TCP and UDP (Linux ip_local_port_range, BSD portrange.first/last). */
    public void setEphemeralPortRange(io.jnetstack.personality.PortRange r) {
        tcp.ports().setRange(r);
        udp().ports().setRange(r);
    }

    /**
     * net.inet.tcp.icmp_may_rst (FreeBSD, XNU): when off, ICMP errors about a SYN-SENT connection opened from now on
     * are soft (tcp_notify) instead of dropping it at once.
     */
    public void setTcpIcmpMayReset(boolean on) {
        tcp.setIcmpMayReset(on);
    }

    /** Whether ICMP errors may abort a SYN-SENT connection at once (see {@link #setTcpIcmpMayReset}). */
    public boolean tcpIcmpMayReset() {
        return tcp.icmpMayReset();
    }

    /** TCP counters summed over every connection this stack has had (netstat -s / Linux TcpExt). */
    public io.jnetstack.stack.tcp.TcpStats tcpStats() {
        return tcp.stats();
    }

    /** The connection named by {@code h}, or null once it has closed. */
    public io.jnetstack.stack.tcp.TcpConnection tcpConnection(TcpHandle h) {
        return tcp.connection(h);
    }

    /**
     * Sends an ICMP or ICMPv6 echo request of {@code dataLength} bytes to {@code dst} with the given TTL or hop
     * limit (0: the personality's default). Replies and errors arrive at the listener.
     */
    public void ping(IpAddress dst, int identifier, int sequence, int dataLength, int ttl, long nowNs) {
        switch (dst) {
            case Ipv4Address d -> ipv4.ping(d, identifier, sequence, dataLength, ttl, nowNs);
            case Ipv6Address d -> ipv6.ping(d, identifier, sequence, dataLength, ttl, nowNs);
        }
    }

    /** The UDP endpoints (what UDP sockets are built on). */
    public UdpEndpoints udp() {
        return udp;
    }

    /**
     * Sends a UDP datagram (a traceroute-style probe) with the given TTL or hop limit (0: the personality's
     * default); ICMP errors about it reach the listener.
     */
    public void sendUdp(IpAddress dst, int sourcePort, int destinationPort, byte[] payload, int ttl, long nowNs) {
        IpAddress src = sourceFor(dst);
        byte[] seg = new byte[UdpHeader.LENGTH + payload.length];
        System.arraycopy(payload, 0, seg, UdpHeader.LENGTH, payload.length);
        UdpHeader.of(sourcePort, destinationPort, payload.length).emit(seg, 0,
                new PseudoHeader(src, dst, IpProtocol.UDP));
        sendTransport(src, dst, IpProtocol.UDP, seg, ttl, new Origin(IpProtocol.UDP, sourcePort, destinationPort),
                nowNs);
    }

    /** The echo payload iputils ping fills after its timestamp: 0x10, 0x11, ... */
    static byte[] echoData(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (0x10 + i);
        }
        return data;
    }

    // ---- package-private plumbing shared by the IP layers ----

    void tcpInput(IpAddress src, IpAddress dst, byte[] d, int off, int len, int tcpOff, long nowNs) {
        tcp.input(src, dst, d, off, len, tcpOff, nowNs);
    }

    /** Fragmentation needed / Packet Too Big about a segment of {@code h}; {@code port}: its UDP port, else 0. */
    void tcpPacketTooBig(TcpHandle h, int mtu, int quotedSeq, int port, long nowNs) {
        tcp.packetTooBig(h, mtu, quotedSeq, port, nowNs);
    }

    /** Another ICMP error about a segment of {@code h}; {@code port}: the UDP port it went to inside UDP, else 0. */
    void tcpIcmp(TcpHandle h, io.jnetstack.personality.IcmpClass icmp, io.jnetstack.stack.tcp.IcmpError detail,
            int quotedSeq, int port, long nowNs) {
        tcp.icmp(h, icmp, detail, quotedSeq, port, nowNs);
    }

    /** Whether a unicast datagram from local UDP port {@code port} is TCP over UDP (the tunneling port). */
    boolean tcpTunnelTakes(int port) {
        return tcp.tunnelTakes(port);
    }

    /**
     * A valid UDP datagram to this host; false when no endpoint takes it. A unicast one to the TCP tunneling port
     * goes to TCP (FreeBSD tcp_over_udp_start: a kernel UDP socket bound there, tcp_recv_udp_tunneled_packet).
     */
    boolean udpInput(IpAddress src, IpAddress dst, boolean toGroup, UdpHeader h, byte[] b, int at, long nowNs) {
        if (!toGroup && tcp.tunnelTakes(h.destinationPort())) {
            tcp.inputTunneled(src, dst, h.sourcePort(), b, at + UdpHeader.LENGTH, h.length() - UdpHeader.LENGTH,
                    nowNs);
            return true;
        }
        return udpDemux.input(src, dst, toGroup, h, b, at, nowNs);
    }

    /** The remote UDP port of TCP connection {@code h} (TCP_REMOTE_UDP_ENCAPS_PORT); 0 for plain TCP. */
    public int tcpUdpEncapsulationPort(TcpHandle h) {
        return tcp.udpEncapsulationPort(h);
    }

    /** An ICMP error quoting a UDP datagram {@code src}:sport → {@code dst}:dport this host sent. */
    void udpIcmp(IpAddress src, int sport, IpAddress dst, int dport, StackListener.IcmpReport r, long nowNs) {
        udpDemux.icmpError(src, sport, dst, dport, r, nowNs);
    }

    /**
     * The source address for datagrams to {@code dst} (getsockname after an unbound connect): {@code dst} itself
     * when local, else the outgoing interface's address (RFC 1122 §3.3.4.3), else some configured address of that
     * version, else 0.0.0.0 or :: when the host has none.
     */
    public IpAddress sourceFor(IpAddress dst) {
        return switch (dst) {
            case Ipv4Address d -> ipv4.sourceFor(d);
            case Ipv6Address d -> ipv6.sourceFor(d);
        };
    }

    /**
     * Whether the frame being received right now came with its transport checksum verified by the link (receive
     * checksum offload, {@link io.jnetstack.link.FrameSink#onChecksumVerifiedFrame}).
     */
    boolean checksumVerified() {
        return checksumVerified;
    }

    /** MTU towards {@code dst}: the loopback MTU for a local address, else the outgoing interface's. */
    int mtuTo(IpAddress dst) {
        if (isLocal(dst)) {
            return personality.loopbackMtu();
        }
        Route r = routes.lookup(dst);
        return r == null || r.kind() != Route.Kind.UNICAST ? 1500 : iface(r.ifIndex()).mtu();
    }

    /**
     * The TCP segmentation offload of the interface towards {@code dst} ({@link LinkEndpoint#tcpOffloadSize}); 0
     * for a local address or without a unicast route.
     */
    int tcpOffloadTo(IpAddress dst) {
        if (isLocal(dst)) {
            return 0;
        }
        Route r = routes.lookup(dst);
        return r == null || r.kind() != Route.Kind.UNICAST ? 0 : iface(r.ifIndex()).link().tcpOffloadSize();
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

    RandomSource random() {
        return random;
    }

    /** The listener facts go to. */

    public StackListener listener() {
        return listener;
    }

    void reportLocalFailure(IpAddress dst, LocalFailure f, Origin origin, long nowNs) {
        if (origin.protocol() == IpProtocol.UDP) {
            udpDemux.localFailure(dst, f, origin, nowNs);
        }
        if (origin.protocol() == IpProtocol.TCP && f == LocalFailure.NEIGHBOR_UNREACHABLE
                && personality.neighborFailureAsIcmp()) {
            tcp.neighborUnreachable(dst, origin.first(), origin.second(), nowNs);
        }
        listener.onLocalFailure(dst, f, origin, nowNs);
    }

    /** Queues a datagram addressed to this host for delivery on the next {@link #advanceTo}. */
    void loopBack(byte[] datagram) {
        loopback.addLast(datagram);
    }

    /** Sends a datagram this host built as an answer (a RST): looped back when local, routed otherwise. */
    void loopBackOrSend(byte[] d, long nowNs) {
        if ((d[0] & 0xF0) == 0x40) {
            ipv4.send(d, nowNs);
        } else {
            ipv6.send(d, nowNs);
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
