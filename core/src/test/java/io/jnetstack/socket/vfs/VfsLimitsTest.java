package io.jnetstack.socket.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.VfsLimits;
import io.jnetstack.personality.abi.Errno;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MAXSYMLINKS, NAME_MAX, PATH_MAX and the orderings, exactly at and one past each limit, under every personality. */
class VfsLimitsTest {
    private static final Cred ROOT = Cred.root();

    static List<Personality> personalities() {
        return Personality.all();
    }

    @Test
    void theLimits_areTheKernelHeadersValues() {
        assertThat(Personality.named("linux").vfsLimits()).extracting("symlinkMax", "nameMax", "pathMax")
                .containsExactly(40, 255, 4096);
        for (String bsd : List.of("freebsd", "openbsd", "macos")) {
            assertThat(Personality.named(bsd).vfsLimits()).as(bsd).extracting("symlinkMax", "nameMax", "pathMax")
                    .containsExactly(32, 255, 1024);
        }
    }

    /** /l1 → /l0 → … chain of {@code n} links ending at /target; returns the path of the first link. */
    private static String chain(Vfs vfs, int n) {
        vfs.createFile("/target", 0644, ROOT);
        String next = "/target";
        for (int i = 0; i < n; i++) {
            String link = "/l" + i;
            assertThat(vfs.symlink(next, link, ROOT).isOk()).isTrue();
            next = link;
        }
        return next;
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void exactlySymlinkMaxLinks_resolve(Personality p) {
        Vfs vfs = Vfs.of(p);
        String first = chain(vfs, p.vfsLimits().symlinkMax());
        assertThat(vfs.lookup(first, ROOT, true).nodeOrNull()).as(p.name()).isNotNull();
        assertThat(vfs.lookup(first, ROOT, true).nodeOrNull().kind()).isEqualTo(NodeKind.REGULAR);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void oneLinkMoreThanSymlinkMax_isEloop(Personality p) {
        Vfs vfs = Vfs.of(p);
        String first = chain(vfs, p.vfsLimits().symlinkMax() + 1);
        assertThat(vfs.lookup(first, ROOT, true).errnoOrNull()).as(p.name()).isEqualTo(Errno.ELOOP);
        assertThat(vfs.lookup(first, ROOT, false).isOk()).as("lstat expands none").isTrue();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void linksInThePrefix_countTowardsTheSameLimit(Personality p) {
        Vfs vfs = Vfs.of(p);
        vfs.mkdir("/d", 0755, ROOT);
        vfs.createFile("/d/f", 0644, ROOT);
        int max = p.vfsLimits().symlinkMax();
        String next = "/d";
        for (int i = 0; i < max; i++) {
            vfs.symlink(next, "/p" + i, ROOT);
            next = "/p" + i;
        }
        assertThat(vfs.lookup(next + "/f", ROOT, true).isOk()).as(p.name()).isTrue();
        vfs.symlink(next + "/f", "/last", ROOT);
        assertThat(vfs.lookup("/last", ROOT, true).errnoOrNull()).as(p.name()).isEqualTo(Errno.ELOOP);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void aNameOfNameMaxBytes_isAccepted_andOneMoreIsEnametoolong(Personality p) {
        Vfs vfs = Vfs.of(p);
        int max = p.vfsLimits().nameMax();
        String ok = "/" + "n".repeat(max);
        String tooLong = "/" + "n".repeat(max + 1);
        assertThat(vfs.bindSocket(ok, 0777, ROOT, 1, "s").isOk()).as(p.name()).isTrue();
        assertThat(vfs.lookup(ok, ROOT, true).isOk()).isTrue();
        assertThat(vfs.bindSocket(tooLong, 0777, ROOT, 1, "s").errnoOrNull()).isEqualTo(Errno.ENAMETOOLONG);
        assertThat(vfs.lookup(tooLong, ROOT, true).errnoOrNull()).isEqualTo(Errno.ENAMETOOLONG);
        assertThat(vfs.lookup(tooLong + "/x", ROOT, true).errnoOrNull()).isEqualTo(Errno.ENAMETOOLONG);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void aPathOfPathMaxMinusOneBytes_isAccepted_andPathMaxBytesIsEnametoolong(Personality p) {
        Vfs vfs = Vfs.of(p);
        int pathMax = p.vfsLimits().pathMax();
        vfs.createFile("/x", 0644, ROOT);
        String longest = "/".repeat(pathMax - 2) + "x";
        String tooLong = "/".repeat(pathMax - 1) + "x";
        assertThat(longest).hasSize(pathMax - 1);
        assertThat(vfs.lookup(longest, ROOT, true).isOk()).as(p.name()).isTrue();
        assertThat(vfs.lookup(tooLong, ROOT, true).errnoOrNull()).isEqualTo(Errno.ENAMETOOLONG);
        assertThat(vfs.bindSocket(tooLong + "y", 0777, ROOT, 1, "s").errnoOrNull()).isEqualTo(Errno.ENAMETOOLONG);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void pathLength_countsUtf8Bytes(Personality p) {
        Vfs vfs = Vfs.of(p);
        String twoBytes = "é".repeat(p.vfsLimits().nameMax() / 2 + 1);
        assertThat(vfs.mkdir("/" + twoBytes, 0755, ROOT).errnoOrNull()).isEqualTo(Errno.ENAMETOOLONG);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void aTooLongNameUnderAnUnsearchableDirectory_failsInThePersonalitysOrder(Personality p) {
        Vfs vfs = Vfs.of(p);
        vfs.mkdir("/locked", 0700, ROOT);
        String path = "/locked/" + "n".repeat(p.vfsLimits().nameMax() + 1);
        Errno want = p.vfsLimits().nameLengthBeforeSearch() ? Errno.ENAMETOOLONG : Errno.EACCES;
        assertThat(vfs.lookup(path, Cred.user(1000, 1000), true).errnoOrNull()).as(p.name()).isEqualTo(want);
        assertThat(want).isEqualTo(p.name().equals("linux") ? Errno.EACCES : Errno.ENAMETOOLONG);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void aLinkBodyPlusTheRestBeyondPathMax_isEnametoolongOnlyOnTheBsds(Personality p) {
        VfsLimits lim = p.vfsLimits();
        Vfs vfs = Vfs.of(p);
        vfs.mkdir("/d", 0755, ROOT);
        vfs.createFile("/d/f", 0644, ROOT);
        String body = "/".repeat(lim.pathMax() - 10) + "d";
        vfs.symlink(body, "/l", ROOT);
        String rest = "/" + "/".repeat(20) + "f";
        VfsResult r = vfs.lookup("/l" + rest, ROOT, true);
        if (lim.expansionWithinPathMax()) {
            assertThat(r.errnoOrNull()).as(p.name()).isEqualTo(Errno.ENAMETOOLONG);
        } else {
            assertThat(r.isOk()).as(p.name()).isTrue();
        }
        assertThat(lim.expansionWithinPathMax()).isEqualTo(!p.name().equals("linux"));
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void unlinkOfADirectory_givesThePersonalitysError(Personality p) {
        Vfs vfs = Vfs.of(p);
        vfs.mkdir("/d", 0755, ROOT);
        Errno want = p.name().equals("linux") ? Errno.EISDIR : Errno.EPERM;
        assertThat(vfs.unlink("/d", ROOT).errnoOrNull()).as(p.name()).isEqualTo(want);
        assertThat(vfs.lookup("/d", ROOT, true).isOk()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void aNewFilesGroup_isTheDirectorysOnTheBsds_andTheCreatorsOnLinux(Personality p) {
        Vfs vfs = Vfs.of(p);
        vfs.mkdir("/shared", 0777, ROOT);
        vfs.chown("/shared", 0, 50, ROOT);
        Node s = vfs.bindSocket("/shared/s", 0777, Cred.user(1000, 100), 1, "s").nodeOrNull();
        assertThat(s.uid()).isEqualTo(1000);
        assertThat(s.gid()).as(p.name()).isEqualTo(p.name().equals("linux") ? 100 : 50);
        vfs.chmod("/shared", 02777, ROOT);
        Node t = vfs.bindSocket("/shared/t", 0777, Cred.user(1000, 100), 1, "t").nodeOrNull();
        assertThat(t.gid()).as("set-group-id directory").isEqualTo(50);
    }
}
