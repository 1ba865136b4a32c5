package io.jnetstack.socket.unix;

import static io.jnetstack.socket.unix.Host.ROOT;
import static io.jnetstack.socket.unix.Host.abs;
import static io.jnetstack.socket.unix.Host.err;
import static io.jnetstack.socket.unix.Host.ok;
import static io.jnetstack.socket.unix.Host.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Streams, records and datagrams moving through the engine, with each OS's limits and errors. */
class UnixDataPathTest {

    static List<Host> hosts() {
        return Personality.all().stream().map(Host::new).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void stream_carriesBytesBothWays_acrossWriteBoundaries(Host h) {
        UnixSocket[] p = h.connectedVia(h.listener(UnixType.STREAM, "/tmp/s", 5), "/tmp/s");
        assertThat(ok(p[0].send(new byte[] {1, 2, 3}, true))).isEqualTo(3);
        assertThat(ok(p[0].send(new byte[] {4, 5}, true))).isEqualTo(2);
        assertThat(p[1].readable()).isTrue();
        assertThat(ok(p[1].receive(4, true)).data()).containsExactly(1, 2, 3, 4);
        assertThat(ok(p[1].receive(4, true)).data()).containsExactly(5);
        assertThat(err(p[1].receive(4, true))).isEqualTo(Errno.EAGAIN);
        UnixResult<Received> blocked = p[1].receive(4, false);
        assertThat(blocked).isInstanceOf(UnixResult.Blocked.class);
        ok(p[1].send(new byte[] {9}, true));
        assertThat(((UnixResult.Blocked<Received>) blocked).ready()).isFalse();
        assertThat(ok(p[0].receive(4, true)).data()).containsExactly(9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void stream_readsEofAfterPeerCloses_andSendsGetEpipe(Host h) {
        UnixSocket[] p = pair(h, UnixType.STREAM);
        ok(p[0].send(new byte[] {1}, true));
        p[0].close();
        assertThat(ok(p[1].receive(8, true)).data()).containsExactly(1);
        assertThat(ok(p[1].receive(8, true)).endOfFile()).isTrue();
        assertThat(p[1].hangup()).isTrue();
        assertThat(err(p[1].send(new byte[1], true))).isEqualTo(Errno.EPIPE);
        assertThat(err(p[0].send(new byte[1], true))).isEqualTo(Errno.EBADF);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void stream_shutdownWrite_givesThePeerEofAfterTheData(Host h) {
        UnixSocket[] p = pair(h, UnixType.STREAM);
        ok(p[0].send(new byte[] {1, 2}, true));
        ok(p[0].shutdown(Shutdown.WRITE));
        assertThat(err(p[0].send(new byte[1], true))).isEqualTo(Errno.EPIPE);
        assertThat(ok(p[1].receive(8, true)).data()).containsExactly(1, 2);
        assertThat(ok(p[1].receive(8, true)).endOfFile()).isTrue();
        ok(p[1].send(new byte[] {3}, true)); // the other direction still works
        assertThat(ok(p[0].receive(8, true)).data()).containsExactly(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void stream_shutdownRead_bsdDiscardsQueuedData_linuxKeepsIt(Host h) {
        UnixSocket[] p = pair(h, UnixType.STREAM);
        ok(p[0].send(new byte[] {1, 2}, true));
        ok(p[1].shutdown(Shutdown.READ));
        Received r = ok(p[1].receive(8, true));
        assertThat(r.endOfFile()).isEqualTo(h.per(false, true, true, true));
        assertThat(err(p[0].send(new byte[1], true))).isEqualTo(Errno.EPIPE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void stream_fullBuffer_isEagainNonBlocking_andBlocksUntilRead(Host h) {
        UnixSocket[] p = pair(h, UnixType.STREAM);
        int cap = h.p.unixDomainRules().streamBuffer();
        assertThat(cap).isEqualTo(h.per(212_992, 65_536, 8192, 8192));
        assertThat(ok(p[0].send(new byte[cap + 100], true))).isEqualTo(cap);
        assertThat(p[0].writable()).isFalse();
        assertThat(err(p[0].send(new byte[1], true))).isEqualTo(Errno.EAGAIN);
        UnixResult<Integer> b = p[0].send(new byte[1], false);
        assertThat(b).isInstanceOf(UnixResult.Blocked.class);
        assertThat(((UnixResult.Blocked<Integer>) b).ready()).isFalse();
        ok(p[1].receive(10, true));
        assertThat(((UnixResult.Blocked<Integer>) b).ready()).isTrue();
        assertThat(ok(p[0].send(new byte[100], false))).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void stream_linuxCloseWithUnreadData_resetsThePeer(Host h) {
        UnixSocket[] p = pair(h, UnixType.STREAM);
        ok(p[0].send(new byte[] {1}, true));
        p[1].close();
        assertThat(err(p[0].receive(8, true))).isEqualTo(h.per(Errno.ECONNRESET, null, null, null));
        assertThat(ok(p[0].receive(8, true)).endOfFile()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void seqpacket_keepsRecordBoundaries_andTruncates(Host h) {
        if (!h.p.unixDomainRules().seqpacket()) {
            assertThat(err(h.domain.socketPair(UnixType.SEQPACKET))).isEqualTo(Errno.EPROTONOSUPPORT);
            return;
        }
        UnixSocket[] p = h.connectedVia(h.listener(UnixType.SEQPACKET, "/tmp/q", 5), "/tmp/q");
        ok(p[0].send(new byte[] {1, 2, 3}, true));
        ok(p[0].send(new byte[] {4}, true));
        ok(p[0].send(new byte[0], true));
        Received a = ok(p[1].receive(2, true));
        assertThat(a.data()).containsExactly(1, 2);
        assertThat(a.truncated()).isTrue();
        Received b = ok(p[1].receive(10, true));
        assertThat(b.data()).containsExactly(4);
        assertThat(b.truncated()).isFalse();
        Received empty = ok(p[1].receive(10, true));
        assertThat(empty.data()).isEmpty();
        assertThat(empty.endOfFile()).isFalse();
        int cap = h.p.unixDomainRules().streamBuffer();
        assertThat(err(p[0].send(new byte[cap + 1], true))).isEqualTo(Errno.EMSGSIZE);
        ok(p[0].send(new byte[cap - 1], true));
        assertThat(err(p[0].send(new byte[2], true))).isEqualTo(Errno.EAGAIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void datagram_carriesTheSourceAddress(Host h) {
        UnixSocket r = h.socket(UnixType.DATAGRAM);
        ok(r.bind(path("/tmp/r"), ROOT));
        UnixSocket named = h.socket(UnixType.DATAGRAM);
        ok(named.bind(path("/tmp/n"), ROOT));
        UnixSocket anon = h.socket(UnixType.DATAGRAM);
        ok(named.sendTo(path("/tmp/r"), new byte[] {1}, ROOT, true));
        ok(anon.sendTo(path("/tmp/r"), new byte[] {2, 3}, ROOT, true));
        Received first = ok(r.receive(10, true));
        assertThat(first.source()).isEqualTo(path("/tmp/n"));
        assertThat(first.data()).containsExactly(1);
        Received second = ok(r.receive(1, true));
        assertThat(second.source()).isEqualTo(Sockaddr.Un.unnamed());
        assertThat(second.truncated()).isTrue();
        assertThat(err(r.receive(10, true))).isEqualTo(Errno.EAGAIN);
        ok(r.sendTo(first.source(), new byte[] {4}, ROOT, true)); // reply to the source
        assertThat(ok(named.receive(10, true)).source()).isEqualTo(path("/tmp/r"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void datagram_linuxPassCred_autobindsTheSender(Host h) {
        UnixSocket r = h.socket(UnixType.DATAGRAM);
        ok(r.bind(path("/tmp/r"), ROOT));
        UnixSocket s = h.socket(UnixType.DATAGRAM);
        s.passCredentials(true);
        ok(s.sendTo(path("/tmp/r"), new byte[] {1}, ROOT, true));
        assertThat(ok(r.receive(10, true)).source().kind())
                .isEqualTo(h.per(Sockaddr.UnixKind.ABSTRACT, Sockaddr.UnixKind.UNNAMED, Sockaddr.UnixKind.UNNAMED,
                        Sockaddr.UnixKind.UNNAMED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void datagram_fullReceiver_linuxEagainOrWaits_bsdEnobufs(Host h) {
        UnixSocket r = h.socket(UnixType.DATAGRAM);
        ok(r.bind(path("/tmp/r"), ROOT));
        UnixSocket s = h.socket(UnixType.DATAGRAM);
        int sent = 0;
        while (s.sendTo(path("/tmp/r"), new byte[1000], ROOT, true).isDone()) {
            sent++;
        }
        assertThat(sent).isEqualTo(h.per(11, 16, 16, 4));
        assertThat(err(s.sendTo(path("/tmp/r"), new byte[1000], ROOT, true)))
                .isEqualTo(h.per(Errno.EAGAIN, Errno.ENOBUFS, Errno.ENOBUFS, Errno.ENOBUFS));
        UnixResult<Integer> blocking = s.sendTo(path("/tmp/r"), new byte[1000], ROOT, false);
        if (h.p.unixDomainRules().datagramFullWaits()) {
            UnixResult.Blocked<Integer> b = (UnixResult.Blocked<Integer>) blocking;
            assertThat(b.ready()).isFalse();
            ok(r.receive(2000, true));
            assertThat(b.ready()).isTrue();
        } else {
            assertThat(err(blocking)).isEqualTo(Errno.ENOBUFS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void datagram_tooLarge_isEmsgsize(Host h) {
        UnixSocket[] p = pair(h, UnixType.DATAGRAM);
        int max = h.p.unixDomainRules().datagramMax();
        assertThat(err(p[0].send(new byte[max + 1], true))).isEqualTo(Errno.EMSGSIZE);
        assertThat(ok(p[0].send(new byte[max], true))).isEqualTo(max);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void datagram_sendToWhileConnected_linuxAllows_bsdEisconn(Host h) {
        UnixSocket a = h.socket(UnixType.DATAGRAM);
        ok(a.bind(path("/tmp/a"), ROOT));
        UnixSocket b = h.socket(UnixType.DATAGRAM);
        ok(b.bind(path("/tmp/b"), ROOT));
        UnixSocket c = h.socket(UnixType.DATAGRAM);
        ok(c.connect(path("/tmp/a"), ROOT, true));
        assertThat(err(c.sendTo(path("/tmp/b"), new byte[1], ROOT, true)))
                .isEqualTo(h.per(null, Errno.EISCONN, Errno.EISCONN, Errno.EISCONN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void datagram_peerCloses_linuxEconnrefusedOnce_bsdEconnresetOnce_thenEnotconn(Host h) {
        UnixSocket t = h.socket(UnixType.DATAGRAM);
        ok(t.bind(path("/tmp/t"), ROOT));
        UnixSocket c = h.socket(UnixType.DATAGRAM);
        ok(c.connect(path("/tmp/t"), ROOT, true));
        t.close();
        assertThat(c.pendingError()).isEqualTo(h.per(null, Errno.ECONNRESET, Errno.ECONNRESET, Errno.ECONNRESET));
        assertThat(err(c.send(new byte[1], true)))
                .isEqualTo(h.per(Errno.ECONNREFUSED, Errno.ECONNRESET, Errno.ECONNRESET, Errno.ECONNRESET));
        assertThat(err(c.send(new byte[1], true))).isEqualTo(Errno.ENOTCONN);
        assertThat(err(c.sendTo(path("/tmp/t"), new byte[1], ROOT, true))).isEqualTo(Errno.ECONNREFUSED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void socketPair_datagramEnds_talkToEachOther(Host h) {
        UnixSocket[] p = pair(h, UnixType.DATAGRAM);
        ok(p[0].send(new byte[] {5}, true));
        Received r = ok(p[1].receive(4, true));
        assertThat(r.data()).containsExactly(5);
        assertThat(r.source()).isEqualTo(Sockaddr.Un.unnamed());
        assertThat(ok(p[1].peerAddress())).isEqualTo(Sockaddr.Un.unnamed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void bind_rules(Host h) {
        UnixSocket s = h.socket(UnixType.STREAM);
        ok(s.bind(path("/tmp/s"), ROOT));
        assertThat(h.vfs.lookup("/tmp/s", ROOT, false).nodeOrNull().socketRef()).isSameAs(s);
        assertThat(err(s.bind(path("/tmp/other"), ROOT))).isEqualTo(Errno.EINVAL);
        assertThat(h.vfs.lookup("/tmp/other", ROOT, false).isOk()).isFalse(); // Linux removed what it created
        assertThat(err(s.bind(path("/tmp/s"), ROOT)))
                .isEqualTo(h.per(Errno.EADDRINUSE, Errno.EINVAL, Errno.EINVAL, Errno.EINVAL));
        assertThat(err(h.socket(UnixType.STREAM).bind(path("/tmp/s"), ROOT))).isEqualTo(Errno.EADDRINUSE);
        UnixSocket u = h.socket(UnixType.STREAM);
        UnixResult<Void> auto = u.bind(Sockaddr.Un.unnamed(), ROOT);
        assertThat(err(auto)).isEqualTo(h.per(null, Errno.EINVAL, Errno.EINVAL, Errno.EINVAL));
        if (auto.isDone()) {
            assertThat(u.localAddress()).isEqualTo(abs("00000"));
            assertThat(err(h.socket(UnixType.STREAM).listen(1))).isEqualTo(Errno.EINVAL); // unbound
            ok(u.listen(1));
        }
    }

    static UnixSocket[] pair(Host h, UnixType type) {
        UnixDomain.Pair p = ok(h.domain.socketPair(type));
        return new UnixSocket[] {p.first(), p.second()};
    }
}
