package io.jnetstack.personality.abi;

import java.util.OptionalInt;

/**
 * One OS's byte layout of socket addresses, both ways. Immutable; decoding never throws.
 *
 * <p>Layouts: Linux starts every sockaddr with a 16-bit {@code sa_family} in host byte order (little-endian on x86-64
 * and arm64); FreeBSD, OpenBSD and macOS start with a one-byte {@code sa_len} and a one-byte {@code sa_family}
 * (4.4BSD). Ports, IPv4 addresses and {@code sin6_flowinfo} are in network byte order; {@code sin6_scope_id} is in
 * host byte order (little-endian on every machine modelled here).
 *
 * <p>namelen rules modelled here, and where they come from:
 * <ul>
 *   <li>Maximum: Linux net/socket.c move_addr_to_kernel rejects {@code ulen < 0 || ulen > sizeof(struct
 *       sockaddr_storage)} (128); FreeBSD kern/uipc_syscalls.c getsockaddr and xnu bsd/kern/uipc_syscalls.c
 *       getsockaddr reject {@code len > SOCK_MAXADDRLEN} (255); OpenBSD kern/uipc_syscalls.c sockargs rejects
 *       {@code buflen > UCHAR_MAX} (255).</li>
 *   <li>Minimum: every OS needs the two bytes of the family (BSD getsockaddr/sockargs: {@code offsetof(struct
 *       sockaddr, sa_data)}; Linux checks it in each protocol); then sockaddr_in 16 and sockaddr_in6 28 bytes — but
 *       Linux accepts a 24-byte sockaddr_in6 ({@code SIN6_LEN_RFC2133}, net/ipv6/tcp_ipv6.c tcp_v6_connect, then
 *       sin6_scope_id reads as 0), and sockaddr_un needs only {@code offsetof(struct sockaddr_un, sun_path)} = 2.</li>
 *   <li>{@code sa_len} versus namelen (BSD, macOS): a system call ignores the caller's sa_len and overwrites it with
 *       namelen — FreeBSD getsockaddr {@code sa->sa_len = len}, OpenBSD sockargs {@code sa->sa_len = buflen}, xnu
 *       getsockaddr {@code sa->sa_len = (__uint8_t)len}; connect(2) on FreeBSD and OpenBSD: "the sa_len member of
 *       name is ignored". {@link #decode} does the same; {@link #decodeWithLengthField} trusts sa_len instead (for
 *       addresses the kernel itself wrote).</li>
 *   <li>UNIX paths: Linux net/unix/af_unix.c unix_validate_addr rejects namelen above sizeof(struct sockaddr_un)
 *       (110: 108 path bytes); xnu unp_bind/unp_connect copy up to SOCK_MAXADDRLEN - 1 path bytes regardless of the
 *       104-byte sun_path, so on the BSDs only the 255 maximum applies here.</li>
 * </ul>
 */
public final class SockaddrCodec {
    private static final int SIZEOF_SOCKADDR = 16;
    private static final int SIZEOF_IN = 16;
    private static final int SIZEOF_IN6 = 28;
    private static final int SUN_PATH_OFFSET = 2;

    private final boolean lengthByte;
    private final int afInet6;
    private final int sunPathSize;
    private final int maximumLength;
    private final int in6MinimumLength;

    SockaddrCodec(boolean lengthByte, int afInet6, int sunPathSize, int maximumLength, int in6MinimumLength) {
        this.lengthByte = lengthByte;
        this.afInet6 = afInet6;
        this.sunPathSize = sunPathSize;
        this.maximumLength = maximumLength;
        this.in6MinimumLength = in6MinimumLength;
    }

    /** AF_UNSPEC, the same on every OS. */
    static final int AF_UNSPEC = 0;
    /** AF_UNIX, the same on every OS. */
    static final int AF_UNIX = 1;
    /** AF_INET, the same on every OS. */
    static final int AF_INET = 2;

    /** Whether addresses start with a one-byte sa_len (BSD, macOS) rather than a 16-bit family (Linux). */
    public boolean hasLengthByte() {
        return lengthByte;
    }

    /** The largest namelen a system call accepts (Linux 128, BSD and macOS 255). */
    public int maximumLength() {
        return maximumLength;
    }

    /** The size of {@code sun_path} (Linux 108, BSD and macOS 104). */
    public int sunPathSize() {
        return sunPathSize;
    }

    /** The family number of {@code a} on this OS. */
    public int familyOf(Sockaddr a) {
        return switch (a) {
            case Sockaddr.Unspec u -> AF_UNSPEC;
            case Sockaddr.Un u -> AF_UNIX;
            case Sockaddr.In i -> AF_INET;
            case Sockaddr.In6 i -> afInet6;
        };
    }

    /** sizeof the family's C structure (struct sockaddr for AF_UNSPEC), or empty for a family this codec lacks. */
    public OptionalInt structSize(int family) {
        return family == AF_UNSPEC ? OptionalInt.of(SIZEOF_SOCKADDR)
                : family == AF_UNIX ? OptionalInt.of(SUN_PATH_OFFSET + sunPathSize)
                : family == AF_INET ? OptionalInt.of(SIZEOF_IN)
                : family == afInet6 ? OptionalInt.of(SIZEOF_IN6)
                : OptionalInt.empty();
    }

    /** The smallest namelen this codec decodes for {@code family}, or empty for a family it lacks. */
    public OptionalInt minimumLength(int family) {
        return family == AF_UNSPEC || family == AF_UNIX ? OptionalInt.of(SUN_PATH_OFFSET)
                : family == AF_INET ? OptionalInt.of(SIZEOF_IN)
                : family == afInet6 ? OptionalInt.of(in6MinimumLength)
                : OptionalInt.empty();
    }

    /**
     * Decodes {@code namelen} bytes at {@code off} the way a system call receives them: on BSD and macOS the sa_len
     * byte is ignored (the kernel overwrites it with namelen). Checks run in this order: {@link
     * SockaddrProblem#TOO_LONG}, {@link SockaddrProblem#NO_FAMILY}, {@link SockaddrProblem#OUTSIDE_BUFFER}, then the
     * family's own rules.
     */
    public SockaddrDecoding decode(byte[] b, int off, int namelen) {
        if (namelen < 0 || namelen > maximumLength) {
            return invalid(SockaddrProblem.TOO_LONG, -1, "namelen " + namelen + " > " + maximumLength);
        }
        if (namelen < 2) {
            return invalid(SockaddrProblem.NO_FAMILY, -1, "namelen " + namelen + " < 2");
        }
        if (b == null || off < 0 || off > b.length || namelen > b.length - off) {
            return invalid(SockaddrProblem.OUTSIDE_BUFFER, -1, "namelen " + namelen + " at offset " + off
                    + " outside a buffer of " + (b == null ? "null" : b.length + " bytes"));
        }
        int family = lengthByte ? b[off + 1] & 0xff : (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
        return decodeFamily(b, off, namelen, family);
    }

    /**
     * Decodes an address whose length is its own sa_len byte (BSD, macOS), within {@code available} bytes: for
     * addresses a kernel wrote (getsockname results, routing messages). sa_len below 2 or beyond {@code available}
     * is {@link SockaddrProblem#BAD_LENGTH_FIELD}. Linux has no length field: this is {@code decode(b, off,
     * available)}.
     */
    public SockaddrDecoding decodeWithLengthField(byte[] b, int off, int available) {
        if (!lengthByte) {
            return decode(b, off, available);
        }
        if (b == null || off < 0 || available < 0 || off > b.length || available > b.length - off) {
            return invalid(SockaddrProblem.OUTSIDE_BUFFER, -1, available + " bytes at offset " + off
                    + " outside a buffer of " + (b == null ? "null" : b.length + " bytes"));
        }
        if (available < 2) {
            return invalid(SockaddrProblem.NO_FAMILY, -1, "only " + available + " bytes");
        }
        int saLen = b[off] & 0xff;
        if (saLen < 2 || saLen > available) {
            return invalid(SockaddrProblem.BAD_LENGTH_FIELD, b[off + 1] & 0xff,
                    "sa_len " + saLen + " with " + available + " bytes available");
        }
        return decode(b, off, saLen);
    }

    private SockaddrDecoding decodeFamily(byte[] b, int off, int len, int family) {
        if (family == AF_UNSPEC) {
            return new SockaddrDecoding.Ok(new Sockaddr.Unspec(), len);
        }
        if (family == AF_UNIX) {
            return SockaddrUnix.decode(b, off, len, !lengthByte, sunPathSize);
        }
        if (family == AF_INET) {
            if (len < SIZEOF_IN) {
                return invalid(SockaddrProblem.TOO_SHORT, family, "sockaddr_in namelen " + len + " < 16");
            }
            return new SockaddrDecoding.Ok(new Sockaddr.In(u16(b, off + 2), i32(b, off + 4),
                    (long) i32(b, off + 8) << 32 | (i32(b, off + 12) & 0xffffffffL)), len);
        }
        if (family == afInet6) {
            if (len < in6MinimumLength) {
                return invalid(SockaddrProblem.TOO_SHORT, family,
                        "sockaddr_in6 namelen " + len + " < " + in6MinimumLength);
            }
            int scope = len >= SIZEOF_IN6 ? Integer.reverseBytes(i32(b, off + 24)) : 0;
            return new SockaddrDecoding.Ok(new Sockaddr.In6(u16(b, off + 2), i32(b, off + 4), i64(b, off + 8),
                    i64(b, off + 16), scope), len);
        }
        return invalid(SockaddrProblem.BAD_FAMILY, family, "sa_family " + family);
    }

    /**
     * The bytes {@link #encode(Sockaddr, byte[], int)} writes for {@code a}. An address this OS cannot express (an
     * abstract name on a BSD, a path longer than the OS accepts) is a programmer error: IllegalArgumentException.
     */
    public int encodedLength(Sockaddr a) {
        return switch (a) {
            case Sockaddr.Unspec u -> SIZEOF_SOCKADDR;
            case Sockaddr.In i -> SIZEOF_IN;
            case Sockaddr.In6 i -> SIZEOF_IN6;
            case Sockaddr.Un u -> SockaddrUnix.encodedLength(u, !lengthByte, sunPathSize, maximumLength);
        };
    }

    /** A new array holding {@code a} in this OS's layout (canonical form: sa_len = the length written). */
    public byte[] encode(Sockaddr a) {
        byte[] out = new byte[encodedLength(a)];
        encode(a, out, 0);
        return out;
    }

    /** Writes {@code a} at {@code off} and returns the bytes written ({@link #encodedLength}). */
    public int encode(Sockaddr a, byte[] b, int off) {
        int len = encodedLength(a);
        java.util.Arrays.fill(b, off, off + len, (byte) 0);
        int family = familyOf(a);
        if (lengthByte) {
            b[off] = (byte) len;
            b[off + 1] = (byte) family;
        } else {
            b[off] = (byte) family;
            b[off + 1] = (byte) (family >>> 8);
        }
        switch (a) {
            case Sockaddr.Unspec u -> { }
            case Sockaddr.In i -> {
                put16(b, off + 2, i.port());
                put32(b, off + 4, i.address());
                put32(b, off + 8, (int) (i.zero() >>> 32));
                put32(b, off + 12, (int) i.zero());
            }
            case Sockaddr.In6 i -> {
                put16(b, off + 2, i.port());
                put32(b, off + 4, i.flowInfo());
                put64(b, off + 8, i.addressHigh());
                put64(b, off + 16, i.addressLow());
                put32(b, off + 24, Integer.reverseBytes(i.scopeId()));
            }
            case Sockaddr.Un u -> SockaddrUnix.encodeName(u, b, off);
        }
        return len;
    }

    static SockaddrDecoding invalid(SockaddrProblem p, int family, String detail) {
        return new SockaddrDecoding.Invalid(p, family, detail);
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    private static int i32(byte[] b, int i) {
        return u16(b, i) << 16 | u16(b, i + 2);
    }

    private static long i64(byte[] b, int i) {
        return (long) i32(b, i) << 32 | (i32(b, i + 4) & 0xffffffffL);
    }

    private static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    private static void put32(byte[] b, int i, int v) {
        put16(b, i, v >>> 16);
        put16(b, i + 2, v);
    }

    private static void put64(byte[] b, int i, long v) {
        put32(b, i, (int) (v >>> 32));
        put32(b, i + 4, (int) v);
    }
}
