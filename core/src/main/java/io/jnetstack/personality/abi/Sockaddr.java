package io.jnetstack.personality.abi;

import java.nio.charset.StandardCharsets;

/**
 * A socket address as the socket layer sees it, independent of any OS's byte layout ({@link SockaddrCodec} does the
 * bytes). Addresses are raw bits in the form {@code wire.Ipv4Address(int)} and {@code wire.Ipv6Address(long, long)}
 * take, so the socket layer converts without this package depending on {@code wire}.
 */
public sealed interface Sockaddr {

    /** {@code struct sockaddr} with {@code sa_family = AF_UNSPEC}: Linux's "dissolve the association" address. */
    record Unspec() implements Sockaddr {}

    /**
     * {@code struct sockaddr_in}.
     *
     * @param port 0..65535 (sin_port, network byte order on the wire)
     * @param address the IPv4 address, most significant byte first (127.0.0.1 is 0x7f000001)
     * @param zero the eight sin_zero bytes as read (kernels ignore them on connect; kept so bytes round-trip)
     */
    record In(int port, int address, long zero) implements Sockaddr {
        /** Validates the port. */
        public In {
            if (port < 0 || port > 0xffff) {
                throw new IllegalArgumentException("port " + port);
            }
        }

        /** An address with zeroed sin_zero. */
        public In(int port, int address) {
            this(port, address, 0L);
        }
    }

    /**
     * {@code struct sockaddr_in6} (RFC 3493 §3.3).
     *
     * @param port 0..65535
     * @param flowInfo sin6_flowinfo, the 32 bits as sent (network byte order on the wire)
     * @param addressHigh the first eight bytes of the address, most significant first
     * @param addressLow the last eight bytes
     * @param scopeId sin6_scope_id, an interface index (host byte order on the wire)
     */
    record In6(int port, int flowInfo, long addressHigh, long addressLow, int scopeId) implements Sockaddr {
        /** Validates the port. */
        public In6 {
            if (port < 0 || port > 0xffff) {
                throw new IllegalArgumentException("port " + port);
            }
        }
    }

    /**
     * {@code struct sockaddr_un}. The name holds bytes, one char per byte (ISO-8859-1), because a path is bytes and an
     * abstract name may contain any byte, NUL included.
     *
     * @param kind what sort of name this is
     * @param name the path (without its terminating NUL) or the abstract name (without its leading NUL); empty for
     *     {@link UnixKind#UNNAMED}
     */
    record Un(UnixKind kind, String name) implements Sockaddr {
        /** Validates the name against the kind. */
        public Un {
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) > 0xff) {
                    throw new IllegalArgumentException("not a byte at " + i + " in " + name);
                }
            }
            boolean ok = switch (kind) {
                case PATHNAME -> !name.isEmpty() && name.indexOf('\0') < 0;
                case ABSTRACT -> true;
                case UNNAMED -> name.isEmpty();
            };
            if (!ok) {
                throw new IllegalArgumentException(kind + " name \"" + name + "\"");
            }
        }

        /** A pathname address; {@code path} is encoded as UTF-8 bytes. */
        public static Un pathname(String path) {
            return new Un(UnixKind.PATHNAME, new String(path.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.ISO_8859_1));
        }

        /** A Linux abstract-namespace address; {@code name} is the bytes after the leading NUL. */
        public static Un abstractName(byte[] name) {
            return new Un(UnixKind.ABSTRACT, new String(name, StandardCharsets.ISO_8859_1));
        }

        /** The unnamed address (an unbound socket, or a socketpair end). */
        public static Un unnamed() {
            return new Un(UnixKind.UNNAMED, "");
        }

        /** The name's bytes. */
        public byte[] nameBytes() {
            return name.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** The three sorts of UNIX-domain name (unix(7)). */
    enum UnixKind {
        /** Bound to a file-system path. */
        PATHNAME,
        /** Linux abstract namespace: sun_path starts with a NUL byte; the name is the bytes after it. */
        ABSTRACT,
        /** No name. */
        UNNAMED
    }
}
