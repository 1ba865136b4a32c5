package io.jnetstack.host;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps close(2) on host descriptors out of the window in which a child process holds copies of them. The host
 * target's sockets are made without SOCK_CLOEXEC (as the calls ask), so a process started meanwhile (ip, iptables,
 * by another row) inherits them until its helper (jspawnhelper) closes them before exec; a close in that window only
 * drops one reference, and a listener that should be gone still accepts (catalogue H4 saw a stale UNIX socket
 * connect). Starting a process holds the write lock until ProcessBuilder.start returns — after the exec, so after
 * the helper closed what it inherited — and close holds the read lock.
 */
final class Forks {
    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();

    private Forks() {}

    /** {@code pb.start()} with no host close(2) running meanwhile. */
    static Process start(ProcessBuilder pb) throws IOException {
        LOCK.writeLock().lock();
        try {
            return pb.start();
        } finally {
            LOCK.writeLock().unlock();
        }
    }

    /** Runs a close(2) while no process is being started. */
    static long closing(java.util.function.LongSupplier close) {
        LOCK.readLock().lock();
        try {
            return close.getAsLong();
        } finally {
            LOCK.readLock().unlock();
        }
    }
}
