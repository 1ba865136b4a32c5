package io.jnetstack.socket.vfs;

import io.jnetstack.personality.VfsLimits;
import io.jnetstack.personality.abi.Errno;
import java.nio.charset.StandardCharsets;

/**
 * namei: resolves a path one component at a time from the root or a working directory, requiring search permission
 * on every directory it passes, expanding symbolic links by splicing their text in front of the rest of the path
 * (as the BSD namei does) and counting them against {@link VfsLimits#symlinkMax()}.
 */
final class PathWalk {

    /**
     * Where a walk ended.
     *
     * @param error the failure, or null
     * @param parent the directory holding the final component
     * @param name the final component as written ("/" for a path of slashes only)
     * @param node what the final component names, or null when it does not exist
     * @param trailingSlash whether slashes followed the final component
     */
    record Walk(Errno error, Node parent, String name, Node node, boolean trailingSlash) {}

    private final VfsLimits limits;
    private final Node root;
    private final Cred cred;
    private Node dir;
    private String rest;
    private int links;

    private PathWalk(VfsLimits limits, Node root, Node start, Cred cred, String path) {
        this.limits = limits;
        this.root = root;
        this.cred = cred;
        this.dir = path.startsWith("/") ? root : start;
        this.rest = path;
    }

    /** Resolves {@code path}; a relative path starts at {@code cwd}. The final symbolic link is followed when asked
     * to, or when a slash follows it. */
    static Walk walk(VfsLimits limits, Node root, Node cwd, String path, Cred cred, boolean followFinal) {
        if (path.isEmpty()) {
            return fail(Errno.ENOENT);
        }
        if (bytes(path) >= limits.pathMax()) {
            return fail(Errno.ENAMETOOLONG);
        }
        return new PathWalk(limits, root, cwd, cred, path).run(followFinal);
    }

    /** The length of {@code s} in bytes as the kernel counts it (UTF-8). */
    static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private Walk run(boolean followFinal) {
        while (true) {
            int start = skipSlashes(rest, 0);
            if (start == rest.length()) {
                return new Walk(null, dir, "/", dir, true);
            }
            int end = rest.indexOf('/', start);
            end = end < 0 ? rest.length() : end;
            String comp = rest.substring(start, end);
            String after = rest.substring(end);
            boolean last = skipSlashes(after, 0) == after.length();
            boolean slash = last && !after.isEmpty();
            Errno e = enter(comp);
            if (e != null) {
                return fail(e);
            }
            Node next = child(comp);
            if (next == null) {
                return last ? new Walk(null, dir, comp, null, slash) : fail(Errno.ENOENT);
            }
            if (next.kind() == NodeKind.SYMLINK && (!last || followFinal || slash)) {
                e = expand(next, after);
                if (e != null) {
                    return fail(e);
                }
                continue;
            }
            if (last) {
                return new Walk(null, dir, comp, next, slash);
            }
            dir = next;
            rest = after;
        }
    }

    /** The checks before looking {@code comp} up in {@link #dir}, in the personality's order. */
    private Errno enter(String comp) {
        boolean tooLong = bytes(comp) > limits.nameMax();
        if (tooLong && limits.nameLengthBeforeSearch()) {
            return Errno.ENAMETOOLONG;
        }
        if (dir.kind() != NodeKind.DIRECTORY) {
            return Errno.ENOTDIR;
        }
        if (!Vfs.access(dir, cred, Vfs.X)) {
            return Errno.EACCES;
        }
        return tooLong ? Errno.ENAMETOOLONG : null;
    }

    private Node child(String comp) {
        if (!dir.linked()) {
            return null;
        }
        return switch (comp) {
            case "." -> dir;
            case ".." -> dir.parent();
            default -> dir.entries().get(comp);
        };
    }

    /** Splices the link's text in front of the rest of the path. */
    private Errno expand(Node link, String after) {
        if (links++ >= limits.symlinkMax()) {
            return Errno.ELOOP;
        }
        String target = link.target();
        if (target.isEmpty()) {
            return Errno.ENOENT;
        }
        if (limits.expansionWithinPathMax() && bytes(target) + bytes(after) + 1 > limits.pathMax()) {
            return Errno.ENAMETOOLONG;
        }
        if (target.startsWith("/")) {
            dir = root;
        }
        rest = target + after;
        return null;
    }

    private static int skipSlashes(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == '/') {
            i++;
        }
        return i;
    }

    private static Walk fail(Errno e) {
        return new Walk(e, null, null, null, false);
    }
}
