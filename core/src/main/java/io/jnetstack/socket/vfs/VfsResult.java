package io.jnetstack.socket.vfs;

import io.jnetstack.personality.abi.Errno;

/** The outcome of a file-system operation: the node it found or made, or the error the system call would give. */
public sealed interface VfsResult permits VfsResult.Ok, VfsResult.Err {

    /** Success with a node (for unlink and rmdir: the node removed). */
    record Ok(Node node) implements VfsResult {}

    /** Failure with an errno. */
    record Err(Errno errno) implements VfsResult {}

    /** Success wrapping {@code node}. */
    static VfsResult ok(Node node) {
        return new Ok(node);
    }

    /** Failure with {@code errno}. */
    static VfsResult err(Errno errno) {
        return new Err(errno);
    }

    /** Whether the operation succeeded. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The node on success, null on failure. */
    default Node nodeOrNull() {
        return this instanceof Ok(Node n) ? n : null;
    }

    /** The errno on failure, null on success. */
    default Errno errnoOrNull() {
        return this instanceof Err(Errno e) ? e : null;
    }
}
