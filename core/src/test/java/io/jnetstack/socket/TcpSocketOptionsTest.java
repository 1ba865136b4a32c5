package io.jnetstack.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.link.FrameObserver;
import io.jnetstack.matrix.Bench;
import io.jnetstack.matrix.Matrix;
import io.jnetstack.matrix.Scenario;
import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.AbiConstant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The TCP and IP socket options FreeBSD's tcp_default_ctloutput and ip_ctloutput / ip6_ctloutput take (keep-alive
 * and connection-establishment timers in seconds, TCP_NOOPT, IP_TOS, IPV6_TCLASS, IPV6_UNICAST_HOPS), how the
 * others refuse them, and the TTL the segments then carry.
 */
class TcpSocketOptionsTest {

    private static String run(String os, Function<Bench, String> body) {
        return Matrix.run(new Scenario("t", "", "", body), Personality.named(os), null);
    }

    private static String get(Bench b, int fd, AbiConstant level, AbiConstant name) {
        byte[] v = new byte[4];
        int[] len = {4};
        int r = b.sys().getsockopt(fd, b.k(level), b.k(name), v, len);
        return r < 0 ? b.r(r) : String.valueOf(SocketOptionCalls.readInt(v, 0));
    }

    @Test
    void freebsdKeepTimers_readTheSysctlInSeconds_untilTheSocketSetsItsOwn() {
        assertThat(run("freebsd", b -> {
            int fd = b.tcp();
            String defaults = get(b, fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_KEEPINIT) + " "
                    + get(b, fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_KEEPIDLE) + " "
                    + get(b, fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_KEEPINTVL) + " "
                    + get(b, fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_KEEPCNT);
            b.sys().sysctl("net.inet.tcp.keepinit", null, new long[] {15_000});
            String followed = get(b, fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_KEEPINIT);
            b.setInt(fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_KEEPINIT, 5);
            b.setInt(fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_KEEPCNT, 3);
            String own = get(b, fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_KEEPINIT) + " "
                    + get(b, fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_KEEPCNT);
            String tooLong = b.r(b.setInt(fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_KEEPIDLE, 4_294_968));
            return defaults + " | " + followed + " | " + own + " | " + tooLong;
        })).isEqualTo("75 7200 75 8 | 15 | 5 3 | -1 EINVAL");
    }

    @Test
    void freebsdTcpNoopt_readsBackAsTfNoopt() {
        assertThat(run("freebsd", b -> {
            int fd = b.tcp();
            String before = get(b, fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_NOOPT);
            b.setInt(fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_NOOPT, 1);
            return before + " " + get(b, fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_NOOPT);
        })).isEqualTo("0 8");
    }

    @Test
    void freebsdTcpFastOpen_setsTfFastopen_andIsEpermWhileClientEnableIsOff() {
        assertThat(run("freebsd", b -> {
            int fd = b.tcp();
            b.setInt(fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_FASTOPEN, 1);
            String on = get(b, fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_FASTOPEN);
            b.sys().sysctl("net.inet.tcp.fastopen.client_enable", null, new long[] {0});
            String off = b.r(b.setInt(b.tcp(), AbiConstant.IPPROTO_TCP, AbiConstant.TCP_FASTOPEN, 1));
            return on + " " + off;
        })).isEqualTo("1 -1 EPERM");
    }

    @Test
    void freebsdFastOpenSendto_connectsImplicitly_asksForACookie_andReturnsTheBytesQueued() {
        List<Integer> fastOpenOptionKinds = new ArrayList<>();
        FrameObserver tap = (f, off, len, now) -> {
            // Ethernet, IPv4, TCP, SYN without ACK, 44 bytes of options (MSS, NOP, WS, SACK-permitted, TS, FO, EOLs)
            if (len > 54 && (f[off + 12] & 0xff) == 0x08 && f[off + 13] == 0 && f[off + 23] == 6
                    && (f[off + 47] & 0x12) == 0x02) {
                fastOpenOptionKinds.add(f[off + 34 + 40] & 0xff); // the option after the 20 bytes before it
            }
        };
        String r = Matrix.run(new Scenario("t", "", "", b -> {
            b.listenAndAccept(7000);
            int fd = b.tcp();
            b.setInt(fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_FASTOPEN, 1);
            byte[] to = b.in(Bench.SERVER, 7000);
            return b.r(b.sys().sendto(fd, new byte[100], 100, 0, to, to.length));
        }), Personality.named("freebsd"), tap);
        assertThat(r).isEqualTo("100");
        assertThat(fastOpenOptionKinds).first().as("kind 34, the cookie request").isEqualTo(34);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"linux,TCP_KEEPIDLE", "linux,TCP_KEEPCNT", "macos,TCP_KEEPINTVL"})
    void keepTimers_stayUnmodelledElsewhere(String os, AbiConstant option) {
        assertThat(run(os, b -> get(b, b.tcp(), AbiConstant.IPPROTO_TCP, option))).isEqualTo("-1 ENOPROTOOPT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"linux,64", "freebsd,-1", "openbsd,-1", "macos,-1"})
    void unsetHopLimit_readsAsKameMinusOne_orAsTheLinuxDefault(String os, String expected) {
        assertThat(run(os, b -> get(b, b.tcp6(), AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_UNICAST_HOPS)))
                .isEqualTo(expected);
    }

    @Test
    void freebsdIpv6UseMinMtu_readsBack_andSizesTheSynForTheMinimumMtu() {
        assertThat(run("freebsd", b -> {
            int v4 = b.tcp();
            int v6 = b.tcp6();
            String initial = get(b, v6, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_USE_MIN_MTU);
            String tooBig = b.r(b.setInt(v6, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_USE_MIN_MTU, 2));
            String onV4 = b.r(b.setInt(v4, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_USE_MIN_MTU, 1));
            b.setInt(v6, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_USE_MIN_MTU, 1);
            String set = get(b, v6, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_USE_MIN_MTU);
            b.listen6AndAccept(80);
            String c = b.r(b.connect(v6, b.in6("2001:db8::2", 80)));
            return initial + " " + tooBig + " " + onV4 + " " + set + " " + c + " "
                    + get(b, v6, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_MAXSEG);
        })).as("1280 - 40 - 20: tcp_maxmtu6 with INC_IPV6MINMTU").isEqualTo("-1 -1 EINVAL -1 ENOPROTOOPT 1 0 1220");
        assertThat(run("linux", b -> String.valueOf(b.k(AbiConstant.IPV6_USE_MIN_MTU)))).isEqualTo("-1");
    }

    @Test
    void freebsdIpTosAndTrafficClass_readBack_andOutOfRangeClassIsEinval() {
        assertThat(run("freebsd", b -> {
            int v4 = b.tcp();
            int v6 = b.tcp6();
            b.setInt(v4, AbiConstant.IPPROTO_IP, AbiConstant.IP_TOS, b.k(AbiConstant.IPTOS_DSCP_CS1));
            b.setInt(v6, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_TCLASS, b.k(AbiConstant.IPTOS_DSCP_CS7));
            b.setInt(v6, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_UNICAST_HOPS, 4);
            return get(b, v4, AbiConstant.IPPROTO_IP, AbiConstant.IP_TOS) + " "
                    + get(b, v6, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_TCLASS) + " "
                    + get(b, v6, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_UNICAST_HOPS) + " "
                    + b.r(b.setInt(v6, AbiConstant.IPPROTO_IPV6, AbiConstant.IPV6_TCLASS, 256));
        })).isEqualTo("32 224 4 -1 EINVAL");
    }

    @Test
    void freebsdSocketIpOptions_reachTheSynOnTheWire() {
        List<int[]> syns = new ArrayList<>(); // {ttl, tos}
        FrameObserver tap = (f, off, len, now) -> {
            // Ethernet, IPv4 (0x0800), TCP, SYN without ACK
            if (len > 54 && (f[off + 12] & 0xff) == 0x08 && f[off + 13] == 0 && f[off + 23] == 6
                    && (f[off + 47] & 0x12) == 0x02) {
                syns.add(new int[] {f[off + 22] & 0xff, f[off + 15] & 0xff});
            }
        };
        Matrix.run(new Scenario("t", "", "", b -> {
            b.listenAndAccept(7000);
            int fd = b.tcp();
            b.setInt(fd, AbiConstant.IPPROTO_IP, AbiConstant.IP_TTL, 4);
            b.setInt(fd, AbiConstant.IPPROTO_IP, AbiConstant.IP_TOS, 0x20);
            return b.r(b.connect(fd, b.in(Bench.SERVER, 7000)));
        }), Personality.named("freebsd"), tap);
        assertThat(syns).isNotEmpty();
        assertThat(syns.getFirst()).containsExactly(4, 0x20);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"freebsd,4", "linux,64"})
    void aSynToABoundSocketThatDoesNotListen_drawsARstWithItsTtl_onFreebsdOnly(String os, int expectedTtl) {
        List<Integer> rstTtl = new ArrayList<>();
        FrameObserver tap = (f, off, len, now) -> {
            if (len >= 54 && (f[off + 12] & 0xff) == 0x08 && f[off + 13] == 0 && f[off + 23] == 6
                    && (f[off + 47] & 0x04) != 0) {
                rstTtl.add(f[off + 22] & 0xff);
            }
        };
        String r = Matrix.run(new Scenario("t", "", "", b -> {
            b.serverThread(s -> {
                int fd = s.socket(b.k(AbiConstant.AF_INET), b.k(AbiConstant.SOCK_STREAM), 0);
                s.setsockopt(fd, b.k(AbiConstant.IPPROTO_IP), b.k(AbiConstant.IP_TTL), new byte[] {4, 0, 0, 0}, 4);
                byte[] a = b.in("0.0.0.0", 7001);
                s.bind(fd, a, a.length);
            });
            return b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 7001)));
        }), Personality.named(os), tap);
        assertThat(r).isEqualTo("-1 ECONNREFUSED");
        assertThat(rstTtl).containsExactly(expectedTtl);
    }

    @Test
    void freebsdTcpKeepidleSetBeforeConnect_schedulesTheFirstProbe() {
        List<Long> clientSegmentsNs = new ArrayList<>();
        FrameObserver tap = (f, off, len, now) -> {
            // IPv4 TCP from the client (10.0.0.1)
            if (len >= 54 && (f[off + 12] & 0xff) == 0x08 && f[off + 23] == 6 && f[off + 26] == 10
                    && f[off + 29] == 1) {
                clientSegmentsNs.add(now);
            }
        };
        String r = Matrix.run(new Scenario("t", "", "", b -> {
            b.listenAndAccept(7002);
            int fd = b.tcp();
            b.setInt(fd, AbiConstant.SOL_SOCKET, AbiConstant.SO_KEEPALIVE, 1);
            b.setInt(fd, AbiConstant.IPPROTO_TCP, AbiConstant.TCP_KEEPIDLE, 10);
            String c = b.r(b.connect(fd, b.in(Bench.SERVER, 7002)));
            b.pause(15);
            return c;
        }), Personality.named("freebsd"), tap);
        assertThat(r).isEqualTo("0");
        long second = 1_000_000_000L;
        assertThat(clientSegmentsNs).as("a probe about 10 s after the handshake")
                .anyMatch(t -> t >= 10 * second && t < 11 * second);
    }
}
