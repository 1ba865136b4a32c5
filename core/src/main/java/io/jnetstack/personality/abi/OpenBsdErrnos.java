package io.jnetstack.personality.abi;

import static io.jnetstack.personality.abi.Errno.*;

/**
 * OpenBSD errno values (sys/sys/errno.h, 7.x: ELAST 95; ENOTSUP 91 is distinct from EOPNOTSUPP 45, EPROTO is 95) and
 * libc {@code strerror} texts (lib/libc/gen/errlist.c: note ENOTSUP "Not supported"). Unknown numbers print as
 * {@code "Unknown error: 200"} (lib/libc/string/__strerror.c; not read, inferred from the shared 4.4BSD code).
 * OpenBSD has no ENOSR, ENODATA, ENONET or ECAPMODE.
 */
final class OpenBsdErrnos {
    private OpenBsdErrnos() {}

    /** The openbsd table. */
    static ErrnoTable table() {
        return Bsd44Errnos.common(ErrnoTable.builder("openbsd", "Unknown error: "))
                .put(EBUSY, 16, "Device busy")
                .put(EPROTO, 95, "Protocol error")
                .put(EOVERFLOW, 87, "Value too large to be stored in data type")
                .put(ECANCELED, 88, "Operation canceled")
                .put(EOPNOTSUPP, 45, "Operation not supported")
                .put(ENOTSUP, 91, "Not supported")
                .build();
    }
}
