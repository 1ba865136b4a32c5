package io.jnetstack.personality;

import io.jnetstack.personality.abi.Errno;

/**
 * Each kernel's table from an ICMP or ICMPv6 error to the errno a TCP socket reports (connect catalogue §1D). A
 * null entry means the kernel attaches no errno to that message (its table holds 0, or the message is dropped as a
 * bad code before any transport sees it).
 */
final class IcmpErrnos {
    private IcmpErrnos() {}

    /**
     * net/ipv4/icmp.c icmp_err_convert[] (indexed by the destination-unreachable code, NR_ICMP_UNREACH = 15) as
     * net/ipv4/tcp_ipv4.c tcp_v4_err uses it: codes above 15 are ignored; ICMP_PARAMETERPROB gives EPROTO;
     * ICMP_TIME_EXCEEDED gives EHOSTUNREACH; other types are ignored. For ICMPv6, net/ipv6/icmp.c
     * icmpv6_err_convert: tab_unreach[] for codes 0–6 (NOROUTE ENETUNREACH, ADM_PROHIBITED EACCES, code 2
     * "was NOT_NEIGHBOUR" EHOSTUNREACH, ADDR_UNREACH EHOSTUNREACH, PORT_UNREACH ECONNREFUSED, POLICY_FAIL and
     * REJECT_ROUTE EACCES), any other code the initial EPROTO; PKT_TOOBIG EMSGSIZE, PARAMPROB EPROTO, TIME_EXCEED
     * EHOSTUNREACH; other types keep the initial EPROTO.
     */
    static Errno linux(int version, int type, int code) {
        if (version == 6) {
            return switch (type) {
                case 1 -> switch (code) {
                    case 0 -> Errno.ENETUNREACH;
                    case 1, 5, 6 -> Errno.EACCES;
                    case 2, 3 -> Errno.EHOSTUNREACH;
                    case 4 -> Errno.ECONNREFUSED;
                    default -> Errno.EPROTO;
                };
                case 2 -> Errno.EMSGSIZE;
                case 3 -> Errno.EHOSTUNREACH;
                default -> Errno.EPROTO;
            };
        }
        return switch (type) {
            case 3 -> switch (code) {
                case 0, 6, 9, 11 -> Errno.ENETUNREACH;
                case 1, 10, 12, 13, 14, 15 -> Errno.EHOSTUNREACH;
                case 2 -> Errno.ENOPROTOOPT;
                case 3 -> Errno.ECONNREFUSED;
                case 4 -> Errno.EMSGSIZE;
                case 5 -> Errno.EOPNOTSUPP;
                case 7 -> Errno.EHOSTDOWN;
                case 8 -> Errno.ENONET;
                default -> null;
            };
            case 11 -> Errno.EHOSTUNREACH;
            case 12 -> Errno.EPROTO;
            default -> null;
        };
    }

    /**
     * FreeBSD sys/netinet/ip_icmp.c icmp_errmap() (14.x, read): net, host, source-route-failed, unknown, isolated,
     * TOS and precedence unreachables EHOSTUNREACH; need-fragment EMSGSIZE; protocol, port and the three
     * administratively-prohibited codes (9, 10, 13) ECONNREFUSED; time exceeded in transit EHOSTUNREACH; parameter
     * problem codes 0 and 1 ENOPROTOOPT; anything else 0. ICMPv6 sys/netinet6/icmp6.c icmp6_errmap() (recalled,
     * not re-read): no route and address unreachable EHOSTUNREACH, port unreachable and admin prohibited
     * ECONNREFUSED, beyond scope ENOPROTOOPT; packet too big EMSGSIZE; hop limit exceeded EHOSTUNREACH;
     * parameter problem next-header ECONNREFUSED, header and option ENOPROTOOPT.
     */
    static Errno freebsd(int version, int type, int code) {
        if (version == 6) {
            return switch (type) {
                case 1 -> switch (code) {
                    case 0, 3 -> Errno.EHOSTUNREACH;
                    case 1, 4 -> Errno.ECONNREFUSED;
                    case 2 -> Errno.ENOPROTOOPT;
                    default -> null;
                };
                case 2 -> Errno.EMSGSIZE;
                case 3 -> code == 0 ? Errno.EHOSTUNREACH : null;
                case 4 -> switch (code) {
                    case 1 -> Errno.ECONNREFUSED;
                    case 0, 2 -> Errno.ENOPROTOOPT;
                    default -> null;
                };
                default -> null;
            };
        }
        return switch (type) {
            case 3 -> switch (code) {
                case 0, 1, 5, 6, 7, 8, 11, 12, 14, 15 -> Errno.EHOSTUNREACH;
                case 4 -> Errno.EMSGSIZE;
                case 2, 3, 9, 10, 13 -> Errno.ECONNREFUSED;
                default -> null;
            };
            case 11 -> code == 0 ? Errno.EHOSTUNREACH : null;
            case 12 -> code <= 1 ? Errno.ENOPROTOOPT : null;
            default -> null;
        };
    }

    /**
     * OpenBSD: sys/netinet/ip_icmp.c icmp_input() turns the message into a PRC_ command (4.4BSD: codes 0–3 and 5
     * become PRC_UNREACH_NET + code, 4 PRC_MSGSIZE, 6/9/11 PRC_UNREACH_NET, 7/8/10/12–15 PRC_UNREACH_HOST, others a
     * bad code; time exceeded 0/1 PRC_TIMXCEED_INTRANS/REASS; parameter problem 0/1 PRC_PARAMPROB) and
     * sys/netinet/ip_input.c inetctlerrmap[] (read: MSGSIZE EMSGSIZE, UNREACH_NET/HOST/SRCFAIL EHOSTUNREACH,
     * UNREACH_PROTOCOL/PORT ECONNREFUSED, PARAMPROB ENOPROTOOPT, TIMXCEED none). ICMPv6: sys/netinet6/icmp6.c
     * (KAME) maps no route/address unreachable to PRC_UNREACH_NET, admin prohibited to PRC_UNREACH_PROTOCOL,
     * beyond scope to PRC_PARAMPROB, port to PRC_UNREACH_PORT, hop limit to PRC_TIMXCEED_INTRANS, parameter problem
     * next-header to PRC_UNREACH_PROTOCOL and header/option to PRC_PARAMPROB, through the same table
     * (inet6ctlerrmap). The PRC_ mapping is the 4.4BSD/KAME one, recalled, not re-read in the current tree.
     */
    static Errno openbsd(int version, int type, int code) {
        if (version == 6) {
            return switch (type) {
                case 1 -> switch (code) {
                    case 0, 3 -> Errno.EHOSTUNREACH;
                    case 1, 4 -> Errno.ECONNREFUSED;
                    case 2 -> Errno.ENOPROTOOPT;
                    default -> null;
                };
                case 2 -> Errno.EMSGSIZE;
                case 4 -> switch (code) {
                    case 1 -> Errno.ECONNREFUSED;
                    case 0, 2 -> Errno.ENOPROTOOPT;
                    default -> null;
                };
                default -> null;
            };
        }
        return switch (type) {
            case 3 -> switch (code) {
                case 0, 1, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 -> Errno.EHOSTUNREACH;
                case 2, 3 -> Errno.ECONNREFUSED;
                case 4 -> Errno.EMSGSIZE;
                default -> null;
            };
            case 12 -> code <= 1 ? Errno.ENOPROTOOPT : null;
            default -> null;
        };
    }

    /**
     * XNU bsd/netinet/ip_icmp.c icmp_input() (read): net, host, source-route, unknown, isolated, TOS and
     * precedence codes become PRC_UNREACH_NET; need-fragment PRC_MSGSIZE; protocol and port PRC_UNREACH_PORT;
     * codes 9, 10, 13 PRC_UNREACH_ADMIN_PROHIB; others a bad code; time exceeded 0/1 PRC_TIMXCEED_INTRANS/REASS;
     * parameter problem 0/1 PRC_PARAMPROB. bsd/netinet/ip_input.c inetctlerrmap[] (read): UNREACH_NET ENETUNREACH
     * (XNU's own entry; the other BSDs have EHOSTUNREACH), UNREACH_PORT ECONNREFUSED, MSGSIZE EMSGSIZE,
     * PARAMPROB ENOPROTOOPT, ADMIN_PROHIB ECONNREFUSED, TIMXCEED_INTRANS (index 18) EHOSTUNREACH and TIMXCEED_REASS
     * 0 (re-read in the xnu-11417 tree: tcp_ctlinput's icmp_may_rst path drops the SYN_SENT connection with it,
     * catalogue D5). ICMPv6 bsd/netinet6/icmp6.c: KAME's mapping with admin prohibited to
     * PRC_UNREACH_ADMIN_PROHIB, and bsd/netinet6/ip6_input.c inet6ctlerrmap[] (FreeBSD's older table:
     * UNREACH_NET EHOSTUNREACH, TIMXCEED_INTRANS EHOSTUNREACH, ADMIN_PROHIB ECONNREFUSED).
     */
    static Errno xnu(int version, int type, int code) {
        if (version == 6) {
            return switch (type) {
                case 1 -> switch (code) {
                    case 0, 3 -> Errno.EHOSTUNREACH;
                    case 1, 4 -> Errno.ECONNREFUSED;
                    case 2 -> Errno.ENOPROTOOPT;
                    default -> null;
                };
                case 2 -> Errno.EMSGSIZE;
                case 3 -> code == 0 ? Errno.EHOSTUNREACH : null;
                case 4 -> switch (code) {
                    case 1 -> Errno.ECONNREFUSED;
                    case 0, 2 -> Errno.ENOPROTOOPT;
                    default -> null;
                };
                default -> null;
            };
        }
        return switch (type) {
            case 3 -> switch (code) {
                case 0, 1, 5, 6, 7, 8, 11, 12, 14, 15 -> Errno.ENETUNREACH;
                case 2, 3, 9, 10, 13 -> Errno.ECONNREFUSED;
                case 4 -> Errno.EMSGSIZE;
                default -> null;
            };
            case 11 -> code == 0 ? Errno.EHOSTUNREACH : null;
            case 12 -> code <= 1 ? Errno.ENOPROTOOPT : null;
            default -> null;
        };
    }

    /** The errno of {@code f} on a kernel whose ICMP table is {@code table} (REFUSED, RESET, TIMED_OUT fixed). */
    static Errno of(TcpFailure f, Table table) {
        return switch (f.kind()) {
            case REFUSED -> Errno.ECONNREFUSED;
            case RESET -> Errno.ECONNRESET;
            case TIMED_OUT -> Errno.ETIMEDOUT;
            case ICMP -> table.errno(f.icmpVersion(), f.icmpType(), f.icmpCode());
        };
    }

    /** One kernel's ICMP table. */
    @FunctionalInterface
    interface Table {
        /** The errno for ICMP {@code version} {@code type}/{@code code}, or null. */
        Errno errno(int version, int type, int code);
    }
}
