package io.jnetstack.personality.abi;

import static io.jnetstack.personality.abi.Errno.*;

/**
 * macOS errno values (xnu-11417.101.15 bsd/sys/errno.h, as a {@code __DARWIN_UNIX03} program sees them: EOPNOTSUPP is
 * 102, distinct from ENOTSUP 45) and Libc-1725.0.11 gen/errlst.c {@code strerror} texts (note EBUSY "Resource busy",
 * EOPNOTSUPP "Operation not supported on socket"). Unknown numbers print as {@code "Unknown error: 200"}
 * (Libc string/FreeBSD/strerror.c __errstr). macOS has no ENONET or ECAPMODE.
 */
final class MacOsErrnos {
    private MacOsErrnos() {}

    /** The macos table. */
    static ErrnoTable table() {
        return Bsd44Errnos.common(ErrnoTable.builder("macos", "Unknown error: "))
                .put(EBUSY, 16, "Resource busy")
                .put(ENOSR, 98, "No STREAM resources")
                .put(ENODATA, 96, "No message available on STREAM")
                .put(EPROTO, 100, "Protocol error")
                .put(EOVERFLOW, 84, "Value too large to be stored in data type")
                .put(ECANCELED, 89, "Operation canceled")
                .put(EOPNOTSUPP, 102, "Operation not supported on socket")
                .put(ENOTSUP, 45, "Operation not supported")
                .build();
    }
}
