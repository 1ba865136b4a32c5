package io.jnetstack.personality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.personality.abi.Errno;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Personality#tcpErrno}: one row per ICMP / ICMPv6 type and code, the errno each kernel's table gives ("-": the
 * kernel attaches none). Sources in {@link IcmpErrnos}: Linux icmp_err_convert / icmpv6_err_convert, FreeBSD
 * icmp_errmap / icmp6_errmap, OpenBSD and XNU inetctlerrmap after icmp_input's PRC_ codes.
 */
class TcpErrnoTest {
    /** version type code | linux freebsd openbsd macos. */
    private static final String TABLE = """
            4 3 0   ENETUNREACH  EHOSTUNREACH EHOSTUNREACH ENETUNREACH
            4 3 1   EHOSTUNREACH EHOSTUNREACH EHOSTUNREACH ENETUNREACH
            4 3 2   ENOPROTOOPT  ECONNREFUSED ECONNREFUSED ECONNREFUSED
            4 3 3   ECONNREFUSED ECONNREFUSED ECONNREFUSED ECONNREFUSED
            4 3 4   EMSGSIZE     EMSGSIZE     EMSGSIZE     EMSGSIZE
            4 3 5   EOPNOTSUPP   EHOSTUNREACH EHOSTUNREACH ENETUNREACH
            4 3 6   ENETUNREACH  EHOSTUNREACH EHOSTUNREACH ENETUNREACH
            4 3 7   EHOSTDOWN    EHOSTUNREACH EHOSTUNREACH ENETUNREACH
            4 3 8   ENONET       EHOSTUNREACH EHOSTUNREACH ENETUNREACH
            4 3 9   ENETUNREACH  ECONNREFUSED EHOSTUNREACH ECONNREFUSED
            4 3 10  EHOSTUNREACH ECONNREFUSED EHOSTUNREACH ECONNREFUSED
            4 3 11  ENETUNREACH  EHOSTUNREACH EHOSTUNREACH ENETUNREACH
            4 3 12  EHOSTUNREACH EHOSTUNREACH EHOSTUNREACH ENETUNREACH
            4 3 13  EHOSTUNREACH ECONNREFUSED EHOSTUNREACH ECONNREFUSED
            4 3 14  EHOSTUNREACH EHOSTUNREACH EHOSTUNREACH ENETUNREACH
            4 3 15  EHOSTUNREACH EHOSTUNREACH EHOSTUNREACH ENETUNREACH
            4 3 16  -            -            -            -
            4 11 0  EHOSTUNREACH EHOSTUNREACH -            EHOSTUNREACH
            4 11 1  EHOSTUNREACH -            -            -
            4 12 0  EPROTO       ENOPROTOOPT  ENOPROTOOPT  ENOPROTOOPT
            4 12 1  EPROTO       ENOPROTOOPT  ENOPROTOOPT  ENOPROTOOPT
            4 12 2  EPROTO       -            -            -
            4 4 0   -            -            -            -
            6 1 0   ENETUNREACH  EHOSTUNREACH EHOSTUNREACH EHOSTUNREACH
            6 1 1   EACCES       ECONNREFUSED ECONNREFUSED ECONNREFUSED
            6 1 2   EHOSTUNREACH ENOPROTOOPT  ENOPROTOOPT  ENOPROTOOPT
            6 1 3   EHOSTUNREACH EHOSTUNREACH EHOSTUNREACH EHOSTUNREACH
            6 1 4   ECONNREFUSED ECONNREFUSED ECONNREFUSED ECONNREFUSED
            6 1 5   EACCES       -            -            -
            6 1 6   EACCES       -            -            -
            6 1 7   EPROTO       -            -            -
            6 2 0   EMSGSIZE     EMSGSIZE     EMSGSIZE     EMSGSIZE
            6 3 0   EHOSTUNREACH EHOSTUNREACH -            EHOSTUNREACH
            6 3 1   EHOSTUNREACH -            -            -
            6 4 0   EPROTO       ENOPROTOOPT  ENOPROTOOPT  ENOPROTOOPT
            6 4 1   EPROTO       ECONNREFUSED ECONNREFUSED ECONNREFUSED
            6 4 2   EPROTO       ENOPROTOOPT  ENOPROTOOPT  ENOPROTOOPT
            """;

    static Stream<Arguments> rows() {
        List<Personality> oses = Personality.all();
        return TABLE.lines().map(String::trim).filter(l -> !l.isEmpty()).flatMap(line -> {
            String[] f = line.split("\\s+");
            return Stream.of(0, 1, 2, 3).map(i -> Arguments.of(oses.get(i).name(), Integer.parseInt(f[0]),
                    Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3 + i]));
        });
    }

    @ParameterizedTest(name = "{0} ICMPv{1} {2}/{3} -> {4}")
    @MethodSource("rows")
    void icmpError_mapsToTheKernelsErrno(String os, int version, int type, int code, String expected) {
        Errno e = Personality.named(os).tcpErrno(TcpFailure.icmp(version, type, code));
        assertThat(e == null ? "-" : e.name()).isEqualTo(expected);
    }

    @Test
    void rstAndTimeout_mapAlikeOnEveryKernel() {
        for (Personality p : Personality.all()) {
            assertThat(p.tcpErrno(TcpFailure.refused())).as(p.name()).isEqualTo(Errno.ECONNREFUSED);
            assertThat(p.tcpErrno(TcpFailure.reset())).as(p.name()).isEqualTo(Errno.ECONNRESET);
            assertThat(p.tcpErrno(TcpFailure.timedOut())).as(p.name()).isEqualTo(Errno.ETIMEDOUT);
        }
    }

    @Test
    void everyErrnoATableGives_isDefinedByThatKernelsAbi() {
        rows().forEach(a -> {
            Personality p = Personality.named((String) a.get()[0]);
            Errno e = p.tcpErrno(TcpFailure.icmp((int) a.get()[1], (int) a.get()[2], (int) a.get()[3]));
            if (e != null) {
                assertThat(p.abi().errnos().defines(e)).as("%s defines %s", p.name(), e).isTrue();
            }
        });
    }

    @Test
    void failure_rejectsIcmpNumbersOnNonIcmpKinds_andBadVersions() {
        assertThatThrownBy(() -> new TcpFailure(TcpFailure.Kind.RESET, 4, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TcpFailure.icmp(5, 3, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void synScheduleTruncation_keepsTheFirstSynsBeforeTheGiveUp() {
        SynRetransmission linux = new LinuxPersonality().synRetransmission();
        SynRetransmission two = linux.truncated(2, 3_000_000_000L);
        assertThat(two.synCount()).isEqualTo(2);
        assertThat(two.offsetNs(1)).isEqualTo(1_000_000_000L);
        assertThat(two.giveUpNs()).isEqualTo(3_000_000_000L);
        SynRetransmission keepInit = new FreeBsdPersonality().synRetransmission().truncated(99, 5_000_000_000L);
        assertThat(keepInit.synCount()).as("SYNs at 0, 1, 3.2 s before TCP_KEEPINIT 5 s").isEqualTo(3);
    }
}
