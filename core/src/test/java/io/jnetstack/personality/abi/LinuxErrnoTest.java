package io.jnetstack.personality.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Linux errno numbers and glibc strerror texts against what the development machine reported. */
class LinuxErrnoTest {

    /**
     * Measured on the development machine (Debian 12, glibc 2.36, x86-64) with
     * {@code python3 -c 'import errno, os; n = errno.ECONNREFUSED; print("ECONNREFUSED", n, os.strerror(n))'} for each
     * name: "NAME number text".
     */
    private static final List<String> MEASURED = List.of(
            "EPERM 1 Operation not permitted",
            "ENOENT 2 No such file or directory",
            "EINTR 4 Interrupted system call",
            "EIO 5 Input/output error",
            "ENXIO 6 No such device or address",
            "EBADF 9 Bad file descriptor",
            "EAGAIN 11 Resource temporarily unavailable",
            "ENOMEM 12 Cannot allocate memory",
            "EACCES 13 Permission denied",
            "EFAULT 14 Bad address",
            "EBUSY 16 Device or resource busy",
            "EEXIST 17 File exists",
            "ENOTDIR 20 Not a directory",
            "EISDIR 21 Is a directory",
            "EINVAL 22 Invalid argument",
            "ENFILE 23 Too many open files in system",
            "EMFILE 24 Too many open files",
            "ENODEV 19 No such device",
            "ENOTTY 25 Inappropriate ioctl for device",
            "ENOSPC 28 No space left on device",
            "ESPIPE 29 Illegal seek",
            "EROFS 30 Read-only file system",
            "EPIPE 32 Broken pipe",
            "EDOM 33 Numerical argument out of domain",
            "EDEADLK 35 Resource deadlock avoided",
            "ENAMETOOLONG 36 File name too long",
            "ENOSYS 38 Function not implemented",
            "ELOOP 40 Too many levels of symbolic links",
            "ENOTEMPTY 39 Directory not empty",
            "ENOSR 63 Out of streams resources",
            "ENODATA 61 No data available",
            "ENONET 64 Machine is not on the network",
            "EPROTO 71 Protocol error",
            "EOVERFLOW 75 Value too large for defined data type",
            "ECANCELED 125 Operation canceled",
            "ENOTSOCK 88 Socket operation on non-socket",
            "EDESTADDRREQ 89 Destination address required",
            "EMSGSIZE 90 Message too long",
            "EPROTOTYPE 91 Protocol wrong type for socket",
            "ENOPROTOOPT 92 Protocol not available",
            "EPROTONOSUPPORT 93 Protocol not supported",
            "ESOCKTNOSUPPORT 94 Socket type not supported",
            "EOPNOTSUPP 95 Operation not supported",
            "ENOTSUP 95 Operation not supported",
            "EPFNOSUPPORT 96 Protocol family not supported",
            "EAFNOSUPPORT 97 Address family not supported by protocol",
            "EADDRINUSE 98 Address already in use",
            "EADDRNOTAVAIL 99 Cannot assign requested address",
            "ENETDOWN 100 Network is down",
            "ENETUNREACH 101 Network is unreachable",
            "ENETRESET 102 Network dropped connection on reset",
            "ECONNABORTED 103 Software caused connection abort",
            "ECONNRESET 104 Connection reset by peer",
            "ENOBUFS 105 No buffer space available",
            "EISCONN 106 Transport endpoint is already connected",
            "ENOTCONN 107 Transport endpoint is not connected",
            "ESHUTDOWN 108 Cannot send after transport endpoint shutdown",
            "ETOOMANYREFS 109 Too many references: cannot splice",
            "ETIMEDOUT 110 Connection timed out",
            "ECONNREFUSED 111 Connection refused",
            "EHOSTDOWN 112 Host is down",
            "EHOSTUNREACH 113 No route to host",
            "EALREADY 114 Operation already in progress",
            "EINPROGRESS 115 Operation now in progress");

    private final ErrnoTable linux = Abi.linux().errnos();

    @Test
    void everyMeasuredNumberAndText_isWhatTheTableHolds() {
        for (String row : MEASURED) {
            String[] f = row.split(" ", 3);
            Errno e = Errno.valueOf(f[0]);
            assertThat(linux.number(e)).as(row).hasValue(Integer.parseInt(f[1]));
            assertThat(linux.strerror(e)).as(row).hasValue(f[2]);
        }
    }

    @Test
    void everyErrnoButEcapmode_wasMeasured_soNoLinuxValueIsUnchecked() {
        List<String> measured = MEASURED.stream().map(r -> r.split(" ")[0]).toList();
        for (Errno e : linux.defined()) {
            assertThat(measured).as(e.name()).contains(e.name());
        }
        assertThat(linux.defines(Errno.ECAPMODE)).isFalse();
    }

    @Test
    void unknownNumbers_printAsGlibcDoes() {
        // python3 -c 'import os; print(os.strerror(200))' -> Unknown error 200
        assertThat(linux.strerror(200)).isEqualTo("Unknown error 200");
        assertThat(linux.strerror(111)).isEqualTo("Connection refused");
    }

    @Test
    void everyNumberAndText_matchesPython3OnThisMachine_whenPython3IsInstalled() throws Exception {
        Path python = ConstantTableTest.onPath("python3");
        assumeTrue(python != null, "python3 is not on the PATH: only the literal values above are checked");
        StringBuilder script = new StringBuilder("import errno, os\n");
        for (Errno e : linux.defined()) {
            script.append("n = errno.").append(e.name()).append("; print('").append(e.name())
                    .append("', n, os.strerror(n))\n");
        }
        Process p = new ProcessBuilder(python.toString(), "-c", script.toString()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "python3 failed: " + lines);
        List<String> expected = linux.defined().stream().map(e -> e.name() + " " + linux.number(e).orElseThrow()
                + " " + linux.strerror(e).orElseThrow()).toList();
        assertThat(lines).isEqualTo(expected);
    }
}
