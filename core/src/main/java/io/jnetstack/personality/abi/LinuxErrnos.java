package io.jnetstack.personality.abi;

import static io.jnetstack.personality.abi.Errno.*;

/**
 * Linux x86-64 errno values (include/uapi/asm-generic/errno-base.h, errno.h) and glibc {@code strerror} texts
 * (glibc stdio-common/errlist.def). Measured on the development machine (Debian 12, glibc 2.36) with
 * {@code python3 -c 'import errno, os; print(errno.ECONNREFUSED, os.strerror(errno.ECONNREFUSED))'} for each name;
 * {@code LinuxErrnoTest} repeats the comparison whenever python3 is on the PATH. Unknown numbers print as
 * {@code "Unknown error 200"} ({@code os.strerror(200)}). ECAPMODE does not exist on Linux.
 */
final class LinuxErrnos {
    private LinuxErrnos() {}

    /** The Linux table. */
    static ErrnoTable table() {
        return ErrnoTable.builder("linux", "Unknown error ")
                .put(EPERM, 1, "Operation not permitted")
                .put(ENOENT, 2, "No such file or directory")
                .put(EINTR, 4, "Interrupted system call")
                .put(EIO, 5, "Input/output error")
                .put(ENXIO, 6, "No such device or address")
                .put(EBADF, 9, "Bad file descriptor")
                .put(EAGAIN, 11, "Resource temporarily unavailable")
                .put(ENOMEM, 12, "Cannot allocate memory")
                .put(EACCES, 13, "Permission denied")
                .put(EFAULT, 14, "Bad address")
                .put(EBUSY, 16, "Device or resource busy")
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
                .put(ENODEV, 19, "No such device")
                .put(EDOM, 33, "Numerical argument out of domain")
                .put(EDEADLK, 35, "Resource deadlock avoided")
                .put(ENAMETOOLONG, 36, "File name too long")
                .put(ENOSYS, 38, "Function not implemented")
                .put(ELOOP, 40, "Too many levels of symbolic links")
                .put(ENOTEMPTY, 39, "Directory not empty")
                .put(ENOSR, 63, "Out of streams resources")
                .put(ENODATA, 61, "No data available")
                .put(ENONET, 64, "Machine is not on the network")
                .put(EPROTO, 71, "Protocol error")
                .put(EOVERFLOW, 75, "Value too large for defined data type")
                .put(ECANCELED, 125, "Operation canceled")
                .put(ENOTSOCK, 88, "Socket operation on non-socket")
                .put(EDESTADDRREQ, 89, "Destination address required")
                .put(EMSGSIZE, 90, "Message too long")
                .put(EPROTOTYPE, 91, "Protocol wrong type for socket")
                .put(ENOPROTOOPT, 92, "Protocol not available")
                .put(EPROTONOSUPPORT, 93, "Protocol not supported")
                .put(ESOCKTNOSUPPORT, 94, "Socket type not supported")
                .put(EOPNOTSUPP, 95, "Operation not supported")
                .alias(ENOTSUP, EOPNOTSUPP) // #define ENOTSUP EOPNOTSUPP (bits/errno.h)
                .put(EPFNOSUPPORT, 96, "Protocol family not supported")
                .put(EAFNOSUPPORT, 97, "Address family not supported by protocol")
                .put(EADDRINUSE, 98, "Address already in use")
                .put(EADDRNOTAVAIL, 99, "Cannot assign requested address")
                .put(ENETDOWN, 100, "Network is down")
                .put(ENETUNREACH, 101, "Network is unreachable")
                .put(ENETRESET, 102, "Network dropped connection on reset")
                .put(ECONNABORTED, 103, "Software caused connection abort")
                .put(ECONNRESET, 104, "Connection reset by peer")
                .put(ENOBUFS, 105, "No buffer space available")
                .put(EISCONN, 106, "Transport endpoint is already connected")
                .put(ENOTCONN, 107, "Transport endpoint is not connected")
                .put(ESHUTDOWN, 108, "Cannot send after transport endpoint shutdown")
                .put(ETOOMANYREFS, 109, "Too many references: cannot splice")
                .put(ETIMEDOUT, 110, "Connection timed out")
                .put(ECONNREFUSED, 111, "Connection refused")
                .put(EHOSTDOWN, 112, "Host is down")
                .put(EHOSTUNREACH, 113, "No route to host")
                .put(EALREADY, 114, "Operation already in progress")
                .put(EINPROGRESS, 115, "Operation now in progress")
                .build();
    }
}
