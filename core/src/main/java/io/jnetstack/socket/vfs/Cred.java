package io.jnetstack.socket.vfs;

import java.util.List;

/**
 * The credentials a file-system operation runs with: effective user and group and the supplementary groups.
 *
 * @param uid effective user id; 0 is root, which bypasses permission checks
 * @param gid effective group id
 * @param groups supplementary group ids (copied, immutable)
 */
public record Cred(int uid, int gid, List<Integer> groups) {
    /** Copies the groups. */
    public Cred {
        groups = List.copyOf(groups);
    }

    /** The superuser: uid 0, gid 0, no supplementary groups. */
    public static Cred root() {
        return new Cred(0, 0, List.of());
    }

    /** An ordinary user with no supplementary groups. */
    public static Cred user(int uid, int gid) {
        return new Cred(uid, gid, List.of());
    }

    /** Whether this is the superuser. */
    public boolean isRoot() {
        return uid == 0;
    }

    /** Whether {@code group} is the effective group or one of the supplementary groups. */
    public boolean inGroup(int group) {
        return gid == group || groups.contains(group);
    }
}
