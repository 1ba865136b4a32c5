package io.jnetstack.socket;

/** The SOL_SOCKET and protocol options a socket carries; set by setsockopt, read by getsockopt and the protocols. */
final class SocketOptions {
    /** XNU SO_RESTRICT_DENY_OUT, a bit of SO_RESTRICTIONS. */
    static final int DENY_OUT = 0x2;
    /** XNU SO_RESTRICT_DENY_CELLULAR. */
    static final int DENY_CELLULAR = 0x4;

    boolean reuseAddress;
    boolean reusePort;
    boolean keepAlive;
    boolean broadcast;
    boolean noDelay;
    boolean v6Only;
    boolean oobInline;
    /** TCP_MD5SIG requested (OpenBSD's TF_SIGNATURE). */
    boolean md5Signature;
    /** TCP_MD5SIG where it makes the stack sign (FreeBSD TF_SIGNATURE, see TcpOutputOptions#signature). */
    boolean signSegments;
    /** SO_PASSCRED (Linux). */
    boolean passCredentials;
    /** SO_NOSIGPIPE (FreeBSD, macOS). */
    boolean noSigPipe;
    /** IP_BIND_ADDRESS_NO_PORT (Linux). */
    boolean bindAddressNoPort;
    /** SO_BINDTODEVICE's interface index (Linux); 0 when unbound. */
    int boundDevice;
    /** IPV6_FLOWINFO_SEND (Linux). */
    boolean flowInfoSend;
    /** SO_RESTRICTIONS bits (XNU); they can be set, never cleared. */
    int restrictions;
    /** SO_LINGER: off when negative, else the linger time in seconds. */
    int lingerSeconds = -1;
    /** SO_SNDTIMEO in ns; 0 means none (wait forever). */
    long sendTimeoutNs;
    /** SO_RCVTIMEO in ns; 0 means none. */
    long receiveTimeoutNs;
    int sendBuffer;
    int receiveBuffer;
    int maxSegment;
    /** IPV6_USE_MIN_MTU: -1 (multicast only, the default), 0 or 1 (RFC 3542 §11.1). */
    int useMinMtu = -1;
    /** IP_TTL; 0: the host default. */
    int ttl;
    /** IPV6_UNICAST_HOPS; -1: the host default (KAME in6p_hops). */
    int hopLimit = -1;
    /** IP_TOS (the TOS byte). */
    int tos;
    /** IPV6_TCLASS. */
    int trafficClass;
    /** TCP_NOOPT (FreeBSD TF_NOOPT): no TCP options, not even MSS in the SYN. */
    boolean noOptions;
    /** TCP_KEEPINIT, TCP_KEEPIDLE, TCP_KEEPINTVL in seconds; 0: the sysctl's value (FreeBSD TP_KEEPINIT(tp)). */
    long keepInitSeconds;
    long keepIdleSeconds;
    long keepIntervalSeconds;
    /** TCP_REMOTE_UDP_ENCAPS_PORT (FreeBSD t_port) set while CLOSED; 0: plain TCP. */
    int remoteUdpEncapsPort;
    /** TCP_FASTOPEN on a client socket (FreeBSD TF_FASTOPEN): sendto with an address opens with Fast Open. */
    boolean fastOpen;
    /** TCP_FASTOPEN_CONNECT (Linux tp->fastopen_connect): connect() opens with Fast Open. */
    boolean fastOpenConnect;
    /** TCP_KEEPCNT; 0: the sysctl's value. */
    int keepCount;

    /**
     * What the socket's TCP segments carry: TTL or hop limit and TOS or traffic class by family, TCP_NOOPT, and
     * signatures.
     */
    io.jnetstack.stack.tcp.TcpOutputOptions output(boolean ipv6) {
        int hops = ipv6 ? Math.max(hopLimit, 0) : ttl;
        return new io.jnetstack.stack.tcp.TcpOutputOptions(hops & 0xff, (ipv6 ? trafficClass : tos) & 0xff,
                noOptions, signSegments);
    }
}
