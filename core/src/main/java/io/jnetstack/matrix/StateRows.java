package io.jnetstack.matrix;

import io.jnetstack.personality.abi.AbiConstant;
import java.util.List;

/** Catalogue §1I: listening, shut-down, closed and accepted sockets. */
final class StateRows {
    private StateRows() {}

    static List<Scenario> rows() {
        return List.of(
                new Scenario("I1", "TCP socket after listen()", "connect anywhere", b -> {
                    int fd = b.tcp();
                    b.sys().listen(fd, 5);
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                }),
                new Scenario("I4", "fd closed", "connect", b -> {
                    int fd = b.tcp();
                    b.sys().close(fd);
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                }),
                new Scenario("I6", "connection fully closed by us first (TIME_WAIT)", "connect", b -> {
                    b.acceptReadClose(80);
                    int fd = b.tcp();
                    b.connect(fd, b.in(Bench.SERVER, 80));
                    b.sys().shutdown(fd, b.k(AbiConstant.SHUT_WR));
                    b.pause(0.1);
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                }),
                new Scenario("I9", "SO_RESTRICTIONS with SO_RESTRICT_DENY_OUT", "connect", b -> {
                    int fd = b.tcp();
                    if (b.k(AbiConstant.SO_RESTRICTIONS) < 0) {
                        return "n/a (no SO_RESTRICTIONS)";
                    }
                    b.setInt(fd, AbiConstant.SOL_SOCKET, AbiConstant.SO_RESTRICTIONS, 0x2);
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                }),
                new Scenario("I10", "process in capability mode (cap_enter)", "connect", b -> {
                    int fd = b.tcp();
                    int r = b.sys().capEnter();
                    return r < 0 ? "cap_enter " + b.r(r) : b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                }),
                new Scenario("I7", "accepted TCP socket", "connect", b -> {
                    int l = b.tcp();
                    b.bind(l, b.in("0.0.0.0", 90));
                    b.sys().listen(l, 5);
                    b.serverThread(s -> {
                        int fd = s.socket(b.k(AbiConstant.AF_INET), b.k(AbiConstant.SOCK_STREAM), 0);
                        byte[] a = b.in(Bench.CLIENT, 90);
                        s.connect(fd, a, a.length);
                    });
                    int c = b.sys().accept(l, null, null);
                    return b.r(b.connect(c, b.in(Bench.SERVER, 80)));
                }));
    }
}
