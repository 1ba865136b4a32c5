package io.jnetstack.personality.abi;

/**
 * Why a byte sequence is not a usable socket address. Deliberately not an errno: the socket layer maps each problem to
 * the errno its personality gives, in the order that OS checks (connect-catalogue §0.1; e.g. a length above the
 * maximum is EINVAL on Linux and OpenBSD but ENAMETOOLONG on FreeBSD and macOS).
 */
public enum SockaddrProblem {
    /**
     * namelen is above the OS's maximum (Linux {@code sizeof(struct sockaddr_storage)} = 128; BSD and macOS 255), or
     * negative (which the BSDs see as a huge unsigned length).
     */
    TOO_LONG,
    /** namelen is shorter than the family field (below 2 bytes). */
    NO_FAMILY,
    /** The buffer does not hold namelen bytes at the offset (the C call's EFAULT: "outside the address space"). */
    OUTSIDE_BUFFER,
    /** The family is not one this codec knows (AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6). */
    BAD_FAMILY,
    /** namelen is shorter than the family's minimum (sockaddr_in 16; sockaddr_in6 28, Linux 24). */
    TOO_SHORT,
    /** namelen is longer than the family's structure allows (a UNIX path longer than sun_path). */
    TOO_LONG_FOR_FAMILY,
    /** BSD/macOS sa_len byte below 2 or beyond the bytes available (only when the length field is trusted). */
    BAD_LENGTH_FIELD
}
