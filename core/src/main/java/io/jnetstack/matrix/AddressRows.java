package io.jnetstack.matrix;

import io.jnetstack.personality.abi.AbiConstant;
import java.util.List;

/** Catalogue §1E (implicit bind), §1F (broadcast and multicast destinations) and §1J (IPv6, v4-mapped, ANY). */
final class AddressRows {
    private AddressRows() {}

    static List<Scenario> rows() {
        return List.of(
                new Scenario("E1", "unbound TCP", "connect; getsockname's port range", b -> {
                    b.listenAndAccept(80);
                    int fd = b.tcp();
                    String r = b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                    byte[] a = new byte[128];
                    int[] len = {128};
                    b.sys().getsockname(fd, a, len);
                    int port = (a[2] & 0xff) << 8 | a[3] & 0xff;
                    long[] range = b.portRangeNow(); // the port itself is random: report where it fell
                    if (range == null) {
                        return r + ", port " + port + " (no port range sysctl)";
                    }
                    String in = port >= range[0] && port <= range[1] ? "in " : "outside ";
                    return r + ", port " + in + range[0] + ".." + range[1];
                }),
                new Scenario("E7", "bound to INADDR_ANY:P", "connect; getsockname", b -> {
                    b.listenAndAccept(80);
                    int fd = b.tcp();
                    b.bind(fd, b.in("0.0.0.0", 40000));
                    String r = b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                    return r + ", " + name(b, fd);
                }),
                new Scenario("F1", "TCP", "connect 255.255.255.255",
                        b -> b.r(b.connect(b.tcp(), b.in("255.255.255.255", 80)))),
                new Scenario("F2", "TCP", "connect 224.0.0.1",
                        b -> b.r(b.connect(b.tcp(), b.in("224.0.0.1", 80)))),
                new Scenario("F3", "TCP", "connect the subnet broadcast 10.0.0.255",
                        b -> b.r(b.connect(b.tcp(), b.in("10.0.0.255", 80)))),
                new Scenario("F4", "AF_INET6 TCP", "connect ff02::1",
                        b -> b.r(b.connect(b.tcp6(), b.in6("ff02::1", 80)))),
                new Scenario("J1", "AF_INET6 TCP, default IPV6_V6ONLY, v4 listener", "connect ::ffff:10.0.0.2", b -> {
                    b.listenAndAccept(80);
                    return b.r(b.connect(b.tcp6(), b.in6("::ffff:10.0.0.2", 80)));
                }),
                new Scenario("J2", "IPV6_V6ONLY = 1", "connect ::ffff:10.0.0.2", b -> {
                    b.listenAndAccept(80);
                    int fd = b.tcp6();
                    b.setInt(fd, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_V6ONLY, 1);
                    return b.r(b.connect(fd, b.in6("::ffff:10.0.0.2", 80)));
                }),
                new Scenario("J3", "AF_INET6 bound to its native address, V6ONLY 0", "connect ::ffff:10.0.0.2", b -> {
                    b.listenAndAccept(80);
                    int fd = b.tcp6();
                    b.setInt(fd, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_V6ONLY, 0);
                    int r = b.bind(fd, b.in6("2001:db8::1", 0));
                    return r < 0 ? "bind " + b.r(r) : b.r(b.connect(fd, b.in6("::ffff:10.0.0.2", 80)));
                }),
                new Scenario("J4", "AF_INET6 bound to ::ffff:10.0.0.1", "connect 2001:db8::2", b -> {
                    b.listen6AndAccept(80);
                    int fd = b.tcp6();
                    b.setInt(fd, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_V6ONLY, 0);
                    int r = b.bind(fd, b.in6("::ffff:10.0.0.1", 0));
                    return r < 0 ? "bind " + b.r(r) : b.r(b.connect(fd, b.in6("2001:db8::2", 80)));
                }),
                new Scenario("J9", "AF_INET6 TCP", "connect [2001:db8::2]:0",
                        b -> b.r(b.connect(b.tcp6(), b.in6("2001:db8::2", 0)))),
                new Scenario("J5", "AF_INET6 TCP", "connect [::]:81 (unused port)",
                        b -> b.r(b.connect(b.tcp6(), b.in6("::", 81)))),
                new Scenario("J6", "AF_INET TCP", "connect 0.0.0.0:81 (unused port)",
                        b -> b.r(b.connect(b.tcp(), b.in("0.0.0.0", 81)))));
    }

    /** getsockname's address:port, IPv4. */
    static String name(Bench b, int fd) {
        byte[] a = new byte[128];
        int[] len = {128};
        int r = b.sys().getsockname(fd, a, len);
        if (r < 0) {
            return b.r(r);
        }
        int port = (a[2] & 0xff) << 8 | a[3] & 0xff;
        return (a[4] & 0xff) + "." + (a[5] & 0xff) + "." + (a[6] & 0xff) + "." + (a[7] & 0xff) + ":" + port;
    }
}
