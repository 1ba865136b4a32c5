package io.jnetstack.personality;

import io.jnetstack.personality.abi.Errno;

/**
 * The order and the outcomes of one OS's argument and address checks in connect(2), from the system call's entry to
 * the protocol's own family and length tests (connect-catalogue §0.1, §0.2, rows A1–A15 and B1–B10). Values only: the
 * socket layer's {@code ConnectArguments} applies them. Where the protocol lifecycle starts (a SYN, a route lookup, a
 * path lookup) these rules stop.
 *
 * @param addressCopy       when the address is copied in relative to the descriptor checks
 * @param maximumLength     the largest namelen accepted (Linux 128, BSD and macOS 255); a negative namelen is a huge
 *                          unsigned one on the BSDs and {@code ulen < 0} on Linux, too long everywhere
 * @param tooLong           the errno for a namelen above {@code maximumLength} (Linux and OpenBSD EINVAL, FreeBSD and
 *                          macOS ENAMETOOLONG)
 * @param nullRejectedUpTo  namelen up to which a NULL address is EINVAL before the copy (macOS getsockaddr_s: 128,
 *                          the sockaddr_storage on the stack); -1 when NULL just fails the copy with EFAULT
 * @param shortLengthAtCopy whether namelen below 2 is EINVAL before the copy (BSD getsockaddr/sockargs); when false
 *                          (Linux) the copy runs first (namelen 0 copies nothing) and the protocol tests the length
 * @param connectingAtEntry whether the system call itself answers EALREADY for a socket that is connecting
 * @param stateGate         the generic state checks between the copy and the protocol's address checks
 * @param unspec            what AF_UNSPEC means
 * @param inetStream        family and length tests of the TCP connect routine
 * @param inetDatagram      family and length tests of the UDP connect routine
 * @param unix              the AF_UNIX connect routine's family and length tests
 */
public record ConnectArgumentRules(AddressCopy addressCopy, int maximumLength, Errno tooLong, int nullRejectedUpTo,
        boolean shortLengthAtCopy, ConnectingAtEntry connectingAtEntry, StateGate stateGate, Unspec unspec,
        InetCheck inetStream, InetCheck inetDatagram, UnixRules unix) {

    /** When the address is copied in, relative to the descriptor lookup (EBADF) and the socket test (ENOTSOCK). */
    public enum AddressCopy {
        /** FreeBSD sys_connect → getsockaddr, then kern_connectat's getsock_cap: a bad length beats EBADF (A3). */
        BEFORE_DESCRIPTOR,
        /** Linux __sys_connect: fd lookup, move_addr_to_kernel, then __sys_connect_file's ENOTSOCK (A4 EFAULT). */
        BETWEEN_DESCRIPTOR_AND_SOCKET,
        /** OpenBSD sys_connect (getsock, then sockargs), macOS connect_nocancel (file_socket, then getsockaddr_s). */
        AFTER_SOCKET
    }

    /** Whether the system call answers EALREADY for a socket with SS_ISCONNECTING before anything else runs. */
    public enum ConnectingAtEntry {
        /** Linux: no such test at the entry; __inet_stream_connect's state switch decides ({@link StateGate}). */
        NEVER,
        /** FreeBSD kern_connectat, OpenBSD sys_connect: {@code so_state & SS_ISCONNECTING} → EALREADY. */
        ALWAYS,
        /** macOS connectit: only {@code SS_NBIO && SS_ISCONNECTING} → EALREADY; a blocking call reaches soconnect. */
        NON_BLOCKING
    }

    /** The generic state tests that run before the protocol looks at the address. */
    public enum StateGate {
        /**
         * Linux __inet_stream_connect (TCP only): namelen below 2 → EINVAL, AF_UNSPEC → disconnect in any state, then
         * sock->state: connected → EISCONN, connecting → EALREADY (non-blocking) or wait for that attempt (blocking),
         * unconnected but not CLOSE (listening) → EISCONN. Datagram and AF_UNIX sockets have no gate here.
         */
        LINUX_STREAM_SWITCH,
        /**
         * FreeBSD soconnectat: connected or connecting → EISCONN for PR_CONNREQUIRED protocols, a connected datagram
         * socket is first disconnected; a listening socket is refused by the protocol after its address tests
         * (tcp_usr_connect EOPNOTSUPP, tcp6_usr_connect EINVAL in 13.x; connect-catalogue I1).
         */
        SOCONNECT_LISTEN_IN_PROTOCOL,
        /** OpenBSD soconnect, macOS soconnectlock: SO_ACCEPTCONN → EOPNOTSUPP first, then as FreeBSD. */
        SOCONNECT
    }

    /** What an AF_UNSPEC address does. */
    public enum Unspec {
        /**
         * Linux: dissolves the association and returns 0 (namelen ≥ 2) on AF_INET/AF_INET6 sockets of any type
         * (__inet_stream_connect, inet_dgram_connect) and on AF_UNIX datagram sockets (unix_dgram_connect); an
         * AF_UNIX stream socket rejects it in unix_validate_addr.
         */
        DISCONNECT,
        /** FreeBSD, OpenBSD: an ordinary wrong family (the protocol's family test gives EAFNOSUPPORT). */
        WRONG_FAMILY,
        /**
         * macOS getsockaddr_s: on a non-datagram AF_INET socket with namelen 16 the family is rewritten to AF_INET
         * (B3); otherwise family 0 is passed on, and tcp_usr_connect_common and unp_connect accept it.
         */
        INET_STREAM_REWRITE
    }

    /** The family and length tests of an internet protocol's connect routine. */
    public enum InetCheck {
        /**
         * Linux tcp_v4_connect/tcp_v6_connect: namelen below the minimum (16; 24 = SIN6_LEN_RFC2133) → EINVAL, then
         * a family other than the socket's → EAFNOSUPPORT; longer addresses are accepted (A12, A15, B6).
         */
        MINIMUM_LENGTH_THEN_FAMILY,
        /**
         * Linux __ip6_datagram_connect: an AF_INET address on an AF_INET6 socket takes the IPv4 path
         * (__ip4_datagram_connect; EINVAL when IPV6_V6ONLY), otherwise {@link #MINIMUM_LENGTH_THEN_FAMILY} (B8).
         */
        INET_ON_INET6_THEN_MINIMUM_LENGTH,
        /**
         * FreeBSD tcp_usr_connect/tcp6_usr_connect/udp_connect, OpenBSD in_nam2sin/in6_nam2sin6: family →
         * EAFNOSUPPORT, then sa_len other than sizeof → EINVAL (A10, A12, A15).
         */
        FAMILY_THEN_EXACT_LENGTH,
        /**
         * macOS tcp_usr_connect_common: a family other than 0 and the socket's → EAFNOSUPPORT; then (after the
         * implicit bind of tcp_connect) in_pcbladdr/in6_pcbladdr: sa_len other than sizeof → EINVAL, family other
         * than the socket's → EAFNOSUPPORT (B5).
         */
        ZERO_OR_FAMILY_THEN_EXACT_LENGTH_THEN_FAMILY,
        /** macOS udp_connect → in_pcbladdr, udp6_connect → in6_pcbladdr: sa_len first, then family (B8). */
        EXACT_LENGTH_THEN_FAMILY
    }

    /**
     * The AF_UNIX connect routine's tests.
     *
     * @param wrongFamily       errno for a family other than AF_UNIX (Linux EINVAL, BSD EAFNOSUPPORT: B9)
     * @param familyZeroAccepted whether family 0 counts as AF_UNIX (macOS unp_connect: B10)
     * @param lengthFirst       whether the length tests precede the family test (Linux unix_validate_addr)
     * @param maximumLength     largest namelen (Linux 110, FreeBSD/OpenBSD 106 = sizeof(struct sockaddr_un); macOS
     *                          none beyond the system call's 255)
     * @param familyOnlyAccepted whether namelen 2 (no path byte) passes to the path lookup (OpenBSD unp_nam2sun: the
     *                          empty path then fails with ENOENT); elsewhere EINVAL (H23)
     * @param fullPathNeedsNul  whether a path filling sun_path must contain a NUL (OpenBSD unp_nam2sun)
     */
    public record UnixRules(Errno wrongFamily, boolean familyZeroAccepted, boolean lengthFirst, int maximumLength,
            boolean familyOnlyAccepted, boolean fullPathNeedsNul) {}
}
