package io.jnetstack.host;

import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.socket.PollFd;
import io.jnetstack.socket.Syscalls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * C-style programs over {@link Syscalls} on the loopback interface, each printing what its calls returned (never a
 * port number or a descriptor value that may differ between kernels), so the transcript of the host kernel and of
 * the simulated Linux personality can be compared line for line.
 */
final class LoopbackPrograms {
    private static final int CLOSED_PORT = 5999;
    private static final int LISTEN_PORT = 6000;

    private LoopbackPrograms() {}

    /** The programs by name, in order. */
    static Map<String, Function<Syscalls, String>> all() {
        Map<String, Function<Syscalls, String>> m = new LinkedHashMap<>();
        m.put("blocking connect to a closed port, twice", s -> new P(s).refusedTwice());
        m.put("non-blocking connect to a closed port, poll, SO_ERROR", s -> new P(s).nonBlockingRefused());
        m.put("non-blocking connect to a listener, connect again", s -> new P(s).nonBlockingToListener());
        m.put("IPv6 connect to a closed port", s -> new P(s).ipv6Refused());
        m.put("bind conflict without and with SO_REUSEADDR", s -> new P(s).bindConflict());
        m.put("calls on the wrong kind of socket", s -> new P(s).wrongState());
        m.put("UDP to a closed port: ECONNREFUSED on the connected socket", s -> new P(s).udpRefused());
        m.put("descriptors: close twice, bad descriptors", s -> new P(s).descriptors());
        m.put("argument checks of connect", s -> new P(s).arguments());
        m.put("AF_UNSPEC dissolves", s -> new P(s).unspec());
        m.put("no route, and reject routes (ip route unreachable / prohibit / blackhole)", s -> new P(s).routes());
        return m;
    }

    /**
     * The routes every target gets before the programs run, as {@code ip route add} arguments: kinds of reject
     * route for {@code routes()} (the namespace has no default route, so 10.55.0.1 has none at all).
     */
    static final List<String[]> ROUTES = List.of(new String[] {"unreachable", "10.66.0.0/16"},
            new String[] {"prohibit", "10.67.0.0/16"}, new String[] {"blackhole", "10.68.0.0/16"});

    /** One program run: the calls and the transcript. */
    private static final class P {
        final Syscalls s;
        final List<String> out = new ArrayList<>();

        P(Syscalls s) {
            this.s = s;
        }

        int k(AbiConstant c) {
            return s.abi().constants().value(c).orElseThrow();
        }

        String r(int rc) {
            return rc >= 0 ? Integer.toString(rc) : "-1 " + s.abi().errnos().errnoOf(s.errno()).map(Errno::name)
                    .orElse("errno " + s.errno());
        }

        String ok(int rc) {
            return rc >= 0 ? "ok" : r(rc);
        }

        void log(String what, String result) {
            out.add(what + ": " + result);
        }

        byte[] in4(int port) {
            byte[] b = new byte[16];
            b[0] = (byte) k(AbiConstant.AF_INET);
            b[2] = (byte) (port >> 8);
            b[3] = (byte) port;
            b[4] = 127;
            b[7] = 1;
            return b;
        }

        byte[] in6(int port) {
            byte[] b = new byte[28];
            b[0] = (byte) k(AbiConstant.AF_INET6);
            b[2] = (byte) (port >> 8);
            b[3] = (byte) port;
            b[23] = 1;
            return b;
        }

        int tcp() {
            return s.socket(k(AbiConstant.AF_INET), k(AbiConstant.SOCK_STREAM), 0);
        }

        int soError(int fd) {
            byte[] v = new byte[4];
            int[] len = {4};
            int rc = s.getsockopt(fd, k(AbiConstant.SOL_SOCKET), k(AbiConstant.SO_ERROR), v, len);
            return rc < 0 ? -1000 : (v[0] & 0xff) | (v[1] & 0xff) << 8;
        }

        String errnoName(int n) {
            return n == 0 ? "0" : s.abi().errnos().errnoOf(n).map(Errno::name).orElse("errno " + n);
        }

        void nonBlocking(int fd) {
            s.fcntl(fd, k(AbiConstant.F_SETFL), k(AbiConstant.O_NONBLOCK));
        }

        String poll(int fd, int events, int timeoutMs) {
            PollFd[] p = {new PollFd(fd, events)};
            int rc = s.poll(p, 1, timeoutMs);
            return rc + " revents=0x" + Integer.toHexString(p[0].revents);
        }

        String done() {
            return String.join("\n", out);
        }

        String refusedTwice() {
            int fd = tcp();
            log("connect", r(s.connect(fd, in4(CLOSED_PORT), 16)));
            log("connect again", r(s.connect(fd, in4(CLOSED_PORT), 16)));
            s.close(fd);
            return done();
        }

        String nonBlockingRefused() {
            int fd = tcp();
            nonBlocking(fd);
            log("connect", r(s.connect(fd, in4(CLOSED_PORT), 16)));
            log("poll POLLOUT", poll(fd, k(AbiConstant.POLLOUT), 1000));
            log("SO_ERROR", errnoName(soError(fd)));
            log("SO_ERROR again", errnoName(soError(fd)));
            log("connect again", r(s.connect(fd, in4(CLOSED_PORT), 16)));
            s.close(fd);
            return done();
        }

        String nonBlockingToListener() {
            int l = tcp();
            log("bind", ok(s.bind(l, in4(LISTEN_PORT), 16)));
            log("listen", ok(s.listen(l, 16)));
            int fd = tcp();
            nonBlocking(fd);
            log("connect", r(s.connect(fd, in4(LISTEN_PORT), 16)));
            log("poll POLLOUT", poll(fd, k(AbiConstant.POLLOUT), 1000));
            log("SO_ERROR", errnoName(soError(fd)));
            log("connect again", r(s.connect(fd, in4(LISTEN_PORT), 16)));
            log("connect a third time", r(s.connect(fd, in4(LISTEN_PORT), 16)));
            int a = s.accept(l, new byte[16], new int[] {16});
            log("accept", a >= 0 ? "a descriptor" : r(a));
            log("shutdown SHUT_WR", ok(s.shutdown(fd, k(AbiConstant.SHUT_WR))));
            byte[] buf = new byte[8];
            log("read on the accepted side", r(s.read(a, buf, 8)));
            log("connect after shutdown", r(s.connect(fd, in4(LISTEN_PORT), 16)));
            s.close(a);
            s.close(fd);
            s.close(l);
            return done();
        }

        String ipv6Refused() {
            int fd = s.socket(k(AbiConstant.AF_INET6), k(AbiConstant.SOCK_STREAM), 0);
            log("connect [::1]", r(s.connect(fd, in6(CLOSED_PORT), 28)));
            log("connect with a short address", r(s.connect(fd, in6(CLOSED_PORT), 20)));
            s.close(fd);
            return done();
        }

        String bindConflict() {
            int a = tcp();
            int b = tcp();
            log("bind a", ok(s.bind(a, in4(LISTEN_PORT + 1), 16)));
            log("bind b", r(s.bind(b, in4(LISTEN_PORT + 1), 16)));
            log("listen a", ok(s.listen(a, 4)));
            byte[] one = {1, 0, 0, 0};
            s.setsockopt(b, k(AbiConstant.SOL_SOCKET), k(AbiConstant.SO_REUSEADDR), one, 4);
            log("bind b with SO_REUSEADDR while a listens", r(s.bind(b, in4(LISTEN_PORT + 1), 16)));
            log("bind a again", r(s.bind(a, in4(LISTEN_PORT + 2), 16)));
            s.close(a);
            s.close(b);
            return done();
        }

        String wrongState() {
            int fd = tcp();
            log("accept on an unbound socket", r(s.accept(fd, null, null)));
            log("shutdown unconnected", r(s.shutdown(fd, k(AbiConstant.SHUT_RDWR))));
            log("getpeername unconnected", r(s.getpeername(fd, new byte[16], new int[] {16})));
            log("send unconnected", r(s.send(fd, new byte[1], 1, k(AbiConstant.MSG_NOSIGNAL))));
            log("connect AF_INET6 address on AF_INET", r(s.connect(fd, in6(CLOSED_PORT), 28)));
            log("connect length 8", r(s.connect(fd, in4(CLOSED_PORT), 8)));
            log("listen unbound", ok(s.listen(fd, 1)));
            log("connect on a listener", r(s.connect(fd, in4(CLOSED_PORT), 16)));
            s.close(fd);
            return done();
        }

        String udpRefused() {
            int fd = s.socket(k(AbiConstant.AF_INET), k(AbiConstant.SOCK_DGRAM), 0);
            log("connect", r(s.connect(fd, in4(CLOSED_PORT), 16)));
            log("send", r(s.send(fd, new byte[4], 4, 0)));
            log("poll POLLIN", poll(fd, k(AbiConstant.POLLIN), 1000));
            log("recv", r(s.recv(fd, new byte[8], 8, k(AbiConstant.MSG_DONTWAIT))));
            log("recv again", r(s.recv(fd, new byte[8], 8, k(AbiConstant.MSG_DONTWAIT))));
            s.close(fd);
            return done();
        }

        byte[] in4(int a, int b, int c, int d, int port) {
            byte[] x = in4(port);
            x[4] = (byte) a;
            x[5] = (byte) b;
            x[6] = (byte) c;
            x[7] = (byte) d;
            return x;
        }

        String arguments() {
            int fd = tcp();
            log("NULL address, length 16", r(s.connect(fd, null, 16)));
            log("NULL address, length 0", r(s.connect(fd, null, 0)));
            log("length 1", r(s.connect(fd, in4(CLOSED_PORT), 1)));
            log("length -1", r(s.connect(fd, in4(CLOSED_PORT), -1)));
            log("length 256", r(s.connect(fd, new byte[256], 256)));
            byte[] junk = in4(CLOSED_PORT);
            junk[0] = 47;
            log("family 47", r(s.connect(fd, junk, 16)));
            byte[] big = java.util.Arrays.copyOf(in4(CLOSED_PORT), 20);
            log("sockaddr_in with length 20", r(s.connect(fd, big, 20)));
            s.close(fd);
            int fd6 = s.socket(k(AbiConstant.AF_INET6), k(AbiConstant.SOCK_STREAM), 0);
            log("AF_INET6 socket, sockaddr_in length 16", r(s.connect(fd6, in4(CLOSED_PORT), 16)));
            log("AF_INET6 socket, sockaddr_in6 length 24", r(s.connect(fd6, in6(CLOSED_PORT), 24)));
            s.close(fd6);
            log("broadcast 255.255.255.255", r(s.connect(tcp(), in4(255, 255, 255, 255, 80), 16)));
            log("multicast 224.0.0.1", r(s.connect(tcp(), in4(224, 0, 0, 1, 80), 16)));
            log("port 0", r(s.connect(tcp(), in4(0), 16)));
            return done();
        }

        String unspec() {
            int fd = tcp();
            byte[] unspec = new byte[16];
            log("AF_UNSPEC on an unconnected TCP socket", r(s.connect(fd, unspec, 16)));
            log("AF_UNSPEC, length 2", r(s.connect(fd, unspec, 2)));
            s.close(fd);
            int u = s.socket(k(AbiConstant.AF_INET), k(AbiConstant.SOCK_DGRAM), 0);
            log("UDP connect", r(s.connect(u, in4(CLOSED_PORT), 16)));
            log("UDP AF_UNSPEC", r(s.connect(u, unspec, 16)));
            log("UDP getpeername after AF_UNSPEC", r(s.getpeername(u, new byte[16], new int[] {16})));
            log("UDP send after AF_UNSPEC", r(s.send(u, new byte[1], 1, 0)));
            s.close(u);
            return done();
        }

        String routes() {
            log("TCP, no route", r(s.connect(tcp(), in4(10, 55, 0, 1, 80), 16)));
            log("TCP, unreachable route", r(s.connect(tcp(), in4(10, 66, 0, 1, 80), 16)));
            log("TCP, prohibit route", r(s.connect(tcp(), in4(10, 67, 0, 1, 80), 16)));
            log("TCP, blackhole route", r(s.connect(tcp(), in4(10, 68, 0, 1, 80), 16)));
            int u = s.socket(k(AbiConstant.AF_INET), k(AbiConstant.SOCK_DGRAM), 0);
            log("UDP, no route", r(s.connect(u, in4(10, 55, 0, 1, 80), 16)));
            log("UDP, unreachable route", r(s.connect(u, in4(10, 66, 0, 1, 80), 16)));
            log("UDP, prohibit route", r(s.connect(u, in4(10, 67, 0, 1, 80), 16)));
            log("UDP, blackhole route", r(s.connect(u, in4(10, 68, 0, 1, 80), 16)));
            s.close(u);
            return done();
        }

        String descriptors() {
            int fd = tcp();
            log("close", ok(s.close(fd)));
            log("close again", r(s.close(fd)));
            log("connect on a closed descriptor", r(s.connect(fd, in4(CLOSED_PORT), 16)));
            log("socket with a bad family", r(s.socket(12345, k(AbiConstant.SOCK_STREAM), 0)));
            log("getsockopt on -1", r(s.getsockopt(-1, k(AbiConstant.SOL_SOCKET), k(AbiConstant.SO_ERROR),
                    new byte[4], new int[] {4})));
            return done();
        }
    }
}
