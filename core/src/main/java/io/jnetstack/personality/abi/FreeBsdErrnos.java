package io.jnetstack.personality.abi;

import static io.jnetstack.personality.abi.Errno.*;

/**
 * FreeBSD errno values (sys/sys/errno.h, 14/15-era: ELAST 97, {@code #define ENOTSUP EOPNOTSUPP}) and libc
 * {@code strerror} texts (lib/libc/gen/errlst.c; texts for 1-92 read in errlst.c, ECAPMODE 94 "Not permitted in
 * capability mode" read in the errno.h comment and FreeBSD-derived tables). Unknown numbers print as
 * {@code "Unknown error: 200"} (lib/libc/string/strerror.c errstr: UPREFIX, ": ", number). FreeBSD has no ENOSR,
 * ENODATA or ENONET.
 */
final class FreeBsdErrnos {
    private FreeBsdErrnos() {}

    /** The freebsd table. */
    static ErrnoTable table() {
        return Bsd44Errnos.common(ErrnoTable.builder("freebsd", "Unknown error: "))
                .put(EBUSY, 16, "Device busy")
                .put(EPROTO, 92, "Protocol error")
                .put(EOVERFLOW, 84, "Value too large to be stored in data type")
                .put(ECANCELED, 85, "Operation canceled")
                .put(EOPNOTSUPP, 45, "Operation not supported")
                .alias(ENOTSUP, EOPNOTSUPP) // #define ENOTSUP EOPNOTSUPP
                .put(ECAPMODE, 94, "Not permitted in capability mode")
                .build();
    }
}
