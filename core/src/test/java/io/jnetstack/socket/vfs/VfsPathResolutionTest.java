package io.jnetstack.socket.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.LinuxPersonality;
import io.jnetstack.personality.abi.Errno;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** namei on one tree: missing names, non-directories in the prefix, ".", "..", repeated and trailing slashes. */
class VfsPathResolutionTest {
    private final Cred root = Cred.root();
    private Vfs vfs;
    private Node tmp;
    private Node file;

    @BeforeEach
    void tree() {
        vfs = Vfs.of(new LinuxPersonality());
        tmp = vfs.mkdir("/tmp", 01777, root).nodeOrNull();
        vfs.mkdir("/tmp/d", 0755, root);
        file = vfs.createFile("/tmp/d/f", 0644, root).nodeOrNull();
    }

    @Test
    void anExistingPath_resolvesToItsNode() {
        assertThat(vfs.lookup("/tmp/d/f", root, true).nodeOrNull()).isSameAs(file);
        assertThat(file.kind()).isEqualTo(NodeKind.REGULAR);
    }

    @Test
    void aMissingFinalComponent_isEnoent() {
        assertThat(vfs.lookup("/tmp/d/nothing", root, true).errnoOrNull()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void aMissingMiddleComponent_isEnoent() {
        assertThat(vfs.lookup("/tmp/nothing/f", root, true).errnoOrNull()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void theEmptyPath_isEnoent() {
        assertThat(vfs.lookup("", root, true).errnoOrNull()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void aRegularFileInThePrefix_isEnotdir() {
        assertThat(vfs.lookup("/tmp/d/f/x", root, true).errnoOrNull()).isEqualTo(Errno.ENOTDIR);
        assertThat(vfs.lookup("/tmp/d/f/..", root, true).errnoOrNull()).isEqualTo(Errno.ENOTDIR);
    }

    @Test
    void aTrailingSlashAfterAFile_isEnotdir_butAfterADirectoryIsFine() {
        assertThat(vfs.lookup("/tmp/d/f/", root, true).errnoOrNull()).isEqualTo(Errno.ENOTDIR);
        assertThat(vfs.lookup("/tmp/d/", root, true).nodeOrNull()).isSameAs(file.parent());
    }

    @Test
    void dotAndDotDot_andRepeatedSlashes_resolveLikeTheKernel() {
        assertThat(vfs.lookup("//tmp///./d/../d//f", root, true).nodeOrNull()).isSameAs(file);
        assertThat(vfs.lookup("/..", root, true).nodeOrNull()).isSameAs(vfs.root());
        assertThat(vfs.lookup("/../../tmp", root, true).nodeOrNull()).isSameAs(tmp);
        assertThat(vfs.lookup("///", root, true).nodeOrNull()).isSameAs(vfs.root());
        assertThat(vfs.lookup("/tmp/.", root, true).nodeOrNull()).isSameAs(tmp);
    }

    @Test
    void aRelativePath_startsAtTheGivenWorkingDirectory() {
        Node d = file.parent();
        assertThat(vfs.lookupAt(d, "f", root, true).nodeOrNull()).isSameAs(file);
        assertThat(vfs.lookupAt(d, "../d/f", root, true).nodeOrNull()).isSameAs(file);
        assertThat(vfs.lookupAt(d, "/tmp", root, true).nodeOrNull()).isSameAs(tmp);
        assertThat(vfs.lookup("tmp", root, true).nodeOrNull()).as("default working directory /").isSameAs(tmp);
    }

    @Test
    void aSymlink_isFollowedByStat_andReturnedByLstat() {
        Node link = vfs.symlink("d/f", "/tmp/l", root).nodeOrNull();
        assertThat(vfs.lookup("/tmp/l", root, true).nodeOrNull()).isSameAs(file);
        assertThat(vfs.lookup("/tmp/l", root, false).nodeOrNull()).isSameAs(link);
        assertThat(link.kind()).isEqualTo(NodeKind.SYMLINK);
        assertThat(link.target()).isEqualTo("d/f");
    }

    @Test
    void aSymlinkInThePrefix_isAlwaysFollowed_relativeToItsDirectory() {
        vfs.symlink("../tmp/d", "/tmp/dl", root);
        vfs.symlink("/tmp", "/abs", root);
        assertThat(vfs.lookup("/tmp/dl/f", root, false).nodeOrNull()).isSameAs(file);
        assertThat(vfs.lookup("/abs/dl/f", root, false).nodeOrNull()).isSameAs(file);
        assertThat(vfs.lookup("/tmp/dl/", root, false).nodeOrNull()).as("a trailing slash follows the link")
                .isSameAs(file.parent());
    }

    @Test
    void aDanglingSymlink_isEnoentWhenFollowed_andFoundWhenNot() {
        vfs.symlink("/nowhere", "/tmp/dangling", root);
        assertThat(vfs.lookup("/tmp/dangling", root, true).errnoOrNull()).isEqualTo(Errno.ENOENT);
        assertThat(vfs.lookup("/tmp/dangling", root, false).isOk()).isTrue();
    }

    @Test
    void aLinkToAFileInThePrefix_isEnotdir() {
        vfs.symlink("/tmp/d/f", "/tmp/fl", root);
        assertThat(vfs.lookup("/tmp/fl/x", root, true).errnoOrNull()).isEqualTo(Errno.ENOTDIR);
    }

    @Test
    void aSymlinkLoop_isEloop() {
        vfs.symlink("/tmp/b", "/tmp/a", root);
        vfs.symlink("/tmp/a", "/tmp/b", root);
        assertThat(vfs.lookup("/tmp/a", root, true).errnoOrNull()).isEqualTo(Errno.ELOOP);
        assertThat(vfs.lookup("/tmp/a/x", root, false).errnoOrNull()).isEqualTo(Errno.ELOOP);
        assertThat(vfs.lookup("/tmp/a", root, false).isOk()).as("lstat does not follow").isTrue();
    }

    @Test
    void aRemovedWorkingDirectory_findsNothingInIt() {
        Node d = vfs.mkdir("/tmp/gone", 0755, root).nodeOrNull();
        assertThat(vfs.rmdir("/tmp/gone", root).isOk()).isTrue();
        assertThat(d.linked()).isFalse();
        assertThat(vfs.lookupAt(d, ".", root, true).errnoOrNull()).isEqualTo(Errno.ENOENT);
        assertThat(vfs.bindSocketAt(d, "s", 0777, root, 1, "x").errnoOrNull()).isEqualTo(Errno.ENOENT);
    }

    @Test
    void inodeNumbers_areHandedOutInCreationOrderFromTheRoot() {
        assertThat(vfs.root().ino()).isEqualTo(1);
        assertThat(tmp.ino()).isEqualTo(2);
        assertThat(file.ino()).isEqualTo(4);
    }
}
