package io.jnetstack.socket.unix;

import static io.jnetstack.socket.unix.Host.ROOT;
import static io.jnetstack.socket.unix.Host.USER;
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

/** connect-catalogue §1H, rows H1–H27, each under all four personalities with that OS's expected result. */
class UnixConnectRowsTest {

    static List<Host> hosts() {
        return Personality.all().stream().map(Host::new).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h1_connectToMissingPath_isEnoent(Host h) {
        assertThat(err(h.socket(UnixType.STREAM).connect(path("/tmp/nope"), ROOT, true))).isEqualTo(Errno.ENOENT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h2_prefixComponentIsARegularFile_isEnotdir(Host h) {
        h.vfs.createFile("/tmp/file", 0644, ROOT);
        assertThat(err(h.socket(UnixType.STREAM).connect(path("/tmp/file/s"), ROOT, true)))
                .isEqualTo(Errno.ENOTDIR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h3_connectToRegularFile_linuxEconnrefused_bsdEnotsock(Host h) {
        h.vfs.createFile("/tmp/file", 0666, ROOT);
        Errno expected = h.per(Errno.ECONNREFUSED, Errno.ENOTSOCK, Errno.ENOTSOCK, Errno.ENOTSOCK);
        assertThat(err(h.socket(UnixType.STREAM).connect(path("/tmp/file"), ROOT, true))).isEqualTo(expected);
        assertThat(err(h.socket(UnixType.STREAM).connect(path("/tmp"), ROOT, true))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h3_unwritableRegularFile_linuxChecksPermissionFirst(Host h) {
        h.vfs.createFile("/tmp/ro", 0444, ROOT);
        assertThat(err(h.socket(UnixType.STREAM).connect(path("/tmp/ro"), USER, true)))
                .isEqualTo(h.per(Errno.EACCES, Errno.ENOTSOCK, Errno.ENOTSOCK, Errno.ENOTSOCK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h4_staleSocketFile_isEconnrefused(Host h) {
        h.listener(UnixType.STREAM, "/tmp/s", 5).close();
        assertThat(err(h.socket(UnixType.STREAM).connect(path("/tmp/s"), ROOT, true)))
                .isEqualTo(Errno.ECONNREFUSED);
        assertThat(err(h.socket(UnixType.STREAM).bind(path("/tmp/s"), ROOT))).isEqualTo(Errno.EADDRINUSE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h5_socketFileWithoutWritePermission_isEacces(Host h) {
        h.listener(UnixType.STREAM, "/tmp/s", 5); // mode 0755, owned by root
        assertThat(err(h.socket(UnixType.STREAM).connect(path("/tmp/s"), USER, true))).isEqualTo(Errno.EACCES);
        assertThat(ok(h.socket(UnixType.STREAM).connect(path("/tmp/s"), ROOT, true))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h6_noSearchPermissionOnADirectory_isEacces(Host h) {
        h.vfs.mkdir("/tmp/priv", 0700, ROOT);
        UnixSocket l = h.socket(UnixType.STREAM);
        ok(l.bind(path("/tmp/priv/s"), ROOT, 0777));
        ok(l.listen(5));
        assertThat(err(h.socket(UnixType.STREAM).connect(path("/tmp/priv/s"), USER, true)))
                .isEqualTo(Errno.EACCES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h7_boundButNotListening_isEconnrefused(Host h) {
        ok(h.socket(UnixType.STREAM).bind(path("/tmp/s"), ROOT));
        assertThat(err(h.socket(UnixType.STREAM).connect(path("/tmp/s"), ROOT, true)))
                .isEqualTo(Errno.ECONNREFUSED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h8_datagramToStreamPath_isEprototype(Host h) {
        h.listener(UnixType.STREAM, "/tmp/s", 5);
        assertThat(err(h.socket(UnixType.DATAGRAM).connect(path("/tmp/s"), ROOT, true)))
                .isEqualTo(Errno.EPROTOTYPE);
        assertThat(err(h.socket(UnixType.DATAGRAM).sendTo(path("/tmp/s"), new byte[1], ROOT, true)))
                .isEqualTo(Errno.EPROTOTYPE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h9_abstractTypeMismatch_isEconnrefused_whereAbstractNamesExist(Host h) {
        UnixSocket l = h.socket(UnixType.STREAM);
        Errno bound = err(l.bind(abs("name"), ROOT));
        assertThat(bound).isEqualTo(h.per(null, null, Errno.ENOENT, Errno.ENOENT));
        if (bound == null) {
            ok(l.listen(5));
            ok(h.socket(UnixType.DATAGRAM).bind(abs("name"), ROOT)); // per-type namespace: no EADDRINUSE
        }
        assertThat(err(h.socket(UnixType.DATAGRAM).connect(abs("x"), ROOT, true)))
                .isEqualTo(h.per(Errno.ECONNREFUSED, Errno.ECONNREFUSED, Errno.ENOENT, Errno.ENOENT));
        UnixSocket dgram = h.socket(UnixType.DATAGRAM);
        Errno mismatch = err(dgram.connect(abs("name"), ROOT, true));
        // the datagram name bound above is found by a datagram client; a seqpacket client finds nothing
        assertThat(mismatch).isEqualTo(h.per(null, null, Errno.ENOENT, Errno.ENOENT));
        if (h.p.unixDomainRules().seqpacket()) {
            assertThat(err(h.socket(UnixType.SEQPACKET).connect(abs("name"), ROOT, true)))
                    .isEqualTo(h.per(Errno.ECONNREFUSED, Errno.ECONNREFUSED, Errno.ENOENT, null));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h10_streamSeqpacketMismatch_isEprototype_macOsHasNoSeqpacket(Host h) {
        h.listener(UnixType.STREAM, "/tmp/s", 5);
        UnixResult<UnixSocket> sp = h.domain.socket(UnixType.SEQPACKET);
        if (h.per(false, false, false, true)) {
            assertThat(err(sp)).isEqualTo(Errno.EPROTONOSUPPORT);
            return;
        }
        assertThat(err(sp.valueOrNull().connect(path("/tmp/s"), ROOT, true))).isEqualTo(Errno.EPROTOTYPE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h11_fullBacklogNonBlocking_linuxEagain_bsdEconnrefused(Host h) {
        UnixSocket l = h.listener(UnixType.STREAM, "/tmp/s", 2);
        int admitted = fill(h, l);
        assertThat(admitted).isEqualTo(h.per(3, 4, 80 * 3 + 1, 2));
        assertThat(err(h.socket(UnixType.STREAM).connect(path("/tmp/s"), ROOT, true)))
                .isEqualTo(h.per(Errno.EAGAIN, Errno.ECONNREFUSED, Errno.ECONNREFUSED, Errno.ECONNREFUSED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h12_fullBacklogBlocking_linuxWaitsForRoom_bsdEconnrefused(Host h) {
        UnixSocket l = h.listener(UnixType.STREAM, "/tmp/s", 1);
        fill(h, l);
        UnixSocket c = h.socket(UnixType.STREAM);
        UnixResult<Void> r = c.connect(path("/tmp/s"), ROOT, false);
        if (h.per(false, true, true, true)) {
            assertThat(err(r)).isEqualTo(Errno.ECONNREFUSED);
            return;
        }
        assertThat(r).isInstanceOf(UnixResult.Blocked.class);
        UnixResult.Blocked<Void> b = (UnixResult.Blocked<Void>) r;
        assertThat(b.until()).isEqualTo(UnixResult.Wait.BACKLOG_ROOM);
        assertThat(b.ready()).isFalse();
        ok(l.accept(true));
        assertThat(b.ready()).isTrue();
        ok(c.connect(path("/tmp/s"), ROOT, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h13_listenZero_admitsWhatEachOsAdmits(Host h) {
        UnixSocket l = h.listener(UnixType.STREAM, "/tmp/s", 0);
        assertThat(fill(h, l)).isEqualTo(h.per(1, 1, 241, 128));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h14_nonBlockingConnectToListener_succeedsAtOnce(Host h) {
        UnixSocket l = h.listener(UnixType.STREAM, "/tmp/s", 5);
        UnixSocket c = h.socket(UnixType.STREAM);
        assertThat(c.connect(path("/tmp/s"), ROOT, true).isDone()).isTrue();
        assertThat(c.state()).isEqualTo(UnixSocket.State.CONNECTED);
        assertThat(c.writable()).isTrue();
        assertThat(l.acceptable()).isTrue();
        UnixSocket a = ok(l.accept(true));
        assertThat(ok(c.peerAddress())).isEqualTo(path("/tmp/s"));
        assertThat(a.localAddress()).isEqualTo(path("/tmp/s"));
        assertThat(ok(a.peerAddress())).isEqualTo(Sockaddr.Un.unnamed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h15_connectedStreamConnectsAgain_isEisconn(Host h) {
        UnixSocket l = h.listener(UnixType.STREAM, "/tmp/s", 5);
        UnixSocket c = h.connectedVia(l, "/tmp/s")[0];
        assertThat(err(c.connect(path("/tmp/s"), ROOT, true))).isEqualTo(Errno.EISCONN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h16_listenerConnectsToAnotherListener_linuxEinval_bsdEopnotsupp(Host h) {
        h.listener(UnixType.STREAM, "/tmp/a", 5);
        UnixSocket b = h.listener(UnixType.STREAM, "/tmp/b", 5);
        assertThat(err(b.connect(path("/tmp/a"), ROOT, true)))
                .isEqualTo(h.per(Errno.EINVAL, Errno.EOPNOTSUPP, Errno.EOPNOTSUPP, Errno.EOPNOTSUPP));
        // Linux looks the target up first: a missing path wins over the listener test
        assertThat(err(b.connect(path("/tmp/none"), ROOT, true)))
                .isEqualTo(h.per(Errno.ENOENT, Errno.EOPNOTSUPP, Errno.EOPNOTSUPP, Errno.EOPNOTSUPP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h17_listenerConnectsToItself_linuxEinval_bsdEopnotsupp(Host h) {
        UnixSocket l = h.listener(UnixType.STREAM, "/tmp/s", 5);
        assertThat(err(l.connect(path("/tmp/s"), ROOT, true)))
                .isEqualTo(h.per(Errno.EINVAL, Errno.EOPNOTSUPP, Errno.EOPNOTSUPP, Errno.EOPNOTSUPP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h18_datagramConnectsTwice_ok(Host h) {
        ok(h.socket(UnixType.DATAGRAM).bind(path("/tmp/d"), ROOT));
        UnixSocket c = h.socket(UnixType.DATAGRAM);
        ok(c.connect(path("/tmp/d"), ROOT, true));
        ok(c.connect(path("/tmp/d"), ROOT, true));
        assertThat(ok(c.peerAddress())).isEqualTo(path("/tmp/d"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h19_datagramConnectsToItself_ok(Host h) {
        UnixSocket d = h.socket(UnixType.DATAGRAM);
        ok(d.bind(path("/tmp/d"), ROOT));
        ok(d.connect(path("/tmp/d"), ROOT, true));
        ok(d.send(new byte[] {7}, true));
        assertThat(ok(d.receive(10, true)).data()).containsExactly(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h20_targetAssociatedWithAThirdSocket_linuxEperm_bsdOk(Host h) {
        UnixSocket t = h.socket(UnixType.DATAGRAM);
        ok(t.bind(path("/tmp/t"), ROOT));
        UnixSocket third = h.socket(UnixType.DATAGRAM);
        ok(third.bind(path("/tmp/third"), ROOT));
        ok(t.connect(path("/tmp/third"), ROOT, true));
        UnixSocket c = h.socket(UnixType.DATAGRAM);
        assertThat(err(c.connect(path("/tmp/t"), ROOT, true)))
                .isEqualTo(h.per(Errno.EPERM, null, null, null));
        assertThat(err(h.socket(UnixType.DATAGRAM).sendTo(path("/tmp/t"), new byte[1], ROOT, true)))
                .isEqualTo(h.per(Errno.EPERM, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h21_disconnectDissolvesTheAssociation(Host h) {
        ok(h.socket(UnixType.DATAGRAM).bind(path("/tmp/d"), ROOT));
        UnixSocket c = h.socket(UnixType.DATAGRAM);
        ok(c.connect(path("/tmp/d"), ROOT, true));
        ok(c.disconnect());
        assertThat(err(c.peerAddress())).isEqualTo(Errno.ENOTCONN);
        assertThat(err(c.send(new byte[1], true))).isEqualTo(Errno.ENOTCONN);
        ok(c.disconnect());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h21_failedDatagramReconnect_bsdLeavesItDisconnected_linuxKeepsThePeer(Host h) {
        ok(h.socket(UnixType.DATAGRAM).bind(path("/tmp/d"), ROOT));
        UnixSocket c = h.socket(UnixType.DATAGRAM);
        ok(c.connect(path("/tmp/d"), ROOT, true));
        assertThat(err(c.connect(path("/tmp/none"), ROOT, true))).isEqualTo(Errno.ENOENT);
        assertThat(err(c.peerAddress())).isEqualTo(h.per(null, Errno.ENOTCONN, Errno.ENOTCONN, Errno.ENOTCONN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h22_pathLengthLimits(Host h) {
        int max = h.per(108, 104, 103, 253);
        UnixSocket s = h.socket(UnixType.STREAM);
        assertThat(err(s.bind(path("/" + "a".repeat(max)), ROOT)))
                .isEqualTo(h.per(Errno.EINVAL, Errno.EINVAL, Errno.EINVAL, Errno.ENAMETOOLONG));
        ok(s.bind(path("/" + "a".repeat(max - 1)), ROOT));
        ok(s.listen(1));
        ok(h.socket(UnixType.STREAM).connect(path("/" + "a".repeat(max - 1)), ROOT, true));
        assertThat(err(h.socket(UnixType.STREAM).connect(path("/" + "a".repeat(max)), ROOT, true)))
                .isEqualTo(h.per(Errno.EINVAL, Errno.EINVAL, Errno.EINVAL, Errno.ENAMETOOLONG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h23_connectWithNoName_linuxEinval_bsdEnoent(Host h) {
        assertThat(err(h.socket(UnixType.STREAM).connect(Sockaddr.Un.unnamed(), ROOT, true)))
                .isEqualTo(h.per(Errno.EINVAL, Errno.ENOENT, Errno.ENOENT, Errno.ENOENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h24_abstractNameNothingBound(Host h) {
        assertThat(err(h.socket(UnixType.STREAM).connect(abs("nothing"), ROOT, true)))
                .isEqualTo(h.per(Errno.ECONNREFUSED, Errno.ECONNREFUSED, Errno.ENOENT, Errno.ENOENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h24_abstractListener_acceptsConnections_whereAbstractNamesExist(Host h) {
        UnixSocket l = h.socket(UnixType.STREAM);
        if (err(l.bind(abs("srv"), ROOT)) != null) {
            return;
        }
        ok(l.listen(4));
        UnixSocket c = h.socket(UnixType.STREAM);
        ok(c.connect(abs("srv"), ROOT, true));
        assertThat(ok(c.peerAddress())).isEqualTo(abs("srv"));
        assertThat(err(h.socket(UnixType.STREAM).bind(abs("srv"), ROOT))).isEqualTo(Errno.EADDRINUSE);
        l.close();
        ok(h.socket(UnixType.STREAM).bind(abs("srv"), ROOT)); // the name is free again
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h25_abstractNamesArePerDomain_pathsAreShared(Host h) {
        UnixDomain other = new UnixDomain(h.p, h.vfs); // another network namespace, same file tree
        UnixSocket l = other.socket(UnixType.STREAM).valueOrNull();
        ok(l.bind(path("/tmp/s"), ROOT));
        ok(l.listen(4));
        ok(h.socket(UnixType.STREAM).connect(path("/tmp/s"), ROOT, true));
        UnixSocket la = other.socket(UnixType.STREAM).valueOrNull();
        if (la.bind(abs("ns"), ROOT).isDone()) {
            ok(la.listen(4));
            assertThat(err(h.socket(UnixType.STREAM).connect(abs("ns"), ROOT, true))).isEqualTo(Errno.ECONNREFUSED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h26_passCredAutobindsTheClient_onLinux(Host h) {
        h.listener(UnixType.STREAM, "/tmp/s", 5);
        UnixSocket c = h.socket(UnixType.STREAM);
        c.passCredentials(true);
        ok(c.connect(path("/tmp/s"), ROOT, true));
        Sockaddr.Un expected = h.per(abs("00000"), Sockaddr.Un.unnamed(), Sockaddr.Un.unnamed(),
                Sockaddr.Un.unnamed());
        assertThat(c.localAddress()).isEqualTo(expected);
        UnixSocket failing = h.socket(UnixType.STREAM);
        failing.passCredentials(true);
        assertThat(err(failing.connect(path("/tmp/none"), ROOT, true))).isEqualTo(Errno.ENOENT);
        assertThat(failing.localAddress().kind()).isEqualTo(h.per(Sockaddr.UnixKind.ABSTRACT,
                Sockaddr.UnixKind.UNNAMED, Sockaddr.UnixKind.UNNAMED, Sockaddr.UnixKind.UNNAMED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void h27_listenerClosedWithUnacceptedClient_linuxEconnresetThenEof_bsdEof(Host h) {
        UnixSocket l = h.listener(UnixType.STREAM, "/tmp/s", 5);
        UnixSocket c = h.socket(UnixType.STREAM);
        ok(c.connect(path("/tmp/s"), ROOT, true));
        ok(c.send(new byte[] {1, 2}, true));
        l.close();
        assertThat(c.readable()).isTrue();
        assertThat(c.hangup()).isTrue();
        assertThat(c.pendingError()).isEqualTo(h.per(Errno.ECONNRESET, null, null, null));
        UnixResult<Received> first = c.receive(10, true);
        assertThat(err(first)).isEqualTo(h.per(Errno.ECONNRESET, null, null, null));
        if (first.isDone()) {
            assertThat(first.valueOrNull().endOfFile()).isTrue();
        }
        assertThat(ok(c.receive(10, true)).endOfFile()).isTrue();
        assertThat(c.takeError()).isNull();
        assertThat(err(c.send(new byte[1], true))).isEqualTo(Errno.EPIPE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void i3_listenOnDatagram_isEopnotsupp(Host h) {
        UnixSocket d = h.socket(UnixType.DATAGRAM);
        ok(d.bind(path("/tmp/d"), ROOT));
        assertThat(err(d.listen(5))).isEqualTo(Errno.EOPNOTSUPP);
    }

    /** Connects non-blocking clients until one fails; returns how many the queue admitted. */
    static int fill(Host h, UnixSocket listener) {
        Sockaddr.Un at = listener.localAddress();
        int n = 0;
        while (h.socket(UnixType.STREAM).connect(at, ROOT, true).isDone()) {
            n++;
            if (n > 10_000) {
                throw new AssertionError("no backlog limit on " + h);
            }
        }
        return n;
    }
}
