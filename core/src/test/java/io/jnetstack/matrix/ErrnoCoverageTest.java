package io.jnetstack.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.socket.ConnectArgumentsSweepTest;
import io.jnetstack.stack.Prefix;
import io.jnetstack.stack.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every errno a connect(2) page names is produced by some scenario under that page's personality — a catalogue row
 * of the matrix or one of the probes below — unless that kernel cannot produce it (listed with the source that says
 * so); and every errno the scenarios produce under a personality is one its page names or one the catalogue, the
 * kernel source or another call's page shows that kernel returning (listed with the row or source).
 */
class ErrnoCoverageTest {
    private static final List<String> OS = List.of("linux", "freebsd", "openbsd", "macos");

    /** The Linux page's ERRORS sentences (their beginnings) and the errno each one describes, in the page's order. */
    static final Map<String, String> LINUX_SENTENCES = new TreeMap<>(Map.ofEntries(
            Map.entry("The file descriptor is not a valid index", "EBADF"),
            Map.entry("The socket structure address is outside", "EFAULT"),
            Map.entry("The file descriptor is not associated with a socket", "ENOTSOCK"),
            Map.entry("The socket is already connected", "EISCONN"),
            Map.entry("No one listening on the remote address", "ECONNREFUSED"),
            Map.entry("Timeout while attempting connection", "ETIMEDOUT"),
            Map.entry("Network is unreachable", "ENETUNREACH"),
            Map.entry("Local address is already in use", "EADDRINUSE"),
            Map.entry("The socket is non-blocking and the connection cannot be completed", "EINPROGRESS"),
            Map.entry("The socket is non-blocking and a previous connection attempt", "EALREADY"),
            Map.entry("No more free local ports", "EAGAIN"),
            Map.entry("The passed address didn't have the correct address family", "EAFNOSUPPORT"),
            Map.entry("The user tried to connect to a broadcast address", "EACCES EPERM")));

    /**
     * The errno names each page names: the tags of the page ({@link ConnectArgumentsSweepTest#PAGE}, checked there
     * against the seed files); the Linux page is an old copy whose ERRORS list lost its tags, so its sentences are
     * mapped in {@link #LINUX_SENTENCES} and added.
     */
    static final Map<String, String> PAGE = pages();

    private static Map<String, String> pages() {
        Map<String, String> m = new TreeMap<>(ConnectArgumentsSweepTest.PAGE);
        m.put("linux", m.get("linux") + " " + String.join(" ", LINUX_SENTENCES.values()));
        return m;
    }

    /** Named by a page, but that kernel's connect cannot return it — with the source that says so. */
    static final Map<String, Map<String, String>> CANNOT = Map.of(
            "linux", pairs(
                    "EADDRINUSE", "net/ipv4/inet_hashtables.c __inet_hash_connect/__inet_check_established give "
                            + "EADDRNOTAVAIL for a taken four-tuple; inet_bhash2_update_saddr only ENOMEM; af_unix "
                            + "unix_autobind ENOSPC: no connect path returns EADDRINUSE (catalogue E4)",
                    "ENOSR", "named only as an SVr4 code in CONFORMING TO; Linux has no STREAMS"),
            "freebsd", pairs(
                    "EAGAIN", "netinet/in_pcb.c in_pcb_lport_dest returns EADDRNOTAVAIL on exhaustion (catalogue E2: "
                            + "the page says EAGAIN, the code does not)",
                    "ECONNRESET", "tcp_input.c: a RST in SYN-SENT/SYN-RECEIVED is ECONNREFUSED; ECONNRESET reaches "
                            + "kern_connectat only if the connection is established and reset before the woken "
                            + "thread reads so_error — a race the deterministic simulator does not schedule",
                    "EPERM", "uipc_usrreq.c unp_connectat: VOP_ACCESS(VWRITE) fails with EACCES (catalogue H5), not "
                            + "the page's EPERM"));

    /**
     * Errnos the scenarios produce under an OS whose connect page does not name them, and why that kernel returns
     * them (catalogue row, or the call's own page for calls other than connect).
     */
    static final Map<String, Map<String, String>> BEYOND_PAGE = Map.of(
            "linux", pairs("ENOSYS", "I10 cap_enter(2), I11 pledge(2) do not exist on this system",
                    "EPROTO", "D6 (tcp_v4_err: ICMP parameter problem)",
                    "ECONNABORTED", "C9 (__inet_stream_connect sock_error default)",
                    "EHOSTUNREACH", "D2, D4, D5 (icmp_err_convert)", "ENOENT", "H1 (unix_find_bsd)",
                    "ENOTDIR", "H2", "EOPNOTSUPP", "I2, I3 listen(2)", "ECONNRESET", "H27, D13 read(2)",
                    "ENOTCONN", "G2 getpeername(2)", "ENOPROTOOPT", "C25 setsockopt(2)",
                    "EIO", "probe P-EIO (kern_path in unix_find_bsd passes the file system's error)",
                    "ELOOP", "probe P-ELOOP (kern_path)", "ENAMETOOLONG", "probe P-ENAMETOOLONG (kern_path)",
                    "ENOBUFS", "probe P-ENOBUFS (tcp_connect: tcp_stream_alloc_skb fails)"),
            "freebsd", pairs("ENOSYS", "I11 pledge(2) does not exist on this system", "ECAPMODE", "I10 (sys_connect: IN_CAPABILITY_MODE after the copy-in)",
                    "EOPNOTSUPP", "I1, H16 (tcp_usr_connect, soconnectat)", "ENOTCONN", "G2 getpeername(2)",
                    "ENOPROTOOPT", "C25 setsockopt(2)", "EPROTOTYPE", "H8 (unp_connectat)",
                    "ENETDOWN", "probe (ip_output via tcp_output in SYN_SENT)", "ENOBUFS", "probe",
                    "EIO", "probe P-EIO (namei passes the file system's error)"),
            "openbsd", pairs("ENOSYS", "I10 cap_enter(2) does not exist; I11 pledge_fail under \"error\"",
                    "EOPNOTSUPP", "I1, H16 (soconnect)", "ENOTCONN", "G2 getpeername(2)",
                    "ENOPROTOOPT", "C25 setsockopt(2)", "ECONNRESET", "D13 read(2)", "EAGAIN", "G11 recv(2)",
                    "ENETDOWN", "probe (ip_output via tcp_output in SYN_SENT)", "ENOBUFS", "probe",
                    "EIO", "probe P-EIO (namei passes the file system's error)"),
            "macos", pairs("ENOSYS", "I10 cap_enter(2), I11 pledge(2) do not exist on this system",
                    "ENOTCONN", "G2 getpeername(2)", "ENOPROTOOPT", "C25 setsockopt(2)",
                    "ECONNRESET", "D13 read(2)", "EAGAIN", "G11 recv(2)",
                    "EPROTONOSUPPORT", "H10 socket(2): no AF_UNIX SOCK_SEQPACKET"));

    /** Probes for errnos no catalogue row produces: each runs under every OS and reports the connect's result. */
    static final List<Scenario> PROBES = List.of(
            new Scenario("P-ELOOP", "symbolic links /tmp/l1 → /tmp/l2 → /tmp/l1", "AF_UNIX connect /tmp/l1", b -> {
                UnixRows.tmp(b);
                b.sys().symlink("/tmp/l2", "/tmp/l1");
                b.sys().symlink("/tmp/l1", "/tmp/l2");
                return b.r(b.connect(b.unix(AbiConstant.SOCK_STREAM), b.un("/tmp/l1")));
            }),
            new Scenario("P-EIO", "listener at /tmp/s on a failing disk", "AF_UNIX connect /tmp/s", b -> {
                UnixRows.listener(b, AbiConstant.SOCK_STREAM, "/tmp/s", 5);
                b.client.kernel().vfs().injectError("/tmp/s", Errno.EIO);
                return b.r(b.connect(b.unix(AbiConstant.SOCK_STREAM), b.un("/tmp/s")));
            }),
            new Scenario("P-ENAMETOOLONG", "/tmp/ln → a path with a 300-byte component", "AF_UNIX connect /tmp/ln",
                    b -> {
                        UnixRows.tmp(b);
                        b.sys().symlink("/tmp/" + "x".repeat(300), "/tmp/ln");
                        return b.r(b.connect(b.unix(AbiConstant.SOCK_STREAM), b.un("/tmp/ln")));
                    }),
            new Scenario("P-ENETDOWN", "the client's interface is down", "TCP connect 10.0.0.2:80", b -> {
                b.client.stack().iface(1).setUp(false);
                return b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 80)));
            }),
            new Scenario("P-ENOBUFS", "no kernel memory left for a connection", "TCP connect 10.0.0.2:80", b -> {
                b.client.kernel().setConnectionMemoryLimit(0);
                return b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 80)));
            }),
            new Scenario("P-EFAULT", "TCP socket", "connect with a 4-byte buffer and len 16",
                    b -> b.r(b.sys().connect(b.tcp(), new byte[4], 16))),
            new Scenario("P-MD5", "setsockopt TCP_MD5SIG 1, no security association", "TCP connect", b -> {
                int fd = b.tcp();
                int k = b.k(AbiConstant.TCP_MD5SIG);
                if (k < 0) {
                    return "n/a (no TCP_MD5SIG)";
                }
                String s = b.r(b.setInt(fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_MD5SIG, 1));
                return "setsockopt " + s + ", " + b.r(b.connect(fd, b.in(Bench.SERVER, 80)));
            }),
            new Scenario("P-REJECT", "an unreachable reject route for 192.0.2.0/24", "TCP connect 192.0.2.1", b -> {
                b.client.stack().addRoute(new Route(Prefix.of("192.0.2.0/24"), null, 0, Route.Kind.UNREACHABLE));
                return b.r(b.connect(b.tcp(), b.in("192.0.2.1", 80)));
            }),
            new Scenario("P-FIREWALL", "a local firewall rule refusing 10.0.0.2", "TCP connect; UDP sendto", b -> {
                b.client.kernel().blockOutgoing(Prefix.of("10.0.0.2/32"));
                String tcp = b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 80)));
                return tcp + ", " + b.r(b.sendTo(b.udp(), b.in(Bench.SERVER, 7000)));
            }),
            new Scenario("P-PROHIBIT", "a prohibit route (a firewall) for 192.0.2.0/24", "TCP connect 192.0.2.1", b -> {
                b.client.stack().addRoute(new Route(Prefix.of("192.0.2.0/24"), null, 0, Route.Kind.PROHIBIT));
                return b.r(b.connect(b.tcp(), b.in("192.0.2.1", 80)));
            }));

    @Test
    void everyErrnoAPageNames_isProducedUnderThatOs_unlessTheKernelCannot() {
        Map<String, TreeSet<String>> produced = produced();
        for (String os : OS) {
            TreeSet<String> missing = new TreeSet<>(words(PAGE.get(os)));
            missing.removeAll(produced.get(os));
            missing.removeAll(CANNOT.getOrDefault(os, Map.of()).keySet());
            assertThat(missing).as("%s: errnos its page names that no scenario produces", os).isEmpty();
            TreeSet<String> wrongly = new TreeSet<>(byConnect(os));
            wrongly.retainAll(CANNOT.getOrDefault(os, Map.of()).keySet());
            assertThat(wrongly).as("%s: produced although the kernel cannot", os).isEmpty();
        }
    }

    @Test
    void everyErrnoProduced_isOneThatKernelReturns() {
        Map<String, TreeSet<String>> produced = produced();
        for (String os : OS) {
            TreeSet<String> extra = new TreeSet<>(produced.get(os));
            extra.removeAll(words(PAGE.get(os)));
            extra.removeAll(BEYOND_PAGE.get(os).keySet());
            extra.removeAll(catalogueColumn(os));
            assertThat(extra).as("%s: produced errnos that neither its page, the catalogue nor a listed source "
                    + "shows that kernel returning", os).isEmpty();
        }
    }

    @Test
    void theLinuxPageSentences_areInTheSeedPage_whenPresent() throws IOException {
        Path page = Path.of("/work/shared/seeds/connect.2.linux.txt");
        Assumptions.assumeTrue(Files.isRegularFile(page), "no seed pages on this machine");
        String text = Files.readString(page);
        for (String sentence : LINUX_SENTENCES.keySet()) {
            assertThat(text).as("linux page sentence").contains(sentence);
        }
    }

    /** The errnos of the scenarios whose one call is connect(2), under {@code os}. */
    static TreeSet<String> byConnect(String os) {
        TreeSet<String> s = new TreeSet<>();
        for (Scenario sc : Matrix.scenarios()) {
            if (sc.call().startsWith("connect") && !sc.call().contains(";") && !sc.call().contains(",")) {
                s.addAll(tokens(CatalogueRowsTest.EXPECTED.get(sc.id())[OS.indexOf(os)]));
            }
        }
        return s;
    }

    /** The errnos of every matrix cell and every probe, per OS. */
    static Map<String, TreeSet<String>> produced() {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (String os : OS) {
            TreeSet<String> s = new TreeSet<>();
            for (Scenario sc : Matrix.scenarios()) {
                s.addAll(tokens(CatalogueRowsTest.EXPECTED.get(sc.id())[OS.indexOf(os)]));
            }
            for (Scenario p : PROBES) {
                s.addAll(tokens(Matrix.run(p, Personality.named(os), null)));
            }
            out.put(os, s);
        }
        return out;
    }

    /** The errnos in the catalogue's column for {@code os} (embedded: the tokens of ../shared/connect-catalogue.md). */
    static TreeSet<String> catalogueColumn(String os) {
        return new TreeSet<>(words(switch (os) {
            case "linux" -> "EINVAL ENETUNREACH EHOSTUNREACH EPROTO EOPNOTSUPP EAGAIN EPERM ECONNABORTED ENOENT "
                    + "ENOTDIR EACCES EPROTOTYPE";
            case "freebsd" -> "ENAMETOOLONG EOPNOTSUPP EADDRINUSE ENOPROTOOPT EPROTOTYPE ENETUNREACH";
            case "openbsd" -> "EOPNOTSUPP EADDRNOTAVAIL EINVAL EADDRINUSE";
            default -> "ENAMETOOLONG ENETUNREACH EOPNOTSUPP EPERM";
        }));
    }

    static Map<String, String> pairs(String... kv) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static TreeSet<String> tokens(String text) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\bE[A-Z]{2,}\\b").matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }
}
