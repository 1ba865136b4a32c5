package io.jnetstack.matrix;

import io.jnetstack.personality.abi.AbiConstant;
import java.util.List;

/** Catalogue §1G (UDP connect, reconnect, dissolve, filtering), F5–F8, B8, I2. */
final class DatagramRows {
    private DatagramRows() {}

    static List<Scenario> rows() {
        return List.of(
                new Scenario("B8", "AF_INET6 UDP, V6ONLY 0", "connect AF_INET 127.0.0.1:7000, len 16; getsockname",
                        b -> {
                            int fd = b.udp6();
                            b.setInt(fd, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_V6ONLY, 0);
                            String r = b.r(b.connect(fd, b.in("127.0.0.1", 7000)));
                            return r.equals("0") ? r + ", " + b.name(fd).replaceAll(":\\d+$", "") : r;
                        }),
                new Scenario("F5", "AF_INET6 TCP, V6ONLY 0", "connect ::ffff:255.255.255.255, ::ffff:224.0.0.1", b -> {
                    int fd = b.tcp6();
                    b.setInt(fd, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_V6ONLY, 0);
                    String first = b.r(b.connect(fd, b.in6("::ffff:255.255.255.255", 80)));
                    int fd2 = b.tcp6();
                    b.setInt(fd2, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_V6ONLY, 0);
                    return first + ", " + b.r(b.connect(fd2, b.in6("::ffff:224.0.0.1", 80)));
                }),
                new Scenario("F6", "UDP, SO_BROADCAST off, default route", "connect 255.255.255.255", b -> {
                    b.defaultRoute();
                    return b.r(b.connect(b.udp(), b.in("255.255.255.255", 7000)));
                }),
                new Scenario("F7", "UDP, SO_BROADCAST on, default route", "connect 255.255.255.255; getpeername", b -> {
                    b.defaultRoute();
                    int fd = b.udp();
                    b.setInt(fd, AbiConstant.SOL_SOCKET, AbiConstant.SO_BROADCAST, 1);
                    return b.r(b.connect(fd, b.in("255.255.255.255", 7000))) + ", " + b.peer(fd);
                }),
                new Scenario("F8", "UDP, default route", "connect 224.0.0.1", b -> {
                    b.defaultRoute();
                    return b.r(b.connect(b.udp(), b.in("224.0.0.1", 7000)));
                }),
                new Scenario("G1", "unbound UDP", "connect 127.0.0.1:7000; getpeername; bound?", b -> {
                    int fd = b.udp();
                    String r = b.r(b.connect(fd, b.in("127.0.0.1", 7000)));
                    return r + ", " + b.peer(fd) + ", " + (b.name(fd).endsWith(":0") ? "unbound" : "bound");
                }),
                new Scenario("G2", "UDP", "connect 127.0.0.1:0; getpeername", b -> {
                    int fd = b.udp();
                    return b.r(b.connect(fd, b.in("127.0.0.1", 0))) + ", " + b.peer(fd);
                }),
                new Scenario("G3", "UDP connected to 10.0.0.2:7000", "connect 0.0.0.0:0; getpeername", b -> {
                    int fd = connected(b);
                    return b.r(b.connect(fd, b.in("0.0.0.0", 0))) + ", " + b.peer(fd);
                }),
                new Scenario("G4", "UDP", "connect 0.0.0.0:7000; getpeername", b -> {
                    int fd = b.udp();
                    return b.r(b.connect(fd, b.in("0.0.0.0", 7000))) + ", " + b.peer(fd);
                }),
                new Scenario("G5", "UDP connected to 10.0.0.2:7000", "connect 10.0.0.2:7001; getpeername", b -> {
                    int fd = connected(b);
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 7001))) + ", " + b.peer(fd);
                }),
                new Scenario("G6", "UDP connected", "connect AF_UNSPEC (len 16); getpeername", b -> {
                    int fd = connected(b);
                    return b.r(b.connect(fd, ArgumentRows.family(b, new byte[16], 0))) + ", " + b.peer(fd);
                }),
                new Scenario("G7", "UDP never connected", "connect AF_UNSPEC",
                        b -> b.r(b.connect(b.udp(), ArgumentRows.family(b, new byte[16], 0)))),
                new Scenario("G8", "UDP bound to 127.0.0.1:7100, connected", "dissolve (AF_UNSPEC); getsockname", b -> {
                    int fd = b.udp();
                    b.bind(fd, b.in("127.0.0.1", 7100));
                    b.connect(fd, b.in("127.0.0.1", 7000));
                    b.connect(fd, ArgumentRows.family(b, new byte[16], 0));
                    return b.name(fd);
                }),
                new Scenario("G9", "UDP", "connect with len 2",
                        b -> b.r(b.sys().connect(b.udp(), b.in("127.0.0.1", 7000), 2))),
                new Scenario("G10", "UDP connected to 10.0.0.2:7000", "sendto 10.0.0.2:7001",
                        b -> b.r(b.sendTo(connected(b), b.in(Bench.SERVER, 7001)))),
                new Scenario("G11", "UDP bound :7200 connected to 10.0.0.2:7000", "a datagram from 10.0.0.2:7001; recv",
                        b -> {
                            int fd = b.udp();
                            b.bind(fd, b.in("0.0.0.0", 7200));
                            b.connect(fd, b.in(Bench.SERVER, 7000));
                            sendFromServer(b, 7001);
                            return b.r(b.recvNow(fd));
                        }),
                new Scenario("G12", "datagram from 10.0.0.2:7001 queued, then connect to :7000", "recv", b -> {
                    int fd = b.udp();
                    b.bind(fd, b.in("0.0.0.0", 7200));
                    sendFromServer(b, 7001);
                    b.connect(fd, b.in(Bench.SERVER, 7000));
                    return b.r(b.recvNow(fd));
                }),
                new Scenario("G13", "UDP connected to a port with no listener", "send, (ICMP), recv, recv", b -> {
                    int fd = connected(b);
                    String s = b.r(b.sendTo(fd, null));
                    b.pause(0.1);
                    return s + ", " + b.r(b.recvNow(fd)) + ", " + b.r(b.recvNow(fd));
                }),
                new Scenario("G14", "UDP connected, shutdown(SHUT_RD)", "connect again; recv", b -> {
                    int fd = connected(b);
                    b.sys().shutdown(fd, b.k(AbiConstant.SHUT_RD));
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 7001))) + ", " + b.r(b.recvNow(fd));
                }),
                new Scenario("G15", "UDP bound to 0.0.0.0:7300", "connect 127.0.0.1; getsockname", b -> {
                    int fd = b.udp();
                    b.bind(fd, b.in("0.0.0.0", 7300));
                    b.connect(fd, b.in("127.0.0.1", 7000));
                    return b.name(fd);
                }),
                new Scenario("G16", "UDP connected to 10.0.0.2:7000", "connect 192.0.2.1 (no route); getpeername",
                        b -> {
                            int fd = connected(b);
                            return b.r(b.connect(fd, b.in("192.0.2.1", 7000))) + ", " + b.peer(fd);
                        }),
                new Scenario("I2", "UDP", "listen", b -> b.r(b.sys().listen(b.udp(), 5))));
    }

    /** A UDP socket connected to the server's port 7000 (nothing listens there). */
    static int connected(Bench b) {
        int fd = b.udp();
        b.connect(fd, b.in(Bench.SERVER, 7000));
        return fd;
    }

    /** The server sends one datagram from {@code port} to the client's port 7200. */
    static void sendFromServer(Bench b, int port) {
        b.serverThread(s -> {
            int fd = s.socket(b.k(AbiConstant.AF_INET), b.k(AbiConstant.SOCK_DGRAM), 0);
            byte[] me = b.in("0.0.0.0", port);
            s.bind(fd, me, me.length);
            byte[] to = b.in(Bench.CLIENT, 7200);
            s.sendto(fd, new byte[] {9}, 1, 0, to, to.length);
        });
        b.pause(0.01);
    }
}
