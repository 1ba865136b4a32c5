package io.jnetstack.socket.vfs;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One node of a host's file tree (an inode): its kind, owner, group and permission bits, and per kind the children
 * (directory), the target text (symbolic link) or the socket bound there (socket file). A node removed from the tree
 * stays usable by whoever holds it; {@link #linked()} then says false.
 */
public final class Node {
    private final long ino;
    private final NodeKind kind;
    private int mode;
    private int uid;
    private int gid;
    private Node parent;
    private boolean linked = true;
    private final TreeMap<String, Node> children;
    private final String target;
    private final int socketType;
    private Object socketRef;

    Node(long ino, NodeKind kind, int mode, int uid, int gid, Node parent, String target, int socketType,
            Object socketRef) {
        this.ino = ino;
        this.kind = kind;
        this.mode = mode & 07777;
        this.uid = uid;
        this.gid = gid;
        this.parent = parent;
        this.children = kind == NodeKind.DIRECTORY ? new TreeMap<>() : null;
        this.target = target;
        this.socketType = socketType;
        this.socketRef = socketRef;
    }

    /** The inode number, unique within the host, handed out in creation order from 1 (the root directory). */
    public long ino() {
        return ino;
    }

    /** What this node is. */
    public NodeKind kind() {
        return kind;
    }

    /** The permission bits (07777: set-id, sticky, owner, group, other). */
    public int mode() {
        return mode;
    }

    /** The owning user. */
    public int uid() {
        return uid;
    }

    /** The owning group. */
    public int gid() {
        return gid;
    }

    /** Whether a directory entry still names this node (false once unlinked or removed). */
    public boolean linked() {
        return linked;
    }

    /** The directory holding this node ({@code ..}); the root is its own parent; null once unlinked. */
    public Node parent() {
        return parent;
    }

    /** A directory's entries by name, read-only and in name order; empty for other kinds. */
    public NavigableMap<String, Node> children() {
        return children == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(children);
    }

    /** A symbolic link's target text; null for other kinds. */
    public String target() {
        return target;
    }

    /** The socket type (SOCK_STREAM, SOCK_DGRAM, ... as the socket layer numbers them) a socket file was bound
     * with; 0 for other kinds. */
    public int socketType() {
        return socketType;
    }

    /** The socket bound at this socket file, as the socket layer stored it; null when it closed (stale). */
    public Object socketRef() {
        return socketRef;
    }

    /**
     * Replaces the socket reference; the socket layer passes null when the socket closes. The file stays in the
     * tree (a stale socket file: connect gives ECONNREFUSED, catalogue H4) until unlinked.
     *
     * @throws IllegalStateException if this is not a socket file (a programmer error)
     */
    public void socketRef(Object ref) {
        if (kind != NodeKind.SOCKET) {
            throw new IllegalStateException("not a socket file: " + kind);
        }
        socketRef = ref;
    }

    /** Whether this is a socket file whose socket is gone. */
    public boolean stale() {
        return kind == NodeKind.SOCKET && socketRef == null;
    }

    void mode(int newMode) {
        mode = newMode & 07777;
    }

    void owner(int newUid, int newGid) {
        uid = newUid;
        gid = newGid;
    }

    TreeMap<String, Node> entries() {
        return children;
    }

    void parent(Node p) {
        parent = p;
    }

    void detach() {
        linked = false;
        parent = null;
    }

    @Override
    public String toString() {
        return kind + "#" + ino + " mode " + Integer.toOctalString(mode) + " " + uid + ":" + gid;
    }
}
