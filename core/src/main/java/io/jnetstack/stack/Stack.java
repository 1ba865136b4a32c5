package io.jnetstack.stack;

import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.personality.Personality;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.IpAddress;
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
    private final Ipv4Layer ipv4;
    private final Ipv6Layer ipv6;
    private final TcpDemux tcp;
    private final UdpEndpoints udp;
    private final SecurityAssociations securityAssociations = new SecurityAssociations();
    private final Routing routing;
    private final FrameIo frames;
    private final HostOutput output;
    private final TransportInput transports;
    private StackListener listener = new StackListener() {};
    private boolean forwarding;

    /** A stack named {@code name} (for traces) running {@code personality}, drawing randomness from {@code random}. */
    public Stack(String name, Personality personality, RandomSource random) {
        this.name = name;
        this.personality = personality;
        this.random = random;
        this.ipv4 = new Ipv4Layer(this);
        this.ipv6 = new Ipv6Layer(this);
        this.routing = new Routing(personality, interfaces, routes, ipv4, ipv6);
        this.frames = new FrameIo(stats, ipv4, ipv6);
        this.output = new HostOutput(this, ipv4, ipv6);
        this.tcp = new TcpDemux(this);
        UdpDemux udpDemux = new UdpDemux(this);
        this.udp = new UdpEndpoints(this, udpDemux);
        this.transports = new TransportInput(this, tcp, udpDemux);
    }

    /** Adds an interface on {@code link} and starts receiving from it. */
    public NetInterface addInterface(String ifName, LinkEndpoint link) {
        NetInterface ifc = new NetInterface(interfaces.size() + 1, ifName, link);
        interfaces.add(ifc);
        link.attach(frames.sink(ifc));
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
        return routing.isLocal(a);
    }

    /**
     * The route datagrams to {@code dst} take: for a local address an on-link host route through the implicit
     * loopback interface (index 0); else the longest-prefix match, reject kinds included; null when none matches.
     */
    public Route route(IpAddress dst) {
        return routing.route(dst);
    }

    /** When the stack next needs {@link #advanceTo}; {@link Long#MAX_VALUE} when idle. */
    public long nextDeadlineNs() {
        if (frames.hasLoopedBack()) {
            return Long.MIN_VALUE;
        }
        return Math.min(Math.min(ipv4.nextDeadlineNs(), ipv6.nextDeadlineNs()), tcp.nextDeadlineNs());
    }

    /** Runs everything due at {@code nowNs}: looped-back datagrams, neighbour probes, reassembly timeouts. */
    public void advanceTo(long nowNs) {
        frames.deliverLoopedBack(nowNs);
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
        return tcp.activeOpen().connect(local, localPort, dst, port, opts, nowNs);
    }

    /**
     * As {@link #tcpConnect}, for sendto(2) with an address on a TCP_FASTOPEN socket (RFC 7413): {@code data} is
     * queued before the SYN leaves, and the SYN asks for or carries the host's cached cookie for the path as the
     * personality's {@link io.jnetstack.personality.Personality#fastOpenClient()} says (an ordinary connect with the
     * data queued where it returns null).
     */
    public TcpConnectResult tcpConnectFastOpen(IpAddress local, int localPort, IpAddress dst, int port,
            TcpConnectOptions opts, byte[] data, long nowNs) {
        return tcp.activeOpen().connect(local, localPort, dst, port, opts,
                java.util.Objects.requireNonNull(data, "data"), nowNs);
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
        return tcp.activeOpen().connect(dst, port, nowNs);
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
        return tcp.peek(h, max);
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
        return tcp.dropTimeWait();
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
        tcp.activeOpen().setIcmpMayReset(on);
    }

    /** Whether ICMP errors may abort a SYN-SENT connection at once (see {@link #setTcpIcmpMayReset}). */
    public boolean tcpIcmpMayReset() {
        return tcp.activeOpen().icmpMayReset();
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
        output.ping(dst, identifier, sequence, dataLength, ttl, nowNs);
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
        output.sendUdp(dst, sourcePort, destinationPort, payload, ttl, nowNs);
    }

    /** The remote UDP port of TCP connection {@code h} (TCP_REMOTE_UDP_ENCAPS_PORT); 0 for plain TCP. */
    public int tcpUdpEncapsulationPort(TcpHandle h) {
        return tcp.udpEncapsulationPort(h);
    }

    /**
     * The source address for datagrams to {@code dst} (getsockname after an unbound connect): {@code dst} itself
     * when local, else the outgoing interface's address (RFC 1122 §3.3.4.3), else some configured address of that
     * version, else 0.0.0.0 or :: when the host has none.
     */
    public IpAddress sourceFor(IpAddress dst) {
        return routing.sourceFor(dst);
    }

    RandomSource random() {
        return random;
    }

    /** The listener facts go to. */
    public StackListener listener() {
        return listener;
    }

    /** Frames in and out through the links, and datagrams looped back to this host. */
    FrameIo frames() {
        return frames;
    }

    /** The way out for datagrams this host originates, and the path facts transports size segments by. */
    HostOutput output() {
        return output;
    }

    /** The way up from the IP layers to TCP and UDP. */
    TransportInput transports() {
        return transports;
    }
}
