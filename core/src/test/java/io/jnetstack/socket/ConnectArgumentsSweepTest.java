package io.jnetstack.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Random arguments: {@link ConnectArguments#check} never throws and only returns errnos that the OS's connect(2) page
 * lists or the connect catalogue shows for that OS.
 */
public class ConnectArgumentsSweepTest {
    private static final long SEED = 0x5eed_c0_4eL;
    private static final int CALLS = 100_000;
    private static final int[] EDGES = {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1, 2, 128, 129, 255, 256};

    /**
     * The errno names in /work/shared/seeds/connect.2.&lt;os&gt;.txt ({@code grep -oE '\bE[A-Z]{2,}\b' | sort -u},
     * minus the headings ERRORS and EXAMPLES). The Linux page is an old copy that names only a few.
     */
    public static final Map<String, String> PAGE = Map.of(
            "linux", "EADDRNOTAVAIL EALREADY EINTR EINVAL ENOSR EPROTOTYPE",
            "freebsd", "EACCES EADDRINUSE EADDRNOTAVAIL EAFNOSUPPORT EAGAIN EALREADY EBADF ECONNREFUSED ECONNRESET"
                    + " EFAULT EHOSTUNREACH EINPROGRESS EINTR EINVAL EISCONN ELOOP ENAMETOOLONG ENETUNREACH ENOENT"
                    + " ENOTDIR ENOTSOCK EPERM ETIMEDOUT",
            "openbsd", "EACCES EADDRINUSE EADDRNOTAVAIL EAFNOSUPPORT EALREADY EBADF ECONNREFUSED EFAULT EHOSTUNREACH"
                    + " EINPROGRESS EINTR EINVAL EISCONN ELOOP ENAMETOOLONG ENETUNREACH ENOENT ENOTDIR ENOTSOCK EPERM"
                    + " EPROTOTYPE ETIMEDOUT",
            "macos", "EACCES EADDRINUSE EADDRNOTAVAIL EAFNOSUPPORT EALREADY EBADF ECONNREFUSED EFAULT EHOSTUNREACH"
                    + " EINPROGRESS EINTR EINVAL EIO EISCONN ELOOP ENAMETOOLONG ENETDOWN ENETUNREACH ENOBUFS ENOENT"
                    + " ENOTDIR ENOTSOCK EOPNOTSUPP EPROTOTYPE ETIMEDOUT");

    /**
     * Errnos the connect catalogue shows for the OS that its page does not name: Linux EBADF (A1), ENOTSOCK (A2),
     * EFAULT (A4, A5), EAFNOSUPPORT (B1), EISCONN (B4's BSD peers; I1 for Linux); FreeBSD and OpenBSD EOPNOTSUPP (I1).
     */
    static final Map<String, String> CATALOGUE = Map.of(
            "linux", "EBADF ENOTSOCK EFAULT EAFNOSUPPORT EISCONN",
            "freebsd", "EOPNOTSUPP",
            "openbsd", "EOPNOTSUPP",
            "macos", "");

    @Test
    void randomArguments_neverThrow_andGiveOnlyListedErrnos() {
        for (Personality p : Personality.all()) {
            TreeSet<String> allowed = allowed(p.name());
            SplittableRandom rnd = new SplittableRandom(SEED);
            int proceeded = 0;
            for (int i = 0; i < CALLS; i++) {
                int namelen = namelen(rnd);
                int off = rnd.nextInt(-1, 5);
                byte[] addr = rnd.nextInt(10) == 0 ? null
                        : bytes(rnd, p, rnd.nextBoolean() ? rnd.nextInt(300) : Math.max(off, 0) + namelen, off);
                int available = switch (rnd.nextInt(4)) {
                    case 0 -> rnd.nextInt();
                    case 1 -> rnd.nextInt(-2, 300);
                    default -> namelen + rnd.nextInt(3);
                };
                SocketSummary s = summary(rnd);
                ConnectCheck got;
                try {
                    got = ConnectArguments.check(p, s, addr, off, available, namelen);
                } catch (RuntimeException e) {
                    throw new AssertionError(p.name() + " seed " + SEED + " call " + i + " threw", e);
                }
                String what = p.name() + " seed " + SEED + " call " + i + " " + s + " namelen " + namelen;
                switch (got) {
                    case ConnectCheck.Fail f -> assertThat(allowed).as(what).contains(f.errno().name());
                    case ConnectCheck.Proceed ok -> {
                        assertThat(ok.address()).as(what).isNotNull();
                        proceeded++;
                    }
                    case ConnectCheck.Disconnect d -> assertThat(p.name()).as(what).isEqualTo("linux");
                    case ConnectCheck.AwaitPending w -> assertThat(p.name()).as(what).isEqualTo("linux");
                }
            }
            assertThat(proceeded).as(p.name() + " seed " + SEED + ": calls that proceed").isGreaterThan(100);
        }
    }

    @Test
    void embeddedPageLists_matchTheSeedPages_whenPresent() throws IOException {
        Path dir = Path.of("/work/shared/seeds");
        Assumptions.assumeTrue(Files.isDirectory(dir), "no seed pages on this machine");
        for (String os : PAGE.keySet()) {
            String text = Files.readString(dir.resolve("connect.2." + os + ".txt"));
            TreeSet<String> names = new TreeSet<>();
            Matcher m = Pattern.compile("\\bE[A-Z]{2,}\\b").matcher(text);
            while (m.find()) {
                names.add(m.group());
            }
            names.remove("ERRORS");
            names.remove("EXAMPLES");
            assertThat(names).as(os).containsExactlyElementsOf(new TreeSet<>(words(PAGE.get(os))));
        }
    }

    @Test
    void allowedNames_areAllErrnos() {
        for (String os : PAGE.keySet()) {
            for (String name : allowed(os)) {
                try {
                    Errno.valueOf(name);
                } catch (IllegalArgumentException e) {
                    fail(os + ": " + name + " is not an Errno");
                }
            }
        }
    }

    private static TreeSet<String> allowed(String os) {
        TreeSet<String> set = new TreeSet<>(words(PAGE.get(os)));
        set.addAll(words(CATALOGUE.get(os)));
        return set;
    }

    private static java.util.List<String> words(String s) {
        return s.isBlank() ? java.util.List.of() : java.util.List.of(s.trim().split(" +"));
    }

    private static int namelen(SplittableRandom rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> rnd.nextInt();
            case 1 -> EDGES[rnd.nextInt(EDGES.length)];
            case 2 -> new int[] {16, 24, 28, 110, 106, 8, 20}[rnd.nextInt(7)];
            default -> rnd.nextInt(-3, 300);
        };
    }

    private static byte[] bytes(SplittableRandom rnd, Personality p, int length, int off) {
        byte[] b = new byte[Math.clamp(length, 0, 300)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(256));
        }
        if (b.length >= off + 2 && off >= 0 && rnd.nextInt(4) != 0) {
            int[] families = {0, 1, 2, p.abi().constants().value(
                    io.jnetstack.personality.abi.AbiConstant.AF_INET6).orElseThrow(), 47};
            int family = families[rnd.nextInt(families.length)];
            int at = off;
            if (p.abi().sockaddr().hasLengthByte()) {
                b[at + 1] = (byte) family;
            } else {
                b[at] = (byte) family;
                b[at + 1] = 0;
            }
        }
        return b;
    }

    private static SocketSummary summary(SplittableRandom rnd) {
        SocketSummary.Domain[] domains = SocketSummary.Domain.values();
        SocketSummary.Type[] types = SocketSummary.Type.values();
        SocketSummary.State[] states = SocketSummary.State.values();
        return new SocketSummary(rnd.nextInt(10) != 0, rnd.nextInt(10) != 0, domains[rnd.nextInt(domains.length)],
                types[rnd.nextInt(types.length)], states[rnd.nextInt(states.length)], rnd.nextBoolean(),
                rnd.nextBoolean());
    }
}
