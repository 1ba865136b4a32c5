package io.jnetstack.socket.vfs;

/** What a node of the file tree is (the S_IFMT part of its mode). */
public enum NodeKind {
    /** A directory: holds named children. */
    DIRECTORY,
    /** A regular file (its contents are not modelled). */
    REGULAR,
    /** A symbolic link: holds the target path text. */
    SYMLINK,
    /** A UNIX-domain socket file, made by bind(2). */
    SOCKET
}
