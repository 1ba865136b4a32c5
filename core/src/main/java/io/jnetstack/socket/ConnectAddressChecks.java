package io.jnetstack.socket;

import io.jnetstack.personality.ConnectArgumentRules;
import io.jnetstack.personality.ConnectArgumentRules.InetCheck;
import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.SockaddrCodec;
import io.jnetstack.personality.abi.SockaddrDecoding;
import io.jnetstack.personality.abi.SockaddrProblem;

/**
 * The half of {@link ConnectArguments} that runs once the address is copied in: AF_UNSPEC, the generic state gate,
 * and the protocol's family and length tests, then the decoding. On the BSDs an empty AF_UNIX path decodes as
 * {@code Sockaddr.Un.unnamed()}: the path lookup after {@link ConnectCheck.Proceed} then fails with ENOENT.
 */
final class ConnectAddressChecks {
    private static final int AF_UNSPEC = 0;
    private static final int AF_UNIX = 1;
    private static final int AF_INET = 2;

    private ConnectAddressChecks() {}

    /** Checks {@code b} (exactly namelen bytes, already copied in) against the socket {@code s}. */
    static ConnectCheck afterCopy(Personality p, ConnectArgumentRules r, SocketSummary s, byte[] b) {
        if (b.length < 2) {
            return fail(Errno.EINVAL); // Linux: addr_len < sizeof(sa_family) in every connect op
        }
        SockaddrCodec codec = p.abi().sockaddr();
        boolean inet = s.domain() != SocketSummary.Domain.UNIX;
        boolean stream = s.type() != SocketSummary.Type.DATAGRAM;
        int family = familyOf(codec, b);
        switch (r.unspec()) {
            case DISCONNECT -> {
                if (family == AF_UNSPEC && (inet || !stream)) {
                    return new ConnectCheck.Disconnect();
                }
            }
            case WRONG_FAMILY -> { }
            case INET_STREAM_REWRITE -> {
                if (family == AF_UNSPEC && s.domain() == SocketSummary.Domain.INET && stream && b.length == 16) {
                    family = AF_INET;
                    setFamily(codec, b, family);
                }
            }
        }
        ConnectCheck gated = gate(r.stateGate(), s, inet, stream);
        if (gated != null) {
            return gated;
        }
        boolean dissolved = r.stateGate() != ConnectArgumentRules.StateGate.LINUX_STREAM_SWITCH && !stream
                && (s.state() == SocketSummary.State.CONNECTED || s.state() == SocketSummary.State.CONNECTING);
        ConnectCheck.Fail refused = inet ? inet(p, r, s, b, family) : unix(codec, r.unix(), b, family);
        if (refused == null && r.stateGate() == ConnectArgumentRules.StateGate.SOCONNECT_LISTEN_IN_PROTOCOL
                && s.state() == SocketSummary.State.LISTENING) {
            // FreeBSD 13.x tcp_usr_connect EOPNOTSUPP, tcp6_usr_connect EINVAL (connect-catalogue I1)
            refused = fail(s.domain() == SocketSummary.Domain.INET6 ? Errno.EINVAL : Errno.EOPNOTSUPP);
        }
        if (refused != null) {
            return dissolved ? new ConnectCheck.Fail(refused.errno(), ConnectCheck.Aftermath.DISSOLVED) : refused;
        }
        return decode(codec, r.tooLong(), b, dissolved);
    }

    /** The generic state tests before the protocol sees the address; null when they pass. */
    private static ConnectCheck gate(ConnectArgumentRules.StateGate g, SocketSummary s, boolean inet, boolean stream) {
        SocketSummary.State st = s.state();
        return switch (g) {
            case LINUX_STREAM_SWITCH -> inet && stream ? linuxSwitch(s) : null;
            case SOCONNECT_LISTEN_IN_PROTOCOL -> connectedRequired(st, stream);
            case SOCONNECT -> st == SocketSummary.State.LISTENING ? fail(Errno.EOPNOTSUPP)
                    : s.denyOut() ? fail(Errno.EPERM) : connectedRequired(st, stream);
        };
    }

    /** Linux __inet_stream_connect's switch on sock->state (a listener is SS_UNCONNECTED but not TCP_CLOSE). */
    private static ConnectCheck linuxSwitch(SocketSummary s) {
        return switch (s.state()) {
            case UNCONNECTED -> null;
            case CONNECTED, LISTENING -> fail(Errno.EISCONN);
            case CONNECTING -> s.nonBlocking() ? fail(Errno.EALREADY) : new ConnectCheck.AwaitPending();
        };
    }

    /** BSD soconnect: a connected or connecting PR_CONNREQUIRED socket → EISCONN. */
    private static ConnectCheck connectedRequired(SocketSummary.State st, boolean stream) {
        boolean busy = st == SocketSummary.State.CONNECTED || st == SocketSummary.State.CONNECTING;
        return busy && stream ? fail(Errno.EISCONN) : null;
    }

    /** The TCP or UDP connect routine's family and length tests; null when they pass. */
    private static ConnectCheck.Fail inet(Personality p, ConnectArgumentRules r, SocketSummary s, byte[] b,
            int family) {
        SockaddrCodec codec = p.abi().sockaddr();
        int expected = s.domain() == SocketSummary.Domain.INET ? AF_INET
                : p.abi().constants().value(AbiConstant.AF_INET6).orElseThrow();
        InetCheck check = s.type() == SocketSummary.Type.DATAGRAM ? r.inetDatagram() : r.inetStream();
        int len = b.length;
        return switch (check) {
            case MINIMUM_LENGTH_THEN_FAMILY -> minimumThenFamily(codec, len, family, expected);
            case INET_ON_INET6_THEN_MINIMUM_LENGTH -> expected != AF_INET && family == AF_INET
                    ? (s.ipv6Only() ? fail(Errno.EINVAL) : minimumThenFamily(codec, len, family, AF_INET))
                    : minimumThenFamily(codec, len, family, expected);
            case FAMILY_THEN_EXACT_LENGTH -> family != expected ? fail(Errno.EAFNOSUPPORT)
                    : len != codec.structSize(expected).orElseThrow() ? fail(Errno.EINVAL) : null;
            case ZERO_OR_FAMILY_THEN_EXACT_LENGTH_THEN_FAMILY -> family != AF_UNSPEC && family != expected
                    ? fail(Errno.EAFNOSUPPORT)
                    : afterBind(exactThenFamily(codec, len, family, expected));
            case EXACT_LENGTH_THEN_FAMILY -> exactThenFamily(codec, len, family, expected);
        };
    }

    private static ConnectCheck.Fail minimumThenFamily(SockaddrCodec codec, int len, int family, int expected) {
        return len < codec.minimumLength(expected).orElseThrow() ? fail(Errno.EINVAL)
                : family != expected ? fail(Errno.EAFNOSUPPORT) : null;
    }

    private static ConnectCheck.Fail exactThenFamily(SockaddrCodec codec, int len, int family, int expected) {
        return len != codec.structSize(expected).orElseThrow() ? fail(Errno.EINVAL)
                : family != expected ? fail(Errno.EAFNOSUPPORT) : null;
    }

    /** macOS tcp_connect binds an ephemeral port before in_pcbladdr tests the address. */
    private static ConnectCheck.Fail afterBind(ConnectCheck.Fail f) {
        return f == null ? null : new ConnectCheck.Fail(f.errno(), ConnectCheck.Aftermath.EPHEMERAL_BOUND);
    }

    /** The AF_UNIX connect routine's tests (unix_validate_addr, unp_connectat, unp_nam2sun, unp_connect). */
    private static ConnectCheck.Fail unix(SockaddrCodec codec, ConnectArgumentRules.UnixRules u, byte[] b,
            int family) {
        int len = b.length;
        boolean familyOk = family == AF_UNIX || (u.familyZeroAccepted() && family == AF_UNSPEC);
        boolean badLength = len > u.maximumLength() || (len <= 2 && !u.familyOnlyAccepted());
        if (u.lengthFirst() && badLength) {
            return fail(Errno.EINVAL);
        }
        if (!familyOk) {
            return fail(u.wrongFamily());
        }
        if (badLength || (u.fullPathNeedsNul() && len == u.maximumLength() && !hasNul(b))) {
            return fail(Errno.EINVAL);
        }
        setFamily(codec, b, AF_UNIX);
        return null;
    }

    private static boolean hasNul(byte[] b) {
        for (int i = 2; i < b.length; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static ConnectCheck decode(SockaddrCodec codec, Errno tooLong, byte[] b, boolean dissolved) {
        return switch (codec.decode(b, 0, b.length)) {
            case SockaddrDecoding.Ok ok -> new ConnectCheck.Proceed(ok.address(), dissolved);
            case SockaddrDecoding.Invalid bad -> new ConnectCheck.Fail(errnoOf(bad.problem(), tooLong),
                    dissolved ? ConnectCheck.Aftermath.DISSOLVED : ConnectCheck.Aftermath.NONE);
        };
    }

    /** The errno for a codec problem the checks above did not catch first (none is expected to reach here). */
    static Errno errnoOf(SockaddrProblem problem, Errno tooLong) {
        return switch (problem) {
            case TOO_LONG -> tooLong;
            case NO_FAMILY, TOO_SHORT, TOO_LONG_FOR_FAMILY, BAD_LENGTH_FIELD -> Errno.EINVAL;
            case OUTSIDE_BUFFER -> Errno.EFAULT;
            case BAD_FAMILY -> Errno.EAFNOSUPPORT;
        };
    }

    private static int familyOf(SockaddrCodec codec, byte[] b) {
        return codec.hasLengthByte() ? b[1] & 0xff : (b[0] & 0xff) | (b[1] & 0xff) << 8;
    }

    private static void setFamily(SockaddrCodec codec, byte[] b, int family) {
        if (codec.hasLengthByte()) {
            b[1] = (byte) family;
        } else {
            b[0] = (byte) family;
            b[1] = (byte) (family >>> 8);
        }
    }

    private static ConnectCheck.Fail fail(Errno e) {
        return new ConnectCheck.Fail(e);
    }
}
