package io.jnetstack.socket;

/**
 * An open file description (struct file): what it refers to, its status flags (O_NONBLOCK) and how many
 * descriptors share it (dup, fork); the file is released when the last one closes.
 */
final class OpenFile {
    final KernelFile file;
    boolean nonBlocking;
    int references = 1;

    OpenFile(KernelFile file, boolean nonBlocking) {
        this.file = file;
        this.nonBlocking = nonBlocking;
    }
}
