package io.jnetstack.personality.abi;

import static io.jnetstack.personality.abi.AbiConstant.*;

/**
 * Linux x86-64 constants, each from its uapi header; every value was measured on the development machine by compiling
 * a C program that prints them (gcc, glibc 2.36 headers, kernel 6.x uapi) — see {@code LinuxConstantsTest}.
 */
final class LinuxConstants {
    private LinuxConstants() {}

    /** The Linux table. */
    static ConstantTable table() {
        return ConstantTable.builder("linux")
                // include/linux/socket.h
                .put(AF_UNSPEC, 0).put(AF_UNIX, 1).put(AF_INET, 2).put(AF_INET6, 10)
                // include/linux/net.h enum sock_type
                .put(SOCK_STREAM, 1).put(SOCK_DGRAM, 2).put(SOCK_RAW, 3).put(SOCK_SEQPACKET, 5)
                // include/linux/net.h: SOCK_NONBLOCK = O_NONBLOCK (04000), SOCK_CLOEXEC = O_CLOEXEC (02000000)
                .put(SOCK_NONBLOCK, 04000).put(SOCK_CLOEXEC, 02000000)
                // include/uapi/asm-generic/socket.h
                .put(SOL_SOCKET, 1)
                .put(SO_PASSCRED, 16).put(SO_BINDTODEVICE, 25)
                .put(SO_DEBUG, 1).put(SO_REUSEADDR, 2).put(SO_TYPE, 3).put(SO_ERROR, 4).put(SO_DONTROUTE, 5)
                .put(SO_BROADCAST, 6).put(SO_SNDBUF, 7).put(SO_RCVBUF, 8).put(SO_KEEPALIVE, 9).put(SO_OOBINLINE, 10)
                .put(SO_LINGER, 13).put(SO_REUSEPORT, 15).put(SO_RCVLOWAT, 18).put(SO_SNDLOWAT, 19)
                // SO_RCVTIMEO_OLD / SO_SNDTIMEO_OLD: what SO_RCVTIMEO/SO_SNDTIMEO mean with a 64-bit time_t
                .put(SO_RCVTIMEO, 20).put(SO_SNDTIMEO, 21).put(SO_ACCEPTCONN, 30)
                // include/uapi/linux/in.h, in6.h
                .put(IPPROTO_IP, 0).put(IPPROTO_ICMP, 1).put(IPPROTO_TCP, 6).put(IPPROTO_UDP, 17)
                .put(IPPROTO_IPV6, 41).put(IPPROTO_ICMPV6, 58)
                // include/uapi/linux/tcp.h
                .put(TCP_NODELAY, 1).put(TCP_MAXSEG, 2).put(TCP_KEEPIDLE, 4).put(TCP_KEEPINTVL, 5)
                .put(TCP_KEEPCNT, 6).put(TCP_CONGESTION, 13).put(TCP_MD5SIG, 14)
                .put(TCP_FASTOPEN_CONNECT, 30)
                // include/uapi/linux/in.h IP_TTL; include/uapi/linux/in6.h
                .put(IP_TTL, 2).put(IP_BIND_ADDRESS_NO_PORT, 24)
                .put(IPV6_UNICAST_HOPS, 16).put(IPV6_V6ONLY, 26).put(IPV6_FLOWINFO_SEND, 33)
                // include/uapi/asm-generic/fcntl.h (octal)
                .put(O_NONBLOCK, 04000).put(O_CLOEXEC, 02000000)
                .put(F_GETFD, 1).put(F_SETFD, 2).put(F_GETFL, 3).put(F_SETFL, 4)
                .put(FD_CLOEXEC, 1)
                // include/uapi/asm-generic/ioctls.h
                .put(FIONBIO, 0x5421).put(FIONREAD, 0x541B)
                // include/linux/socket.h
                .put(MSG_OOB, 0x1).put(MSG_PEEK, 0x2).put(MSG_DONTROUTE, 0x4).put(MSG_CTRUNC, 0x8)
                .put(MSG_TRUNC, 0x20).put(MSG_DONTWAIT, 0x40).put(MSG_EOR, 0x80).put(MSG_WAITALL, 0x100)
                .put(MSG_NOSIGNAL, 0x4000)
                // include/uapi/asm-generic/poll.h
                .put(POLLIN, 0x1).put(POLLPRI, 0x2).put(POLLOUT, 0x4).put(POLLERR, 0x8).put(POLLHUP, 0x10)
                .put(POLLNVAL, 0x20).put(POLLRDNORM, 0x40).put(POLLRDBAND, 0x80).put(POLLWRNORM, 0x100)
                .put(POLLWRBAND, 0x200).put(POLLRDHUP, 0x2000)
                // glibc sys/socket.h (kernel: enum sock_shutdown_cmd + 1 checks in __sys_shutdown)
                .put(SHUT_RD, 0).put(SHUT_WR, 1).put(SHUT_RDWR, 2)
                // include/linux/socket.h: 4096 since Linux 5.4 (net.core.somaxconn default)
                .put(SOMAXCONN, 4096)
                .build();
    }
}
