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
        return m;
    }

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
