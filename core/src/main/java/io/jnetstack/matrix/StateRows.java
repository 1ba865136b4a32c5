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
                new Scenario("I5", "non-blocking TCP in SYN_SENT, dissolved with AF_UNSPEC", "connect again", b -> {
                    int fd = b.tcp();
                    b.nonBlocking(fd);
                    b.connect(fd, b.in(Bench.HOLE, 80));
                    String d = b.r(b.connect(fd, ArgumentRows.family(b, new byte[16], 0)));
                    return d + ", " + b.r(b.connect(fd, b.in(Bench.HOLE, 80)));
                }),
                new Scenario("I8", "socket made defunct by the system (app suspended)", "connect", b -> {
                    int fd = b.tcp();
                    return b.makeDefunct(fd)
                            ? b.r(b.connect(fd, b.in(Bench.SERVER, 80))) : "n/a (no defunct sockets)";
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
                new Scenario("I11", "pledge(\"stdio\"), then pledge(\"stdio error\") in another process",
                        "connect (TCP socket made before the pledge)", b -> {
                            int fd = b.tcp();
                            int p = b.sys().pledge("stdio error");
                            if (p < 0) {
                                return "pledge " + b.r(p);
                            }
                            String withError = b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                            b.client.spawn("strict").start("main", t -> {
                                var s = t.syscalls();
                                int f = s.socket(b.k(AbiConstant.AF_INET), b.k(AbiConstant.SOCK_STREAM), 0);
                                s.pledge("stdio");
                                byte[] a = b.in(Bench.SERVER, 80);
                                s.connect(f, a, a.length);
                            });
                            b.pause(0.001);
                            var strict = b.client.processes().get(b.client.processes().size() - 1);
                            int killedBy = strict.threads().get(0).killedBy();
                            return withError + ", " + (killedBy == 6 ? "killed by SIGABRT" : "not killed");
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
