package io.jnetstack.socket.unix;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.UnixDomainRules;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.socket.vfs.Cred;
import io.jnetstack.socket.vfs.Node;
import io.jnetstack.socket.vfs.NodeKind;
import io.jnetstack.socket.vfs.Vfs;
import io.jnetstack.socket.vfs.VfsResult;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The UNIX domain of one host (one network namespace): creates sockets, resolves names to bound sockets through the
 * host's {@link Vfs} (path names) and its own abstract namespace (keyed by socket type, as Linux unix_find_abstract
 * and FreeBSD's abstract names are), and hands out autobind names. Two domains may share one file tree: paths then
 * reach across them while abstract names stay apart (connect-catalogue H25).
 */
public final class UnixDomain {
    /** Linux unix_autobind: five hex digits, 2^20 names. */
    private static final int AUTOBIND_NAMES = 1 << 20;

    private final Personality personality;
    private final UnixDomainRules rules;
    private final Vfs vfs;
    private final TreeMap<String, UnixSocket> abstractNames = new TreeMap<>();
    private int nextAutobind;

    /** A domain for a host running {@code personality} whose file tree is {@code vfs}. */
    public UnixDomain(Personality personality, Vfs vfs) {
        this.personality = personality;
        this.rules = personality.unixDomainRules();
        this.vfs = vfs;
    }

    /** The personality whose rules apply. */
    public Personality personality() {
        return personality;
    }

    /** The file tree socket files live in. */
    public Vfs vfs() {
        return vfs;
    }

    UnixDomainRules rules() {
        return rules;
    }

    /** socket(AF_UNIX, type, 0): EPROTONOSUPPORT for a type this OS lacks (XNU has no SOCK_SEQPACKET). */
    public UnixResult<UnixSocket> socket(UnixType type) {
        if (type == UnixType.SEQPACKET && !rules.seqpacket()) {
            return UnixResult.fail(Errno.EPROTONOSUPPORT);
        }
        return UnixResult.done(new UnixSocket(this, type));
    }

    /** Two connected sockets of one type (socketpair(2)): unnamed, each the other's peer. */
    public UnixResult<Pair> socketPair(UnixType type) {
        UnixResult<UnixSocket> a = socket(type);
        if (!(a instanceof UnixResult.Done<UnixSocket>(UnixSocket first))) {
            return a.cast();
        }
        UnixSocket second = new UnixSocket(this, type);
        first.pairWith(second);
        return UnixResult.done(new Pair(first, second));
    }

    /** The two ends of a {@link #socketPair}. */
    public record Pair(UnixSocket first, UnixSocket second) {}

    /** The errno for a name this OS cannot carry, or null (sockaddr_un length rules, H22). */
    Errno nameProblem(Sockaddr.Un a) {
        int n = a.name().length();
        return switch (a.kind()) {
            case UNNAMED -> null;
            case PATHNAME -> n > rules.maximumPathBytes() ? rules.pathTooLong() : null;
            case ABSTRACT -> n + 1 > rules.maximumPathBytes() ? rules.pathTooLong() : null;
        };
    }

    /**
     * Finds the socket a connect or sendto names, in this OS's order: namei errors; Linux write permission then
     * "not a socket" (ECONNREFUSED), BSD "not a socket" (ENOTSOCK) then write permission; a stale file
     * ECONNREFUSED; another type EPROTOTYPE. An abstract name of another type is simply not found (ECONNREFUSED).
     */
    UnixResult<UnixSocket> find(Sockaddr.Un a, UnixType type, Cred cred) {
        Errno bad = nameProblem(a);
        if (bad != null) {
            return UnixResult.fail(bad);
        }
        return switch (a.kind()) {
            case UNNAMED -> UnixResult.fail(rules.unnamedTarget());
            case ABSTRACT -> {
                if (!rules.abstractNamespace()) {
                    yield UnixResult.fail(Errno.ENOENT); // the empty path before the NUL
                }
                UnixSocket s = abstractNames.get(key(type, a.name()));
                yield s == null ? UnixResult.fail(Errno.ECONNREFUSED) : UnixResult.done(s);
            }
            case PATHNAME -> findPath(path(a), type, cred);
        };
    }

    private UnixResult<UnixSocket> findPath(String path, UnixType type, Cred cred) {
        VfsResult r = vfs.lookup(path, cred, true);
        if (r instanceof VfsResult.Err(Errno e)) {
            return UnixResult.fail(e);
        }
        Node node = r.nodeOrNull();
        boolean writable = Vfs.access(node, cred, Vfs.W);
        boolean socketFile = node.kind() == NodeKind.SOCKET;
        if (rules.permissionBeforeKind() && !writable) {
            return UnixResult.fail(Errno.EACCES);
        }
        if (!socketFile) {
            return UnixResult.fail(rules.notASocket());
        }
        if (!writable) {
            return UnixResult.fail(Errno.EACCES);
        }
        if (!(node.socketRef() instanceof UnixSocket s) || s.closed()) {
            return UnixResult.fail(Errno.ECONNREFUSED);
        }
        return s.type() == type ? UnixResult.done(s) : UnixResult.fail(Errno.EPROTOTYPE);
    }

    /** Creates the socket file for a path bind (EADDRINUSE when the name exists; namei errors). */
    UnixResult<Node> createSocketFile(Sockaddr.Un a, Cred cred, int mode, UnixSocket s) {
        VfsResult r = vfs.bindSocket(path(a), mode & 0777, cred, s.type().code(), s);
        return switch (r) {
            case VfsResult.Ok(Node n) -> UnixResult.done(n);
            case VfsResult.Err(Errno e) -> UnixResult.fail(e);
        };
    }

    /** Removes a socket file bind created for a socket that turned out to be bound already (Linux unix_bind_bsd). */
    void removeSocketFile(Sockaddr.Un a) {
        vfs.unlink(path(a), Cred.root());
    }

    /** Binds an abstract name: EADDRINUSE when a socket of this type holds it. */
    Errno bindAbstract(UnixSocket s, String name) {
        String k = key(s.type(), name);
        if (abstractNames.containsKey(k)) {
            return Errno.EADDRINUSE;
        }
        abstractNames.put(k, s);
        return null;
    }

    /** Linux unix_autobind: the next free five-hex-digit abstract name, or ENOSPC when all are taken. */
    UnixResult<Sockaddr.Un> autobind(UnixSocket s) {
        for (int tries = 0; tries < AUTOBIND_NAMES; tries++) {
            String name = String.format(Locale.ROOT, "%05x", nextAutobind);
            nextAutobind = (nextAutobind + 1) % AUTOBIND_NAMES;
            if (bindAbstract(s, name) == null) {
                return UnixResult.done(new Sockaddr.Un(Sockaddr.UnixKind.ABSTRACT, name));
            }
        }
        return UnixResult.fail(Errno.ENOSPC);
    }

    /** Releases an abstract name when its socket closes. */
    void releaseAbstract(UnixSocket s, String name) {
        abstractNames.remove(key(s.type(), name), s);
    }

    private static String key(UnixType type, String name) {
        return type.code() + ":" + name;
    }

    /** The path text the Vfs resolves: the name's bytes as UTF-8. */
    private static String path(Sockaddr.Un a) {
        return new String(a.nameBytes(), StandardCharsets.UTF_8);
    }
}
