package io.jnetstack.matrix;

import java.util.Arrays;
import java.util.List;

/** Catalogue §1A (argument validation) and §1B (address family), on TCP sockets. */
final class ArgumentRows {
    private ArgumentRows() {}

    static List<Scenario> rows() {
        return List.of(
                new Scenario("A1", "fd = -1", "connect valid sockaddr_in, len 16",
                        b -> b.r(b.connect(-1, b.in(Bench.SERVER, 80)))),
                new Scenario("A2", "fd = a non-socket (standard input)", "connect valid addr",
                        b -> b.r(b.connect(0, b.in(Bench.SERVER, 80)))),
                new Scenario("A3", "fd = -1", "len = 300",
                        b -> b.r(b.sys().connect(-1, new byte[300], 300))),
                new Scenario("A4", "fd = non-socket", "addr unmapped, len 16",
                        b -> b.r(b.sys().connect(0, new byte[0], 16))),
                new Scenario("A5", "TCP socket", "addr NULL, len 16",
                        b -> b.r(b.sys().connect(b.tcp(), null, 16))),
                new Scenario("A6", "TCP socket", "addr NULL, len 0",
                        b -> b.r(b.sys().connect(b.tcp(), null, 0))),
                new Scenario("A7", "TCP socket", "len 1",
                        b -> b.r(b.sys().connect(b.tcp(), b.in(Bench.SERVER, 80), 1))),
                new Scenario("A8", "TCP socket", "len -1",
                        b -> b.r(b.sys().connect(b.tcp(), pad(b.in(Bench.SERVER, 80), 300), -1))),
                new Scenario("A9", "TCP socket", "len 256",
                        b -> b.r(b.sys().connect(b.tcp(), pad(b.in(Bench.SERVER, 80), 256), 256))),
                new Scenario("A10", "TCP socket", "len 200, sockaddr_in at start",
                        b -> b.r(b.sys().connect(b.tcp(), pad(b.in(Bench.SERVER, 80), 200), 200))),
                new Scenario("A11", "TCP socket", "len 8",
                        b -> b.r(b.sys().connect(b.tcp(), b.in(Bench.SERVER, 80), 8))),
                new Scenario("A12", "TCP socket, listener", "sockaddr_in with len 20", b -> {
                    b.listenAndAccept(80);
                    return b.r(b.sys().connect(b.tcp(), pad(b.in(Bench.SERVER, 80), 20), 20));
                }),
                new Scenario("A13", "TCP socket, listener", "sin_zero non-zero", b -> {
                    b.listenAndAccept(80);
                    byte[] a = b.in(Bench.SERVER, 80);
                    Arrays.fill(a, 8, 16, (byte) 0x5a);
                    return b.r(b.connect(b.tcp(), a));
                }),
                new Scenario("A14", "TCP socket, listener", "bogus sa_len byte, len 16", b -> {
                    b.listenAndAccept(80);
                    byte[] a = b.in(Bench.SERVER, 80);
                    if (!b.sys().abi().sockaddr().hasLengthByte()) {
                        return "n/a";
                    }
                    a[0] = (byte) 0xff;
                    return b.r(b.connect(b.tcp(), a));
                }),
                new Scenario("A15", "AF_INET6 TCP, v6 listener", "sockaddr_in6 len 24", b -> {
                    b.listen6AndAccept(80);
                    return b.r(b.sys().connect(b.tcp6(), b.in6("2001:db8::2", 80), 24));
                }),
                new Scenario("B1", "AF_INET TCP", "sa_family 47, len 16",
                        b -> b.r(b.connect(b.tcp(), family(b, b.in(Bench.SERVER, 80), 47)))),
                new Scenario("B2", "AF_INET TCP", "AF_INET6 sockaddr, len 28",
                        b -> b.r(b.connect(b.tcp(), b.in6("2001:db8::2", 80)))),
                new Scenario("B3", "AF_INET TCP, unconnected", "AF_UNSPEC, len 16",
                        b -> b.r(b.connect(b.tcp(), family(b, new byte[16], 0)))),
                new Scenario("B4", "AF_INET TCP, established", "AF_UNSPEC, len 16", b -> {
                    b.listenAndAccept(80);
                    int fd = b.tcp();
                    b.connect(fd, b.in(Bench.SERVER, 80));
                    return b.r(b.connect(fd, family(b, new byte[16], 0)));
                }),
                new Scenario("B5", "AF_INET TCP, unconnected", "AF_UNSPEC, len 2",
                        b -> b.r(b.sys().connect(b.tcp(), family(b, new byte[16], 0), 2))),
                new Scenario("B6", "AF_INET6 TCP", "AF_INET sockaddr, len 16",
                        b -> b.r(b.connect(b.tcp6(), b.in(Bench.SERVER, 80)))),
                new Scenario("B7", "AF_INET6 TCP", "AF_INET sockaddr padded to 28",
                        b -> b.r(b.sys().connect(b.tcp6(), pad(b.in(Bench.SERVER, 80), 28), 28))));
    }

    static byte[] pad(byte[] a, int len) {
        return Arrays.copyOf(a, len);
    }

    /** Sets the family field: the second byte after sa_len on the BSDs, the first 16-bit word on Linux. */
    static byte[] family(Bench b, byte[] a, int family) {
        if (b.sys().abi().sockaddr().hasLengthByte()) {
            a[0] = (byte) a.length;
            a[1] = (byte) family;
        } else {
            a[0] = (byte) family;
            a[1] = 0;
        }
        return a;
    }
}
