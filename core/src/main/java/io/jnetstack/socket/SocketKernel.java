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
        this.sysctls = new Sysctls(personality);
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

    SocketRules rules() {
        return personality.socketRules();
    }

    void changed() {
        stackChanged.run();
    }

    /** True when the host-wide table is full (ENFILE). */
    boolean fileTableFull() {
        return openFiles >= sysctls.value(Sysctls.MAX_FILES);
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
        stack.tcpListen(s.boundPort, backlog);
        tcpListeners.put(s.boundPort, s);
    }

    TcpSocket listenerOn(int port) {
        return tcpListeners.get(port);
    }

    void closeTcp(TcpSocket s, long nowNs) {
        unbind(s);
        if (s.listening) {
            tcpListeners.remove(s.boundPort);
            stack.tcpUnlisten(s.boundPort, nowNs);
        } else if (s.handle != null) {
            tcpByHandle.remove(s.handle);
            stack.tcpClose(s.handle, nowNs);
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
        PortRange r = personality.ephemeralPorts();
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

    /** Starts the active open of {@code s} towards {@code dst}:{@code port}; null when no local port is free. */
    TcpHandle openTcp(TcpSocket s, IpAddress dst, int port, long nowNs) {
        unbind(s);
        TcpHandle h = stack.tcpConnect(dst, port, nowNs);
        return h;
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
     * The errno a TCP fact becomes on this OS. ICMP-caused failures follow the fact's class; the OS's own tables
     * (Linux icmp_err_convert, FreeBSD icmp_errmap, OpenBSD/XNU inetctlerrmap) decide the class upstream.
     */
    Errno errnoFor(TcpEvent e, boolean established) {
        return switch (e) {
            case REFUSED -> Errno.ECONNREFUSED;
            case RESET -> established ? Errno.ECONNRESET : Errno.ECONNREFUSED;
            case TIMED_OUT -> Errno.ETIMEDOUT;
            case NET_UNREACHABLE -> Errno.ENETUNREACH;
            case HOST_UNREACHABLE, TIME_EXCEEDED -> Errno.EHOSTUNREACH;
            case PROTOCOL_UNREACHABLE -> Errno.ENOPROTOOPT;
            case PORT_UNREACHABLE, ADMIN_PROHIBITED -> Errno.ECONNREFUSED;
            case CONNECTED, URGENT, PEER_CLOSED, CLOSED -> null;
        };
    }

    /** The errno an ICMP error about a UDP datagram leaves on a connected socket. */
    Errno udpErrno(IcmpReport report) {
        return switch (report.icmpClass()) {
            case PORT_UNREACHABLE, ADMIN_PROHIBITED -> Errno.ECONNREFUSED;
            case NET_UNREACHABLE -> Errno.ENETUNREACH;
            case HOST_UNREACHABLE, TIME_EXCEEDED -> Errno.EHOSTUNREACH;
            case PROTOCOL_UNREACHABLE -> Errno.ENOPROTOOPT;
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
