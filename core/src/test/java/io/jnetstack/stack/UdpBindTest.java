package io.jnetstack.stack;

import static io.jnetstack.stack.UdpNet.A;
import static io.jnetstack.stack.UdpNet.A6;
import static io.jnetstack.stack.UdpNet.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.personality.Os;
import io.jnetstack.personality.Personality;
import io.jnetstack.personality.PortRange;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** bind(2), the implicit binds, connect's local name and disconnect of UDP endpoints, under every personality. */
class UdpBindTest {
    static final int PORT = 5000;

    static Stream<Personality> personalities() {
        return Personality.all().stream();
    }

    private static UdpEndpoints udp(Personality p) {
        return new UdpNet(p).a.udp();
    }

    private static UdpResult bind(UdpEndpoints u, boolean v6, IpAddress addr, int port, boolean ra, boolean rp) {
        return u.bind(u.open(v6), addr, port, ra, rp);
    }

    private static UdpFailure failure(UdpResult r) {
        return r instanceof UdpResult.Failed f ? f.failure() : null;
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void samePortOnAnyTwice_isInUse_unlessBothSetReusePort(Personality p) {
        UdpEndpoints u = udp(p);
        assertThat(bind(u, false, null, PORT, false, false)).isEqualTo(new UdpResult.Ok(Ipv4Address.ANY, PORT));
        assertThat(failure(bind(u, false, null, PORT, false, false))).isEqualTo(UdpFailure.IN_USE);
        assertThat(failure(bind(u, false, A, PORT, false, false))).as("any overlaps A").isEqualTo(UdpFailure.IN_USE);
        assertThat(bind(u, false, B, PORT + 1, false, false).isOk()).isFalse();
        UdpEndpoints v = udp(p);
        assertThat(bind(v, false, null, PORT, false, true).isOk()).isTrue();
        assertThat(bind(v, false, null, PORT, false, true).isOk()).as("SO_REUSEPORT on both").isTrue();
        assertThat(failure(bind(v, false, null, PORT, false, false))).isEqualTo(UdpFailure.IN_USE);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void sameAddressWithReuseAddrOnBoth_sharesOnLinuxOnly(Personality p) {
        UdpEndpoints u = udp(p);
        assertThat(bind(u, false, A, PORT, true, false).isOk()).isTrue();
        UdpResult second = bind(u, false, A, PORT, true, false);
        assertThat(second.isOk()).as("%s: udp_lib_lport_inuse vs in_pcbbind_setup", p.name())
                .isEqualTo(p.os() == Os.LINUX);
        assertThat(p.udpReuseAddrShares()).isEqualTo(p.os() == Os.LINUX);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void specificAddressBesideAny_needsReuseAddr_onEveryOs(Personality p) {
        UdpEndpoints u = udp(p);
        assertThat(bind(u, false, null, PORT, true, false).isOk()).isTrue();
        assertThat(bind(u, false, A, PORT, true, false).isOk())
                .as("Linux: both SO_REUSEADDR; BSD: SO_REUSEADDR makes the lookup exact").isTrue();
        UdpEndpoints v = udp(p);
        assertThat(bind(v, false, A, PORT, false, false).isOk()).isTrue();
        assertThat(failure(bind(v, false, null, PORT, false, false))).isEqualTo(UdpFailure.IN_USE);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void differentAddresses_shareAPort_andDualStackAnyOverlapsIpv4_unlessV6Only(Personality p) {
        UdpEndpoints u = udp(p);
        assertThat(bind(u, false, A, PORT, false, false).isOk()).isTrue();
        assertThat(bind(u, false, Ipv4Address.of(127, 0, 0, 1), PORT, false, false).isOk()).isTrue();
        UdpHandle dual = u.open(true);
        assertThat(failure(u.bind(dual, null, PORT, false, false))).isEqualTo(UdpFailure.IN_USE);
        UdpHandle v6only = u.open(true);
        u.setV6Only(v6only, true);
        assertThat(u.bind(v6only, null, PORT, false, false)).isEqualTo(new UdpResult.Ok(Ipv6Address.ANY, PORT));
        assertThat(bind(u, true, A6, PORT + 1, false, false).isOk()).isTrue();
        assertThat(bind(u, false, null, PORT + 1, false, false).isOk()).as("A6 does not overlap IPv4").isTrue();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void foreignAddress_isNotLocal_loopbackAndGroupsAre_andBindingTwiceIsAlreadyBound(Personality p) {
        UdpEndpoints u = udp(p);
        assertThat(failure(bind(u, false, Ipv4Address.of("192.0.2.1"), PORT, false, false)))
                .isEqualTo(UdpFailure.NOT_LOCAL);
        assertThat(failure(bind(u, true, Ipv6Address.of("2001:db8:9::1"), PORT, false, false)))
                .isEqualTo(UdpFailure.NOT_LOCAL);
        assertThat(bind(u, false, Ipv4Address.of("127.0.0.9"), PORT, false, false).isOk()).isTrue();
        assertThat(bind(u, true, Ipv6Address.LOOPBACK, PORT, false, false).isOk()).isTrue();
        assertThat(bind(u, false, Ipv4Address.of("224.0.0.251"), PORT, false, false).isOk()).isTrue();
        assertThat(bind(u, false, Ipv4Address.of("10.0.0.255"), PORT, false, false).isOk()).isTrue();
        UdpHandle h = u.open(false);
        assertThat(u.bind(h, A, 0, false, false).isOk()).isTrue();
        assertThat(failure(u.bind(h, A, 0, false, false))).isEqualTo(UdpFailure.ALREADY_BOUND);
        assertThatThrownBy(() -> u.bind(u.open(false), A6, PORT, false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void mappedAddressOnV6OnlyEndpoint_isAFamilyMismatch_butBindsADualStackOne(Personality p) {
        UdpEndpoints u = udp(p);
        Ipv6Address mappedA = UdpEndpoint.mapped(A);
        UdpHandle v6only = u.open(true);
        u.setV6Only(v6only, true);
        assertThat(failure(u.bind(v6only, mappedA, PORT, false, false))).isEqualTo(UdpFailure.FAMILY_MISMATCH);
        UdpHandle dual = u.open(true);
        assertThat(u.bind(dual, mappedA, PORT, false, false)).isEqualTo(new UdpResult.Ok(mappedA, PORT));
        assertThat(u.local(dual)).isEqualTo(new UdpAddress(mappedA, PORT));
        assertThat(failure(bind(u, false, A, PORT, false, false))).as("the mapped address is A").isEqualTo(
                UdpFailure.IN_USE);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void ephemeralBinds_stayInThePersonalitysRange_andAreDistinct(Personality p) {
        UdpEndpoints u = udp(p);
        PortRange range = p.ephemeralPorts();
        TreeSet<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 200; i++) {
            UdpResult r = bind(u, i % 2 == 0, null, 0, false, false);
            int port = ((UdpResult.Ok) r).localPort();
            assertThat(port).as("%s bind(0) #%d (seed %d)", p.name(), i, UdpNet.SEED)
                    .isBetween(range.first(), range.last());
            assertThat(p.portSelection().skippedUdp()).doesNotContain(port);
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void everyEphemeralPortTaken_isNoPorts_forBindConnectAndSend(Personality p) {
        UdpEndpoints u = udp(p);
        PortRange range = p.ephemeralPorts();
        for (int port = range.first(); port <= range.last(); port++) {
            assertThat(bind(u, false, null, port, false, false).isOk()).isTrue();
        }
        assertThat(failure(bind(u, false, null, 0, false, false))).isEqualTo(UdpFailure.NO_PORTS);
        UdpHandle h = u.open(false);
        assertThat(failure(u.connect(h, B, 53))).isEqualTo(UdpFailure.NO_PORTS);
        assertThat(u.remote(h)).as("a failed connect changes nothing").isNull();
        assertThat(failure(u.send(h, B, 53, new byte[1], 0, 1, 0))).isEqualTo(UdpFailure.NO_PORTS);
        UdpHandle v6only = u.open(true);
        u.setV6Only(v6only, true);
        assertThat(u.bind(v6only, null, 0, false, false).isOk()).as("IPv6-only ports are separate").isTrue();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void connect_bindsAnEphemeralPort_andTakesTheRoutesSourceAddress(Personality p) {
        UdpEndpoints u = udp(p);
        UdpHandle h = u.open(false);
        UdpResult r = u.connect(h, B, 53);
        assertThat(r).isInstanceOf(UdpResult.Ok.class);
        UdpResult.Ok ok = (UdpResult.Ok) r;
        assertThat(ok.localAddress()).isEqualTo(A);
        assertThat(ok.localPort()).isBetween(p.ephemeralPorts().first(), p.ephemeralPorts().last());
        assertThat(u.local(h)).isEqualTo(new UdpAddress(A, ok.localPort()));
        assertThat(u.remote(h)).isEqualTo(new UdpAddress(B, 53));
        UdpHandle lo = u.open(false);
        assertThat(((UdpResult.Ok) u.connect(lo, Ipv4Address.of("127.0.0.7"), 53)).localAddress())
                .isEqualTo(Ipv4Address.of("127.0.0.1"));
        UdpHandle dual = u.open(true);
        assertThat(((UdpResult.Ok) u.connect(dual, UdpEndpoint.mapped(B), 53)).localAddress())
                .isEqualTo(UdpEndpoint.mapped(A));
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void connectOrSendWithoutARoute_isNoRoute_andSendingUnconnectedWithoutAddress_isNotConnected(Personality p) {
        UdpEndpoints u = udp(p);
        UdpHandle h = u.open(false);
        assertThat(failure(u.connect(h, Ipv4Address.of("192.0.2.1"), 53))).isEqualTo(UdpFailure.NO_ROUTE);
        assertThat(u.local(h)).as("nothing bound by a failed connect").isEqualTo(new UdpAddress(Ipv4Address.ANY, 0));
        assertThat(failure(u.send(h, Ipv4Address.of("192.0.2.1"), 53, new byte[1], 0, 1, 0)))
                .isEqualTo(UdpFailure.NO_ROUTE);
        assertThat(failure(u.send(h, null, 0, new byte[1], 0, 1, 0))).isEqualTo(UdpFailure.NOT_CONNECTED);
        UdpHandle v6 = u.open(true);
        assertThat(u.bind(v6, A6, 0, false, false).isOk()).isTrue();
        assertThat(failure(u.send(v6, UdpEndpoint.mapped(B), 53, new byte[1], 0, 1, 0)))
                .as("an IPv6 source cannot reach an IPv4 peer").isEqualTo(UdpFailure.FAMILY_MISMATCH);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void oversizedPayload_isMessageTooBig(Personality p) {
        UdpEndpoints u = udp(p);
        UdpHandle h = u.open(false);
        byte[] big = new byte[UdpEndpoints.MAX_PAYLOAD_V4 + 1];
        assertThat(failure(u.send(h, B, 53, big, 0, big.length, 0))).isEqualTo(UdpFailure.MESSAGE_TOO_BIG);
        assertThat(u.send(h, B, 53, big, 0, big.length - 1, 0).isOk()).isTrue();
        UdpHandle v6 = u.open(true);
        byte[] big6 = new byte[UdpEndpoints.MAX_PAYLOAD_V6 + 1];
        assertThat(failure(u.send(v6, UdpNet.B6, 53, big6, 0, big6.length, 0)))
                .isEqualTo(UdpFailure.MESSAGE_TOO_BIG);
        assertThat(failure(u.send(v6, UdpEndpoint.mapped(B), 53, big, 0, big.length, 0)))
                .as("v4-mapped: the IPv4 limit").isEqualTo(UdpFailure.MESSAGE_TOO_BIG);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void disconnect_linuxReleasesWhatConnectChose_bsdResetsTheAddressAndKeepsThePort(Personality p) {
        UdpEndpoints u = udp(p);
        boolean linux = p.os() == Os.LINUX;
        UdpLocalReset address = linux ? UdpLocalReset.IF_IMPLICIT : UdpLocalReset.ALWAYS;
        UdpLocalReset port = linux ? UdpLocalReset.IF_IMPLICIT : UdpLocalReset.KEEP;
        UdpHandle auto = u.open(false);
        int chosen = ((UdpResult.Ok) u.connect(auto, B, 53)).localPort();
        assertThat(u.disconnect(auto, address, port)).isTrue();
        assertThat(u.remote(auto)).isNull();
        assertThat(u.local(auto)).isEqualTo(new UdpAddress(Ipv4Address.ANY, linux ? 0 : chosen));
        UdpHandle bound = u.open(false);
        assertThat(u.bind(bound, A, PORT, false, false).isOk()).isTrue();
        u.connect(bound, B, 53);
        assertThat(u.disconnect(bound, address, port)).isTrue();
        assertThat(u.local(bound)).isEqualTo(new UdpAddress(linux ? A : Ipv4Address.ANY, PORT));
        assertThat(u.disconnect(bound, address, port)).as("not connected any more").isFalse();
        UdpHandle anyZero = u.open(false);
        int z = ((UdpResult.Ok) u.bind(anyZero, null, 0, false, false)).localPort();
        u.connect(anyZero, B, 53);
        u.disconnect(anyZero, address, port);
        assertThat(u.local(anyZero).port()).as("bind(0) sets no SOCK_BINDPORT_LOCK").isEqualTo(linux ? 0 : z);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void close_freesThePort(Personality p) {
        UdpEndpoints u = udp(p);
        UdpHandle h = u.open(false);
        assertThat(u.bind(h, null, PORT, false, false).isOk()).isTrue();
        u.close(h);
        assertThat(u.isOpen(h)).isFalse();
        u.close(h);
        assertThat(bind(u, false, null, PORT, false, false).isOk()).isTrue();
        assertThatThrownBy(() -> u.receive(h)).isInstanceOf(IllegalArgumentException.class);
    }
}
