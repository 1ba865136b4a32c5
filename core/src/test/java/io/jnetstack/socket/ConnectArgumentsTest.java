package io.jnetstack.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.personality.abi.SockaddrCodec;
import io.jnetstack.socket.ConnectCheck.Aftermath;
import io.jnetstack.socket.SocketSummary.Domain;
import io.jnetstack.socket.SocketSummary.State;
import io.jnetstack.socket.SocketSummary.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * connect-catalogue rows A1–A15 and B1–B10 (with docs/research/connect-catalogue-checks.md applied), plus the rows of
 * other sections and of the checks file that are decided by the argument checks. Each row gives the Linux, FreeBSD,
 * OpenBSD and macOS outcome. Where the catalogue's outcome comes from later protocol work (a port-0 refusal, a path
 * lookup, a reset), the row expects {@code Proceed}/{@code Disconnect} with the decoded address and says so.
 */
class ConnectArgumentsTest {
    private static final Sockaddr.In PEER = new Sockaddr.In(80, 0x0a000002);
    private static final Sockaddr.In LOOPBACK = new Sockaddr.In(7, 0x7f000001);
    private static final Sockaddr.In6 PEER6 = new Sockaddr.In6(80, 0, 0x20010db800000000L, 2L, 0);
    private static final Sockaddr.Un PATH = Sockaddr.Un.pathname("/tmp/s");
    private static final SocketSummary TCP = SocketSummary.of(Domain.INET, Type.STREAM, State.UNCONNECTED);
    private static final SocketSummary TCP6 = SocketSummary.of(Domain.INET6, Type.STREAM, State.UNCONNECTED);
    private static final SocketSummary UDP = SocketSummary.of(Domain.INET, Type.DATAGRAM, State.UNCONNECTED);
    private static final SocketSummary UNIX = SocketSummary.of(Domain.UNIX, Type.STREAM, State.UNCONNECTED);

    /** One call: the buffer, offset, readable bytes and namelen, built in the personality's sockaddr layout. */
    record Call(byte[] addr, int offset, int available, int namelen) {}

    /** A catalogue row: its id and text, the socket, the call, and the four outcomes (Linux, FreeBSD, OpenBSD, macOS). */
    record Row(String name, SocketSummary socket, Function<SockaddrCodec, Call> call, List<ConnectCheck> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("A1 fd -1, valid sockaddr_in", SocketSummary.badDescriptor(), c -> encoded(c, PEER, 16),
                fail(Errno.EBADF), fail(Errno.EBADF), fail(Errno.EBADF), fail(Errno.EBADF)));
        rows.add(row("A2 fd is a regular file", SocketSummary.notSocket(), c -> encoded(c, PEER, 16),
                fail(Errno.ENOTSOCK), fail(Errno.ENOTSOCK), fail(Errno.ENOTSOCK), fail(Errno.ENOTSOCK)));
        rows.add(row("A3 fd -1, len 300 (FreeBSD copies first)", SocketSummary.badDescriptor(),
                c -> encoded(c, PEER, 300),
                fail(Errno.EBADF), fail(Errno.ENAMETOOLONG), fail(Errno.EBADF), fail(Errno.EBADF)));
        rows.add(row("A4 regular file, unmapped pointer, len 16", SocketSummary.notSocket(),
                c -> new Call(new byte[0], 0, 0, 16),
                fail(Errno.EFAULT), fail(Errno.EFAULT), fail(Errno.ENOTSOCK), fail(Errno.ENOTSOCK)));
        rows.add(row("A5 NULL, len 16", TCP, c -> new Call(null, 0, 0, 16),
                fail(Errno.EFAULT), fail(Errno.EFAULT), fail(Errno.EFAULT), fail(Errno.EINVAL)));
        rows.add(row("A6 NULL, len 0", TCP, c -> new Call(null, 0, 0, 0),
                fail(Errno.EINVAL), fail(Errno.EINVAL), fail(Errno.EINVAL), fail(Errno.EINVAL)));
        rows.add(row("A7 len 1", TCP, c -> encoded(c, PEER, 1),
                fail(Errno.EINVAL), fail(Errno.EINVAL), fail(Errno.EINVAL), fail(Errno.EINVAL)));
        rows.add(row("A8 len -1", TCP, c -> encoded(c, PEER, -1),
                fail(Errno.EINVAL), fail(Errno.ENAMETOOLONG), fail(Errno.EINVAL), fail(Errno.ENAMETOOLONG)));
        rows.add(row("A9 len 256", TCP, c -> encoded(c, PEER, 256),
                fail(Errno.EINVAL), fail(Errno.ENAMETOOLONG), fail(Errno.EINVAL), fail(Errno.ENAMETOOLONG)));
        lengthRows(rows);
        familyRows(rows);
        return rows;
    }

    private static void lengthRows(List<Row> rows) {
        for (int len : new int[] {129, 255}) {
            rows.add(row("A10 len " + len + ", valid sockaddr_in at start (macOS: ephemeral bind already done)", TCP,
                    c -> encoded(c, PEER, len), fail(Errno.EINVAL), fail(Errno.EINVAL), fail(Errno.EINVAL),
                    bound(Errno.EINVAL)));
        }
        rows.add(row("A11 len 8 (macOS: ephemeral bind already done)", TCP, c -> encoded(c, PEER, 8),
                fail(Errno.EINVAL), fail(Errno.EINVAL), fail(Errno.EINVAL), bound(Errno.EINVAL)));
        rows.add(row("A12 sockaddr_in with len 20 (Linux checks a minimum only)", TCP, c -> encoded(c, PEER, 20),
                ok(PEER), fail(Errno.EINVAL), fail(Errno.EINVAL), bound(Errno.EINVAL)));
        Sockaddr.In dirty = new Sockaddr.In(80, 0x0a000002, 0x0102030405060708L);
        rows.add(row("A13 sin_zero non-zero: ignored, proceeds", TCP, c -> encoded(c, dirty, 16),
                ok(dirty), ok(dirty), ok(dirty), ok(dirty)));
        rows.add(row("A14 bogus sa_len byte overwritten by len (Linux n/a: no sa_len)", TCP,
                ConnectArgumentsTest::bogusSaLen,
                ok(PEER), ok(PEER), ok(PEER), ok(PEER)));
        Sockaddr.In6 rfc2133 = new Sockaddr.In6(80, 0, 0x20010db800000000L, 2L, 0);
        rows.add(row("A15 AF_INET6 TCP, sockaddr_in6 len 24", TCP6, c -> encoded(c, PEER6, 24),
                ok(rfc2133), fail(Errno.EINVAL), fail(Errno.EINVAL), bound(Errno.EINVAL)));
    }

    private static void familyRows(List<Row> rows) {
        rows.add(row("B1 sa_family 47, len 16", TCP, c -> family(encoded(c, PEER, 16), c, 47),
                fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT),
                fail(Errno.EAFNOSUPPORT)));
        rows.add(row("B2 AF_INET TCP, sockaddr_in6 len 28", TCP, c -> encoded(c, PEER6, 28),
                fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT),
                fail(Errno.EAFNOSUPPORT)));
        rows.add(row("B3 AF_UNSPEC len 16, unconnected (macOS: rewritten to AF_INET 0.0.0.0:0, EADDRNOTAVAIL"
                + " comes later from in_pcbladdr)", TCP, c -> family(encoded(c, new Sockaddr.In(0, 0), 16), c, 0),
                disconnect(), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT), ok(new Sockaddr.In(0, 0))));
        rows.add(row("B4 AF_UNSPEC len 16, established (Linux: the abort is the socket layer's)",
                SocketSummary.of(Domain.INET, Type.STREAM, State.CONNECTED),
                c -> family(encoded(c, new Sockaddr.In(0, 0), 16), c, 0),
                disconnect(), fail(Errno.EISCONN), fail(Errno.EISCONN), fail(Errno.EISCONN)));
        rows.add(row("B5 AF_UNSPEC len 2, unconnected", TCP, c -> family(encoded(c, PEER, 2), c, 0),
                disconnect(), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT), bound(Errno.EINVAL)));
        rows.add(row("B6 AF_INET6 TCP, sockaddr_in len 16", TCP6, c -> encoded(c, PEER, 16),
                fail(Errno.EINVAL), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT)));
        rows.add(row("B7 AF_INET6 TCP, sockaddr_in padded to 28", TCP6, c -> encoded(c, PEER, 28),
                fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT),
                fail(Errno.EAFNOSUPPORT)));
        rows.add(row("B8 AF_INET6 UDP, sockaddr_in 127.0.0.1 len 16 (Linux maps it later; FreeBSD unresolved:"
                + " family-first rule)", SocketSummary.of(Domain.INET6, Type.DATAGRAM, State.UNCONNECTED),
                c -> encoded(c, LOOPBACK, 16),
                ok(LOOPBACK), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT), fail(Errno.EINVAL)));
        rows.add(row("B9 AF_UNIX socket, sun_family AF_INET", UNIX, c -> family(encoded(c, PATH, -2), c, 2),
                fail(Errno.EINVAL), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT)));
        rows.add(row("B10 AF_UNIX stream, sun_family AF_UNSPEC + path (macOS: AF_UNIX, path lookup follows)", UNIX,
                c -> family(encoded(c, PATH, -2), c, 0),
                fail(Errno.EINVAL), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT), ok(PATH)));
        otherRows(rows);
    }

    /** Rows of other sections, and of the checks file's §3, that the argument checks decide. */
    private static void otherRows(List<Row> rows) {
        SocketSummary synSent = SocketSummary.of(Domain.INET, Type.STREAM, State.CONNECTING).withNonBlocking(true);
        rows.add(row("checks §3: SYN_SENT non-blocking + family 47 (Linux state switch first)", synSent,
                c -> family(encoded(c, PEER, 16), c, 47),
                fail(Errno.EALREADY), fail(Errno.EALREADY), fail(Errno.EALREADY), fail(Errno.EALREADY)));
        rows.add(row("checks §3: SYN_SENT non-blocking + AF_UNSPEC: Linux disconnects", synSent,
                c -> family(encoded(c, PEER, 16), c, 0),
                disconnect(), fail(Errno.EALREADY), fail(Errno.EALREADY), fail(Errno.EALREADY)));
        rows.add(row("checks §3: SYN_SENT blocking (Linux waits for the attempt; macOS soconnect EISCONN)",
                synSent.withNonBlocking(false), c -> encoded(c, PEER, 16),
                new ConnectCheck.AwaitPending(), fail(Errno.EALREADY), fail(Errno.EALREADY),
                fail(Errno.EISCONN)));
        rows.add(row("checks §3: len 8 and family 47 (Linux length first, BSDs family first)", TCP,
                c -> family(encoded(c, PEER, 8), c, 47),
                fail(Errno.EINVAL), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT)));
        rows.add(row("checks §3: Linux len 1 and a bad pointer: the copy faults first", TCP,
                c -> new Call(null, 0, 0, 1),
                fail(Errno.EFAULT), fail(Errno.EINVAL), fail(Errno.EINVAL), fail(Errno.EINVAL)));
        SocketSummary listener = SocketSummary.of(Domain.INET, Type.STREAM, State.LISTENING);
        rows.add(row("I1 listening TCP, valid address", listener, c -> encoded(c, PEER, 16),
                fail(Errno.EISCONN), fail(Errno.EOPNOTSUPP), fail(Errno.EOPNOTSUPP), fail(Errno.EOPNOTSUPP)));
        rows.add(row("checks §3: listening TCP, AF_UNSPEC: Linux stops listening", listener,
                c -> family(encoded(c, PEER, 16), c, 0),
                disconnect(), fail(Errno.EAFNOSUPPORT), fail(Errno.EOPNOTSUPP), fail(Errno.EOPNOTSUPP)));
        rows.add(row("G7 UDP never connected, AF_UNSPEC len 16", UDP, c -> family(encoded(c, PEER, 16), c, 0),
                disconnect(), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT), fail(Errno.EAFNOSUPPORT)));
        rows.add(row("G6 UDP connected, AF_UNSPEC len 16: BSDs disconnect, then EAFNOSUPPORT",
                SocketSummary.of(Domain.INET, Type.DATAGRAM, State.CONNECTED),
                c -> family(encoded(c, PEER, 16), c, 0), disconnect(), dissolved(Errno.EAFNOSUPPORT),
                dissolved(Errno.EAFNOSUPPORT), dissolved(Errno.EAFNOSUPPORT)));
        rows.add(row("G9 UDP, len 2 (sa_family only)", UDP, c -> encoded(c, PEER, 2),
                fail(Errno.EINVAL), fail(Errno.EINVAL), fail(Errno.EINVAL), fail(Errno.EINVAL)));
        rows.add(row("H21 connected UNIX dgram, AF_UNSPEC len 2",
                SocketSummary.of(Domain.UNIX, Type.DATAGRAM, State.CONNECTED), c -> family(encoded(c, PATH, 2), c, 0),
                disconnect(), dissolved(Errno.EAFNOSUPPORT), dissolved(Errno.EAFNOSUPPORT),
                dissolved(Errno.EINVAL)));
        rows.add(row("H23 UNIX addrlen 2 (OpenBSD: empty path, ENOENT from the lookup)", UNIX,
                c -> encoded(c, PATH, 2),
                fail(Errno.EINVAL), fail(Errno.EINVAL), ok(Sockaddr.Un.unnamed()), fail(Errno.EINVAL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachPersonality_givesTheCataloguedOutcome(Row row) {
        List<Personality> all = Personality.all();
        List<String> actual = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Personality p = all.get(i);
            Call c = row.call().apply(p.abi().sockaddr());
            ConnectCheck got = ConnectArguments.check(p, row.socket(), c.addr(), c.offset(), c.available(),
                    c.namelen());
            actual.add(p.name() + ": " + got);
            expected.add(p.name() + ": " + row.expected().get(i));
        }
        assertThat(actual).as(row.name()).isEqualTo(expected);
    }

    private static Row row(String name, SocketSummary s, Function<SockaddrCodec, Call> call, ConnectCheck linux,
            ConnectCheck freebsd, ConnectCheck openbsd, ConnectCheck macos) {
        return new Row(name, s, call, List.of(linux, freebsd, openbsd, macos));
    }

    /**
     * {@code a} in the codec's layout at the start of a buffer of max(namelen, encoded length) bytes, called with
     * {@code namelen}; namelen -2 means "the encoded length".
     */
    static Call encoded(SockaddrCodec codec, Sockaddr a, int namelen) {
        byte[] enc = codec.encode(a);
        int len = namelen == -2 ? enc.length : namelen;
        byte[] buf = new byte[Math.max(Math.max(len, 0), enc.length)];
        System.arraycopy(enc, 0, buf, 0, enc.length);
        return new Call(buf, 0, buf.length, len);
    }

    /** The call with its sa_family replaced. */
    static Call family(Call c, SockaddrCodec codec, int family) {
        if (codec.hasLengthByte()) {
            c.addr()[1] = (byte) family;
        } else {
            c.addr()[0] = (byte) family;
            c.addr()[1] = (byte) (family >>> 8);
        }
        return c;
    }

    private static Call bogusSaLen(SockaddrCodec codec) {
        Call c = encoded(codec, PEER, 16);
        if (codec.hasLengthByte()) {
            c.addr()[0] = (byte) 200;
        }
        return c;
    }

    private static ConnectCheck fail(Errno e) {
        return new ConnectCheck.Fail(e);
    }

    private static ConnectCheck bound(Errno e) {
        return new ConnectCheck.Fail(e, Aftermath.EPHEMERAL_BOUND);
    }

    private static ConnectCheck dissolved(Errno e) {
        return new ConnectCheck.Fail(e, Aftermath.DISSOLVED);
    }

    private static ConnectCheck ok(Sockaddr a) {
        return new ConnectCheck.Proceed(a);
    }

    private static ConnectCheck disconnect() {
        return new ConnectCheck.Disconnect();
    }
}
