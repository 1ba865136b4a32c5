package io.jnetstack.personality.abi;

import static io.jnetstack.personality.abi.AbiConstant.*;

/**
 * The constants FreeBSD, OpenBSD and macOS inherit unchanged from 4.4BSD and KAME; each was read in all three trees
 * (FreeBSD sys/, OpenBSD sys/, xnu-11417.101.15 bsd/). The per-OS tables add what differs.
 */
final class Bsd44Constants {
    private Bsd44Constants() {}

    /** Adds the shared values to {@code b}. */
    static ConstantTable.Builder common(ConstantTable.Builder b) {
        return b
                // sys/socket.h: option flags kept in so_options, then the "additional options"
                .put(SO_DEBUG, 0x0001).put(SO_ACCEPTCONN, 0x0002).put(SO_REUSEADDR, 0x0004).put(SO_KEEPALIVE, 0x0008)
                .put(SO_DONTROUTE, 0x0010).put(SO_BROADCAST, 0x0020).put(SO_LINGER, 0x0080)
                .put(SO_OOBINLINE, 0x0100).put(SO_REUSEPORT, 0x0200)
                .put(SO_SNDBUF, 0x1001).put(SO_RCVBUF, 0x1002).put(SO_SNDLOWAT, 0x1003).put(SO_RCVLOWAT, 0x1004)
                .put(SO_SNDTIMEO, 0x1005).put(SO_RCVTIMEO, 0x1006).put(SO_ERROR, 0x1007).put(SO_TYPE, 0x1008)
                // sys/socket.h
                .put(MSG_OOB, 0x1).put(MSG_PEEK, 0x2).put(MSG_DONTROUTE, 0x4).put(MSG_EOR, 0x8).put(MSG_TRUNC, 0x10)
                .put(MSG_CTRUNC, 0x20).put(MSG_WAITALL, 0x40).put(MSG_DONTWAIT, 0x80)
                .put(SHUT_RD, 0).put(SHUT_WR, 1).put(SHUT_RDWR, 2)
                // netinet/in.h
                .put(IPPROTO_IP, 0).put(IPPROTO_ICMP, 1).put(IPPROTO_TCP, 6).put(IPPROTO_UDP, 17)
                .put(IPPROTO_IPV6, 41).put(IPPROTO_ICMPV6, 58)
                .put(IP_TTL, 4)
                // netinet6/in6.h (KAME)
                .put(IPV6_UNICAST_HOPS, 4).put(IPV6_V6ONLY, 27)
                // sys/fcntl.h
                .put(O_NONBLOCK, 0x0004)
                .put(F_GETFD, 1).put(F_SETFD, 2).put(F_GETFL, 3).put(F_SETFL, 4)
                .put(FD_CLOEXEC, 1)
                // sys/filio.h: _IOW('f', 126, int) = IOC_IN | 4 << 16 | 'f' << 8 | 126; _IOR('f', 127, int)
                .put(FIONBIO, 0x8004667e).put(FIONREAD, 0x4004667f)
                // sys/poll.h: POLLWRNORM is #define'd as POLLOUT
                .put(POLLIN, 0x0001).put(POLLPRI, 0x0002).put(POLLOUT, 0x0004).put(POLLERR, 0x0008)
                .put(POLLHUP, 0x0010).put(POLLNVAL, 0x0020).put(POLLRDNORM, 0x0040).put(POLLRDBAND, 0x0080)
                .put(POLLWRBAND, 0x0100).alias(POLLWRNORM, POLLOUT);
    }
}
