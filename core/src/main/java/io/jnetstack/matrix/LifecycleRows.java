package io.jnetstack.matrix;

import io.jnetstack.personality.abi.AbiConstant;
import java.util.List;

/** Catalogue §1C: blocking and non-blocking connect, EINPROGRESS/EALREADY/EISCONN, SO_ERROR, poll, signals. */
final class LifecycleRows {
    private LifecycleRows() {}

    static List<Scenario> rows() {
        return List.of(
                new Scenario("C1", "blocking TCP, listener present", "connect", b -> {
                    b.listenAndAccept(80);
                    return b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 80)));
                }),
                new Scenario("C2", "non-blocking TCP, listener", "connect", b -> {
                    b.listenAndAccept(80);
                    int fd = b.tcp();
                    b.nonBlocking(fd);
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                }),
                new Scenario("C3", "non-blocking, SYN_SENT", "connect again", b -> {
                    int fd = b.tcp();
                    b.nonBlocking(fd);
                    b.connect(fd, b.in(Bench.HOLE, 80));
                    return b.r(b.connect(fd, b.in(Bench.HOLE, 80)));
                }),
                new Scenario("C4", "blocking socket in SYN_SENT (another thread)", "connect again", b -> {
                    b.listenAndAccept(80);
                    b.dropFirstSynAtServer(); // the first thread's attempt is still in SYN_SENT when we connect
                    int fd = b.tcp();
                    b.otherThread(s -> s.connect(fd, b.in(Bench.SERVER, 80), 16));
                    b.pause(0.0001);
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                }),
                new Scenario("C5", "non-blocking connect completed (POLLOUT, SO_ERROR 0)", "connect, connect", b -> {
                    b.listenAndAccept(80);
                    int fd = b.tcp();
                    b.nonBlocking(fd);
                    b.connect(fd, b.in(Bench.SERVER, 80));
                    b.poll(fd, -1);
                    b.soError(fd);
                    String first = b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                    return first + ", " + b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                }),
                new Scenario("C6", "established", "connect", b -> {
                    b.listenAndAccept(80);
                    int fd = b.tcp();
                    b.connect(fd, b.in(Bench.SERVER, 80));
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 81)));
                }),
                new Scenario("C7", "established, peer closed (CLOSE_WAIT)", "connect", b -> {
                    b.acceptAndClose(80);
                    int fd = b.tcp();
                    b.connect(fd, b.in(Bench.SERVER, 80));
                    b.pause(0.1);
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                }),
                new Scenario("C8", "non-blocking, peer answers RST", "connect, poll, SO_ERROR", b -> {
                    int fd = refusedNonBlocking(b);
                    return "-1 EINPROGRESS, " + b.poll(fd, -1) + ", " + b.soError(fd);
                }),
                new Scenario("C9", "C8, SO_ERROR read", "connect again", b -> {
                    int fd = refusedNonBlocking(b);
                    b.poll(fd, -1);
                    b.soError(fd);
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 81)));
                }),
                new Scenario("C10", "C8, SO_ERROR not read", "connect again", b -> {
                    int fd = refusedNonBlocking(b);
                    b.poll(fd, -1);
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 81)));
                }),
                new Scenario("C11", "blocking connect refused, then a listener starts", "connect again", b -> {
                    int fd = b.tcp();
                    b.connect(fd, b.in(Bench.SERVER, 81));
                    b.listenAndAccept(81);
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 81)));
                }),
                new Scenario("C12", "C8", "read, read", b -> {
                    int fd = refusedNonBlocking(b);
                    b.poll(fd, -1);
                    byte[] buf = new byte[16];
                    String first = b.r(b.sys().read(fd, buf, 16));
                    return first + ", " + b.r(b.sys().read(fd, buf, 16));
                }),
                new Scenario("C13", "blocking connect, signal without SA_RESTART", "connect; blocking connect again",
                        b -> {
                            int fd = b.tcp();
                            b.alarm(0.5, false);
                            String first = b.r(b.connect(fd, b.in(Bench.HOLE, 80)));
                            b.alarm(1, false);
                            return first + ", " + b.r(b.connect(fd, b.in(Bench.HOLE, 80)));
                        }),
                new Scenario("C14", "blocking connect to a black hole, signal with SA_RESTART", "connect", b -> {
                    int fd = b.tcp();
                    b.blackHoleServer();
                    b.alarm(0.5, true);
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                }),
                new Scenario("C15", "blocking, SO_SNDTIMEO 2 s, SYN unanswered", "connect", b -> {
                    int fd = b.tcp();
                    b.blackHoleServer();
                    byte[] tv = new byte[16];
                    tv[0] = 2;
                    b.sys().setsockopt(fd, b.k(AbiConstant.SOL_SOCKET), b.k(AbiConstant.SO_SNDTIMEO), tv, 16);
                    return b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
                }),
                new Scenario("C16", "SYN_SENT", "poll(POLLIN|POLLOUT, 0)", b -> {
                    int fd = b.tcp();
                    b.nonBlocking(fd);
                    b.connect(fd, b.in(Bench.HOLE, 80));
                    return b.poll(fd, 0);
                }),
                new Scenario("C17", "fresh unconnected TCP socket", "poll(POLLIN|POLLOUT, 0)",
                        b -> b.poll(b.tcp(), 0)),
                new Scenario("C18", "blocking connect refused", "SO_ERROR twice", b -> {
                    int fd = b.tcp();
                    b.nonBlocking(fd);
                    b.connect(fd, b.in(Bench.SERVER, 81));
                    b.pause(0.1);
                    return b.soError(fd) + ", " + b.soError(fd);
                }),
                new Scenario("C19", "SYN never answered, no ICMP", "blocking connect", b -> {
                    b.blackHoleServer();
                    return b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 80)));
                }),
                new Scenario("C21", "peer RSTs the SYN (closed port)", "blocking connect",
                        b -> b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 81)))),
                new Scenario("C22", "non-blocking SYN_SENT", "close", b -> {
                    int fd = b.tcp();
                    b.nonBlocking(fd);
                    b.connect(fd, b.in(Bench.HOLE, 80));
                    return b.r(b.sys().close(fd));
                }),
                new Scenario("C23", "non-blocking SYN_SENT", "shutdown(SHUT_RDWR), poll", b -> {
                    int fd = b.tcp();
                    b.nonBlocking(fd);
                    b.connect(fd, b.in(Bench.HOLE, 80));
                    String r = b.r(b.sys().shutdown(fd, b.k(AbiConstant.SHUT_RDWR)));
                    return r + ", " + b.poll(fd, 0);
                }));
    }

    /** A non-blocking connect to the server's closed port 81: EINPROGRESS, then the RST. */
    static int refusedNonBlocking(Bench b) {
        int fd = b.tcp();
        b.nonBlocking(fd);
        b.connect(fd, b.in(Bench.SERVER, 81));
        return fd;
    }
}
