package io.jnetstack.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.socket.FdSet;
import io.jnetstack.socket.PollFd;
import io.jnetstack.socket.SignalDisposition;
import io.jnetstack.socket.Syscalls;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad arguments never crash the kernel: two threads of one process on the client host make a million random system
 * calls per personality — random descriptors, constants, lengths, buffers too short or null, addresses of every
 * family and of random bytes — against a server that accepts. No Java exception may escape a thread, and every errno
 * must be one the OS defines.
 */
@Execution(ExecutionMode.CONCURRENT)
class RandomSyscallTest {
    private static final int CALLS = 1_000_000;

    @ParameterizedTest
    @ValueSource(strings = {"linux", "freebsd", "openbsd", "macos"})
    void aMillionRandomCalls_neverThrow_andOnlyReturnErrnosTheOsHas(String os) {
        Scenario s = new Scenario("random", "", "", b -> {
            b.listenAndAccept(80);
            b.sys().sigaction(13, SignalDisposition.IGNORE); // as any program writing to sockets does: EPIPE, no death
            Set<Errno> seen = EnumSet.noneOf(Errno.class);
            long[] calls = {0};
            String[] bad = {null};
            Runnable worker = () -> { };
            b.thread.process().start("second", t -> run(b, t.syscalls(), new SplittableRandom(2), CALLS / 2, seen,
                    bad, calls));
            run(b, b.sys(), new SplittableRandom(1), CALLS / 2, seen, bad, calls);
            b.pause(1);
            worker.run();
            return bad[0] != null ? bad[0] : "ok " + calls[0] + " " + seen.size();
        });
        String r = Matrix.run(s, Personality.named(os), null);
        assertThat(r).as(os).startsWith("ok " + CALLS);
    }

    private static void run(Bench b, Syscalls sys, SplittableRandom rnd, int n, Set<Errno> seen, String[] bad,
            long[] calls) {
        var errnos = sys.abi().errnos();
        for (int i = 0; i < n; i++) {
            int r = call(b, sys, rnd);
            calls[0]++;
            if (r == -1) {
                var e = errnos.errnoOf(sys.errno());
                if (e.isEmpty()) {
                    bad[0] = "errno " + sys.errno() + " not defined on " + sys.abi().name() + " at call " + i;
                } else {
                    seen.add(e.get());
                }
            }
        }
    }

    private static final AbiConstant[] CONSTANTS = AbiConstant.values();
    private static final String[] SYSCTLS = {"kern.maxfiles", "fs.file-max", "net.ipv4.ip_local_port_range",
        "net.inet.ip.portrange.first", "net.inet.ip.portlast", "no.such.name"};

    private static int k(Syscalls s, SplittableRandom rnd) {
        int pick = rnd.nextInt(10);
        if (pick < 7) {
            return s.abi().constants().value(CONSTANTS[rnd.nextInt(CONSTANTS.length)]).orElse(rnd.nextInt());
        }
        return pick == 7 ? -1 : rnd.nextInt(300) - 20;
    }

    private static int fd(SplittableRandom rnd) {
        return rnd.nextInt(12) - 2;
    }

    private static byte[] buf(Bench b, Syscalls s, SplittableRandom rnd) {
        return switch (rnd.nextInt(9)) {
            case 0 -> null;
            case 7 -> b.un(rnd.nextBoolean() ? "/r" + rnd.nextInt(4) : "/nonexistent/dir/" + rnd.nextInt(4));
            case 1 -> new byte[rnd.nextInt(4)];
            case 2 -> b.in(rnd.nextBoolean() ? Bench.SERVER : "127.0.0.1",
                    rnd.nextInt(3) == 0 ? 80 : rnd.nextInt(65536));
            case 3 -> b.in6(rnd.nextBoolean() ? "2001:db8::2" : "::ffff:10.0.0.2", rnd.nextInt(3) == 0 ? 80 : 81);
            case 4 -> ArgumentRows.family(b, new byte[16], rnd.nextInt(40));
            default -> {
                byte[] x = new byte[rnd.nextInt(300)];
                rnd.nextBytes(x);
                yield x;
            }
        };
    }

    private static int len(byte[] buf, SplittableRandom rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> rnd.nextInt(300) - 5;
            case 1 -> -1;
            default -> buf == null ? 16 : buf.length;
        };
    }

    /** One random call; blocking ones only on non-blocking descriptors or with zero timeouts. */
    private static int call(Bench b, Syscalls s, SplittableRandom rnd) {
        int fd = fd(rnd);
        byte[] a = buf(b, s, rnd);
        int[] lenRef = rnd.nextInt(6) == 0 ? null : new int[] {rnd.nextInt(6) == 0 ? -1 : rnd.nextInt(140)};
        return switch (rnd.nextInt(23)) {
            case 0, 1 -> {
                int f = s.socket(k(s, rnd), k(s, rnd) | s.abi().constants().value(AbiConstant.SOCK_NONBLOCK)
                        .orElse(0), rnd.nextInt(4) == 0 ? k(s, rnd) : 0);
                if (f >= 0 && s.abi().constants().value(AbiConstant.SOCK_NONBLOCK).isEmpty()) {
                    s.ioctl(f, s.abi().constants().value(AbiConstant.FIONBIO).orElse(0), new int[] {1});
                }
                yield f;
            }
            case 2 -> s.bind(fd, a, len(a, rnd));
            case 3 -> s.listen(fd, rnd.nextInt(20) - 5);
            case 4 -> nonBlocking(s, fd) ? s.accept(fd, a, lenRef) : 0;
            case 5, 6 -> nonBlocking(s, fd) ? s.connect(fd, a, len(a, rnd)) : 0;
            case 7 -> s.close(fd);
            case 8 -> s.shutdown(fd, k(s, rnd));
            case 9 -> nonBlocking(s, fd) ? s.read(fd, a, len(a, rnd)) : 0;
            case 10 -> nonBlocking(s, fd) ? s.write(fd, a, len(a, rnd)) : 0;
            case 11 -> s.getsockopt(fd, k(s, rnd), k(s, rnd), a, lenRef);
            case 12 -> s.setsockopt(fd, k(s, rnd), k(s, rnd), a, len(a, rnd));
            case 13 -> s.getsockname(fd, a, lenRef);
            case 14 -> s.getpeername(fd, a, lenRef);
            case 15 -> s.fcntl(fd, k(s, rnd), k(s, rnd) & ~s.abi().constants().value(AbiConstant.O_NONBLOCK)
                    .orElse(0) | s.abi().constants().value(AbiConstant.O_NONBLOCK).orElse(0));
            case 16 -> s.ioctl(fd, k(s, rnd), rnd.nextInt(5) == 0 ? null : new int[] {1});
            case 17 -> s.poll(rnd.nextInt(5) == 0 ? null : new PollFd[] {new PollFd(fd, k(s, rnd))},
                    rnd.nextInt(3) - 1, 0);
            case 18 -> {
                FdSet set = new FdSet();
                set.set(Math.max(fd, 0));
                yield s.select(rnd.nextInt(1100) - 10, set, rnd.nextBoolean() ? set : null, null, 0);
            }
            case 20 -> rnd.nextBoolean() ? s.mkdir("/r" + rnd.nextInt(4), rnd.nextInt(01000))
                    : s.symlink("/r" + rnd.nextInt(4), "/r" + rnd.nextInt(4));
            case 19 -> s.sysctl(SYSCTLS[rnd.nextInt(SYSCTLS.length)], rnd.nextBoolean() ? null
                    : new long[rnd.nextInt(3)], rnd.nextInt(4) == 0 ? new long[] {rnd.nextInt(70000) - 10} : null);
            case 21 -> nonBlocking(s, fd) ? s.recvfrom(fd, a, len(a, rnd), k(s, rnd), a, lenRef) : 0;
            default -> nonBlocking(s, fd) ? s.sendto(fd, a, len(a, rnd), k(s, rnd), a, len(a, rnd)) : 0;
        };
    }

    /** Whether {@code fd} is safe for a call that may block: not open, or open with O_NONBLOCK. */
    private static boolean nonBlocking(Syscalls s, int fd) {
        int fl = s.fcntl(fd, s.abi().constants().value(AbiConstant.F_GETFL).orElse(0), 0);
        return fl < 0 || (fl & s.abi().constants().value(AbiConstant.O_NONBLOCK).orElse(0)) != 0;
    }
}
