package io.jnetstack.matrix;

import io.jnetstack.link.Rule;
import io.jnetstack.link.Rules;
import io.jnetstack.link.Verdict;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.wire.Ipv4Address;
import java.util.List;

/**
 * Catalogue §1E rows that need more than one socket (exhaustion, shared ports, TIME-WAIT, bound source), and the
 * remaining §1C/§1D/§1J rows that need a special peer: C20 (soft error then timeout), C24 (self-connect), D7
 * (fragmentation needed), D12 (no ARP answer), J7 (link-local without scope).
 */
final class PortRows {
    private PortRows() {}

    static List<Scenario> rows() {
        return List.of(
                new Scenario("C20", "SYN never answered, one ICMP host unreachable while retrying", "blocking connect",
                        b -> {
                            b.serverIcmpThenDrop(3, 1);
                            return b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 80)));
                        }),
                new Scenario("C24", "TCP bound to 127.0.0.1:7400", "connect to 127.0.0.1:7400 (itself); send, recv",
                        b -> {
                            int fd = b.tcp();
                            b.bind(fd, b.in("127.0.0.1", 7400));
                            String r = b.r(b.connect(fd, b.in("127.0.0.1", 7400)));
                            if (!r.equals("0")) {
                                return r;
                            }
                            b.sys().write(fd, new byte[] {1, 2, 3}, 3);
                            return r + ", " + b.r(b.sys().read(fd, new byte[8], 8));
                        }),
                new Scenario("D7", "the first SYN answered with ICMP fragmentation needed", "blocking connect", b -> {
                    b.listenAndAccept(80);
                    b.serverIcmpForFirstSyn(3, 4, 0);
                    return b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 80)));
                }),
                new Scenario("D12", "on-link destination that never answers ARP", "blocking connect",
                        b -> b.r(b.connect(b.tcp(), b.in(Bench.HOLE, 80)))),
                new Scenario("E2", "ephemeral range narrowed to 2 ports, both used towards 10.0.0.2:80", "connect",
                        b -> {
                            b.listenAndAccept(80);
                            b.portRange(40000, 40001);
                            b.connect(b.tcp(), b.in(Bench.SERVER, 80));
                            b.connect(b.tcp(), b.in(Bench.SERVER, 80));
                            return b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 80)));
                        }),
                new Scenario("E3", "ephemeral range narrowed to 2 ports, both bound by UDP sockets",
                        "unbound UDP connect",
                        b -> {
                            b.portRange(40000, 40001);
                            b.bind(b.udp(), b.in("0.0.0.0", 0));
                            b.bind(b.udp(), b.in("0.0.0.0", 0));
                            return b.r(b.connect(b.udp(), b.in(Bench.SERVER, 7000)));
                        }),
                new Scenario("E4", "two TCP sockets with SO_REUSEADDR and SO_REUSEPORT on 10.0.0.1:7500, the first "
                        + "connected to 10.0.0.2:80", "the second connects to 10.0.0.2:80", b -> {
                            b.listenAndAccept(80);
                            int a = shared(b, 7500);
                            int c = shared(b, 7500);
                            b.connect(a, b.in(Bench.SERVER, 80));
                            return b.r(b.connect(c, b.in(Bench.SERVER, 80)));
                        }),
                new Scenario("E5", "the four-tuple 10.0.0.1:7600 → 10.0.0.2:80 in TIME_WAIT", "connect from it again",
                        b -> {
                            b.acceptReadClose(80);
                            int a = shared(b, 7600);
                            b.connect(a, b.in(Bench.SERVER, 80));
                            b.sys().shutdown(a, b.k(AbiConstant.SHUT_WR));
                            b.pause(0.1);
                            b.sys().close(a);
                            int c = shared(b, 7600);
                            return b.r(b.connect(c, b.in(Bench.SERVER, 80)));
                        }),
                new Scenario("E6", "IP_BIND_ADDRESS_NO_PORT, bind(10.0.0.1:0)", "getsockname; connect; getsockname",
                        b -> {
                            b.listenAndAccept(80);
                            int fd = b.tcp();
                            if (b.k(AbiConstant.IP_BIND_ADDRESS_NO_PORT) < 0) {
                                return "n/a (no IP_BIND_ADDRESS_NO_PORT)";
                            }
                            b.setInt(fd, AbiConstant.IPPROTO_IP, AbiConstant.IP_BIND_ADDRESS_NO_PORT, 1);
                            b.bind(fd, b.in(Bench.CLIENT, 0));
                            String before = b.name(fd);
                            String r = b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                            return before + ", " + r + ", " + (b.name(fd).endsWith(":0") ? "port 0" : "port chosen");
                        }),
                new Scenario("E8", "bound to 10.0.0.1:0", "connect; getsockname's address", b -> {
                    b.listenAndAccept(80);
                    int fd = b.tcp();
                    b.bind(fd, b.in(Bench.CLIENT, 0));
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 80))) + ", " + b.name(fd).replaceAll(":\\d+$", "");
                }),
                new Scenario("C25", "TCP_FASTOPEN_CONNECT (Linux 30) = 1, listener", "setsockopt; blocking connect",
                        b -> {
                            if (b.k(AbiConstant.TCP_FASTOPEN_CONNECT) < 0) {
                                return NO_FASTOPEN_CONNECT;
                            }
                            b.listenAndAccept(80);
                            int fd = b.tcp();
                            return "setsockopt " + b.r(fastOpen(b, fd)) + ", " + b.r(b.connect(fd,
                                    b.in(Bench.SERVER, 80)));
                        }),
                new Scenario("C26", "TCP_FASTOPEN_CONNECT = 1, no cookie, non-blocking", "setsockopt; connect", b -> {
                    if (b.k(AbiConstant.TCP_FASTOPEN_CONNECT) < 0) {
                        return NO_FASTOPEN_CONNECT;
                    }
                    int fd = b.tcp();
                    b.nonBlocking(fd);
                    return "setsockopt " + b.r(fastOpen(b, fd)) + ", " + b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                }),
                new Scenario("C27", "sysctl tcp_fastopen = 0", "setsockopt TCP_FASTOPEN_CONNECT", b -> {
                    if (b.k(AbiConstant.TCP_FASTOPEN_CONNECT) < 0) {
                        return NO_FASTOPEN_CONNECT;
                    }
                    int r = b.sys().sysctl("net.ipv4.tcp_fastopen", null, new long[] {0});
                    return (r == 0 ? "" : "sysctl " + b.r(r) + ", ") + b.r(fastOpen(b, b.tcp()));
                }),
                new Scenario("D13", "established, then the peer resets (SO_LINGER 0 close)", "read", b -> {
                    b.serverThread(s -> {
                        int l = s.socket(b.k(AbiConstant.AF_INET), b.k(AbiConstant.SOCK_STREAM), 0);
                        byte[] a = b.in("0.0.0.0", 80);
                        s.bind(l, a, a.length);
                        s.listen(l, 4);
                        int c = s.accept(l, null, null);
                        byte[] linger = {1, 0, 0, 0, 0, 0, 0, 0};
                        s.setsockopt(c, b.k(AbiConstant.SOL_SOCKET), b.k(AbiConstant.SO_LINGER), linger, 8);
                        s.close(c);
                    });
                    int fd = b.tcp();
                    b.connect(fd, b.in(Bench.SERVER, 80));
                    b.pause(0.1);
                    return b.r(b.sys().read(fd, new byte[8], 8));
                }),
                new Scenario("E9", "unbound TCP, connect fails its length check (len 8)", "getsockname's port", b -> {
                    int fd = b.tcp();
                    b.sys().connect(fd, b.in(Bench.SERVER, 80), 8);
                    return b.name(fd).endsWith(":0") ? "port 0" : "port bound";
                }),
                new Scenario("E10", "unbound TCP", "connect; is the implicit port above 1023?", b -> {
                    b.listenAndAccept(80);
                    int fd = b.tcp();
                    b.connect(fd, b.in(Bench.SERVER, 80));
                    return Integer.parseInt(b.name(fd).replaceAll(".*:", "")) > 1023 ? "yes" : "no";
                }),
                new Scenario("J8", "SO_BINDTODEVICE eth0", "connect [fe80::2%99]:80 (no interface 99)", b -> {
                    int fd = b.tcp6();
                    if (b.k(AbiConstant.SO_BINDTODEVICE) < 0) {
                        return "n/a (no SO_BINDTODEVICE)";
                    }
                    byte[] dev = "eth0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    b.sys().setsockopt(fd, b.k(AbiConstant.SOL_SOCKET), b.k(AbiConstant.SO_BINDTODEVICE), dev,
                            dev.length);
                    // not eth0's index, whatever the host numbers it (a namespace's lo is always 1, eth0 then 2)
                    return b.r(b.connect(fd, b.in6("fe80::2", 80, 0, 99)));
                }),
                new Scenario("J10", "IPV6_FLOWINFO_SEND 1", "connect with flow label 0x12345 (not owned)", b -> {
                    int fd = b.tcp6();
                    if (b.k(AbiConstant.IPV6_FLOWINFO_SEND) < 0) {
                        return "n/a (no IPV6_FLOWINFO_SEND)";
                    }
                    b.setInt(fd, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_FLOWINFO_SEND, 1);
                    return b.r(b.connect(fd, b.in6("2001:db8::2", 80, 0x12345, 0)));
                }),
                new Scenario("J7", "AF_INET6 TCP", "connect fe80::1 without a scope id",
                        b -> b.r(b.connect(b.tcp6(), b.in6("fe80::1", 80)))));
    }

    /** The cell of a TCP_FASTOPEN_CONNECT row on an OS without the option (the BSDs, macOS). */
    static final String NO_FASTOPEN_CONNECT = "n/a (no TCP_FASTOPEN_CONNECT)";

    /** setsockopt(IPPROTO_TCP, TCP_FASTOPEN_CONNECT, 1) (Linux only). */
    static int fastOpen(Bench b, int fd) {
        return b.setInt(fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_FASTOPEN_CONNECT, 1);
    }

    /** A TCP socket with SO_REUSEADDR and SO_REUSEPORT bound to 10.0.0.1:{@code port}. */
    static int shared(Bench b, int port) {
        int fd = b.tcp();
        b.setInt(fd, AbiConstant.SOL_SOCKET, AbiConstant.SO_REUSEADDR, 1);
        b.setInt(fd, AbiConstant.SOL_SOCKET, AbiConstant.SO_REUSEPORT, 1);
        b.bind(fd, b.in(Bench.CLIENT, port));
        return fd;
    }

    /** The first datagram to the server is answered with ICMP type/code, every later one is dropped. */
    static Rule firstThenDrop(int type, int code) {
        Ipv4Address server = Ipv4Address.of(Bench.SERVER);
        int[] seen = {0};
        return f -> {
            if (!Rules.to(server).test(f)) {
                return Verdict.PASS;
            }
            return seen[0]++ == 0 ? new Verdict.ReplyIcmp(type, code, server) : new Verdict.Drop("black hole");
        };
    }
}
