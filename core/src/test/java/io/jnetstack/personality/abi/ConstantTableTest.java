package io.jnetstack.personality.abi;

import static io.jnetstack.personality.abi.AbiConstant.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Constant tables: Linux against the machine, the BSDs against values read in their headers, lookups both ways. */
class ConstantTableTest {

    /**
     * Measured on the development machine: a C program including sys/socket.h, netinet/in.h, netinet/tcp.h, fcntl.h,
     * poll.h, sys/ioctl.h, compiled with gcc (glibc 2.36 headers) and printing {@code printf("%s %ld", #X, (long) X)}
     * for each name (IPV6_FLOWINFO_SEND from linux/in6.h, which glibc's netinet/in.h does not carry). Every constant
     * Linux defines is in this list; the rest are absent on Linux.
     */
    private static final List<String> LINUX_MEASURED = List.of(
            "AF_UNSPEC 0", "AF_UNIX 1", "AF_INET 2", "AF_INET6 10", "SOCK_STREAM 1", "SOCK_DGRAM 2", "SOCK_RAW 3",
            "SOCK_SEQPACKET 5", "SOCK_NONBLOCK 2048", "SOCK_CLOEXEC 524288", "SOL_SOCKET 1", "IPPROTO_IP 0",
            "IPPROTO_ICMP 1", "IPPROTO_TCP 6", "IPPROTO_UDP 17", "IPPROTO_IPV6 41", "IPPROTO_ICMPV6 58",
            "SO_DEBUG 1", "SO_PASSCRED 16", "SO_BINDTODEVICE 25", "SO_ACCEPTCONN 30", "SO_REUSEADDR 2",
            "SO_KEEPALIVE 9",
            "SO_DONTROUTE 5", "SO_BROADCAST 6",
            "SO_LINGER 13", "SO_OOBINLINE 10", "SO_REUSEPORT 15", "SO_SNDBUF 7", "SO_RCVBUF 8", "SO_SNDLOWAT 19",
            "SO_RCVLOWAT 18", "SO_SNDTIMEO 21", "SO_RCVTIMEO 20", "SO_ERROR 4", "SO_TYPE 3", "TCP_NODELAY 1",
            "TCP_MAXSEG 2", "TCP_KEEPIDLE 4", "TCP_KEEPINTVL 5", "TCP_KEEPCNT 6", "TCP_MD5SIG 14",
            "TCP_FASTOPEN_CONNECT 30",
            "TCP_CONGESTION 13", "IP_TTL 2", "IP_BIND_ADDRESS_NO_PORT 24", "IPV6_UNICAST_HOPS 16", "IPV6_V6ONLY 26",
            "IPV6_FLOWINFO_SEND 33", "O_NONBLOCK 2048",
            "O_CLOEXEC 524288", "F_GETFD 1", "F_SETFD 2", "F_GETFL 3", "F_SETFL 4", "FD_CLOEXEC 1", "FIONBIO 21537",
            "FIONREAD 21531", "MSG_OOB 1", "MSG_PEEK 2", "MSG_DONTROUTE 4", "MSG_EOR 128", "MSG_TRUNC 32",
            "MSG_CTRUNC 8", "MSG_WAITALL 256", "MSG_DONTWAIT 64", "MSG_NOSIGNAL 16384", "POLLIN 1", "POLLPRI 2",
            "POLLOUT 4", "POLLERR 8", "POLLHUP 16", "POLLNVAL 32", "POLLRDNORM 64", "POLLRDBAND 128",
            "POLLWRNORM 256", "POLLWRBAND 512", "POLLRDHUP 8192", "SHUT_RD 0", "SHUT_WR 1", "SHUT_RDWR 2",
            "SOMAXCONN 4096");

    @Test
    void linuxValues_areTheMeasuredOnes_andLinuxDefinesNothingElse() {
        ConstantTable linux = Abi.linux().constants();
        List<AbiConstant> measured = new ArrayList<>();
        for (String row : LINUX_MEASURED) {
            String[] f = row.split(" ");
            AbiConstant c = AbiConstant.valueOf(f[0]);
            measured.add(c);
            assertThat(linux.value(c)).as(row).hasValue(Integer.parseInt(f[1]));
        }
        assertThat(linux.defined()).containsExactlyInAnyOrderElementsOf(measured);
    }

    @Test
    void linuxValues_matchPython3OnThisMachine_whenPython3IsInstalled() throws Exception {
        Path python = onPath("python3");
        assumeTrue(python != null, "python3 is not on the PATH: only the literal values above are checked");
        ConstantTable linux = Abi.linux().constants();
        StringBuilder script = new StringBuilder("import socket, os, fcntl, termios, select\n");
        for (AbiConstant c : linux.defined()) {
            script.append("print('").append(c).append("', next((int(getattr(m, '").append(c)
                    .append("')) for m in (socket, os, fcntl, termios, select) if hasattr(m, '").append(c)
                    .append("')), 'MISSING'))\n");
        }
        Process p = new ProcessBuilder(python.toString(), "-c", script.toString()).redirectErrorStream(true).start();
        Map<String, String> reported = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(" ");
                reported.put(f[0], f.length > 1 ? f[1] : "");
            }
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "python3 failed: " + reported);
        int compared = 0;
        for (AbiConstant c : linux.defined()) {
            String v = reported.get(c.name());
            if (v != null && !v.equals("MISSING")) {
                assertThat(Integer.parseInt(v)).as(c.name()).isEqualTo(linux.value(c).orElseThrow());
                compared++;
            }
        }
        assertThat(compared).as("python3 exposes most Linux constants").isGreaterThan(60);
    }

    @Test
    void familiesAndCreationFlags_differAsTheHeadersSay() {
        assertThat(Abi.all().stream().map(a -> a.constants().value(AF_INET6).orElseThrow()).toList())
                .containsExactly(10, 28, 24, 30);
        assertThat(Abi.freebsd().constants().value(SOCK_NONBLOCK)).hasValue(0x20000000);
        assertThat(Abi.freebsd().constants().value(SOCK_CLOEXEC)).hasValue(0x10000000);
        assertThat(Abi.openbsd().constants().value(SOCK_NONBLOCK)).hasValue(0x4000);
        assertThat(Abi.openbsd().constants().value(SOCK_CLOEXEC)).hasValue(0x8000);
        assertThat(Abi.macos().constants().value(SOCK_NONBLOCK)).isEmpty();
        assertThat(Abi.macos().constants().value(SOCK_CLOEXEC)).isEmpty();
        for (Abi bsd : Abi.all().subList(1, 4)) {
            ConstantTable t = bsd.constants();
            assertThat(t.value(SOL_SOCKET)).as(bsd.name()).hasValue(0xffff);
            assertThat(t.value(O_NONBLOCK)).as(bsd.name()).hasValue(0x0004);
            assertThat(t.value(FIONBIO)).as(bsd.name()).hasValue(0x8004667e);
            assertThat(t.value(FIONREAD)).as(bsd.name()).hasValue(0x4004667f);
            assertThat(t.value(SO_ERROR)).as(bsd.name()).hasValue(0x1007);
            assertThat(t.value(IPV6_V6ONLY)).as(bsd.name()).hasValue(27);
            assertThat(t.value(SOMAXCONN)).as(bsd.name()).hasValue(128);
        }
    }

    @Test
    void optionsOnlySomeSystemsHave_areAbsentElsewhere() {
        assertThat(Abi.linux().constants().value(MSG_NOSIGNAL)).hasValue(0x4000);
        assertThat(Abi.freebsd().constants().value(MSG_NOSIGNAL)).hasValue(0x20000);
        assertThat(Abi.openbsd().constants().value(MSG_NOSIGNAL)).hasValue(0x400);
        assertThat(Abi.macos().constants().value(MSG_NOSIGNAL)).hasValue(0x80000);
        assertThat(Abi.linux().constants().value(TCP_CONGESTION)).hasValue(13);
        assertThat(Abi.freebsd().constants().value(TCP_CONGESTION)).hasValue(64);
        assertThat(Abi.openbsd().constants().defines(TCP_CONGESTION)).isFalse();
        assertThat(Abi.macos().constants().defines(TCP_CONGESTION)).isFalse();
        assertThat(Abi.macos().constants().defines(TCP_KEEPIDLE)).isFalse();
        assertThat(Abi.macos().constants().value(TCP_KEEPALIVE)).hasValue(0x10);
        assertThat(Abi.openbsd().constants().defines(TCP_KEEPIDLE)).isFalse();
        assertThat(Abi.linux().constants().defines(SO_NOSIGPIPE)).isFalse();
        assertThat(Abi.openbsd().constants().defines(SO_NOSIGPIPE)).isFalse();
        assertThat(Abi.macos().constants().value(SO_NOSIGPIPE)).hasValue(0x1022);
        assertThat(Abi.linux().constants().value(POLLRDHUP)).hasValue(0x2000);
        assertThat(Abi.openbsd().constants().defines(POLLRDHUP)).isFalse();
        assertThat(Abi.macos().constants().defines(POLLRDHUP)).isFalse();
        assertThat(Abi.linux().constants().defines(SOCK_MAXADDRLEN)).isFalse();
    }

    @Test
    void valuesAreUniqueWithinEachKind_exceptPollwrnormOnTheBsds() {
        for (Abi abi : Abi.all()) {
            ConstantTable t = abi.constants();
            Map<String, AbiConstant> seen = new TreeMap<>();
            for (AbiConstant c : t.defined()) {
                if (t.aliasOf(c).isPresent()) {
                    assertThat(c).as(abi.name()).isEqualTo(POLLWRNORM);
                    assertThat(t.value(c)).isEqualTo(t.value(POLLOUT));
                    continue;
                }
                AbiConstant before = seen.put(c.kind() + "=" + t.value(c).orElseThrow(), c);
                assertThat(before).as(abi.name() + ": " + c + " and " + before).isNull();
                assertThat(t.lookup(c.kind(), t.value(c).orElseThrow())).as(abi.name() + " " + c).hasValue(c);
            }
        }
    }

    @Test
    void flagWords_decodeIntoNamedFlagsAndLeftoverBits_andEncodeBack() {
        ConstantTable linux = Abi.linux().constants();
        ConstantTable.Flags f = linux.decodeFlags(AbiConstant.Kind.MESSAGE_FLAG, 0x4000 | 0x40 | 0x1 | 0x10000000);
        assertThat(f.known()).containsExactlyInAnyOrder(MSG_NOSIGNAL, MSG_DONTWAIT, MSG_OOB);
        assertThat(f.unknownBits()).isEqualTo(0x10000000);
        assertThat(linux.encodeFlags(EnumSet.of(MSG_NOSIGNAL, MSG_DONTWAIT, MSG_OOB))).isEqualTo(0x4041);
        ConstantTable freebsd = Abi.freebsd().constants();
        assertThat(freebsd.decodeFlags(AbiConstant.Kind.SOCKET_FLAG, 0x30000000).known())
                .containsExactlyInAnyOrder(SOCK_NONBLOCK, SOCK_CLOEXEC);
        assertThat(Abi.macos().constants().decodeFlags(AbiConstant.Kind.POLL_EVENT, 0x4).known())
                .containsExactly(POLLOUT);
        assertThatThrownBy(() -> Abi.macos().constants().encodeFlags(EnumSet.of(SOCK_NONBLOCK)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> linux.decodeFlags(AbiConstant.Kind.SOCKET_OPTION, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void socketOptionNamesResolvePerLevel_soTheSameNumberMeansDifferentOptions() {
        ConstantTable linux = Abi.linux().constants();
        assertThat(linux.lookup(AbiConstant.Kind.SOCKET_OPTION, 2)).hasValue(SO_REUSEADDR);
        assertThat(linux.lookup(AbiConstant.Kind.TCP_OPTION, 2)).hasValue(TCP_MAXSEG);
        assertThat(linux.lookup(AbiConstant.Kind.IP_OPTION, 2)).hasValue(IP_TTL);
        assertThat(Abi.freebsd().constants().lookup(AbiConstant.Kind.SOCKET_OPTION, 2)).hasValue(SO_ACCEPTCONN);
        assertThat(linux.lookup(AbiConstant.Kind.SOCKET_OPTION, 12345)).isEmpty();
    }

    static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
