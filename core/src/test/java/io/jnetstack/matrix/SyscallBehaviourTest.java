package io.jnetstack.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.socket.FdSet;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * System-call behaviour around connect that the catalogue rows do not pin down: descriptor limits, signals
 * interrupting accept and read (with and without SA_RESTART), SO_RCVTIMEO on read and accept per OS, select,
 * fcntl/ioctl, socketpair, and the options connect's callers read back.
 */
class SyscallBehaviourTest {

    private static String run(String os, Function<Bench, String> body) {
        return Matrix.run(new Scenario("t", "", "", body), Personality.named(os), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "freebsd", "openbsd", "macos"})
    void theProcessLimit_isEmfile_andTheHostLimit_isEnfile(String os) {
        assertThat(run(os, b -> {
            b.sys().setOpenFileLimit(6); // 0, 1, 2 are open: three sockets fit
            String r = b.r(b.tcp()) + " " + b.r(b.tcp()) + " " + b.r(b.tcp()) + " " + b.r(b.tcp());
            b.sys().setOpenFileLimit(1000);
            String name = b.sys().sysctl("fs.file-max", null, null) == 0 ? "fs.file-max" : "kern.maxfiles";
            b.sys().sysctl(name, null, new long[] {7}); // stdin/out/err, the three sockets and one more
            return r + " | " + b.r(b.udp()) + " " + b.r(b.udp());
        })).isEqualTo("3 4 5 -1 EMFILE | 6 -1 ENFILE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "freebsd", "openbsd", "macos"})
    void aSignalInterruptsAcceptAndRead_andSaRestartRestartsThem(String os) {
        assertThat(run(os, b -> {
            int l = b.tcp();
            b.bind(l, b.in("0.0.0.0", 9000));
            b.sys().listen(l, 5);
            b.alarm(1, false);
            String plain = b.r(b.sys().accept(l, null, null));
            b.alarm(1, true);
            b.server.spawn("late").start("main", t -> {
                t.sleep(2 * Bench.SECOND); // after the restarted accept is waiting again
                var s = t.syscalls();
                int fd = s.socket(b.k(AbiConstant.AF_INET), b.k(AbiConstant.SOCK_STREAM), 0);
                byte[] a = b.in(Bench.CLIENT, 9000);
                s.connect(fd, a, a.length);
                t.sleep(60 * Bench.SECOND);
            });
            int c = b.sys().accept(l, null, null);
            String restarted = c >= 0 ? "fd" : b.r(c);
            b.alarm(1, false);
            String read = b.r(b.sys().read(c, new byte[4], 4));
            b.alarm(1, true);
            b.setTimeout(c, AbiConstant.SO_RCVTIMEO, 3);
            String timedOut = b.r(b.sys().read(c, new byte[4], 4));
            return plain + ", " + restarted + ", " + read + ", " + timedOut;
        })).isEqualTo("-1 EINTR, fd, -1 EINTR, -1 EAGAIN");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"linux,-1 EAGAIN", "freebsd,-1 EINTR", "openbsd,-1 EINTR", "macos,-1 EINTR"})
    void soRcvtimeo_boundsAcceptOnLinuxOnly(String os, String expected) {
        assertThat(run(os, b -> {
            int l = b.tcp();
            b.bind(l, b.in("0.0.0.0", 9001));
            b.sys().listen(l, 5);
            b.setTimeout(l, AbiConstant.SO_RCVTIMEO, 1);
            b.alarm(5, false); // ends the wait where the timeout is ignored
            return b.r(b.sys().accept(l, null, null));
        })).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "freebsd", "openbsd", "macos"})
    void select_reportsTheConnectedSocketWritable_andTheListenerReadable(String os) {
        assertThat(run(os, b -> {
            b.listenAndAccept(80);
            int l = b.tcp();
            b.bind(l, b.in("0.0.0.0", 9002));
            b.sys().listen(l, 5);
            int fd = b.tcp();
            b.nonBlocking(fd);
            b.connect(fd, b.in(Bench.SERVER, 80));
            FdSet w = new FdSet();
            w.set(fd);
            FdSet r = new FdSet();
            r.set(l);
            int n = b.sys().select(fd + 1, r, w, null, -1);
            String first = n + " " + w.isSet(fd) + " " + r.isSet(l);
            FdSet bad = new FdSet();
            bad.set(fd + 10);
            return first + ", " + b.r(b.sys().select(fd + 11, bad, null, null, 0)) + ", "
                    + b.r(b.sys().select(-1, null, null, null, 0));
        })).isEqualTo("1 true false, -1 EBADF, -1 EINVAL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "freebsd", "openbsd", "macos"})
    void fcntlIoctlAndOptions_readBackWhatWasSet(String os) {
        assertThat(run(os, b -> {
            int fd = b.tcp();
            int[] on = {1};
            b.sys().ioctl(fd, b.k(AbiConstant.FIONBIO), on);
            boolean nb = (b.sys().fcntl(fd, b.k(AbiConstant.F_GETFL), 0) & b.k(AbiConstant.O_NONBLOCK)) != 0;
            b.sys().fcntl(fd, b.k(AbiConstant.F_SETFD), b.k(AbiConstant.FD_CLOEXEC));
            int fdFlags = b.sys().fcntl(fd, b.k(AbiConstant.F_GETFD), 0);
            byte[] v = new byte[4];
            int[] len = {4};
            b.sys().getsockopt(fd, b.k(AbiConstant.SOL_SOCKET), b.k(AbiConstant.SO_TYPE), v, len);
            String bad = b.r(b.sys().ioctl(fd, 0x7fff_0000, on)) + " " + b.r(b.sys().fcntl(fd, 9999, 0)) + " "
                    + b.r(b.sys().getsockopt(fd, 12345, 1, v, len)) + " " + b.r(b.sys().ioctl(-1, 0, on));
            return nb + " " + (fdFlags == b.k(AbiConstant.FD_CLOEXEC)) + " " + (v[0] == b.k(AbiConstant.SOCK_STREAM))
                    + " " + bad;
        })).isEqualTo("true true true -1 ENOTTY -1 EINVAL -1 ENOPROTOOPT -1 EBADF");
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "freebsd", "openbsd", "macos"})
    void socketpair_carriesBytesBothWays_andFionreadCountsThem(String os) {
        assertThat(run(os, b -> {
            int[] sv = new int[2];
            int r = b.sys().socketpair(b.k(AbiConstant.AF_UNIX), b.k(AbiConstant.SOCK_STREAM), 0, sv);
            b.sys().write(sv[0], new byte[] {7, 8, 9}, 3);
            byte[] got = new byte[8];
            int n = b.sys().read(sv[1], got, 8);
            String inet = b.r(b.sys().socketpair(b.k(AbiConstant.AF_INET), b.k(AbiConstant.SOCK_STREAM), 0, sv));
            return r + " " + n + " " + got[2] + " " + inet;
        })).isEqualTo("0 3 9 -1 EOPNOTSUPP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "freebsd", "openbsd", "macos"})
    void killingAProcess_closesItsDescriptors_soItsListenerIsGone(String os) {
        assertThat(run(os, b -> {
            var server = b.client.spawn("server");
            server.start("main", t -> {
                var s = t.syscalls();
                int l = s.socket(b.k(AbiConstant.AF_INET), b.k(AbiConstant.SOCK_STREAM), 0);
                byte[] a = b.in("0.0.0.0", 9100);
                s.bind(l, a, a.length);
                s.listen(l, 5);
                t.sleep(3600 * Bench.SECOND);
            });
            b.pause(0.001);
            String before = b.r(b.connect(b.tcp(), b.in("127.0.0.1", 9100)));
            int files = b.client.kernel().openFiles();
            server.kill();
            return before + ", " + (files - b.client.kernel().openFiles()) + " closed, "
                    + b.r(b.connect(b.tcp(), b.in("127.0.0.1", 9100)));
        })).isEqualTo("0, 4 closed, -1 ECONNREFUSED"); // its standard input, output, error and the listener
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"linux,n/a", "freebsd,-1 EPIPE", "openbsd,n/a", "macos,-1 EPIPE"})
    void writingAfterShutdown_raisesSigpipe_unlessIgnoredOrSuppressed(String os, String noSigPipe) {
        assertThat(run(os, b -> {
            b.listenAndAccept(80);
            int fd = connectedThenShut(b);
            b.sys().sigaction(13, io.jnetstack.socket.SignalDisposition.IGNORE);
            String ignored = b.r(b.sys().write(fd, new byte[] {1}, 1));
            b.sys().sigaction(13, io.jnetstack.socket.SignalDisposition.DEFAULT);
            String quiet = b.r(b.sys().send(fd, new byte[] {1}, 1, b.k(AbiConstant.MSG_NOSIGNAL)));
            String option = "n/a";
            if (b.k(AbiConstant.SO_NOSIGPIPE) >= 0) {
                b.setInt(fd, AbiConstant.SOL_SOCKET, AbiConstant.SO_NOSIGPIPE, 1);
                option = b.r(b.sys().write(fd, new byte[] {1}, 1));
            }
            b.client.spawn("victim").start("main", t -> {
                var s = t.syscalls();
                int c = s.socket(b.k(AbiConstant.AF_INET), b.k(AbiConstant.SOCK_STREAM), 0);
                byte[] a = b.in(Bench.SERVER, 80);
                s.connect(c, a, a.length);
                s.shutdown(c, b.k(AbiConstant.SHUT_WR));
                s.write(c, new byte[] {1}, 1);
            });
            b.pause(0.1);
            var victim = b.client.processes().get(b.client.processes().size() - 1);
            return ignored + ", " + quiet + ", " + option + ", killed by " + victim.threads().get(0).killedBy();
        })).isEqualTo("-1 EPIPE, -1 EPIPE, " + noSigPipe + ", killed by 13");
    }

    private static int connectedThenShut(Bench b) {
        int fd = b.tcp();
        b.connect(fd, b.in(Bench.SERVER, 80));
        b.sys().shutdown(fd, b.k(AbiConstant.SHUT_WR));
        return fd;
    }
}
