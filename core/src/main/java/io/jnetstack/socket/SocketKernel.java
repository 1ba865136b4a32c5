package io.jnetstack.socket;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.SocketRules;
import io.jnetstack.personality.abi.Abi;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.socket.vfs.Vfs;
import io.jnetstack.stack.Stack;
import io.jnetstack.stack.StackListener;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.personality.PortRange;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The socket layer of one host: the open-file count (ENFILE), processes and their descriptor tables, the sockets and
 * the connections they own, the file system UNIX sockets live in, and the sysctls. It is the stack's listener:
 * TCP facts reach the socket that owns the connection. Single-threaded like the stack; blocking happens in the
 * calling thread's {@link ThreadContext}.
 */
public final class SocketKernel implements StackListener {
    private final Stack stack;
    private final Personality personality;
    private final Vfs vfs;
    private final Runnable stackChanged;
    private final StackListener next;
    private final TreeMap<TcpHandle, TcpSocket> tcpByHandle = new TreeMap<>();
    private final TreeMap<io.jnetstack.stack.UdpHandle, UdpSocket> udpByHandle = new TreeMap<>();
    private final io.jnetstack.socket.unix.UnixDomain unix;
    private final TreeMap<Integer, TcpSocket> tcpListeners = new TreeMap<>();
    private final TreeMap<Integer, List<TcpSocket>> tcpBound = new TreeMap<>();
    private final RandomSource random;
    private final Sysctls sysctls;
    private int openFiles;
    private int connectionLimit = Integer.MAX_VALUE;
    private final List<io.jnetstack.stack.Prefix> blocked = new ArrayList<>();
    private int pids;

    /**
     * The socket layer over {@code stack}. {@code stackChanged} runs after every call that drove the stack (the
     * simulator reschedules the host's timers there); facts this layer does not own go on to {@code next}.
     */
    public SocketKernel(Stack stack, Vfs vfs, Runnable stackChanged, StackListener next) {
        this.stack = stack;
        this.personality = stack.personality();
        this.vfs = vfs;
        this.stackChanged = stackChanged;
        this.next = next;
        this.sysctls = new Sysctls(personality, stack);
        this.unix = new io.jnetstack.socket.unix.UnixDomain(personality, vfs);
        this.random = new RandomSource(stack.name().hashCode() * 0x9E3779B97F4A7C15L);
        stack.setListener(this);
    }

    /** Starts the kernel's view of a new process (pids from 1 in creation order). */
    public KernelProcess process() {
        return new KernelProcess(this, ++pids, personality.socketRules().openFilesPerProcess());
    }

    /** The network stack underneath. */
    public Stack stack() {
        return stack;
    }

    /** The personality whose kernel this is. */
    public Personality personality() {
        return personality;
    }

    /** The ABI at the edge. */
    public Abi abi() {
        return personality.abi();
    }

    /** The host's file system. */
    public Vfs vfs() {
        return vfs;
    }

    /** The host's tunables. */
    public Sysctls sysctls() {
        return sysctls;
    }

    /** Open file descriptions on the host. */
    public int openFiles() {
        return openFiles;
    }

    /** The host's UNIX-domain sockets. */
    io.jnetstack.socket.unix.UnixDomain unix() {
        return unix;
    }

    UdpSocket newUdp(SocketSummary.Domain d) {
        UdpSocket s = new UdpSocket(this, d);
        udpByHandle.put(s.handle, s);
        return s;
    }

    void closeUdp(UdpSocket s) {
        udpByHandle.remove(s.handle);
        stack.udp().close(s.handle);
        changed();
    }

    /** The primary interface's IPv4 broadcast address (FreeBSD/XNU rewrite INADDR_BROADCAST to it, F7). */
    IpAddress primaryBroadcast() {
        for (var ifc : stack.interfaces()) {
            for (var a : ifc.addresses()) {
                if (a.address() instanceof Ipv4Address v4 && a.prefix().length() < 31) {
                    int mask = a.prefix().length() == 0 ? 0 : -1 << (32 - a.prefix().length());
                    return new Ipv4Address(v4.bits() | ~mask);
                }
            }
        }
        return Ipv4Address.BROADCAST;
    }

    /**
     * Caps kernel memory for TCP connections, counted in connections: beyond it connect() fails with ENOBUFS as when
     * the SYN's buffer cannot be allocated. For tests of memory pressure; unlimited by default.
     */
    public void setConnectionMemoryLimit(int connections) {
        connectionLimit = connections;
    }

    /**
     * A local firewall rule refusing connections and datagrams to {@code destination} (Linux: a cgroup connect hook or
     * an OUTPUT drop rule; BSD: a pf/pfil block rule): connect and send fail with the personality's errno.
     */
    public void blockOutgoing(io.jnetstack.stack.Prefix destination) {
        blocked.add(destination);
    }

    boolean blocked(IpAddress destination) {
        IpAddress d = destination;
        if (InetAddresses.isV4Mapped(d)) {
            d = new Ipv4Address((int) ((Ipv6Address) d).low());
        }
        for (io.jnetstack.stack.Prefix p : blocked) {
            if (p.contains(d)) {
                return true;
            }
        }
        return false;
    }

    boolean connectionMemoryFull() {
        return tcpByHandle.size() >= connectionLimit;
    }

    SocketRules rules() {
        return personality.socketRules();
    }

    void changed() {
        stackChanged.run();
    }

    /** True when the host-wide table is full (ENFILE). */
    boolean fileTableFull() {
        return openFiles >= sysctls.maxFiles();
    }

    OpenFile newFile(KernelFile f, boolean nonBlocking) {
        openFiles++;
        return new OpenFile(f, nonBlocking);
    }

    void releaseFile(OpenFile f, long nowNs) {
        if (--f.references == 0) {
            openFiles--;
            f.file.release(nowNs);
        }
    }

    void adopt(TcpSocket s) {
        tcpByHandle.put(s.handle, s);
    }

    void listen(TcpSocket s, int backlog) {
        stack.tcpListen(listenAddress(s), s.boundPort, backlog);
        stack.tcpListenerOutputOptions(listenAddress(s), s.boundPort,
                s.options.output(s.domain == SocketSummary.Domain.INET6));
        tcpListeners.put(s.boundPort, s);
    }

    /**
     * The IP options of a TCP socket bound to {@code local}:{@code port} that neither listens nor has a connection
     * (for the RST the stack sends there when the personality uses them); null when there is none.
     */
    @Override
    public io.jnetstack.stack.tcp.TcpOutputOptions tcpBoundSocketOptions(IpAddress local, int port) {
        for (TcpSocket s : tcpBound.getOrDefault(port, List.of())) {
            boolean match = s.boundAddress == null || InetAddresses.isUnspecified(s.boundAddress)
                    || s.boundAddress.equals(local);
            if (match && !s.listening && s.handle == null) {
                return s.options.output(local instanceof io.jnetstack.wire.Ipv6Address);
            }
        }
        return null;
    }

    /** The stack listener's address: null for both versions (a dual-stack AF_INET6 socket on ::), else the address. */
    static IpAddress listenAddress(TcpSocket s) {
        if (s.domain == SocketSummary.Domain.INET6 && !s.options.v6Only
                && InetAddresses.isUnspecified(s.boundAddress)) {
            return null;
        }
        return s.boundAddress;
    }

    int acceptQueueLength(TcpSocket s) {
        return stack.tcpAcceptQueueLength(listenAddress(s), s.boundPort);
    }

    TcpHandle acceptFrom(TcpSocket s) {
        return stack.tcpAccept(listenAddress(s), s.boundPort);
    }

    TcpSocket listenerOn(int port) {
        return tcpListeners.get(port);
    }

    void closeTcp(TcpSocket s, long nowNs) {
        unbind(s);
        if (s.listening) {
            tcpListeners.remove(s.boundPort);
            stack.tcpUnlisten(listenAddress(s), s.boundPort, nowNs);
        } else if (s.handle != null) {
            tcpByHandle.remove(s.handle);
            if (s.options.lingerSeconds == 0) {
                stack.tcpAbort(s.handle, nowNs); // SO_LINGER with l_linger 0: close sends a RST (tcp_disconnect)
            } else {
                stack.tcpClose(s.handle, nowNs);
            }
        }
        changed();
    }

    /** Records {@code s} as bound to its port (bind, listen's autobind, connect's implicit bind). */
    void bound(TcpSocket s) {
        tcpBound.computeIfAbsent(s.boundPort, k -> new ArrayList<>()).add(s);
    }

    private void unbind(TcpSocket s) {
        List<TcpSocket> l = tcpBound.get(s.boundPort);
        if (l != null && l.remove(s) && l.isEmpty()) {
            tcpBound.remove(s.boundPort);
        }
    }

    /**
     * Whether binding {@code s} to {@code ip}:{@code port} conflicts with another socket (Linux inet_csk_bind_conflict,
     * BSD in_pcbbind_setup): same port and overlapping addresses, unless both set SO_REUSEPORT, or both set
     * SO_REUSEADDR and neither listens.
     */
    boolean portConflict(TcpSocket s, IpAddress ip, int port) {
        for (TcpSocket o : tcpBound.getOrDefault(port, List.of())) {
            if (o == s) {
                continue;
            }
            boolean overlap = o.boundAddress == null || InetAddresses.isUnspecified(o.boundAddress)
                    || InetAddresses.isUnspecified(ip) || o.boundAddress.equals(ip);
            boolean shared = s.options.reusePort && o.options.reusePort
                    || s.options.reuseAddress && o.options.reuseAddress && !o.listening;
            if (overlap && !shared) {
                return true;
            }
        }
        return listenerOn(port) != null && !(s.options.reusePort && listenerOn(port).options.reusePort);
    }

    /** A free port from the personality's ephemeral range for bind(0) or listen's autobind; 0 when none is free. */
    int ephemeralBindPort(TcpSocket s) {
        PortRange r = stack.ephemeralPortRange();
        int size = r.size();
        int start = random.nextInt(size);
        IpAddress ip = s.boundAddress == null ? InetAddresses.any(s.domain) : s.boundAddress;
        for (int i = 0; i < size; i++) {
            int port = r.first() + (start + i) % size;
            if (!portConflict(s, ip, port)) {
                return port;
            }
        }
        return 0;
    }

    /**
     * Starts the active open of {@code s} towards {@code dst}:{@code port} from its bound address and port (any and 0
     * when unbound: the route's source and an ephemeral port).
     */
    io.jnetstack.stack.TcpConnectResult openTcp(TcpSocket s, IpAddress dst, int port, long nowNs) {
        return openTcp(s, dst, port, null, nowNs);
    }

    /** As {@link #openTcp(TcpSocket, IpAddress, int, long)}; {@code fastOpenData} non-null: a TCP_FASTOPEN sendto. */
    io.jnetstack.stack.TcpConnectResult openTcp(TcpSocket s, IpAddress dst, int port, byte[] fastOpenData,
            long nowNs) {
        IpAddress local = s.boundAddress == null || InetAddresses.isUnspecified(s.boundAddress) ? null
                : s.boundAddress;
        io.jnetstack.stack.TcpConnectOptions opts = io.jnetstack.stack.TcpConnectOptions.DEFAULTS
                .withMaxSegment(s.options.maxSegment).withNoDelay(s.options.noDelay)
                .withKeepAlive(s.options.keepAlive || personality().tcpAlwaysKeepAlive())
                .withUdpEncapsulationPort(s.options.remoteUdpEncapsPort)
                .withIpv6MinimumMtu(s.options.useMinMtu == 1)
                .withOutput(s.options.output(dst instanceof io.jnetstack.wire.Ipv6Address));
        if (s.options.keepInitSeconds > 0 && personality().tcpTimerOptions() != null) {
            // FreeBSD TP_KEEPINIT(tp): the socket's TCP_KEEPINIT ends the attempt (tcp_timer_keep)
            opts = opts.withSynSchedule(personality().synRetransmission(s.options.keepInitSeconds * 1_000_000_000L));
        }
        unbind(s);
        var r = fastOpenData == null ? stack.tcpConnect(local, s.boundPort, dst, port, opts, nowNs)
                : stack.tcpConnectFastOpen(local, s.boundPort, dst, port, opts, fastOpenData, nowNs);
        if (r instanceof io.jnetstack.stack.TcpConnectResult.Ok ok) {
            applyKeepTimers(s, stack.tcpConnection(ok.handle()), nowNs);
        }
        if (r instanceof io.jnetstack.stack.TcpConnectResult.Failure && s.explicitlyBound) {
            bound(s);
        }
        return r;
    }

    /**
     * The socket's own TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT for its new connection, where the personality
     * models them (FreeBSD: the tcpcb's t_keepidle and friends, set before connect).
     */
    void applyKeepTimers(TcpSocket s, io.jnetstack.stack.tcp.TcpConnection c, long nowNs) {
        io.jnetstack.personality.TcpTimerOptions t = personality().tcpTimerOptions();
        SocketOptions o = s.options;
        if (t == null || c == null || o.keepIdleSeconds == 0 && o.keepIntervalSeconds == 0 && o.keepCount == 0) {
            return;
        }
        long sec = 1_000_000_000L;
        c.setKeepAliveSchedule(o.keepIdleSeconds > 0 ? o.keepIdleSeconds * sec : t.keepIdleNs(),
                o.keepIntervalSeconds > 0 ? o.keepIntervalSeconds * sec : t.keepIntervalNs(),
                o.keepCount > 0 ? o.keepCount : Math.max(t.keepCount(), 1), nowNs);
    }

    /** Aborts the connection of {@code s} (RST when synchronized) and forgets it. */
    void abortTcp(TcpSocket s, long nowNs) {
        TcpHandle h = s.handle;
        forget(s);
        stack.tcpAbort(h, nowNs);
        changed();
    }

    /** The socket no longer owns a connection (Linux: after sock_error or a disconnect). */
    void forget(TcpSocket s) {
        if (s.handle != null) {
            tcpByHandle.remove(s.handle);
            s.handle = null;
        }
        s.connectionGone = false;
        s.established = false;
        s.peerClosed = false;
        if (!s.explicitlyBound) {
            unbind(s);
            s.boundPort = 0;
            s.boundAddress = null;
        }
    }

    /** The primary interface's address of a family (FreeBSD ≤14 and XNU's meaning of INADDR_ANY as a destination). */
    IpAddress primaryAddress(boolean v4) {
        for (var ifc : stack.interfaces()) {
            IpAddress a = v4 ? ifc.ipv4() : ifc.ipv6();
            if (a != null) {
                return a;
            }
        }
        return v4 ? Ipv4Address.of(127, 0, 0, 1) : Ipv6Address.LOOPBACK;
    }

    /**
     * The errno a TCP fact becomes on this OS: {@link Personality#tcpErrno} with the ICMP message that ended (or softly
     * marked) the attempt, read from the connection while the fact is reported. Null when the kernel has no errno
     * for it (the fact is then not an error the socket sees).
     */
    Errno errnoFor(TcpEvent e, TcpHandle h, boolean established) {
        io.jnetstack.personality.TcpFailure f = switch (e) {
            case REFUSED -> io.jnetstack.personality.TcpFailure.refused();
            case RESET -> established ? io.jnetstack.personality.TcpFailure.reset()
                    : io.jnetstack.personality.TcpFailure.refused();
            case TIMED_OUT -> timedOut(h);
            case NET_UNREACHABLE, HOST_UNREACHABLE, PROTOCOL_UNREACHABLE, PORT_UNREACHABLE, ADMIN_PROHIBITED,
                    TIME_EXCEEDED, PARAMETER_PROBLEM -> icmp(h, e);
            case CONNECTED, URGENT, PEER_CLOSED, CLOSED -> null;
        };
        return f == null ? null : personality.tcpErrno(f);
    }

    /** A timeout, or the soft ICMP error recorded before it (catalogue C20: t_softerror / sk_err_soft). */
    private io.jnetstack.personality.TcpFailure timedOut(TcpHandle h) {
        io.jnetstack.personality.TcpFailure icmp = lastIcmp(h);
        return icmp != null ? icmp : io.jnetstack.personality.TcpFailure.timedOut();
    }

    /** The ICMP message the connection last kept, as a failure; null when none (read while the fact is reported). */
    private io.jnetstack.personality.TcpFailure lastIcmp(TcpHandle h) {
        var c = h == null ? null : stack.tcpConnection(h);
        var icmp = c == null ? null : c.lastIcmp();
        return icmp == null ? null
                : io.jnetstack.personality.TcpFailure.icmp(icmp.version(), icmp.type(), icmp.code());
    }

    private io.jnetstack.personality.TcpFailure icmp(TcpHandle h, TcpEvent e) {
        io.jnetstack.personality.TcpFailure kept = lastIcmp(h);
        if (kept != null) {
            return kept;
        }
        int[] tc = switch (e) {
            case NET_UNREACHABLE -> new int[] {3, 0};
            case HOST_UNREACHABLE -> new int[] {3, 1};
            case PROTOCOL_UNREACHABLE -> new int[] {3, 2};
            case PORT_UNREACHABLE -> new int[] {3, 3};
            case ADMIN_PROHIBITED -> new int[] {3, 13};
            case PARAMETER_PROBLEM -> new int[] {12, 0};
            default -> new int[] {11, 0};
        };
        return io.jnetstack.personality.TcpFailure.icmp(4, tc[0], tc[1]);
    }

    /** The errno an ICMP error about a UDP datagram leaves on a connected socket. */
    Errno udpErrno(IcmpReport report) {
        return switch (report.icmpClass()) {
            case PORT_UNREACHABLE, ADMIN_PROHIBITED -> Errno.ECONNREFUSED;
            case NET_UNREACHABLE -> Errno.ENETUNREACH;
            case HOST_UNREACHABLE, TIME_EXCEEDED -> Errno.EHOSTUNREACH;
            case PROTOCOL_UNREACHABLE, PARAMETER_PROBLEM -> Errno.ENOPROTOOPT;
            case OTHER -> null;
        };
    }

    @Override
    public void onTcpEvent(TcpHandle connection, TcpEvent event, long nowNs) {
        TcpSocket s = tcpByHandle.get(connection);
        if (s != null) {
            s.onEvent(event);
            if (s.connectionGone && s.closed()) {
                tcpByHandle.remove(connection);
            }
        }
        next.onTcpEvent(connection, event, nowNs);
    }

    @Override
    public void onEchoReply(io.jnetstack.wire.IpAddress from, int identifier, int sequence, int ttl, int dataLength,
            long nowNs) {
        next.onEchoReply(from, identifier, sequence, ttl, dataLength, nowNs);
    }

    @Override
    public void onUdpError(io.jnetstack.stack.UdpHandle h, IcmpReport report, long nowNs) {
        UdpSocket s = udpByHandle.get(h);
        if (s != null && s.connected) {
            Errno e = udpErrno(report);
            if (e != null) {
                s.error = e;
            }
        }
        next.onUdpError(h, report, nowNs);
    }

    @Override
    public void onIcmpError(IcmpReport report, long nowNs) {
        next.onIcmpError(report, nowNs);
    }

    @Override
    public void onLocalFailure(io.jnetstack.wire.IpAddress destination, LocalFailure failure, Origin origin,
            long nowNs) {
        next.onLocalFailure(destination, failure, origin, nowNs);
    }
}
