package io.jnetstack.personality.abi;

/**
 * The errors the socket layer can report, by symbolic name. Numbers and texts differ per OS and live in each
 * personality's {@link ErrnoTable}; an OS that lacks one of these has no entry for it.
 *
 * <p>Aliases: {@code EWOULDBLOCK} is {@link #EAGAIN} on all four systems (one constant, see {@link #EWOULDBLOCK});
 * {@link #ENOTSUP} equals {@link #EOPNOTSUPP} on Linux and FreeBSD but is a distinct number on OpenBSD and macOS;
 * {@code EDEADLOCK} (Linux only) equals {@link #EDEADLK} and is not modelled separately.
 */
public enum Errno {
    /** Operation not permitted. */
    EPERM,
    /** No such file or directory. */
    ENOENT,
    /** Interrupted system call. */
    EINTR,
    /** Input/output error. */
    EIO,
    /** No such device or address (opening a socket file). */
    ENXIO,
    /** Bad file descriptor. */
    EBADF,
    /** Resource temporarily unavailable; also spelled EWOULDBLOCK. */
    EAGAIN,
    /** Cannot allocate memory. */
    ENOMEM,
    /** Permission denied. */
    EACCES,
    /** Bad address (an argument outside the process's address space). */
    EFAULT,
    /** Device or resource busy. */
    EBUSY,
    /** File exists (bind of a UNIX socket to an existing path). */
    EEXIST,
    /** Not a directory. */
    ENOTDIR,
    /** Is a directory. */
    EISDIR,
    /** Invalid argument. */
    EINVAL,
    /** Too many open files in the system. */
    ENFILE,
    /** Too many open files in the process. */
    EMFILE,
    /** Inappropriate ioctl for device. */
    ENOTTY,
    /** No space left on device. */
    ENOSPC,
    /** Illegal seek (lseek on a socket). */
    ESPIPE,
    /** Read-only file system. */
    EROFS,
    /** Broken pipe. */
    EPIPE,
    /** Numerical argument out of domain (a timeval with tv_usec out of range in SO_SNDTIMEO/SO_RCVTIMEO). */
    EDOM,
    /** Resource deadlock avoided (Linux also names it EDEADLOCK). */
    EDEADLK,
    /** File name too long. */
    ENAMETOOLONG,
    /** Function not implemented. */
    ENOSYS,
    /** No such device (SO_BINDTODEVICE naming no interface). */
    ENODEV,
    /** Too many levels of symbolic links. */
    ELOOP,
    /** Directory not empty (rmdir). */
    ENOTEMPTY,
    /** Out of STREAMS resources (Linux, macOS; SVr4 lists it for connect). */
    ENOSR,
    /** No data available (Linux, macOS). */
    ENODATA,
    /** Machine is not on the network (Linux only; ICMP host isolated). */
    ENONET,
    /** Protocol error. */
    EPROTO,
    /** Value too large for the data type. */
    EOVERFLOW,
    /** Operation canceled. */
    ECANCELED,
    /** Socket operation on a non-socket. */
    ENOTSOCK,
    /** Destination address required. */
    EDESTADDRREQ,
    /** Message too long. */
    EMSGSIZE,
    /** Protocol wrong type for socket. */
    EPROTOTYPE,
    /** Protocol not available (unknown socket option). */
    ENOPROTOOPT,
    /** Protocol not supported. */
    EPROTONOSUPPORT,
    /** Socket type not supported. */
    ESOCKTNOSUPPORT,
    /** Operation not supported on socket. */
    EOPNOTSUPP,
    /** Operation not supported (POSIX); equal to {@link #EOPNOTSUPP} on Linux and FreeBSD. */
    ENOTSUP,
    /** Protocol family not supported. */
    EPFNOSUPPORT,
    /** Address family not supported by protocol. */
    EAFNOSUPPORT,
    /** Address already in use. */
    EADDRINUSE,
    /** Cannot assign requested address. */
    EADDRNOTAVAIL,
    /** Network is down. */
    ENETDOWN,
    /** Network is unreachable. */
    ENETUNREACH,
    /** Network dropped connection on reset. */
    ENETRESET,
    /** Software caused connection abort. */
    ECONNABORTED,
    /** Connection reset by peer. */
    ECONNRESET,
    /** No buffer space available. */
    ENOBUFS,
    /** Socket is already connected. */
    EISCONN,
    /** Socket is not connected. */
    ENOTCONN,
    /** Cannot send after socket shutdown. */
    ESHUTDOWN,
    /** Too many references: cannot splice. */
    ETOOMANYREFS,
    /** Connection (or operation) timed out. */
    ETIMEDOUT,
    /** Connection refused. */
    ECONNREFUSED,
    /** Host is down. */
    EHOSTDOWN,
    /** No route to host. */
    EHOSTUNREACH,
    /** Operation already in progress. */
    EALREADY,
    /** Operation now in progress. */
    EINPROGRESS,
    /** Not permitted in capability mode (FreeBSD Capsicum only; connect in capability mode). */
    ECAPMODE;

    /** EWOULDBLOCK: the same number as EAGAIN on Linux, FreeBSD, OpenBSD and macOS, so the same constant. */
    public static final Errno EWOULDBLOCK = EAGAIN;
}
