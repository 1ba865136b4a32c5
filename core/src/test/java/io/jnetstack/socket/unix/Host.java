package io.jnetstack.socket.unix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.socket.vfs.Cred;
import io.jnetstack.socket.vfs.Vfs;

/** A test host: one personality, a file tree with a world-writable sticky /tmp, and its UNIX domain. */
final class Host {
    static final Cred ROOT = Cred.root();
    static final Cred USER = Cred.user(1000, 1000);

    final Personality p;
    final Vfs vfs;
    final UnixDomain domain;

    Host(Personality p) {
        this.p = p;
        this.vfs = Vfs.of(p);
        this.domain = new UnixDomain(p, vfs);
        vfs.mkdir("/tmp", 01777, ROOT);
    }

    /** The value for this host's OS, in the order Linux, FreeBSD, OpenBSD, macOS. */
    <T> T per(T linux, T freebsd, T openbsd, T macos) {
        return switch (p.os()) {
            case LINUX -> linux;
            case FREEBSD -> freebsd;
            case OPENBSD -> openbsd;
            case MACOS -> macos;
        };
    }

    static Sockaddr.Un path(String path) {
        return Sockaddr.Un.pathname(path);
    }

    static Sockaddr.Un abs(String name) {
        return new Sockaddr.Un(Sockaddr.UnixKind.ABSTRACT, name);
    }

    UnixSocket socket(UnixType type) {
        UnixResult<UnixSocket> r = domain.socket(type);
        assertThat(r.isDone()).as("socket(%s) on %s: %s", type, p.name(), r).isTrue();
        return r.valueOrNull();
    }

    /** A stream (or seqpacket) listener bound at {@code path} with {@code backlog}. */
    UnixSocket listener(UnixType type, String path, int backlog) {
        UnixSocket s = socket(type);
        ok(s.bind(path(path), ROOT));
        ok(s.listen(backlog));
        return s;
    }

    /** A connected pair through {@code listener}: {client, accepted}. */
    UnixSocket[] connectedVia(UnixSocket listener, String path) {
        UnixSocket c = socket(listener.type());
        ok(c.connect(path(path), ROOT, true));
        UnixResult<UnixSocket> a = listener.accept(true);
        assertThat(a.isDone()).as("accept: %s", a).isTrue();
        return new UnixSocket[] {c, a.valueOrNull()};
    }

    static <T> T ok(UnixResult<T> r) {
        assertThat(r.isDone()).as("expected success, got %s", r).isTrue();
        return r.valueOrNull();
    }

    static Errno err(UnixResult<?> r) {
        return r.errnoOrNull();
    }

    @Override
    public String toString() {
        return p.name();
    }
}
