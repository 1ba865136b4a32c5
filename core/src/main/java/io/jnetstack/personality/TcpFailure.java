package io.jnetstack.personality;

/**
 * Why a TCP connection failed (or what soft error it carries), as the personality's {@link Personality#tcpErrno}
 * takes it: the fact the stack reported, and for ICMP the message itself, because each OS's errno depends on the
 * exact ICMP type and code (connect catalogue §1D), not on a class of them.
 *
 * @param kind        what ended the connection
 * @param icmpVersion 4 (ICMP) or 6 (ICMPv6) for {@link Kind#ICMP}; 0 otherwise
 * @param icmpType    the ICMP type for {@link Kind#ICMP}; 0 otherwise
 * @param icmpCode    the ICMP code for {@link Kind#ICMP}; 0 otherwise
 */
public record TcpFailure(Kind kind, int icmpVersion, int icmpType, int icmpCode) {

    /** What ended (or marked) the connection. */
    public enum Kind {
        /** A RST answered the SYN (RFC 9293 §3.10.7.3). */
        REFUSED,
        /** A valid RST arrived in a synchronized state (RFC 9293 §3.10.7.4). */
        RESET,
        /** The SYN schedule, the retransmission limit or keep-alive ran out with no soft error remembered. */
        TIMED_OUT,
        /** An ICMP or ICMPv6 error, hard, or soft and reported at the timeout in place of ETIMEDOUT. */
        ICMP
    }

    /** Validates: ICMP carries version 4 or 6 and a type and code in 0..255; the others carry zeros. */
    public TcpFailure {
        if (kind == Kind.ICMP) {
            if ((icmpVersion != 4 && icmpVersion != 6) || (icmpType & ~0xFF) != 0 || (icmpCode & ~0xFF) != 0) {
                throw new IllegalArgumentException("bad ICMP " + icmpVersion + " " + icmpType + "/" + icmpCode);
            }
        } else if (icmpVersion != 0 || icmpType != 0 || icmpCode != 0) {
            throw new IllegalArgumentException(kind + " carries no ICMP message");
        }
    }

    /** connect() refused by a RST. */
    public static TcpFailure refused() {
        return new TcpFailure(Kind.REFUSED, 0, 0, 0);
    }

    /** The connection reset by a RST. */
    public static TcpFailure reset() {
        return new TcpFailure(Kind.RESET, 0, 0, 0);
    }

    /** Timed out with no soft error. */
    public static TcpFailure timedOut() {
        return new TcpFailure(Kind.TIMED_OUT, 0, 0, 0);
    }

    /** ICMP ({@code version} 4) or ICMPv6 ({@code version} 6) error {@code type}/{@code code}. */
    public static TcpFailure icmp(int version, int type, int code) {
        return new TcpFailure(Kind.ICMP, version, type, code);
    }
}
