package io.jnetstack.personality.abi;

import static io.jnetstack.personality.abi.AbiConstant.*;

/** FreeBSD (14/15-era) constants, each from its header in sys/. Not measured: read in freebsd/freebsd-src. */
final class FreeBsdConstants {
    private FreeBsdConstants() {}

    /** The FreeBSD table. */
    static ConstantTable table() {
        ConstantTable.Builder b = ConstantTable.builder("freebsd")
                // sys/sys/socket.h
                .put(AF_UNSPEC, 0).put(AF_UNIX, 1).put(AF_INET, 2).put(AF_INET6, 28)
                .put(SOCK_STREAM, 1).put(SOCK_DGRAM, 2).put(SOCK_RAW, 3).put(SOCK_SEQPACKET, 5)
                .put(SOCK_CLOEXEC, 0x10000000).put(SOCK_NONBLOCK, 0x20000000)
                .put(SOL_SOCKET, 0xffff)
                .put(SO_NOSIGPIPE, 0x0800)
                .put(MSG_NOSIGNAL, 0x20000)
                .put(SOMAXCONN, 128).put(SOCK_MAXADDRLEN, 255)
                // netinet/tcp.h
                .put(TCP_NODELAY, 1).put(TCP_MAXSEG, 2).put(TCP_MD5SIG, 16).put(TCP_CONGESTION, 64)
                .put(TCP_KEEPINIT, 128).put(TCP_KEEPIDLE, 256).put(TCP_KEEPINTVL, 512).put(TCP_KEEPCNT, 1024)
                .put(TCP_NOOPT, 8).put(TCP_REMOTE_UDP_ENCAPS_PORT, 71).put(TCP_FASTOPEN, 1025)
                .put(TCP_RACK_PACE_MAX_SEG, 1054).put(TCP_RACK_PACE_ALWAYS, 1055).put(TCP_RACK_PACE_RATE_SS, 1119)
                // netinet/in.h IP_TOS; netinet6/in6.h IPV6_TCLASS (RFC 3542)
                .put(IP_TOS, 3).put(IPV6_TCLASS, 61).put(IPV6_USE_MIN_MTU, 42)
                // netinet/ip.h: Definitions for DiffServ Codepoints as per RFC2474
                .put(IPTOS_DSCP_CS0, 0x00).put(IPTOS_DSCP_CS1, 0x20).put(IPTOS_DSCP_AF11, 0x28)
                .put(IPTOS_DSCP_AF12, 0x30).put(IPTOS_DSCP_AF13, 0x38).put(IPTOS_DSCP_CS2, 0x40)
                .put(IPTOS_DSCP_AF21, 0x48).put(IPTOS_DSCP_AF22, 0x50).put(IPTOS_DSCP_AF23, 0x58)
                .put(IPTOS_DSCP_CS3, 0x60).put(IPTOS_DSCP_AF31, 0x68).put(IPTOS_DSCP_AF32, 0x70)
                .put(IPTOS_DSCP_AF33, 0x78).put(IPTOS_DSCP_CS4, 0x80).put(IPTOS_DSCP_AF41, 0x88)
                .put(IPTOS_DSCP_AF42, 0x90).put(IPTOS_DSCP_AF43, 0x98).put(IPTOS_DSCP_CS5, 0xa0)
                .put(IPTOS_DSCP_EF, 0xb8).put(IPTOS_DSCP_CS6, 0xc0).put(IPTOS_DSCP_CS7, 0xe0)
                // sys/sys/fcntl.h
                .put(O_CLOEXEC, 0x00100000)
                // sys/sys/poll.h: POLLRDHUP added in FreeBSD 13.1/14 (the stored freebsd-src snapshot predates it;
                // value read in FreeBSD-derived copies of the header)
                .put(POLLRDHUP, 0x4000);
        return Bsd44Constants.common(b).build();
    }
}
