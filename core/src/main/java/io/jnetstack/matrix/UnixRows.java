package io.jnetstack.matrix;

import io.jnetstack.personality.abi.AbiConstant;
import java.util.List;

/**
 * Catalogue §1H (UNIX-domain sockets), B9, B10 and I3: paths in the client host's file system, made with the
 * file-system calls; the "non-root" rows drop to uid 1000 with setuid after root set up the listener.
 */
final class UnixRows {
    private static final AbiConstant STREAM = AbiConstant.SOCK_STREAM;
    private static final AbiConstant DGRAM = AbiConstant.SOCK_DGRAM;
    private static final AbiConstant SEQPACKET = AbiConstant.SOCK_SEQPACKET;

    private UnixRows() {}

    static List<Scenario> rows() {
        return List.of(
                new Scenario("B9", "AF_UNIX stream", "sun_family = AF_INET", b -> {
                    listener(b, STREAM, "/tmp/s", 5);
                    byte[] a = b.un("/tmp/s");
                    ArgumentRows.family(b, a, b.k(AbiConstant.AF_INET));
                    fixLength(b, a);
                    return b.r(b.connect(b.unix(STREAM), a));
                }),
                new Scenario("B10", "AF_UNIX stream, listener at /tmp/s", "sun_family = AF_UNSPEC + path", b -> {
                    listener(b, STREAM, "/tmp/s", 5);
                    byte[] a = b.un("/tmp/s");
                    ArgumentRows.family(b, a, 0);
                    fixLength(b, a);
                    return b.r(b.connect(b.unix(STREAM), a));
                }),
                new Scenario("H1", "path does not exist", "connect",
                        b -> b.r(b.connect(b.unix(STREAM), b.un(tmp(b) + "/nothing")))),
                new Scenario("H2", "a path prefix is a regular file", "connect", b -> {
                    b.sys().close(b.sys().creat(tmp(b) + "/file", 0644));
                    return b.r(b.connect(b.unix(STREAM), b.un("/tmp/file/sock")));
                }),
                new Scenario("H3", "path names a regular file", "connect", b -> {
                    b.sys().close(b.sys().creat(tmp(b) + "/file", 0644));
                    return b.r(b.connect(b.unix(STREAM), b.un("/tmp/file")));
                }),
                new Scenario("H4", "stale socket file (binder closed)", "connect", b -> {
                    int l = listener(b, STREAM, "/tmp/s", 5);
                    b.sys().close(l);
                    return b.r(b.connect(b.unix(STREAM), b.un("/tmp/s")));
                }),
                new Scenario("H5", "socket file without write permission, caller uid 1000", "connect", b -> {
                    listener(b, STREAM, "/tmp/s", 5);
                    b.sys().chmod("/tmp/s", 0555);
                    b.sys().setuid(1000);
                    return b.r(b.connect(b.unix(STREAM), b.un("/tmp/s")));
                }),
                new Scenario("H6", "search permission missing on a directory, caller uid 1000", "connect", b -> {
                    b.sys().mkdir(tmp(b) + "/d", 0755);
                    listener(b, STREAM, "/tmp/d/s", 5);
                    b.sys().chmod("/tmp/d", 0700);
                    b.sys().setuid(1000);
                    return b.r(b.connect(b.unix(STREAM), b.un("/tmp/d/s")));
                }),
                new Scenario("H7", "stream socket bound but not listening", "connect", b -> {
                    int s = b.unix(STREAM);
                    tmp(b);
                    b.bind(s, b.un("/tmp/s"));
                    return b.r(b.connect(b.unix(STREAM), b.un("/tmp/s")));
                }),
                new Scenario("H8", "target SOCK_STREAM, caller SOCK_DGRAM", "connect", b -> {
                    listener(b, STREAM, "/tmp/s", 5);
                    return b.r(b.connect(b.unix(DGRAM), b.un("/tmp/s")));
                }),
                new Scenario("H9", "type mismatch via an abstract name", "bind @jns (stream), connect (dgram)", b -> {
                    int s = b.unix(STREAM);
                    int r = b.bind(s, b.abstractName("jns"));
                    if (r < 0) {
                        return "bind " + b.r(r);
                    }
                    b.sys().listen(s, 5);
                    return b.r(b.connect(b.unix(DGRAM), b.abstractName("jns")));
                }),
                new Scenario("H10", "target SOCK_STREAM, caller SOCK_SEQPACKET", "connect", b -> {
                    listener(b, STREAM, "/tmp/s", 5);
                    int c = b.unix(SEQPACKET);
                    return c < 0 ? "socket " + b.r(c) : b.r(b.connect(c, b.un("/tmp/s")));
                }),
                new Scenario("H11", "listener backlog full, non-blocking client", "connect until it fails", b -> {
                    listener(b, STREAM, "/tmp/s", 0);
                    return untilFailure(b, true);
                }),
                new Scenario("H12", "listener backlog full, blocking client (SO_SNDTIMEO 1 s)", "connect", b -> {
                    listener(b, STREAM, "/tmp/s", 0);
                    untilFailure(b, true);
                    int c = b.unix(STREAM);
                    byte[] tv = new byte[16];
                    tv[0] = 1;
                    b.sys().setsockopt(c, b.k(AbiConstant.SOL_SOCKET), b.k(AbiConstant.SO_SNDTIMEO), tv, 16);
                    return b.r(b.connect(c, b.un("/tmp/s")));
                }),
                new Scenario("H13", "listen(fd, 0)", "two non-blocking connects", b -> {
                    listener(b, STREAM, "/tmp/s", 0);
                    int c1 = b.unix(STREAM);
                    b.nonBlocking(c1);
                    int c2 = b.unix(STREAM);
                    b.nonBlocking(c2);
                    String first = b.r(b.connect(c1, b.un("/tmp/s")));
                    return first + ", " + b.r(b.connect(c2, b.un("/tmp/s")));
                }),
                new Scenario("H14", "listening UNIX stream", "non-blocking connect", b -> {
                    listener(b, STREAM, "/tmp/s", 5);
                    int c = b.unix(STREAM);
                    b.nonBlocking(c);
                    return b.r(b.connect(c, b.un("/tmp/s")));
                }),
                new Scenario("H15", "connected UNIX stream", "connect again", b -> {
                    listener(b, STREAM, "/tmp/s", 5);
                    int c = b.unix(STREAM);
                    b.connect(c, b.un("/tmp/s"));
                    return b.r(b.connect(c, b.un("/tmp/s")));
                }),
                new Scenario("H16", "caller is a listening UNIX stream", "connect to another listener", b -> {
                    listener(b, STREAM, "/tmp/s", 5);
                    int me = listener(b, STREAM, "/tmp/me", 5);
                    return b.r(b.connect(me, b.un("/tmp/s")));
                }),
                new Scenario("H17", "listening socket", "connect to its own path", b -> {
                    int me = listener(b, STREAM, "/tmp/me", 5);
                    return b.r(b.connect(me, b.un("/tmp/me")));
                }),
                new Scenario("H18", "UNIX dgram bound at /tmp/d", "second dgram socket connects twice", b -> {
                    int d = b.unix(DGRAM);
                    tmp(b);
                    b.bind(d, b.un("/tmp/d"));
                    int c = b.unix(DGRAM);
                    String first = b.r(b.connect(c, b.un("/tmp/d")));
                    return first + ", " + b.r(b.connect(c, b.un("/tmp/d")));
                }),
                new Scenario("H19", "UNIX dgram bound", "connect to its own path", b -> {
                    int d = b.unix(DGRAM);
                    tmp(b);
                    b.bind(d, b.un("/tmp/d"));
                    return b.r(b.connect(d, b.un("/tmp/d")));
                }),
                new Scenario("H20", "dgram target connected to a third socket", "connect", b -> {
                    int target = b.unix(DGRAM);
                    tmp(b);
                    b.bind(target, b.un("/tmp/t"));
                    int third = b.unix(DGRAM);
                    b.bind(third, b.un("/tmp/third"));
                    b.connect(target, b.un("/tmp/third"));
                    return b.r(b.connect(b.unix(DGRAM), b.un("/tmp/t")));
                }),
                new Scenario("H21", "connected UNIX dgram", "connect AF_UNSPEC (len 2)", b -> {
                    int d = b.unix(DGRAM);
                    tmp(b);
                    b.bind(d, b.un("/tmp/d"));
                    int c = b.unix(DGRAM);
                    b.connect(c, b.un("/tmp/d"));
                    return b.r(b.sys().connect(c, ArgumentRows.family(b, new byte[2], 0), 2));
                }),
                new Scenario("H22", "a path one byte longer than sun_path", "connect", b -> {
                    tmp(b);
                    int max = b.sys().abi().sockaddr().sunPathSize();
                    return b.r(b.connect(b.unix(STREAM), longPath(b, max + 1)));
                }),
                new Scenario("H23", "addrlen 2 (family only)", "connect",
                        b -> b.r(b.sys().connect(b.unix(STREAM), b.un("/tmp/s"), 2))),
                new Scenario("H24", "abstract name, nothing bound", "connect",
                        b -> b.r(b.connect(b.unix(STREAM), b.abstractName("nobody")))),
                new Scenario("H25", "abstract listener @jns on another host (network namespace)", "connect", b -> {
                    String[] bound = {null};
                    b.serverThread(s -> {
                        int l = s.socket(b.k(AbiConstant.AF_UNIX), b.k(STREAM), 0);
                        byte[] a = b.abstractName("jns");
                        bound[0] = s.bind(l, a, a.length) == 0 && s.listen(l, 5) == 0 ? "ok" : "bind failed";
                    });
                    return "ok".equals(bound[0]) ? b.r(b.connect(b.unix(STREAM), b.abstractName("jns")))
                            : "n/a (no abstract names)";
                }),
                new Scenario("H26", "SO_PASSCRED on an unbound client, listener at /tmp/s", "setsockopt; connect; "
                        + "getsockname", b -> {
                            listener(b, STREAM, "/tmp/s", 5);
                            int c = b.unix(STREAM);
                            int k = b.k(AbiConstant.SO_PASSCRED);
                            if (k < 0) {
                                return "n/a (no SO_PASSCRED)";
                            }
                            b.setInt(c, AbiConstant.SOL_SOCKET, AbiConstant.SO_PASSCRED, 1);
                            String r = b.r(b.connect(c, b.un("/tmp/s")));
                            return r + ", " + (b.name(c).startsWith("@") ? "autobound" : b.name(c));
                        }),
                new Scenario("H27", "listener closed while the client waits un-accepted", "read, read", b -> {
                    int l = listener(b, STREAM, "/tmp/s", 5);
                    int c = b.unix(STREAM);
                    b.connect(c, b.un("/tmp/s"));
                    b.sys().close(l);
                    byte[] buf = new byte[8];
                    String first = b.r(b.sys().read(c, buf, 8));
                    return first + ", " + b.r(b.sys().read(c, buf, 8));
                }),
                new Scenario("I3", "UNIX dgram", "listen", b -> b.r(b.sys().listen(b.unix(DGRAM), 5))));
    }

    /** Makes /tmp (mode 1777) once; returns "/tmp". */
    static String tmp(Bench b) {
        b.sys().mkdir("/tmp", 01777);
        b.sys().chmod("/tmp", 01777);
        return "/tmp";
    }

    /** A UNIX socket of {@code type} bound at {@code path} and listening (stream/seqpacket); its descriptor. */
    static int listener(Bench b, AbiConstant type, String path, int backlog) {
        tmp(b);
        int s = b.unix(type);
        b.bind(s, b.un(path));
        b.sys().listen(s, backlog);
        return s;
    }

    /** Non-blocking (or blocking) connects to /tmp/s until one fails; that result, or "0 x 300". */
    static String untilFailure(Bench b, boolean nonBlocking) {
        for (int i = 0; i < 300; i++) {
            int c = b.unix(STREAM);
            if (nonBlocking) {
                b.nonBlocking(c);
            }
            int r = b.connect(c, b.un("/tmp/s"));
            if (r < 0) {
                return b.r(r);
            }
        }
        return "0 x 300";
    }

    /** BSD: sa_len must stay the buffer's length after the family byte was rewritten. */
    static void fixLength(Bench b, byte[] a) {
        if (b.sys().abi().sockaddr().hasLengthByte()) {
            a[0] = (byte) a.length;
        }
    }

    /** A sockaddr_un whose path has {@code n} bytes (under /tmp), its length exactly the header plus the path. */
    static byte[] longPath(Bench b, int n) {
        byte[] head = b.un("/tmp/x");
        int off = b.sys().abi().sockaddr().hasLengthByte() ? 2 : 2;
        byte[] a = new byte[off + n];
        System.arraycopy(head, 0, a, 0, off);
        String p = "/tmp/" + "x".repeat(Math.max(0, n - 5));
        for (int i = 0; i < n; i++) {
            a[off + i] = (byte) p.charAt(i);
        }
        fixLength(b, a);
        return a;
    }
}
