package io.jnetstack.matrix;

import io.jnetstack.link.FrameObserver;
import io.jnetstack.link.Rule;
import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.sim.LinkProperties;
import io.jnetstack.sim.SimHost;
import io.jnetstack.sim.SimLink;
import io.jnetstack.sim.SimThread;
import io.jnetstack.sim.Simulation;
import io.jnetstack.socket.PollFd;
import io.jnetstack.socket.SignalDisposition;
import io.jnetstack.socket.Syscalls;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;

/**
 * The network a scenario runs on, and the calls it makes: a client host "a" (10.0.0.1, 2001:db8::1) and a server
 * host "b" (10.0.0.2, 2001:db8::2) on one Ethernet segment with 1 ms one-way delay, both running the personality
 * under test; 10.0.0.99 is a black hole. The scenario body runs on a thread of a process on "a" and calls
 * {@link #sys()}; a listener on "b" is one {@link #listen} away.
 */
public final class Bench {
    /** The client's address. */
    public static final String CLIENT = "10.0.0.1";
    /** The server's address. */
    public static final String SERVER = "10.0.0.2";
    /** An address on the segment nobody has (ARP is never answered). */
    public static final String HOLE = "10.0.0.99";
    static final long SECOND = 1_000_000_000L;

    final Simulation sim;
    final SimHost client;
    final SimHost server;
    final SimLink lan;
    SimThread thread;
    /** The real kernel this bench runs on instead of the simulation, or null. */
    private final KernelBackend kernel;

    Bench(Personality p, long seed, FrameObserver tap) {
        sim = new Simulation(seed);
        lan = sim.addEthernet("lan", LinkProperties.IDEAL.withDelayNs(SECOND / 1000));
        if (tap != null) {
            lan.addTap(tap);
        }
        client = sim.addHost("a", p);
        server = sim.addHost("b", p);
        sim.attach(client, lan, "eth0", CLIENT + "/24", "2001:db8::1/64");
        sim.attach(server, lan, "eth0", SERVER + "/24", "2001:db8::2/64");
        kernel = null;
    }

    /** A bench on a real kernel (the host backend): the scenario's steps go to {@code kernel}. */
    public Bench(KernelBackend kernel) {
        sim = null;
        client = null;
        server = null;
        lan = null;
        this.kernel = kernel;
    }

    /** The calling thread's system calls. */
    public Syscalls sys() {
        return kernel != null ? kernel.sys() : thread.syscalls();
    }

    /** The value of an ABI constant on the OS under test. */
    public int k(AbiConstant c) {
        return sys().abi().constants().value(c).orElse(-1);
    }

    /** The result as the matrix prints it: the value, or {@code -1 ERRNO}. */
    public String r(int result) {
        if (result >= 0) {
            return Integer.toString(result);
        }
        return "-1 " + sys().abi().errnos().errnoOf(sys().errno()).map(Errno::name).orElse("errno" + sys().errno());
    }

    /** A new AF_INET stream socket. */
    public int tcp() {
        return sys().socket(k(AbiConstant.AF_INET), k(AbiConstant.SOCK_STREAM), 0);
    }

    /** A new AF_INET6 stream socket. */
    public int tcp6() {
        return sys().socket(k(AbiConstant.AF_INET6), k(AbiConstant.SOCK_STREAM), 0);
    }

    /** A new AF_INET datagram socket. */
    public int udp() {
        return sys().socket(k(AbiConstant.AF_INET), k(AbiConstant.SOCK_DGRAM), 0);
    }

    /** A new AF_INET6 datagram socket. */
    public int udp6() {
        return sys().socket(k(AbiConstant.AF_INET6), k(AbiConstant.SOCK_DGRAM), 0);
    }

    /** A new AF_UNIX socket of {@code type} (SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET). */
    public int unix(AbiConstant type) {
        return sys().socket(k(AbiConstant.AF_UNIX), k(type), 0);
    }

    /** A sockaddr_un naming {@code path}, in the OS's layout. */
    public byte[] un(String path) {
        return sys().abi().sockaddr().encode(Sockaddr.Un.pathname(path));
    }

    /** A sockaddr_un with a Linux abstract name (a leading NUL). */
    public byte[] abstractName(String name) {
        // written by hand: the family header, a NUL, the name (on the BSDs a leading NUL is just an empty path)
        byte[] a = new byte[2 + 1 + name.length()];
        if (sys().abi().sockaddr().hasLengthByte()) {
            a[0] = (byte) a.length;
            a[1] = (byte) k(AbiConstant.AF_UNIX);
        } else {
            a[0] = (byte) k(AbiConstant.AF_UNIX);
        }
        for (int i = 0; i < name.length(); i++) {
            a[3 + i] = (byte) name.charAt(i);
        }
        return a;
    }

    /** Narrows the ephemeral port range to {@code first..last} with the OS's own sysctl names; the result. */
    public int portRange(int first, int last) {
        int r = sys().sysctl("net.ipv4.ip_local_port_range", null, new long[] {first, last});
        if (r == 0) {
            return 0;
        }
        for (String[] names : new String[][] {{"net.inet.ip.portrange.first", "net.inet.ip.portrange.last"},
                {"net.inet.ip.portfirst", "net.inet.ip.portlast"}}) {
            // widen first, so that first <= last holds after each step
            if (sys().sysctl(names[0], null, new long[] {1024}) == 0) {
                sys().sysctl(names[1], null, new long[] {last});
                return sys().sysctl(names[0], null, new long[] {first});
            }
        }
        return -1;
    }

    /** The ephemeral port range as the OS's own sysctls report it: {first, last}, or null when none answers. */
    public long[] portRangeNow() {
        long[] both = new long[2];
        if (sys().sysctl("net.ipv4.ip_local_port_range", both, null) == 0) {
            return both;
        }
        for (String[] names : new String[][] {{"net.inet.ip.portrange.first", "net.inet.ip.portrange.last"},
                {"net.inet.ip.portfirst", "net.inet.ip.portlast"}}) {
            long[] first = new long[1];
            long[] last = new long[1];
            if (sys().sysctl(names[0], first, null) == 0 && sys().sysctl(names[1], last, null) == 0) {
                return new long[] {first[0], last[0]};
            }
        }
        return null;
    }

    /** Adds a default route on the client via 10.0.0.254 (a router that is not there), as an ordinary host has. */
    public void defaultRoute() {
        if (kernel != null) {
            kernel.defaultRoute();
            return;
        }
        client.stack().addRoute(io.jnetstack.stack.Route.via(io.jnetstack.stack.Prefix.of("0.0.0.0/0"),
                Ipv4Address.of("10.0.0.254"), 1));
    }

    /** getpeername as text: {@code a.b.c.d:port}, {@code [v6]:port}, a path, or {@code -1 ERRNO}. */
    public String peer(int fd) {
        return nameOf(fd, true);
    }

    /** getsockname as text. */
    public String name(int fd) {
        return nameOf(fd, false);
    }

    private String nameOf(int fd, boolean peer) {
        byte[] a = new byte[256];
        int[] len = {256};
        int r = peer ? sys().getpeername(fd, a, len) : sys().getsockname(fd, a, len);
        if (r < 0) {
            return r(r);
        }
        var d = sys().abi().sockaddr().decode(a, 0, Math.min(len[0], 256));
        if (!(d instanceof io.jnetstack.personality.abi.SockaddrDecoding.Ok ok)) {
            return "?";
        }
        return switch (ok.address()) {
            case Sockaddr.In in -> new Ipv4Address(in.address()) + ":" + in.port();
            case Sockaddr.In6 in6 -> "[" + new Ipv6Address(in6.addressHigh(), in6.addressLow()) + "]:" + in6.port();
            case Sockaddr.Un un -> un.kind() == Sockaddr.UnixKind.UNNAMED ? "unnamed"
                    : (un.kind() == Sockaddr.UnixKind.ABSTRACT ? "@" : "") + un.name();
            case Sockaddr.Unspec u -> "unspec";
        };
    }

    /** sendto(fd, 4 bytes, addr); the result. */
    public int sendTo(int fd, byte[] addr) {
        return sys().sendto(fd, new byte[] {1, 2, 3, 4}, 4, 0, addr, addr == null ? 0 : addr.length);
    }

    /** A non-blocking recv of up to 64 bytes; the result. */
    public int recvNow(int fd) {
        return sys().recv(fd, new byte[64], 64, k(AbiConstant.MSG_DONTWAIT));
    }

    /** A sockaddr_in in the OS's layout. */
    public byte[] in(String ip, int port) {
        return sys().abi().sockaddr().encode(new Sockaddr.In(port, Ipv4Address.of(ip).bits()));
    }

    /** A sockaddr_in6 in the OS's layout. */
    public byte[] in6(String ip, int port) {
        Ipv6Address a = Ipv6Address.of(ip);
        return sys().abi().sockaddr().encode(new Sockaddr.In6(port, 0, a.high(), a.low(), 0));
    }

    /** A sockaddr_in6 with a flow label field and a scope id. */
    public byte[] in6(String ip, int port, int flowInfo, int scopeId) {
        Ipv6Address a = Ipv6Address.of(ip);
        return sys().abi().sockaddr().encode(new Sockaddr.In6(port, flowInfo, a.high(), a.low(), scopeId));
    }

    /** connect(fd, a, sizeof a). */
    public int connect(int fd, byte[] a) {
        return sys().connect(fd, a, a.length);
    }

    /** bind(fd, a, sizeof a). */
    public int bind(int fd, byte[] a) {
        return sys().bind(fd, a, a.length);
    }

    /** Sets O_NONBLOCK with fcntl. */
    public void nonBlocking(int fd) {
        int fl = sys().fcntl(fd, k(AbiConstant.F_GETFL), 0);
        sys().fcntl(fd, k(AbiConstant.F_SETFL), fl | k(AbiConstant.O_NONBLOCK));
    }

    /** Sets an int socket option. */
    public int setInt(int fd, AbiConstant level, AbiConstant name, int v) {
        byte[] b = {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
        return sys().setsockopt(fd, k(level), k(name), b, 4);
    }

    /** getsockopt(SO_ERROR) as the matrix prints an errno: {@code 0} or the name. */
    public String soError(int fd) {
        byte[] b = new byte[4];
        int[] len = {4};
        int r = sys().getsockopt(fd, k(AbiConstant.SOL_SOCKET), k(AbiConstant.SO_ERROR), b, len);
        if (r < 0) {
            return r(r);
        }
        int v = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
        return v == 0 ? "0" : sys().abi().errnos().errnoOf(v).map(Errno::name).orElse("errno" + v);
    }

    /** poll for {@code events} with a timeout; the revents as names (POLLIN|POLLOUT…), or {@code 0}. */
    public String poll(int fd, int timeoutMs) {
        PollFd p = new PollFd(fd, k(AbiConstant.POLLIN) | k(AbiConstant.POLLOUT));
        int n = sys().poll(new PollFd[] {p}, 1, timeoutMs);
        if (n < 0) {
            return r(n);
        }
        StringBuilder sb = new StringBuilder();
        for (AbiConstant c : new AbiConstant[] {AbiConstant.POLLIN, AbiConstant.POLLOUT, AbiConstant.POLLERR,
                AbiConstant.POLLHUP}) {
            if ((p.revents & k(c)) != 0) {
                sb.append(sb.isEmpty() ? "" : "|").append(c.name());
            }
        }
        return sb.isEmpty() ? "0" : sb.toString();
    }

    /** Lets {@code seconds} of virtual time pass on this thread. */
    public void pause(double seconds) {
        if (kernel != null) {
            kernel.pause(seconds);
            return;
        }
        thread.sleep((long) (seconds * SECOND));
    }

    /** A listening socket on the server at {@code port} with {@code backlog}, accepting nothing. */
    public void listen(int port, int backlog) {
        serverListener(false, port, backlog, (s, l) -> { });
    }

    /** A listener on the server at {@code port} that accepts every connection and keeps it open. */
    public void listenAndAccept(int port) {
        serverListener(false, port, 16, Bench::acceptForever);
    }

    /** An AF_INET6 listener on the server at {@code port} (V6ONLY cleared) accepting every connection. */
    public void listen6AndAccept(int port) {
        serverListener(true, port, 16, Bench::acceptForever);
    }

    /** A listener on the server that accepts one connection and closes it at once. */
    public void acceptAndClose(int port) {
        serverListener(false, port, 16, (s, l) -> s.close(s.accept(l, null, null)));
    }

    /** A listener on the server that reads each connection to its end, then closes it. */
    public void acceptReadClose(int port) {
        serverListener(false, port, 16, (s, l) -> {
            int c = s.accept(l, null, null);
            byte[] buf = new byte[512];
            while (s.read(c, buf, buf.length) > 0) {
                // drain
            }
            s.close(c);
        });
    }

    private static void acceptForever(Syscalls s, int l) {
        while (s.accept(l, null, null) >= 0) {
            // keep the connection
        }
    }

    /** A server thread with a listener bound to any address (v4, or v6 with V6ONLY cleared), then {@code then}. */
    private void serverListener(boolean v6, int port, int backlog,
            java.util.function.BiConsumer<Syscalls, Integer> then) {
        serverThread(s -> {
            int fd = s.socket(k(v6 ? AbiConstant.AF_INET6 : AbiConstant.AF_INET), k(AbiConstant.SOCK_STREAM), 0);
            Ipv6Address any = Ipv6Address.ANY;
            byte[] a = s.abi().sockaddr().encode(v6 ? new Sockaddr.In6(port, 0, any.high(), any.low(), 0)
                    : new Sockaddr.In(port, 0));
            if (v6) {
                s.setsockopt(fd, k(AbiConstant.IPPROTO_IPV6), k(AbiConstant.IPV6_V6ONLY), new byte[4], 4);
            }
            s.bind(fd, a, a.length);
            s.listen(fd, backlog);
            then.accept(s, fd);
        });
    }

    /** Runs {@code body} on a new thread of a server process, then lets it start (1 µs of virtual time). */
    public void serverThread(java.util.function.Consumer<Syscalls> body) {
        if (kernel != null) {
            kernel.serverThread(body);
            return;
        }
        server.spawn("server").start("main", t -> body.accept(t.syscalls()));
        thread.sleep(1000);
    }

    /** Sets a struct timeval socket option (SO_SNDTIMEO, SO_RCVTIMEO) to {@code seconds}. */
    public int setTimeout(int fd, AbiConstant option, int seconds) {
        byte[] tv = new byte[16];
        tv[0] = (byte) seconds;
        return sys().setsockopt(fd, k(AbiConstant.SOL_SOCKET), k(option), tv, 16);
    }

    /** Installs a handler for SIGALRM (14 on all four) and arranges one for this thread {@code seconds} from now. */
    public void alarm(double seconds, boolean restart) {
        if (kernel != null) {
            kernel.alarm(seconds, restart);
            return;
        }
        sys().sigaction(14, restart ? SignalDisposition.HANDLER_RESTART : SignalDisposition.HANDLER);
        thread.signalAt(14, sim.nowNs() + (long) (seconds * SECOND));
    }

    /** Adds a fault rule to frames arriving at the client. */
    public void clientFault(Rule r) {
        if (kernel != null) {
            throw new NotOnHost("a custom fault rule (a link.Rule with no netfilter equivalent)");
        }
        client.faults().add(r);
    }

    /** Adds a fault rule to frames arriving at the server. */
    public void serverFault(Rule r) {
        if (kernel != null) {
            throw new NotOnHost("a custom fault rule (a link.Rule with no netfilter equivalent)");
        }
        server.faults().add(r);
    }

    /** Drops every IPv4 frame addressed to the server, at the server: a black hole (no answer, no ICMP). */
    public void blackHoleServer() {
        if (kernel != null) {
            kernel.serverDrop();
            return;
        }
        serverFault(io.jnetstack.link.Rules.drop(io.jnetstack.link.Rules.to(Ipv4Address.of(SERVER)), "black hole"));
    }

    /** Drops the first TCP SYN addressed to the server, at the server: the attempt stays in SYN-SENT until its
     * first retransmission (a window a kernel's sub-millisecond handshake would not leave otherwise). */
    public void dropFirstSynAtServer() {
        if (kernel != null) {
            kernel.serverDropFirstSyn();
            return;
        }
        boolean[] dropped = {false};
        Ipv4Address s = Ipv4Address.of(SERVER);
        serverFault(io.jnetstack.link.Rules.drop(f -> !dropped[0] && isSynTo(f, s) && (dropped[0] = true),
                "the first SYN"));
    }

    /**
     * Answers the first TCP SYN to the server with this ICMP error from the server, quoting the SYN with its
     * sequence number moved by {@code seqShift} (0: as sent); that SYN is lost, later segments pass. On a kernel the
     * server crafts the error itself (iptables REJECT sends none of the types the rows need here).
     */
    public void serverIcmpForFirstSyn(int type, int code, int seqShift) {
        if (kernel != null) {
            kernel.serverIcmpForSyns(type, code, true, seqShift);
            return;
        }
        boolean[] answered = {false};
        Ipv4Address s = Ipv4Address.of(SERVER);
        serverFault(f -> {
            if (answered[0] || !isSynTo(f, s)) {
                return io.jnetstack.link.Verdict.PASS;
            }
            answered[0] = true;
            int at = f.transportOffset() + 4; // the sequence number the reply quotes
            io.jnetstack.wire.Bytes.putInt(f.bytes(), at, io.jnetstack.wire.Bytes.getInt(f.bytes(), at) + seqShift);
            return new io.jnetstack.link.Verdict.ReplyIcmp(type, code, s);
        });
    }

    /** A TCP segment to {@code dst} with SYN set and ACK clear. */
    private static boolean isSynTo(io.jnetstack.link.FrameInfo f, Ipv4Address dst) {
        int flags = f.transportOffset() + 13;
        return f.isIp() && dst.equals(f.destination()) && f.protocol() == 6 && f.transportOffset() >= 0
                && flags < f.offset() + f.length() && (f.bytes()[flags] & 0x12) == 0x02;
    }

    /** Answers the first datagram to the server with this ICMP error from the server, then drops every one. */
    public void serverIcmpThenDrop(int type, int code) {
        if (kernel != null) {
            kernel.serverIcmpThenDrop(type, code);
            return;
        }
        serverFault(PortRows.firstThenDrop(type, code));
    }

    /** Answers every frame addressed to the server with this ICMP error from the server (a router on the path). */
    public void serverIcmp(int type, int code) {
        if (kernel != null) {
            kernel.serverIcmp(type, code);
            return;
        }
        Ipv4Address s = Ipv4Address.of(SERVER);
        serverFault(io.jnetstack.link.Rules.icmpError(io.jnetstack.link.Rules.to(s), type, code, s));
    }

    /** Starts {@code body} on another thread of the scenario's process and returns at once. */
    public void otherThread(java.util.function.Consumer<Syscalls> body) {
        if (kernel != null) {
            kernel.clientThread(body);
            return;
        }
        thread.process().start("other", t -> body.accept(t.syscalls()));
    }

    /** Makes {@code fd} defunct as the system does to a suspended app's sockets; false where the OS has no such. */
    public boolean makeDefunct(int fd) {
        if (kernel != null) {
            return false; // Linux has no defunct sockets (an XNU notion): the simulated Linux answers false too
        }
        return thread.process().kernelProcess().makeDefunct(fd);
    }

    /** Seconds since the start (virtual, or real on a kernel), to the millisecond. */
    public double now() {
        if (kernel != null) {
            return kernel.now();
        }
        return Math.round(sim.nowNs() / 1_000_000.0) / 1000.0;
    }
}
