package io.jnetstack.personality.abi;

import static io.jnetstack.personality.abi.Errno.*;

/**
 * The errno numbers and strerror texts FreeBSD, OpenBSD and macOS inherited unchanged from 4.4BSD-Lite
 * (sys/sys/errno.h, lib/libc/gen/errlst.c in each tree): every entry here is identical in all three tables; each
 * OS's own class adds what differs (numbers past 4.4BSD's, texts its libc reworded, aliases).
 */
final class Bsd44Errnos {
    private Bsd44Errnos() {}

    /** Puts the shared 4.4BSD entries into {@code b} and returns it. */
    static ErrnoTable.Builder common(ErrnoTable.Builder b) {
        return b
                .put(EPERM, 1, "Operation not permitted")
                .put(ENOENT, 2, "No such file or directory")
                .put(EINTR, 4, "Interrupted system call")
                .put(EIO, 5, "Input/output error")
                .put(ENXIO, 6, "Device not configured")
                .put(EBADF, 9, "Bad file descriptor")
                .put(EAGAIN, 35, "Resource temporarily unavailable")
                .put(ENOMEM, 12, "Cannot allocate memory")
                .put(EACCES, 13, "Permission denied")
                .put(EFAULT, 14, "Bad address")
                .put(EEXIST, 17, "File exists")
                .put(ENOTDIR, 20, "Not a directory")
                .put(EISDIR, 21, "Is a directory")
                .put(EINVAL, 22, "Invalid argument")
                .put(ENFILE, 23, "Too many open files in system")
                .put(EMFILE, 24, "Too many open files")
                .put(ENOTTY, 25, "Inappropriate ioctl for device")
                .put(ENOSPC, 28, "No space left on device")
                .put(ESPIPE, 29, "Illegal seek")
                .put(EROFS, 30, "Read-only file system")
                .put(EPIPE, 32, "Broken pipe")
                .put(ENODEV, 19, "Operation not supported by device")
                .put(EDOM, 33, "Numerical argument out of domain")
                .put(EDEADLK, 11, "Resource deadlock avoided")
                .put(ENAMETOOLONG, 63, "File name too long")
                .put(ENOSYS, 78, "Function not implemented")
                .put(ELOOP, 62, "Too many levels of symbolic links")
                .put(ENOTEMPTY, 66, "Directory not empty")
                .put(ENOTSOCK, 38, "Socket operation on non-socket")
                .put(EDESTADDRREQ, 39, "Destination address required")
                .put(EMSGSIZE, 40, "Message too long")
                .put(EPROTOTYPE, 41, "Protocol wrong type for socket")
                .put(ENOPROTOOPT, 42, "Protocol not available")
                .put(EPROTONOSUPPORT, 43, "Protocol not supported")
                .put(ESOCKTNOSUPPORT, 44, "Socket type not supported")
                .put(EPFNOSUPPORT, 46, "Protocol family not supported")
                .put(EAFNOSUPPORT, 47, "Address family not supported by protocol family")
                .put(EADDRINUSE, 48, "Address already in use")
                .put(EADDRNOTAVAIL, 49, "Can't assign requested address")
                .put(ENETDOWN, 50, "Network is down")
                .put(ENETUNREACH, 51, "Network is unreachable")
                .put(ENETRESET, 52, "Network dropped connection on reset")
                .put(ECONNABORTED, 53, "Software caused connection abort")
                .put(ECONNRESET, 54, "Connection reset by peer")
                .put(ENOBUFS, 55, "No buffer space available")
                .put(EISCONN, 56, "Socket is already connected")
                .put(ENOTCONN, 57, "Socket is not connected")
                .put(ESHUTDOWN, 58, "Can't send after socket shutdown")
                .put(ETOOMANYREFS, 59, "Too many references: can't splice")
                .put(ETIMEDOUT, 60, "Operation timed out")
                .put(ECONNREFUSED, 61, "Connection refused")
                .put(EHOSTDOWN, 64, "Host is down")
                .put(EHOSTUNREACH, 65, "No route to host")
                .put(EALREADY, 37, "Operation already in progress")
                .put(EINPROGRESS, 36, "Operation now in progress");
    }
}
