package io.jnetstack.socket.vfs;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.VfsLimits;
import io.jnetstack.personality.abi.Errno;

/**
 * The file tree of one simulated host: a root directory {@code /} (mode 0755, owned by root), and the calls that
 * create, change, remove and resolve its nodes with namei semantics. Every call returns a {@link VfsResult}; none
 * throws for any path or credential. Paths are resolved from the root, or (the {@code ...At} forms) a relative
 * path from a working directory.
 */
public final class Vfs {
    private final java.util.TreeMap<String, Errno> injected = new java.util.TreeMap<>();
    /** Read permission bit of {@link #access}. */
    public static final int R = 4;
    /** Write permission bit of {@link #access}. */
    public static final int W = 2;
    /** Execute / search permission bit of {@link #access}. */
    public static final int X = 1;

    private static final int S_ISGID = 02000;
    private static final int S_ISVTX = 01000;

    private final VfsLimits limits;
    private final Node root;
    private long nextIno = 1;

    /** An empty tree (only {@code /}) obeying {@code limits}. */
    public Vfs(VfsLimits limits) {
        this.limits = limits;
        this.root = new Node(nextIno++, NodeKind.DIRECTORY, 0755, 0, 0, null, null, 0, null);
        root.parent(root);
    }

    /** An empty tree with the limits of {@code personality}. */
    public static Vfs of(Personality personality) {
        return new Vfs(personality.vfsLimits());
    }

    /** The limits this tree resolves paths with. */
    public VfsLimits limits() {
        return limits;
    }

    /** The root directory. */
    public Node root() {
        return root;
    }

    /**
     * Resolves {@code path} (stat / lstat): search permission on every directory passed, ENOENT, ENOTDIR, ELOOP,
     * ENAMETOOLONG as namei gives them.
     *
     * @param followFinalSymlink whether a symbolic link in the last position is followed (stat) or returned (lstat)
     */
    public VfsResult lookup(String path, Cred cred, boolean followFinalSymlink) {
        return lookupAt(root, path, cred, followFinalSymlink);
    }

    /**
     * Makes every later lookup of exactly {@code path} fail with {@code errno} (a failing disk, a stale NFS handle: the
     * pages' EIO "an I/O error occurred while reading from or writing to the file system"); null removes it.
     */
    public void injectError(String path, Errno errno) {
        if (errno == null) {
            injected.remove(path);
        } else {
            injected.put(path, errno);
        }
    }

    /** {@link #lookup} with a relative path starting at {@code cwd}. */
    public VfsResult lookupAt(Node cwd, String path, Cred cred, boolean followFinalSymlink) {
        Errno failing = path == null ? null : injected.get(path);
        if (failing != null) {
            return VfsResult.err(failing);
        }
        PathWalk.Walk w = PathWalk.walk(limits, root, cwd, path, cred, followFinalSymlink);
        if (w.error() != null) {
            return VfsResult.err(w.error());
        }
        if (w.node() == null) {
            return VfsResult.err(Errno.ENOENT);
        }
        if (w.trailingSlash() && w.node().kind() != NodeKind.DIRECTORY) {
            return VfsResult.err(Errno.ENOTDIR);
        }
        return VfsResult.ok(w.node());
    }

    /** mkdir(2): a new directory owned by the caller; EEXIST when the name exists (even a dangling link). */
    public VfsResult mkdir(String path, int mode, Cred cred) {
        return create(root, path, cred, new Spec(NodeKind.DIRECTORY, mode, null, 0, null), Errno.EEXIST);
    }

    /** open(2) with O_CREAT|O_EXCL: a new regular file; EEXIST when the name exists. */
    public VfsResult createFile(String path, int mode, Cred cred) {
        return create(root, path, cred, new Spec(NodeKind.REGULAR, mode, null, 0, null), Errno.EEXIST);
    }

    /** symlink(2): a link at {@code linkPath} holding {@code target} (not resolved now); mode 0777. */
    public VfsResult symlink(String target, String linkPath, Cred cred) {
        if (target.isEmpty()) {
            return VfsResult.err(Errno.ENOENT);
        }
        if (PathWalk.bytes(target) >= limits.pathMax()) {
            return VfsResult.err(Errno.ENAMETOOLONG);
        }
        return create(root, linkPath, cred, new Spec(NodeKind.SYMLINK, 0777, target, 0, null), Errno.EEXIST);
    }

    /**
     * bind(2) of a UNIX-domain socket to a path: a socket file holding {@code socketRef} and its type. EADDRINUSE
     * when anything exists at the path (a stale socket file, a dangling symbolic link: the final link is not
     * followed); EACCES without write and search permission on the directory; ENOENT / ENOTDIR for a bad prefix.
     *
     * @param mode the permission bits, already reduced by the caller's umask
     * @param socketType the socket's type, kept for connect's EPROTOTYPE check
     */
    public VfsResult bindSocket(String path, int mode, Cred cred, int socketType, Object socketRef) {
        return bindSocketAt(root, path, mode, cred, socketType, socketRef);
    }

    /** {@link #bindSocket} with a relative path starting at {@code cwd}. */
    public VfsResult bindSocketAt(Node cwd, String path, int mode, Cred cred, int socketType, Object socketRef) {
        return create(cwd, path, cred, new Spec(NodeKind.SOCKET, mode, null, socketType, socketRef),
                Errno.EADDRINUSE);
    }

    /** chmod(2), following a final link: the owner or root only (EPERM otherwise). */
    public VfsResult chmod(String path, int mode, Cred cred) {
        VfsResult r = lookup(path, cred, true);
        if (r instanceof VfsResult.Ok(Node n)) {
            if (!cred.isRoot() && cred.uid() != n.uid()) {
                return VfsResult.err(Errno.EPERM);
            }
            n.mode(mode);
        }
        return r;
    }

    /** chown(2), following a final link: root only (EPERM otherwise); -1 leaves the user or group as it is. */
    public VfsResult chown(String path, int uid, int gid, Cred cred) {
        VfsResult r = lookup(path, cred, true);
        if (r instanceof VfsResult.Ok(Node n)) {
            if (!cred.isRoot()) {
                return VfsResult.err(Errno.EPERM);
            }
            n.owner(uid == -1 ? n.uid() : uid, gid == -1 ? n.gid() : gid);
        }
        return r;
    }

    /**
     * unlink(2): removes a non-directory name (the final link itself, not its target). EACCES without write and
     * search on the directory, EPERM in a sticky directory for someone else's file, the personality's
     * {@link VfsLimits#unlinkDirectory()} for a directory. A removed socket file's socket stays bound, nameless.
     */
    public VfsResult unlink(String path, Cred cred) {
        PathWalk.Walk w = PathWalk.walk(limits, root, root, path, cred, false);
        Errno e = removable(w, cred);
        if (e == null && w.node().kind() == NodeKind.DIRECTORY) {
            e = limits.unlinkDirectory();
        }
        if (e == null && w.trailingSlash()) {
            e = Errno.ENOTDIR;
        }
        return e != null ? VfsResult.err(e) : remove(w);
    }

    /** rmdir(2): removes an empty directory; ENOTEMPTY, ENOTDIR, EINVAL for ".", EBUSY for the root. */
    public VfsResult rmdir(String path, Cred cred) {
        PathWalk.Walk w = PathWalk.walk(limits, root, root, path, cred, false);
        if (w.error() == null && w.node() != null) {
            if (w.name().equals(".")) {
                return VfsResult.err(Errno.EINVAL);
            }
            if (w.name().equals("..")) {
                return VfsResult.err(Errno.ENOTEMPTY);
            }
            if (w.node().kind() != NodeKind.DIRECTORY) {
                return VfsResult.err(Errno.ENOTDIR);
            }
            if (w.node() == root) {
                return VfsResult.err(Errno.EBUSY);
            }
        }
        Errno e = removable(w, cred);
        if (e == null && !w.node().entries().isEmpty()) {
            e = Errno.ENOTEMPTY;
        }
        return e != null ? VfsResult.err(e) : remove(w);
    }

    /**
     * Whether {@code cred} may access {@code node} for {@code want} ({@link #R} | {@link #W} | {@link #X}): the
     * owner's bits when the caller owns it, else the group's when in its group, else the others'. Root passes
     * everything except execute on a non-directory with no execute bit at all.
     */
    public static boolean access(Node node, Cred cred, int want) {
        int mode = node.mode();
        if (cred.isRoot()) {
            return (want & X) == 0 || node.kind() == NodeKind.DIRECTORY || (mode & 0111) != 0;
        }
        int bits;
        if (cred.uid() == node.uid()) {
            bits = mode >> 6;
        } else if (cred.inGroup(node.gid())) {
            bits = mode >> 3;
        } else {
            bits = mode;
        }
        return (bits & want & 7) == (want & 7);
    }

    /** What a create call makes. */
    private record Spec(NodeKind kind, int mode, String target, int socketType, Object socketRef) {}

    private VfsResult create(Node cwd, String path, Cred cred, Spec spec, Errno exists) {
        PathWalk.Walk w = PathWalk.walk(limits, root, cwd, path, cred, false);
        if (w.error() != null) {
            return VfsResult.err(w.error());
        }
        if (w.node() != null) {
            return VfsResult.err(exists);
        }
        if (w.trailingSlash() && spec.kind() != NodeKind.DIRECTORY) {
            return VfsResult.err(Errno.ENOENT);
        }
        Node dir = w.parent();
        if (!dir.linked()) {
            return VfsResult.err(Errno.ENOENT);
        }
        if (!access(dir, cred, W | X)) {
            return VfsResult.err(Errno.EACCES);
        }
        boolean dirGroup = limits.groupFromDirectory() || (dir.mode() & S_ISGID) != 0;
        Node n = new Node(nextIno++, spec.kind(), spec.mode(), cred.uid(), dirGroup ? dir.gid() : cred.gid(), dir,
                spec.target(), spec.socketType(), spec.socketRef());
        dir.entries().put(w.name(), n);
        return VfsResult.ok(n);
    }

    /** The checks unlink and rmdir share: the name exists, the directory is writable, the sticky bit. */
    private static Errno removable(PathWalk.Walk w, Cred cred) {
        if (w.error() != null) {
            return w.error();
        }
        if (w.node() == null) {
            return Errno.ENOENT;
        }
        Node dir = w.parent();
        if (!access(dir, cred, W | X)) {
            return Errno.EACCES;
        }
        boolean sticky = (dir.mode() & S_ISVTX) != 0;
        if (sticky && !cred.isRoot() && cred.uid() != w.node().uid() && cred.uid() != dir.uid()) {
            return Errno.EPERM;
        }
        return null;
    }

    private static VfsResult remove(PathWalk.Walk w) {
        w.parent().entries().remove(w.name());
        w.node().detach();
        return VfsResult.ok(w.node());
    }
}
