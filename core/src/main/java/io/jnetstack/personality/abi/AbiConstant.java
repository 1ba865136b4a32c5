package io.jnetstack.personality.abi;

/**
 * The numeric constants a program passes to (or reads from) the socket calls, by symbolic name. Values differ per OS
 * and live in each personality's {@link ConstantTable}; an OS without one of these has no value for it.
 *
 * <p>Each constant belongs to one {@link Kind}, the namespace in which its value is unique (a socket option name is
 * only meaningful at its level: {@code SO_REUSEADDR} and {@code TCP_MAXSEG} are both 2 on Linux).
 */
public enum AbiConstant {
    AF_UNSPEC(Kind.ADDRESS_FAMILY), AF_UNIX(Kind.ADDRESS_FAMILY), AF_INET(Kind.ADDRESS_FAMILY),
    AF_INET6(Kind.ADDRESS_FAMILY),

    SOCK_STREAM(Kind.SOCKET_TYPE), SOCK_DGRAM(Kind.SOCKET_TYPE), SOCK_RAW(Kind.SOCKET_TYPE),
    SOCK_SEQPACKET(Kind.SOCKET_TYPE),

    SOCK_NONBLOCK(Kind.SOCKET_FLAG), SOCK_CLOEXEC(Kind.SOCKET_FLAG),

    SOL_SOCKET(Kind.SOCKET_LEVEL),

    IPPROTO_IP(Kind.PROTOCOL), IPPROTO_ICMP(Kind.PROTOCOL), IPPROTO_TCP(Kind.PROTOCOL), IPPROTO_UDP(Kind.PROTOCOL),
    IPPROTO_IPV6(Kind.PROTOCOL), IPPROTO_ICMPV6(Kind.PROTOCOL),

    SO_DEBUG(Kind.SOCKET_OPTION), SO_ACCEPTCONN(Kind.SOCKET_OPTION), SO_REUSEADDR(Kind.SOCKET_OPTION),
    SO_KEEPALIVE(Kind.SOCKET_OPTION), SO_DONTROUTE(Kind.SOCKET_OPTION), SO_BROADCAST(Kind.SOCKET_OPTION),
    SO_LINGER(Kind.SOCKET_OPTION), SO_OOBINLINE(Kind.SOCKET_OPTION), SO_REUSEPORT(Kind.SOCKET_OPTION),
    SO_SNDBUF(Kind.SOCKET_OPTION), SO_RCVBUF(Kind.SOCKET_OPTION), SO_SNDLOWAT(Kind.SOCKET_OPTION),
    SO_RCVLOWAT(Kind.SOCKET_OPTION), SO_SNDTIMEO(Kind.SOCKET_OPTION), SO_RCVTIMEO(Kind.SOCKET_OPTION),
    SO_ERROR(Kind.SOCKET_OPTION), SO_TYPE(Kind.SOCKET_OPTION),
    /** FreeBSD and macOS only: no SIGPIPE on EPIPE. */
    SO_NOSIGPIPE(Kind.SOCKET_OPTION),
    /** Linux only: pass credentials; an unbound AF_UNIX socket autobinds before connect/send. */
    SO_PASSCRED(Kind.SOCKET_OPTION),
    /** Linux only: bind the socket to an interface by name. */
    SO_BINDTODEVICE(Kind.SOCKET_OPTION),
    /** macOS only (private): one-way deny flags; SO_RESTRICT_DENY_OUT (2) makes connect fail with EPERM. */
    SO_RESTRICTIONS(Kind.SOCKET_OPTION),

    TCP_NODELAY(Kind.TCP_OPTION), TCP_MAXSEG(Kind.TCP_OPTION),
    /** Keep-alive idle time: Linux, FreeBSD. macOS spells it {@link #TCP_KEEPALIVE}; OpenBSD has no such option. */
    TCP_KEEPIDLE(Kind.TCP_OPTION),
    /** macOS only: the keep-alive idle time (the other systems' TCP_KEEPIDLE). */
    TCP_KEEPALIVE(Kind.TCP_OPTION),
    TCP_KEEPINTVL(Kind.TCP_OPTION), TCP_KEEPCNT(Kind.TCP_OPTION), TCP_MD5SIG(Kind.TCP_OPTION),
    /** Linux and FreeBSD only. */
    TCP_CONGESTION(Kind.TCP_OPTION),
    /** FreeBSD only: per-socket connection-establishment timeout (net.inet.tcp.keepinit). */
    TCP_KEEPINIT(Kind.TCP_OPTION),
    /** macOS only: per-socket connection-establishment timeout. */
    TCP_CONNECTIONTIMEOUT(Kind.TCP_OPTION),
    /** FreeBSD (modelled there only): send no TCP options at all, not even MSS in the SYN (TF_NOOPT). */
    TCP_NOOPT(Kind.TCP_OPTION),
    /** FreeBSD only: the remote UDP port of TCP over UDP encapsulation (tcp_usrreq.c, set while CLOSED). */
    TCP_REMOTE_UDP_ENCAPS_PORT(Kind.TCP_OPTION),
    /**
     * TCP Fast Open (RFC 7413). In FreeBSD's table only (netinet/tcp.h 1025, client side modelled); Linux's 23
     * is left out until its behaviour is modelled, so the symbol stays unknown there.
     */
    TCP_FASTOPEN(Kind.TCP_OPTION),
    /**
     * Linux only (include/uapi/linux/tcp.h 30): connect() of a client socket uses TCP Fast Open; with a cached
     * cookie it returns at once and the SYN leaves with the first write (tcp_fastopen_defer_connect).
     */
    TCP_FASTOPEN_CONNECT(Kind.TCP_OPTION),
    /**
     * FreeBSD only: options of the RACK stack (tcp_rack.ko); the default stack jnetstack models refuses them
     * (tcp_default_ctloutput: ENOPROTOOPT).
     */
    TCP_RACK_PACE_MAX_SEG(Kind.TCP_OPTION), TCP_RACK_PACE_ALWAYS(Kind.TCP_OPTION),
    TCP_RACK_PACE_RATE_SS(Kind.TCP_OPTION),

    IP_TTL(Kind.IP_OPTION),
    /** The TOS byte of the datagrams the socket sends (modelled on FreeBSD). */
    IP_TOS(Kind.IP_OPTION),
    /** Linux only: bind(addr, 0) leaves the port to connect, chosen with the four-tuple in mind. */
    IP_BIND_ADDRESS_NO_PORT(Kind.IP_OPTION),

    IPV6_UNICAST_HOPS(Kind.IPV6_OPTION), IPV6_V6ONLY(Kind.IPV6_OPTION),
    /** Linux only (linux/in6.h): connect and send use sin6_flowinfo's flow label (see fl6_sock_lookup). */
    IPV6_FLOWINFO_SEND(Kind.IPV6_OPTION),
    /** RFC 3542: the traffic class of the datagrams the socket sends (modelled on FreeBSD). */
    IPV6_TCLASS(Kind.IPV6_OPTION),
    /** RFC 3542 §11.1: fragment to, and size TCP segments for, the IPv6 minimum MTU (modelled on FreeBSD). */
    IPV6_USE_MIN_MTU(Kind.IPV6_OPTION),

    /** netinet/ip.h DiffServ codepoints (RFC 2474, RFC 2597, RFC 3246) as TOS byte values, for IP_TOS / IPV6_TCLASS. */
    IPTOS_DSCP_CS0(Kind.TOS_VALUE), IPTOS_DSCP_CS1(Kind.TOS_VALUE), IPTOS_DSCP_AF11(Kind.TOS_VALUE),
    IPTOS_DSCP_AF12(Kind.TOS_VALUE), IPTOS_DSCP_AF13(Kind.TOS_VALUE), IPTOS_DSCP_CS2(Kind.TOS_VALUE),
    IPTOS_DSCP_AF21(Kind.TOS_VALUE), IPTOS_DSCP_AF22(Kind.TOS_VALUE), IPTOS_DSCP_AF23(Kind.TOS_VALUE),
    IPTOS_DSCP_CS3(Kind.TOS_VALUE), IPTOS_DSCP_AF31(Kind.TOS_VALUE), IPTOS_DSCP_AF32(Kind.TOS_VALUE),
    IPTOS_DSCP_AF33(Kind.TOS_VALUE), IPTOS_DSCP_CS4(Kind.TOS_VALUE), IPTOS_DSCP_AF41(Kind.TOS_VALUE),
    IPTOS_DSCP_AF42(Kind.TOS_VALUE), IPTOS_DSCP_AF43(Kind.TOS_VALUE), IPTOS_DSCP_CS5(Kind.TOS_VALUE),
    IPTOS_DSCP_EF(Kind.TOS_VALUE), IPTOS_DSCP_CS6(Kind.TOS_VALUE), IPTOS_DSCP_CS7(Kind.TOS_VALUE),

    O_NONBLOCK(Kind.OPEN_FLAG), O_CLOEXEC(Kind.OPEN_FLAG),

    F_GETFD(Kind.FCNTL_COMMAND), F_SETFD(Kind.FCNTL_COMMAND), F_GETFL(Kind.FCNTL_COMMAND),
    F_SETFL(Kind.FCNTL_COMMAND),

    FD_CLOEXEC(Kind.DESCRIPTOR_FLAG),

    FIONBIO(Kind.IOCTL), FIONREAD(Kind.IOCTL),

    MSG_OOB(Kind.MESSAGE_FLAG), MSG_PEEK(Kind.MESSAGE_FLAG), MSG_DONTROUTE(Kind.MESSAGE_FLAG),
    MSG_EOR(Kind.MESSAGE_FLAG), MSG_TRUNC(Kind.MESSAGE_FLAG), MSG_CTRUNC(Kind.MESSAGE_FLAG),
    MSG_WAITALL(Kind.MESSAGE_FLAG), MSG_DONTWAIT(Kind.MESSAGE_FLAG), MSG_NOSIGNAL(Kind.MESSAGE_FLAG),

    POLLIN(Kind.POLL_EVENT), POLLPRI(Kind.POLL_EVENT), POLLOUT(Kind.POLL_EVENT), POLLERR(Kind.POLL_EVENT),
    POLLHUP(Kind.POLL_EVENT), POLLNVAL(Kind.POLL_EVENT), POLLRDNORM(Kind.POLL_EVENT), POLLRDBAND(Kind.POLL_EVENT),
    /** Linux 0x100; the BSDs and macOS define it as POLLOUT (an alias). */
    POLLWRNORM(Kind.POLL_EVENT),
    POLLWRBAND(Kind.POLL_EVENT),
    /** Linux and FreeBSD only: the peer shut down its writing side. */
    POLLRDHUP(Kind.POLL_EVENT),

    SHUT_RD(Kind.SHUTDOWN_HOW), SHUT_WR(Kind.SHUTDOWN_HOW), SHUT_RDWR(Kind.SHUTDOWN_HOW),

    /** The listen(2) backlog ceiling the header advertises. */
    SOMAXCONN(Kind.LIMIT),
    /** BSD and macOS: the longest sockaddr a system call accepts (255). Linux has no such constant. */
    SOCK_MAXADDRLEN(Kind.LIMIT);

    private final Kind kind;

    AbiConstant(Kind kind) {
        this.kind = kind;
    }

    /** The namespace this constant's value is unique in. */
    public Kind kind() {
        return kind;
    }

    /** A namespace of constants; values are unique within one kind on one OS, except for header aliases. */
    public enum Kind {
        ADDRESS_FAMILY(false), SOCKET_TYPE(false), SOCKET_FLAG(true), SOCKET_LEVEL(false), PROTOCOL(false),
        SOCKET_OPTION(false), TCP_OPTION(false), IP_OPTION(false), IPV6_OPTION(false), OPEN_FLAG(true),
        FCNTL_COMMAND(false), DESCRIPTOR_FLAG(true), IOCTL(false), MESSAGE_FLAG(true), POLL_EVENT(true),
        SHUTDOWN_HOW(false), LIMIT(false), TOS_VALUE(false);

        private final boolean flags;

        Kind(boolean flags) {
            this.flags = flags;
        }

        /** Whether the constants of this kind are bits that are OR-ed together. */
        public boolean isFlags() {
            return flags;
        }
    }
}
