package io.jnetstack.personality.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Errno tables of all four personalities: lookups both ways, aliases, absences and values read in the headers. */
class ErrnoTableTest {

    /** The only symbols allowed to share a number with another, per OS (the headers' #define X Y). */
    private static final Map<String, Set<Errno>> ALIASES = Map.of(
            "linux", EnumSet.of(Errno.ENOTSUP),
            "freebsd", EnumSet.of(Errno.ENOTSUP),
            "openbsd", EnumSet.noneOf(Errno.class),
            "macos", EnumSet.noneOf(Errno.class));

    @Test
    void everyDefinedErrno_roundTripsThroughItsNumber_toItselfOrItsCanonicalAlias() {
        for (Abi abi : Abi.all()) {
            ErrnoTable t = abi.errnos();
            for (Errno e : t.defined()) {
                int n = t.number(e).orElseThrow();
                assertThat(t.errnoOf(n)).as(abi.name() + " " + e).hasValue(t.aliasOf(e).orElse(e));
                assertThat(t.strerror(n)).as(abi.name() + " " + e).isEqualTo(t.strerror(e).orElseThrow());
            }
        }
    }

    @Test
    void noTwoErrnosShareANumber_exceptTheDocumentedAliases() {
        for (Abi abi : Abi.all()) {
            ErrnoTable t = abi.errnos();
            Map<Integer, Errno> seen = new TreeMap<>();
            for (Errno e : t.defined()) {
                if (ALIASES.get(abi.name()).contains(e)) {
                    assertThat(t.aliasOf(e)).as(abi.name() + " " + e).hasValue(Errno.EOPNOTSUPP);
                    continue;
                }
                Errno before = seen.put(t.number(e).orElseThrow(), e);
                assertThat(before).as(abi.name() + ": " + e + " shares a number with " + before).isNull();
            }
        }
    }

    @Test
    void eagainIsEwouldblock_andHasOneNumberPerOs() {
        assertThat(Errno.EWOULDBLOCK).isSameAs(Errno.EAGAIN);
        assertThat(Abi.linux().errnos().number(Errno.EWOULDBLOCK)).hasValue(11);
        assertThat(Abi.freebsd().errnos().number(Errno.EWOULDBLOCK)).hasValue(35);
        assertThat(Abi.openbsd().errnos().number(Errno.EWOULDBLOCK)).hasValue(35);
        assertThat(Abi.macos().errnos().number(Errno.EWOULDBLOCK)).hasValue(35);
    }

    @Test
    void eopnotsuppAndEnotsup_areOneNumberOnLinuxAndFreeBsd_andTwoOnOpenBsdAndMacOs() {
        assertThat(Abi.linux().errnos().number(Errno.ENOTSUP)).hasValue(95);
        assertThat(Abi.linux().errnos().errnoOf(95)).hasValue(Errno.EOPNOTSUPP);
        assertThat(Abi.freebsd().errnos().number(Errno.ENOTSUP)).hasValue(45);
        assertThat(Abi.freebsd().errnos().errnoOf(45)).hasValue(Errno.EOPNOTSUPP);
        ErrnoTable openbsd = Abi.openbsd().errnos();
        assertThat(openbsd.number(Errno.EOPNOTSUPP)).hasValue(45);
        assertThat(openbsd.number(Errno.ENOTSUP)).hasValue(91);
        assertThat(openbsd.strerror(Errno.ENOTSUP)).hasValue("Not supported");
        ErrnoTable macos = Abi.macos().errnos();
        assertThat(macos.number(Errno.EOPNOTSUPP)).hasValue(102);
        assertThat(macos.strerror(Errno.EOPNOTSUPP)).hasValue("Operation not supported on socket");
        assertThat(macos.number(Errno.ENOTSUP)).hasValue(45);
        assertThat(macos.errnoOf(45)).hasValue(Errno.ENOTSUP);
    }

    @Test
    void anErrnoAnOsLacks_isAbsent_notANumber() {
        assertThat(Abi.freebsd().errnos().number(Errno.ENOSR)).isEmpty();
        assertThat(Abi.openbsd().errnos().number(Errno.ENODATA)).isEmpty();
        assertThat(Abi.openbsd().errnos().strerror(Errno.ECAPMODE)).isEmpty();
        assertThat(Abi.macos().errnos().number(Errno.ENONET)).isEmpty();
        assertThat(Abi.linux().errnos().number(Errno.ECAPMODE)).isEmpty();
        assertThat(Abi.freebsd().errnos().number(Errno.ECAPMODE)).hasValue(94);
        assertThat(Abi.macos().errnos().number(Errno.ENOSR)).hasValue(98);
        assertThat(Abi.linux().errnos().errnoOf(0)).isEmpty();
        assertThat(Abi.linux().errnos().errnoOf(-1)).isEmpty();
    }

    @Test
    void bsdNumbersAndTexts_areTheOnesReadInTheHeadersAndErrlst() {
        for (Abi abi : Abi.all().subList(1, 4)) {
            ErrnoTable t = abi.errnos();
            assertThat(t.number(Errno.ECONNREFUSED)).as(abi.name()).hasValue(61);
            assertThat(t.number(Errno.EINPROGRESS)).as(abi.name()).hasValue(36);
            assertThat(t.number(Errno.EADDRNOTAVAIL)).as(abi.name()).hasValue(49);
            assertThat(t.strerror(Errno.EADDRNOTAVAIL)).as(abi.name()).hasValue("Can't assign requested address");
            assertThat(t.strerror(Errno.ETIMEDOUT)).as(abi.name()).hasValue("Operation timed out");
            assertThat(t.strerror(Errno.EISCONN)).as(abi.name()).hasValue("Socket is already connected");
            assertThat(t.number(Errno.ENAMETOOLONG)).as(abi.name()).hasValue(63);
            assertThat(t.strerror(999)).as(abi.name()).isEqualTo("Unknown error: 999");
        }
        assertThat(Abi.freebsd().errnos().number(Errno.EPROTO)).hasValue(92);
        assertThat(Abi.openbsd().errnos().number(Errno.EPROTO)).hasValue(95);
        assertThat(Abi.macos().errnos().number(Errno.EPROTO)).hasValue(100);
        assertThat(Abi.macos().errnos().strerror(Errno.EBUSY)).hasValue("Resource busy");
        assertThat(Abi.openbsd().errnos().strerror(Errno.EBUSY)).hasValue("Device busy");
        assertThat(Abi.linux().errnos().strerror(Errno.EISCONN)).hasValue("Transport endpoint is already connected");
    }

    @Test
    void everyOs_definesEveryErrnoTheFourConnectPagesList() {
        Set<Errno> connectPages = EnumSet.of(Errno.EBADF, Errno.EFAULT, Errno.ENOTSOCK, Errno.EISCONN,
                Errno.ECONNREFUSED, Errno.ETIMEDOUT, Errno.ENETUNREACH, Errno.EADDRINUSE, Errno.EINPROGRESS,
                Errno.EALREADY, Errno.EAGAIN, Errno.EAFNOSUPPORT, Errno.EACCES, Errno.EPERM, Errno.EINVAL,
                Errno.EADDRNOTAVAIL, Errno.ECONNRESET, Errno.EHOSTUNREACH, Errno.EINTR, Errno.ENOTDIR,
                Errno.ENAMETOOLONG, Errno.ENOENT, Errno.ELOOP, Errno.EIO, Errno.ENETDOWN, Errno.ENOBUFS,
                Errno.EOPNOTSUPP, Errno.EPROTOTYPE);
        for (Abi abi : Abi.all()) {
            assertThat(abi.errnos().defined()).as(abi.name()).containsAll(connectPages);
        }
    }
}
