package io.jnetstack.socket.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.Errno;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Owners, modes and the checks connect and bind rely on (catalogue H5, H6), for ordinary users and root. */
class VfsPermissionTest {
    private static final Cred ROOT = Cred.root();
    private static final Cred ALICE = Cred.user(1000, 1000);
    private static final Cred BOB = Cred.user(1001, 1001);

    static List<Personality> personalities() {
        return Personality.all();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void aDirectoryWithoutSearchPermission_isEaccesForAUser_butNotForRoot(Personality p) {
        Vfs vfs = Vfs.of(p);
        vfs.mkdir("/private", 0700, ROOT);
        vfs.bindSocket("/private/s", 0777, ROOT, 1, "server");
        assertThat(vfs.lookup("/private/s", ALICE, true).errnoOrNull()).as(p.name()).isEqualTo(Errno.EACCES);
        assertThat(vfs.lookup("/private/nothing", ALICE, true).errnoOrNull()).isEqualTo(Errno.EACCES);
        assertThat(vfs.lookup("/private/s", ROOT, true).isOk()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void readPermissionAlone_doesNotLetAUserSearchADirectory(Personality p) {
        Vfs vfs = Vfs.of(p);
        vfs.mkdir("/r", 0744, ROOT);
        vfs.createFile("/r/f", 0644, ROOT);
        assertThat(vfs.lookup("/r/f", ALICE, true).errnoOrNull()).isEqualTo(Errno.EACCES);
        vfs.chmod("/r", 0711, ROOT);
        assertThat(vfs.lookup("/r/f", ALICE, true).isOk()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void aSocketFileWithoutWritePermission_deniesAUserButNotRoot(Personality p) {
        Vfs vfs = Vfs.of(p);
        vfs.chmod("/", 01777, ROOT);
        Node s = vfs.bindSocket("/s", 0755, BOB, 1, "server").nodeOrNull();
        assertThat(Vfs.access(s, ALICE, Vfs.W)).as(p.name() + " H5").isFalse();
        assertThat(Vfs.access(s, ALICE, Vfs.R)).isTrue();
        assertThat(Vfs.access(s, BOB, Vfs.W)).isTrue();
        assertThat(Vfs.access(s, ROOT, Vfs.W)).isTrue();
    }

    @Test
    void theOwnerBits_applyToTheOwnerEvenWhenTheGroupOrOthersHaveMore() {
        Vfs vfs = Vfs.of(Personality.named("linux"));
        vfs.chmod("/", 01777, ROOT);
        Node s = vfs.bindSocket("/s", 0077, ALICE, 1, "x").nodeOrNull();
        assertThat(Vfs.access(s, ALICE, Vfs.W)).isFalse();
        assertThat(Vfs.access(s, BOB, Vfs.W)).isTrue();
    }

    @Test
    void theGroupBits_applyToTheEffectiveAndSupplementaryGroups() {
        Vfs vfs = Vfs.of(Personality.named("linux"));
        Node s = vfs.bindSocket("/s", 0720, ROOT, 1, "x").nodeOrNull();
        vfs.chown("/s", 0, 50, ROOT);
        assertThat(Vfs.access(s, Cred.user(1000, 50), Vfs.W)).isTrue();
        assertThat(Vfs.access(s, new Cred(1000, 1000, List.of(7, 50)), Vfs.W)).isTrue();
        assertThat(Vfs.access(s, ALICE, Vfs.W)).isFalse();
        assertThat(Vfs.access(s, new Cred(1000, 1000, List.of(7, 50)), Vfs.W | Vfs.R)).isFalse();
    }

    @Test
    void root_needsAtLeastOneExecuteBitToExecuteAFile_butAlwaysSearchesDirectories() {
        Vfs vfs = Vfs.of(Personality.named("freebsd"));
        Node f = vfs.createFile("/f", 0644, ROOT).nodeOrNull();
        Node d = vfs.mkdir("/d", 0000, ROOT).nodeOrNull();
        vfs.chown("/d", 1000, 1000, ROOT);
        assertThat(Vfs.access(f, ROOT, Vfs.X)).isFalse();
        vfs.chmod("/f", 0001, ROOT);
        assertThat(Vfs.access(f, ROOT, Vfs.X)).isTrue();
        assertThat(Vfs.access(d, ROOT, Vfs.X | Vfs.W | Vfs.R)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void bindInADirectoryWithoutWritePermission_isEacces_butRootMayBind(Personality p) {
        Vfs vfs = Vfs.of(p);
        vfs.mkdir("/ro", 0755, ROOT);
        assertThat(vfs.bindSocket("/ro/s", 0777, ALICE, 1, "a").errnoOrNull()).as(p.name()).isEqualTo(Errno.EACCES);
        assertThat(vfs.bindSocket("/ro/s", 0777, ROOT, 1, "r").isOk()).isTrue();
        assertThat(vfs.bindSocket("/ro/s", 0777, ALICE, 1, "a").errnoOrNull()).as("exists is checked first")
                .isEqualTo(Errno.EADDRINUSE);
    }

    @Test
    void chmod_isForTheOwnerOrRoot_andChownForRootOnly() {
        Vfs vfs = Vfs.of(Personality.named("openbsd"));
        vfs.mkdir("/tmp", 0777, ROOT);
        Node s = vfs.bindSocket("/tmp/s", 0700, ALICE, 1, "a").nodeOrNull();
        assertThat(vfs.chmod("/tmp/s", 0777, BOB).errnoOrNull()).isEqualTo(Errno.EPERM);
        assertThat(vfs.chmod("/tmp/s", 0766, ALICE).isOk()).isTrue();
        assertThat(s.mode()).isEqualTo(0766);
        assertThat(vfs.chown("/tmp/s", 1001, -1, ALICE).errnoOrNull()).isEqualTo(Errno.EPERM);
        assertThat(vfs.chown("/tmp/s", 1001, -1, ROOT).isOk()).isTrue();
        assertThat(s.uid()).isEqualTo(1001);
        assertThat(s.gid()).isEqualTo(0);
        assertThat(vfs.chmod("/tmp/nothing", 0777, ROOT).errnoOrNull()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void chmodAndChown_followAFinalSymlink() {
        Vfs vfs = Vfs.of(Personality.named("macos"));
        Node s = vfs.bindSocket("/s", 0700, ROOT, 1, "a").nodeOrNull();
        Node l = vfs.symlink("/s", "/l", ROOT).nodeOrNull();
        vfs.chmod("/l", 0766, ROOT);
        vfs.chown("/l", 5, 6, ROOT);
        assertThat(s.mode()).isEqualTo(0766);
        assertThat(s).extracting(Node::uid, Node::gid).containsExactly(5, 6);
        assertThat(l.mode()).isEqualTo(0777);
    }

    @Test
    void inAStickyDirectory_onlyTheFilesOrDirectorysOwnerOrRootMayRemoveIt() {
        Vfs vfs = Vfs.of(Personality.named("linux"));
        vfs.mkdir("/tmp", 01777, ROOT);
        vfs.bindSocket("/tmp/alice", 0777, ALICE, 1, "a");
        assertThat(vfs.unlink("/tmp/alice", BOB).errnoOrNull()).isEqualTo(Errno.EPERM);
        assertThat(vfs.unlink("/tmp/alice", ALICE).isOk()).isTrue();
        vfs.bindSocket("/tmp/bob", 0777, BOB, 1, "b");
        assertThat(vfs.unlink("/tmp/bob", ROOT).isOk()).isTrue();
    }

    @Test
    void unlinkAndRmdir_needWriteOnTheDirectory() {
        Vfs vfs = Vfs.of(Personality.named("linux"));
        vfs.mkdir("/ro", 0755, ROOT);
        vfs.bindSocket("/ro/s", 0777, ROOT, 1, "r");
        vfs.mkdir("/ro/d", 0777, ROOT);
        assertThat(vfs.unlink("/ro/s", ALICE).errnoOrNull()).isEqualTo(Errno.EACCES);
        assertThat(vfs.rmdir("/ro/d", ALICE).errnoOrNull()).isEqualTo(Errno.EACCES);
    }
}
