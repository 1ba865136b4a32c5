package io.jnetstack.personality;

import io.jnetstack.personality.abi.Errno;

/**
 * The limits and orderings of path-name resolution (namei) that differ between the systems; the per-host file tree
 * of UNIX-domain sockets (the socket layer's vfs) obeys them.
 *
 * @param symlinkMax symbolic links one resolution may expand; the next one fails with ELOOP (Linux MAXSYMLINKS,
 *     BSD MAXSYMLINKS / SYMLOOP_MAX; every kernel tests {@code count++ >= max})
 * @param nameMax longest path component in bytes (NAME_MAX); one more is ENAMETOOLONG
 * @param pathMax PATH_MAX, counting the terminating NUL: the longest accepted path is {@code pathMax - 1} bytes
 * @param nameLengthBeforeSearch true when a too-long component is refused before the directory holding it is
 *     searched (BSD lookup checks cn_namelen first; Linux checks may_lookup, the file system's lookup the length)
 * @param expansionWithinPathMax true when a symbolic link's body plus the rest of the path must still fit in
 *     pathMax bytes (BSD namei: {@code linklen + ni_pathlen > MAXPATHLEN} is ENAMETOOLONG; Linux keeps a stack of
 *     link bodies and has no such joint limit)
 * @param unlinkDirectory the error of unlink(2) on a directory (Linux EISDIR, the BSDs EPERM)
 * @param groupFromDirectory true when a new file takes its directory's group (BSD ufs_makeinode), false when it
 *     takes the creator's effective group unless the directory is set-group-id (Linux inode_init_owner)
 */
public record VfsLimits(int symlinkMax, int nameMax, int pathMax, boolean nameLengthBeforeSearch,
        boolean expansionWithinPathMax, Errno unlinkDirectory, boolean groupFromDirectory) {
    /** Validates positive limits and a path limit that can hold at least one full component. */
    public VfsLimits {
        if (symlinkMax < 0 || nameMax < 1 || pathMax <= nameMax || unlinkDirectory == null) {
            throw new IllegalArgumentException("bad vfs limits " + symlinkMax + "/" + nameMax + "/" + pathMax);
        }
    }
}
