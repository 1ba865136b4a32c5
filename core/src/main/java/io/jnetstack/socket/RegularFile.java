package io.jnetstack.socket;

import io.jnetstack.socket.vfs.Node;

/** An opened file-system node that is not a socket (a regular file, a directory, /dev/null): ENOTSOCK to sockets. */
final class RegularFile extends KernelFile {
    private final Node node;

    RegularFile(Node node) {
        this.node = node;
    }

    Node node() {
        return node;
    }

    @Override
    void release(long nowNs) {}
}
