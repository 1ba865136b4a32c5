package io.jnetstack.socket;

/** What an open file refers to: a socket or a file-system node (the fd table does not care which). */
abstract sealed class KernelFile permits Socket, RegularFile {

    /** Called when the last descriptor referring to it is closed. */
    abstract void release(long nowNs);
}
