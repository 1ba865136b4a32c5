package io.jnetstack.personality.abi;

import java.util.List;

/**
 * The ABI of one OS: its errno table, its constants and its sockaddr layout. One immutable instance per OS, reached
 * through {@link #linux()}, {@link #freebsd()}, {@link #openbsd()}, {@link #macos()} (or a personality's
 * {@code abi()}).
 *
 * @param name "linux", "freebsd", "openbsd" or "macos" (the personality's name)
 * @param errnos errno numbers and strerror texts
 * @param constants AF_*, SOCK_*, SO_*, IPPROTO_*, TCP_*, O_*, F_*, FIO*, MSG_*, POLL*, SHUT_* and limits
 * @param sockaddr the sockaddr byte layout
 */
public record Abi(String name, ErrnoTable errnos, ConstantTable constants, SockaddrCodec sockaddr) {

    /** sizeof(struct sockaddr_storage) on Linux, the largest namelen net/socket.c move_addr_to_kernel accepts. */
    private static final int LINUX_MAX_ADDRLEN = 128;
    /** SOCK_MAXADDRLEN (FreeBSD, macOS sys/socket.h); OpenBSD sockargs spells it UCHAR_MAX. */
    private static final int BSD_MAX_ADDRLEN = 255;
    /** SIN6_LEN_RFC2133 (Linux include/linux/in6.h): the RFC 2133 sockaddr_in6 without sin6_scope_id. */
    private static final int LINUX_IN6_MINIMUM = 24;
    /** sizeof(struct sockaddr_in6), the minimum on the BSDs. */
    private static final int BSD_IN6_MINIMUM = 28;

    private static final Abi LINUX = of("linux", LinuxErrnos.table(), LinuxConstants.table(), false, 108,
            LINUX_MAX_ADDRLEN, LINUX_IN6_MINIMUM);
    private static final Abi FREEBSD = of("freebsd", FreeBsdErrnos.table(), FreeBsdConstants.table(), true, 104,
            BSD_MAX_ADDRLEN, BSD_IN6_MINIMUM);
    private static final Abi OPENBSD = of("openbsd", OpenBsdErrnos.table(), OpenBsdConstants.table(), true, 104,
            BSD_MAX_ADDRLEN, BSD_IN6_MINIMUM);
    private static final Abi MACOS = of("macos", MacOsErrnos.table(), MacOsConstants.table(), true, 104,
            BSD_MAX_ADDRLEN, BSD_IN6_MINIMUM);

    private static Abi of(String name, ErrnoTable errnos, ConstantTable constants, boolean lengthByte,
            int sunPathSize, int maximumLength, int in6Minimum) {
        int afInet6 = constants.value(AbiConstant.AF_INET6).orElseThrow();
        return new Abi(name, errnos, constants,
                new SockaddrCodec(lengthByte, afInet6, sunPathSize, maximumLength, in6Minimum));
    }

    /** Linux x86-64 with glibc (sun_path 108: include/uapi/linux/un.h UNIX_PATH_MAX). */
    public static Abi linux() {
        return LINUX;
    }

    /** FreeBSD (sun_path 104: sys/sys/un.h). */
    public static Abi freebsd() {
        return FREEBSD;
    }

    /** OpenBSD (sun_path 104: sys/sys/un.h). */
    public static Abi openbsd() {
        return OPENBSD;
    }

    /** macOS / XNU (sun_path 104: bsd/sys/un.h). */
    public static Abi macos() {
        return MACOS;
    }

    /** All four, in the order of {@code Personality.all()}. */
    public static List<Abi> all() {
        return List.of(LINUX, FREEBSD, OPENBSD, MACOS);
    }
}
