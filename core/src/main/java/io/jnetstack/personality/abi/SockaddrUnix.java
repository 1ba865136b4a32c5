package io.jnetstack.personality.abi;

import java.nio.charset.StandardCharsets;

/** The sockaddr_un half of {@link SockaddrCodec}: sun_path rules differ enough between Linux and BSD to sit apart. */
final class SockaddrUnix {
    private static final int SUN_PATH_OFFSET = 2;
    /** BSD/macOS getsockname of an unnamed socket: sun_noname, a 16-byte struct sockaddr (uipc_usrreq.c). */
    private static final int BSD_NONAME_LENGTH = 16;

    private SockaddrUnix() {}

    /**
     * Decodes namelen bytes of an AF_UNIX address. Linux (net/unix/af_unix.c): namelen 2 is unnamed (bind autobinds),
     * a first path byte NUL starts an abstract name of exactly namelen - 3 bytes (unix_mkname_abstract), otherwise the
     * path ends at the first NUL or at namelen (unix_mkname_bsd), and namelen above 110 is rejected
     * (unix_validate_addr). BSD/macOS: the path ends at the first NUL or at namelen (xnu unp_bind copies the bytes and
     * NUL-terminates them); an empty path decodes as unnamed with the caller's length, so the socket layer can tell
     * namelen 2 (EINVAL) from an empty path (ENOENT from the lookup).
     */
    static SockaddrDecoding decode(byte[] b, int off, int len, boolean linux, int sunPathSize) {
        if (linux && len > SUN_PATH_OFFSET + sunPathSize) {
            return SockaddrCodec.invalid(SockaddrProblem.TOO_LONG_FOR_FAMILY, SockaddrCodec.AF_UNIX,
                    "sockaddr_un namelen " + len + " > " + (SUN_PATH_OFFSET + sunPathSize));
        }
        int start = off + SUN_PATH_OFFSET;
        int end = off + len;
        if (len == SUN_PATH_OFFSET || (!linux && b[start] == 0)) {
            return new SockaddrDecoding.Ok(Sockaddr.Un.unnamed(), len);
        }
        if (b[start] == 0) {
            return new SockaddrDecoding.Ok(new Sockaddr.Un(Sockaddr.UnixKind.ABSTRACT, latin1(b, start + 1, end)), len);
        }
        int nul = start;
        while (nul < end && b[nul] != 0) {
            nul++;
        }
        return new SockaddrDecoding.Ok(new Sockaddr.Un(Sockaddr.UnixKind.PATHNAME, latin1(b, start, nul)), len);
    }

    /**
     * Encoded length. Linux: unnamed 2 (measured: getsockname of an unbound socket), abstract 3 + name, pathname
     * 2 + path + NUL while the NUL fits in sun_path (measured: a 10-byte path gives 13), else 110. BSD/macOS: unnamed
     * is sun_noname (16 bytes), pathname is SUN_LEN (2 + path, no NUL), abstract names do not exist.
     */
    static int encodedLength(Sockaddr.Un u, boolean linux, int sunPathSize, int maximumLength) {
        int n = u.name().length();
        return switch (u.kind()) {
            case UNNAMED -> linux ? SUN_PATH_OFFSET : BSD_NONAME_LENGTH;
            case ABSTRACT -> {
                if (!linux || 1 + n > sunPathSize) {
                    throw new IllegalArgumentException("no abstract name of " + n + " bytes on this OS");
                }
                yield SUN_PATH_OFFSET + 1 + n;
            }
            case PATHNAME -> {
                int max = linux ? sunPathSize : maximumLength - SUN_PATH_OFFSET;
                if (n > max) {
                    throw new IllegalArgumentException("path of " + n + " bytes > " + max);
                }
                yield SUN_PATH_OFFSET + n + (linux && n < sunPathSize ? 1 : 0);
            }
        };
    }

    /** Writes the name after the family header; the buffer is already zeroed. */
    static void encodeName(Sockaddr.Un u, byte[] b, int off) {
        byte[] name = u.nameBytes();
        int at = off + SUN_PATH_OFFSET + (u.kind() == Sockaddr.UnixKind.ABSTRACT ? 1 : 0);
        System.arraycopy(name, 0, b, at, name.length);
    }

    private static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
