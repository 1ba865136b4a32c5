package io.jnetstack.personality.abi;

import static io.jnetstack.personality.abi.AbiConstant.*;

/**
 * macOS constants from xnu-11417.101.15 (macOS 15.5) bsd/ headers, as a program compiled with the default
 * {@code _DARWIN_C_SOURCE} sees them. Not measured: read in apple-oss-distributions/xnu. macOS has no SOCK_NONBLOCK or
 * SOCK_CLOEXEC (use fcntl), no TCP_KEEPIDLE (it is TCP_KEEPALIVE), no TCP_MD5SIG, TCP_CONGESTION or POLLRDHUP.
 */
final class MacOsConstants {
    private MacOsConstants() {}

    /** The macOS table. */
    static ConstantTable table() {
        ConstantTable.Builder b = ConstantTable.builder("macos")
                // bsd/sys/socket.h
                .put(AF_UNSPEC, 0).put(AF_UNIX, 1).put(AF_INET, 2).put(AF_INET6, 30)
                .put(SOCK_STREAM, 1).put(SOCK_DGRAM, 2).put(SOCK_RAW, 3).put(SOCK_SEQPACKET, 5)
                .put(SOL_SOCKET, 0xffff)
                .put(SO_NOSIGPIPE, 0x1022)
                // bsd/sys/socket_private.h (SPI, used by Apple's own daemons)
                .put(SO_RESTRICTIONS, 0x1081)
                // MSG_NOSIGNAL: defined when __DARWIN_C_LEVEL >= 200809L (the default) in this xnu; older SDKs
                // (before macOS 14) lack it
                .put(MSG_NOSIGNAL, 0x80000)
                .put(SOMAXCONN, 128).put(SOCK_MAXADDRLEN, 255)
                // bsd/netinet/tcp.h
                .put(TCP_NODELAY, 0x01).put(TCP_MAXSEG, 0x02).put(TCP_KEEPALIVE, 0x10)
                .put(TCP_CONNECTIONTIMEOUT, 0x20).put(TCP_KEEPINTVL, 0x101).put(TCP_KEEPCNT, 0x102)
                // bsd/sys/fcntl.h
                .put(O_CLOEXEC, 0x01000000);
        // SO_LINGER: 0x0080 (ticks) under _DARWIN_C_SOURCE, the default; strict POSIX builds get SO_LINGER_SEC 0x1080
        return Bsd44Constants.common(b).build();
    }
}
