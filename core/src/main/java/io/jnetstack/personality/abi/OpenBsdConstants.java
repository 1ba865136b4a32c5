package io.jnetstack.personality.abi;

import static io.jnetstack.personality.abi.AbiConstant.*;

/**
 * OpenBSD (7.x) constants, each from its header in sys/. Not measured: read in openbsd/src. OpenBSD has no
 * SO_NOSIGPIPE, no per-socket keep-alive timers (TCP_KEEPIDLE/INTVL/CNT), no TCP_CONGESTION and no POLLRDHUP.
 */
final class OpenBsdConstants {
    private OpenBsdConstants() {}

    /** The OpenBSD table. */
    static ConstantTable table() {
        ConstantTable.Builder b = ConstantTable.builder("openbsd")
                // sys/sys/socket.h
                .put(AF_UNSPEC, 0).put(AF_UNIX, 1).put(AF_INET, 2).put(AF_INET6, 24)
                .put(SOCK_STREAM, 1).put(SOCK_DGRAM, 2).put(SOCK_RAW, 3).put(SOCK_SEQPACKET, 5)
                .put(SOCK_NONBLOCK, 0x4000).put(SOCK_CLOEXEC, 0x8000)
                .put(SOL_SOCKET, 0xffff)
                .put(MSG_NOSIGNAL, 0x400)
                // SOCK_MAXADDRLEN is not defined: sys/kern/uipc_syscalls.c sockargs spells the same limit UCHAR_MAX
                .put(SOMAXCONN, 128)
                // netinet/tcp.h
                .put(TCP_NODELAY, 0x01).put(TCP_MAXSEG, 0x02).put(TCP_MD5SIG, 0x04)
                // sys/sys/fcntl.h
                .put(O_CLOEXEC, 0x10000);
        return Bsd44Constants.common(b).build();
    }
}
