package io.jnetstack.socket.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.Errno;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Socket files: bind's errors (EADDRINUSE, ENOENT, ENOTDIR), stale files (H4), links to sockets, removal. */
class VfsSocketFileTest {
    private static final Cred ROOT = Cred.root();
    private static final int SOCK_STREAM = 1;

    static List<Personality> personalities() {
        return Personality.all();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void bind_makesASocketFileHoldingTheSocketAndItsType(Personality p) {
        Vfs vfs = Vfs.of(p);
        Object socket = new Object();
        vfs.chmod("/", 01777, ROOT);
        Node s = vfs.bindSocket("/s", 0755, Cred.user(7, 8), SOCK_STREAM, socket).nodeOrNull();
        assertThat(s.kind()).isEqualTo(NodeKind.SOCKET);
        assertThat(s.socketRef()).isSameAs(socket);
        assertThat(s.socketType()).isEqualTo(SOCK_STREAM);
        assertThat(s.mode()).isEqualTo(0755);
        assertThat(s.uid()).isEqualTo(7);
        assertThat(s.stale()).isFalse();
        assertThat(vfs.lookup("/s", ROOT, true).nodeOrNull()).isSameAs(s);
        assertThat(vfs.root().children()).containsOnlyKeys("s");
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void bindToAnExistingPath_isEaddrinuse_whateverIsThere(Personality p) {
        Vfs vfs = Vfs.of(p);
        vfs.mkdir("/d", 0777, ROOT);
        vfs.createFile("/f", 0644, ROOT);
        vfs.bindSocket("/s", 0777, ROOT, SOCK_STREAM, "first");
        vfs.symlink("/nowhere", "/dangling", ROOT);
        for (String path : List.of("/d", "/f", "/s", "/dangling", "/", "/d/.", "/d/..")) {
            assertThat(vfs.bindSocket(path, 0777, ROOT, SOCK_STREAM, "second").errnoOrNull()).as(path)
                    .isEqualTo(Errno.EADDRINUSE);
        }
        assertThat(vfs.lookup("/s", ROOT, true).nodeOrNull().socketRef()).isEqualTo("first");
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void bindWithABadPrefix_isEnoentOrEnotdir(Personality p) {
        Vfs vfs = Vfs.of(p);
        vfs.createFile("/f", 0644, ROOT);
        assertThat(vfs.bindSocket("/no/s", 0777, ROOT, 1, "x").errnoOrNull()).isEqualTo(Errno.ENOENT);
        assertThat(vfs.bindSocket("/f/s", 0777, ROOT, 1, "x").errnoOrNull()).isEqualTo(Errno.ENOTDIR);
        assertThat(vfs.bindSocket("", 0777, ROOT, 1, "x").errnoOrNull()).isEqualTo(Errno.ENOENT);
        assertThat(vfs.bindSocket("/new/", 0777, ROOT, 1, "x").errnoOrNull()).as("trailing slash")
                .isEqualTo(Errno.ENOENT);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void aSocketFileWhoseSocketClosed_staysInTheTree_asStale(Personality p) {
        Vfs vfs = Vfs.of(p);
        Node s = vfs.bindSocket("/s", 0777, ROOT, SOCK_STREAM, "listener").nodeOrNull();
        s.socketRef(null);
        VfsResult again = vfs.lookup("/s", ROOT, true);
        assertThat(again.nodeOrNull()).isSameAs(s);
        assertThat(s.stale()).isTrue();
        assertThat(s.kind()).isEqualTo(NodeKind.SOCKET);
        assertThat(vfs.bindSocket("/s", 0777, ROOT, SOCK_STREAM, "new").errnoOrNull()).isEqualTo(Errno.EADDRINUSE);
        assertThat(vfs.unlink("/s", ROOT).nodeOrNull()).isSameAs(s);
        assertThat(vfs.bindSocket("/s", 0777, ROOT, SOCK_STREAM, "new").isOk()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void aSymlinkToASocket_resolvesToTheSocket(Personality p) {
        Vfs vfs = Vfs.of(p);
        vfs.mkdir("/run", 0755, ROOT);
        Node s = vfs.bindSocket("/run/daemon.sock", 0777, ROOT, SOCK_STREAM, "d").nodeOrNull();
        vfs.symlink("run/daemon.sock", "/link", ROOT);
        vfs.symlink("/link", "/link2", ROOT);
        assertThat(vfs.lookup("/link2", ROOT, true).nodeOrNull()).isSameAs(s);
        assertThat(vfs.lookup("/link2", ROOT, false).nodeOrNull().kind()).isEqualTo(NodeKind.SYMLINK);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void anUnlinkedSocketFile_isNoLongerFound_butItsNodeKeepsTheSocket(Personality p) {
        Vfs vfs = Vfs.of(p);
        Node s = vfs.bindSocket("/s", 0777, ROOT, SOCK_STREAM, "sock").nodeOrNull();
        assertThat(vfs.unlink("/s/", ROOT).errnoOrNull()).isEqualTo(Errno.ENOTDIR);
        assertThat(vfs.unlink("/s", ROOT).isOk()).isTrue();
        assertThat(vfs.lookup("/s", ROOT, true).errnoOrNull()).isEqualTo(Errno.ENOENT);
        assertThat(vfs.unlink("/s", ROOT).errnoOrNull()).isEqualTo(Errno.ENOENT);
        assertThat(s.linked()).isFalse();
        assertThat(s.socketRef()).isEqualTo("sock");
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void rmdir_removesOnlyEmptyDirectories(Personality p) {
        Vfs vfs = Vfs.of(p);
        vfs.mkdir("/d", 0755, ROOT);
        vfs.bindSocket("/d/s", 0777, ROOT, SOCK_STREAM, "s");
        assertThat(vfs.rmdir("/d", ROOT).errnoOrNull()).isEqualTo(Errno.ENOTEMPTY);
        assertThat(vfs.rmdir("/d/s", ROOT).errnoOrNull()).isEqualTo(Errno.ENOTDIR);
        assertThat(vfs.rmdir("/d/.", ROOT).errnoOrNull()).isEqualTo(Errno.EINVAL);
        assertThat(vfs.rmdir("/d/..", ROOT).errnoOrNull()).isEqualTo(Errno.ENOTEMPTY);
        assertThat(vfs.rmdir("/", ROOT).errnoOrNull()).isEqualTo(Errno.EBUSY);
        assertThat(vfs.rmdir("/nothing", ROOT).errnoOrNull()).isEqualTo(Errno.ENOENT);
        vfs.unlink("/d/s", ROOT);
        assertThat(vfs.rmdir("/d", ROOT).isOk()).isTrue();
        assertThat(vfs.lookup("/d", ROOT, true).errnoOrNull()).isEqualTo(Errno.ENOENT);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void mkdirAndSymlink_refuseExistingNames_andSymlinkRefusesAnEmptyTarget(Personality p) {
        Vfs vfs = Vfs.of(p);
        assertThat(vfs.mkdir("/d/", 0755, ROOT).isOk()).as("mkdir takes a trailing slash").isTrue();
        assertThat(vfs.mkdir("/d", 0755, ROOT).errnoOrNull()).isEqualTo(Errno.EEXIST);
        assertThat(vfs.createFile("/d", 0644, ROOT).errnoOrNull()).isEqualTo(Errno.EEXIST);
        assertThat(vfs.symlink("/x", "/d", ROOT).errnoOrNull()).isEqualTo(Errno.EEXIST);
        assertThat(vfs.symlink("", "/e", ROOT).errnoOrNull()).isEqualTo(Errno.ENOENT);
        String huge = "/".repeat(p.vfsLimits().pathMax());
        assertThat(vfs.symlink(huge, "/e", ROOT).errnoOrNull()).isEqualTo(Errno.ENAMETOOLONG);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void onlyASocketFile_takesASocketReference(Personality p) {
        Vfs vfs = Vfs.of(p);
        Node d = vfs.mkdir("/d", 0755, ROOT).nodeOrNull();
        assertThatThrownBy(() -> d.socketRef("x")).isInstanceOf(IllegalStateException.class);
        assertThat(d.stale()).isFalse();
    }
}
