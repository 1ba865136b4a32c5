package io.jnetstack.socket.unix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.socket.vfs.Cred;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ~100k random operations over a few sockets, paths and abstract names per personality: no exception escapes, every
 * errno is one the catalogue (§1H, §1I, §3) or the connect(2) pages name for UNIX sockets, plus the data-path errors
 * (EPIPE, EMSGSIZE, ENOBUFS, ENOTCONN, EBADF), and a few invariants hold after every step.
 */
class UnixRandomOperationsTest {
    private static final long SEED = 0x5eed_0417L;
    private static final int OPS = 100_000;
    private static final Set<Errno> NAMED = EnumSet.of(Errno.ENOENT, Errno.ENOTDIR, Errno.EACCES, Errno.ELOOP,
            Errno.ENAMETOOLONG, Errno.EPROTOTYPE, Errno.ECONNREFUSED, Errno.EPERM, Errno.EAGAIN, Errno.EINVAL,
            Errno.EOPNOTSUPP, Errno.ENOTSOCK, Errno.EISCONN, Errno.EADDRINUSE, Errno.ECONNRESET, Errno.EPIPE,
            Errno.EMSGSIZE, Errno.ENOBUFS, Errno.ENOTCONN, Errno.EBADF, Errno.EPROTONOSUPPORT, Errno.ENOSPC);
    private static final List<String> PATHS = List.of("/tmp/a", "/tmp/b", "/tmp/d/c", "/tmp/loop", "/tmp/file",
            "/tmp/ro/x", "/nope/x", "/tmp/" + "l".repeat(120));

    private int succeeded;
    private int accepted;

    static List<Personality> personalities() {
        return Personality.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalities")
    void randomOperations_neverThrow_andOnlyNamedErrnos(Personality p) {
        SplittableRandom rnd = new SplittableRandom(SEED);
        Host h = new Host(p);
        h.vfs.mkdir("/tmp/d", 0777, Host.ROOT);
        h.vfs.mkdir("/tmp/ro", 0555, Host.ROOT);
        h.vfs.createFile("/tmp/file", 0666, Host.ROOT);
        h.vfs.symlink("/tmp/loop", "/tmp/loop", Host.ROOT);
        List<UnixSocket> socks = new ArrayList<>();
        succeeded = 0;
        accepted = 0;
        for (int i = 0; i < OPS; i++) {
            String where = "seed " + SEED + " op " + i + " on " + p.name();
            UnixResult<?> r;
            try {
                r = step(h, socks, rnd);
            } catch (RuntimeException e) {
                throw new AssertionError(where, e);
            }
            Errno e = r == null ? null : r.errnoOrNull();
            if (e != null) {
                assertThat(NAMED).as(where).contains(e);
            }
            if (r != null && r.isDone() && r.valueOrNull() == null) {
                succeeded++;
            }
            if (i % 64 == 0) {
                for (UnixSocket s : socks) {
                    assertThat(s.pending.size()).as(where).isLessThanOrEqualTo(p.listenRules().capacity(-1));
                    assertThat(s.queue.bytes()).as(where).isBetween(0L, (long) p.unixDomainRules().streamBuffer()
                            + p.unixDomainRules().datagramQueueBytes());
                }
            }
        }
        assertThat(succeeded).as("seed %d: operations that returned 0", SEED).isGreaterThan(OPS / 50);
        assertThat(accepted).as("seed %d: accepted connections", SEED).isGreaterThan(0);
    }

    private UnixResult<?> step(Host h, List<UnixSocket> socks, SplittableRandom rnd) {
        if (socks.size() < 3 || rnd.nextInt(40) == 0) {
            UnixResult<UnixSocket> made = h.domain.socket(UnixType.values()[rnd.nextInt(3)]);
            if (made.valueOrNull() instanceof UnixSocket s) {
                socks.add(s);
            }
            if (socks.size() > 12) {
                socks.remove(rnd.nextInt(socks.size())).close();
            }
            return made;
        }
        UnixSocket s = socks.get(rnd.nextInt(socks.size()));
        Cred cred = rnd.nextInt(4) == 0 ? Host.USER : Host.ROOT;
        boolean nb = rnd.nextInt(8) != 0;
        return switch (rnd.nextInt(16)) {
            case 0, 1 -> s.bind(address(rnd, socks), cred, rnd.nextInt(2) == 0 ? 0777 : 0755);
            case 2 -> s.listen(rnd.nextInt(4) - 1);
            case 3, 4 -> s.connect(address(rnd, socks), cred, nb);
            case 5, 6 -> acceptInto(s, socks, nb);
            case 7, 8 -> s.send(new byte[rnd.nextInt(3000)], nb);
            case 9 -> s.sendTo(address(rnd, socks), new byte[rnd.nextInt(300)], cred, nb);
            case 10, 11 -> s.receive(rnd.nextInt(2000), nb);
            case 12 -> rnd.nextInt(4) == 0 ? s.shutdown(Shutdown.values()[rnd.nextInt(3)]) : s.listen(rnd.nextInt(3));
            case 13 -> {
                s.close();
                socks.remove(s);
                if (s.localAddress().kind() == Sockaddr.UnixKind.PATHNAME && rnd.nextBoolean()) {
                    h.vfs.unlink(new String(s.localAddress().nameBytes(), java.nio.charset.StandardCharsets.UTF_8),
                            Host.ROOT);
                }
                yield null;
            }
            case 14 -> {
                s.passCredentials(rnd.nextBoolean());
                s.takeError();
                yield s.disconnect();
            }
            default -> {
                poll(s);
                if (rnd.nextInt(20) == 0) {
                    h.vfs.unlink(PATHS.get(rnd.nextInt(PATHS.size())), Host.ROOT);
                }
                yield h.domain.socketPair(UnixType.values()[rnd.nextInt(3)]);
            }
        };
    }

    private UnixResult<UnixSocket> acceptInto(UnixSocket s, List<UnixSocket> socks, boolean nb) {
        UnixResult<UnixSocket> a = s.accept(nb);
        if (a.valueOrNull() instanceof UnixSocket got) {
            socks.add(got);
            accepted++;
        }
        return a;
    }

    private static void poll(UnixSocket s) {
        s.readable();
        s.writable();
        s.hangup();
        s.acceptable();
        s.pendingError();
        s.peerAddress();
        s.localAddress();
    }

    /** A name: often one a live socket holds (so connects meet listeners), else a path or name from the pool. */
    private static Sockaddr.Un address(SplittableRandom rnd, List<UnixSocket> socks) {
        if (rnd.nextBoolean()) {
            return socks.get(rnd.nextInt(socks.size())).localAddress();
        }
        return switch (rnd.nextInt(6)) {
            case 0 -> Sockaddr.Un.unnamed();
            case 1 -> new Sockaddr.Un(Sockaddr.UnixKind.ABSTRACT, rnd.nextBoolean() ? "x" : "y");
            default -> Sockaddr.Un.pathname(PATHS.get(rnd.nextInt(PATHS.size())));
        };
    }
}
