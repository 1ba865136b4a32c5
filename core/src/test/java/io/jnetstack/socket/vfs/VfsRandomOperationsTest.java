package io.jnetstack.socket.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random sequences of every operation on random paths: nothing throws, and a seed always replays alike. */
class VfsRandomOperationsTest {
    private static final long SEED = 0x5EEDF11E5L;
    private static final int OPERATIONS = 20_000;
    private static final String[] PARTS = {"a", "b", "s", ".", "..", "", "/", "long", "n".repeat(256)};
    private static final List<Cred> CREDS =
            List.of(Cred.root(), Cred.user(1000, 1000), new Cred(1001, 1001, List.of(1000)));

    static List<Personality> personalities() {
        return Personality.all();
    }

    private static String path(SplittableRandom r) {
        StringBuilder b = new StringBuilder(r.nextBoolean() ? "/" : "");
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(PARTS[r.nextInt(PARTS.length)]);
            if (r.nextInt(4) != 0) {
                b.append('/');
            }
        }
        if (r.nextInt(200) == 0) {
            b.append("x/".repeat(r.nextInt(300, 2100)));
        }
        return b.toString();
    }

    /** One random operation; its outcome as text. */
    private static String step(Vfs vfs, SplittableRandom r, List<Node> seen) {
        Cred c = CREDS.get(r.nextInt(CREDS.size()));
        String p = path(r);
        int mode = r.nextInt(010000);
        VfsResult res = switch (r.nextInt(11)) {
            case 0 -> vfs.mkdir(p, mode, c);
            case 1 -> vfs.createFile(p, mode, c);
            case 2 -> vfs.symlink(path(r), p, c);
            case 3 -> vfs.bindSocket(p, mode, c, 1 + r.nextInt(5), "sock" + r.nextInt(10));
            case 4 -> vfs.chmod(p, mode, c);
            case 5 -> vfs.chown(p, r.nextInt(-1, 3), r.nextInt(-1, 3), c);
            case 6 -> vfs.unlink(p, c);
            case 7 -> vfs.rmdir(p, c);
            case 8 -> seen.isEmpty() ? vfs.lookup(p, c, true)
                    : vfs.lookupAt(seen.get(r.nextInt(seen.size())), p, c, r.nextBoolean());
            case 9 -> seen.isEmpty() ? vfs.lookup(p, c, false)
                    : vfs.bindSocketAt(seen.get(r.nextInt(seen.size())), p, 0777, c, 2, "s");
            default -> lookupAndMaybeClose(vfs, p, c, r);
        };
        assertThat(res).as("seed %x: %s", SEED, p).isNotNull();
        assertThat(res.isOk()).isEqualTo(res.errnoOrNull() == null);
        if (res.nodeOrNull() != null && res.nodeOrNull().kind() == NodeKind.DIRECTORY && seen.size() < 64) {
            seen.add(res.nodeOrNull());
        }
        return res.isOk() ? "ok " + res.nodeOrNull() : res.errnoOrNull().name();
    }

    private static VfsResult lookupAndMaybeClose(Vfs vfs, String p, Cred c, SplittableRandom r) {
        VfsResult res = vfs.lookup(p, c, r.nextBoolean());
        if (res.nodeOrNull() != null && res.nodeOrNull().kind() == NodeKind.SOCKET) {
            res.nodeOrNull().socketRef(null);
        }
        return res;
    }

    private static List<String> run(Personality p) {
        Vfs vfs = Vfs.of(p);
        SplittableRandom r = new SplittableRandom(SEED);
        List<Node> seen = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            outcomes.add(step(vfs, r, seen));
        }
        return outcomes;
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void randomOperations_neverThrow_andEveryResultIsANodeOrAnErrno(Personality p) {
        List<String> outcomes = run(p);
        assertThat(outcomes).hasSize(OPERATIONS);
        assertThat(outcomes).as("seed %x: some calls succeed", SEED).anyMatch(s -> s.startsWith("ok"));
        assertThat(outcomes).as("seed %x: some calls fail", SEED).anyMatch(s -> !s.startsWith("ok"));
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void theSameSeed_replaysTheSameOutcomes(Personality p) {
        assertThat(run(p)).as("seed %x", SEED).isEqualTo(run(p));
    }
}
