package io.jnetstack.stack;

import static io.jnetstack.stack.UdpNet.A;
import static io.jnetstack.stack.UdpNet.A6;
import static io.jnetstack.stack.UdpNet.B;
import static io.jnetstack.stack.UdpNet.B6;
import static io.jnetstack.stack.UdpNet.C;
import static io.jnetstack.stack.UdpNet.bytes;
import static io.jnetstack.stack.UdpNet.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.stack.StackStats.Counter;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Datagrams between UDP endpoints: across a link, through loopback, filtering, queues and ICMP errors. */
class UdpDeliveryTest {
    static final int PORT = 7000;

    static Stream<Personality> personalities() {
        return Personality.all().stream();
    }

    /** An endpoint on {@code s} bound to any (IPv6 dual-stack when {@code v6}) on {@code port}. */
    private static UdpHandle listen(Stack s, boolean v6, int port) {
        UdpHandle h = s.udp().open(v6);
        assertThat(s.udp().bind(h, null, port, false, false).isOk()).isTrue();
        return h;
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void datagram_crossesTheLink_overIpv4AndIpv6_withAddressesAndPorts(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpHandle server4 = listen(n.b, false, PORT);
        UdpHandle server6 = listen(n.b, true, PORT + 1);
        UdpHandle client = n.a.udp().open(false);
        UdpResult.Ok sent = (UdpResult.Ok) n.send(n.a, client, B, PORT, "hello");
        assertThat(sent.localAddress()).isEqualTo(A);
        UdpDatagram d = n.b.udp().receive(server4);
        assertThat(d.source()).isEqualTo(A);
        assertThat(d.sourcePort()).isEqualTo(sent.localPort());
        assertThat(d.destination()).isEqualTo(B);
        assertThat(d.destinationPort()).isEqualTo(PORT);
        assertThat(text(d)).isEqualTo("hello");
        assertThat(n.events).containsExactly("b readable " + server4);
        UdpHandle client6 = n.a.udp().open(true);
        n.send(n.a, client6, B6, PORT + 1, "hi6");
        UdpDatagram d6 = n.b.udp().receive(server6);
        assertThat(d6.source()).isEqualTo(A6);
        assertThat(d6.destination()).isEqualTo(B6);
        assertThat(text(d6)).isEqualTo("hi6");
        assertThat(n.b.udp().receive(server6)).isNull();
        assertThat(n.b.stats().get(Counter.UDP_IN)).isEqualTo(2);
        assertThat(n.a.stats().get(Counter.UDP_OUT)).isEqualTo(2);
        assertThat(n.endB.icmpSent()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void reply_toTheSourceOfARequest_reachesTheClient_andALargeDatagramIsFragmented(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpHandle server = listen(n.b, false, PORT);
        UdpHandle client = n.a.udp().open(false);
        assertThat(n.a.udp().connect(client, B, PORT).isOk()).isTrue();
        n.send(n.a, client, null, 0, "ping");
        UdpDatagram req = n.b.udp().receive(server);
        n.send(n.b, server, req.source(), req.sourcePort(), "pong");
        assertThat(text(n.a.udp().receive(client))).isEqualTo("pong");
        byte[] big = new byte[4000];
        new java.util.SplittableRandom(UdpNet.SEED).nextBytes(big);
        n.a.udp().send(client, null, 0, big, 0, big.length, n.nowNs);
        n.settle();
        assertThat(n.b.udp().receive(server).payload()).as("seed %d", UdpNet.SEED).isEqualTo(big);
        assertThat(n.a.stats().get(Counter.FRAGMENTS_OUT)).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void loopback_toTheHostsOwnAddress_to127001_andToIpv6Loopback(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpHandle server = listen(n.a, true, PORT);
        UdpHandle client4 = n.a.udp().open(false);
        UdpHandle client6 = n.a.udp().open(true);
        n.send(n.a, client4, A, PORT, "own");
        n.send(n.a, client4, Ipv4Address.of("127.0.0.1"), PORT, "lo4");
        n.send(n.a, client6, Ipv6Address.LOOPBACK, PORT, "lo6");
        UdpDatagram own = n.a.udp().receive(server);
        assertThat(text(own)).isEqualTo("own");
        assertThat(own.source()).isEqualTo(UdpEndpoint.mapped(A));
        UdpDatagram lo4 = n.a.udp().receive(server);
        assertThat(text(lo4)).isEqualTo("lo4");
        assertThat(lo4.source()).isEqualTo(UdpEndpoint.mapped(Ipv4Address.of("127.0.0.1")));
        UdpDatagram lo6 = n.a.udp().receive(server);
        assertThat(lo6.source()).isEqualTo(Ipv6Address.LOOPBACK);
        assertThat(lo6.destination()).isEqualTo(Ipv6Address.LOOPBACK);
        assertThat(n.endA.sent).as("nothing left the host").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void connectedEndpoint_takesOnlyItsPeersDatagrams_othersGetPortUnreachable(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpHandle h = listen(n.b, false, PORT);
        assertThat(n.b.udp().connect(h, A, 4000).isOk()).isTrue();
        n.injectIntoB(UdpNet.udp4(C, B, 4000, PORT, bytes("third party")));
        n.injectIntoB(UdpNet.udp4(A, B, 4001, PORT, bytes("wrong port")));
        assertThat(n.b.udp().queuedCount(h)).isZero();
        assertThat(n.endB.icmpSent()).containsExactly("3/3 to 10.0.0.3", "3/3 to 10.0.0.1");
        n.injectIntoB(UdpNet.udp4(A, B, 4000, PORT, bytes("peer")));
        assertThat(text(n.b.udp().receive(h))).isEqualTo("peer");
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void datagramsQueuedBeforeConnect_stayQueued(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpHandle h = listen(n.b, false, PORT);
        n.injectIntoB(UdpNet.udp4(C, B, 4000, PORT, bytes("from C")));
        n.injectIntoB(UdpNet.udp4(A, B, 4000, PORT, bytes("from A")));
        assertThat(n.b.udp().connect(h, A, 4000).isOk()).isTrue();
        n.injectIntoB(UdpNet.udp4(C, B, 4000, PORT, bytes("from C again")));
        assertThat(n.b.udp().queuedCount(h)).isEqualTo(2);
        assertThat(n.b.udp().queuedBytes(h)).isEqualTo(12);
        assertThat(text(n.b.udp().peek(h))).isEqualTo("from C");
        assertThat(text(n.b.udp().receive(h))).isEqualTo("from C");
        assertThat(text(n.b.udp().receive(h))).isEqualTo("from A");
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void mostSpecificEndpointWins_connectedThenBoundAddressThenAny(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpEndpoints u = n.b.udp();
        UdpHandle any = u.open(false);
        UdpHandle specific = u.open(false);
        UdpHandle connected = u.open(false);
        assertThat(u.bind(any, null, PORT, true, true).isOk()).isTrue();
        assertThat(u.bind(specific, B, PORT, true, true).isOk()).isTrue();
        assertThat(u.bind(connected, B, PORT, true, true).isOk()).isTrue();
        assertThat(u.connect(connected, A, 4000).isOk()).isTrue();
        n.injectIntoB(UdpNet.udp4(A, B, 4000, PORT, bytes("peer")));
        n.injectIntoB(UdpNet.udp4(C, B, 4000, PORT, bytes("other")));
        n.injectIntoB(UdpNet.udp4(C, Ipv4Address.of("10.0.0.255"), 4000, PORT, bytes("broadcast")));
        assertThat(text(u.receive(connected))).isEqualTo("peer");
        assertThat(text(u.receive(specific))).isEqualTo("other");
        assertThat(text(u.receive(any))).as("broadcast reaches every match").isEqualTo("broadcast");
        assertThat(u.receive(specific)).as("bound to B, not to the broadcast address").isNull();
        assertThat(u.receive(connected)).isNull();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void noEndpoint_getsPortUnreachable_butNotForBroadcast(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpHandle client = n.a.udp().open(false);
        UdpResult.Ok ok = (UdpResult.Ok) n.send(n.a, client, B, 9, "x");
        assertThat(n.endB.icmpSent()).containsExactly("3/3 to 10.0.0.1");
        assertThat(n.b.stats().get(Counter.UNREACHABLE_PORT)).isEqualTo(1);
        assertThat(n.events).as("an unconnected sender is told too; the socket layer decides")
                .containsExactly("a udp-error " + client + " 3/3 from 10.0.0.2", "a icmp 3/3");
        n.injectIntoB(UdpNet.udp4(A, Ipv4Address.of("10.0.0.255"), ok.localPort(), 9, bytes("b")));
        n.injectIntoB(UdpNet.udp4(A, Ipv4Address.BROADCAST, ok.localPort(), 9, bytes("b")));
        n.injectIntoB(UdpNet.udp4(A, Ipv4Address.of("224.0.0.1"), ok.localPort(), 9, bytes("m")));
        assertThat(n.endB.icmpSent()).hasSize(1);
        UdpHandle client6 = n.a.udp().open(true);
        n.send(n.a, client6, B6, 9, "x");
        assertThat(n.endB.icmpSent()).containsExactly("3/3 to 10.0.0.1", "1/4 to 2001:db8::1");
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void portUnreachable_aboutAConnectedEndpointsDatagram_reachesOnUdpError(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpHandle bystander = listen(n.a, false, 6000);
        UdpHandle h = n.a.udp().open(false);
        assertThat(n.a.udp().connect(h, B, 9).isOk()).isTrue();
        n.send(n.a, h, null, 0, "anyone?");
        assertThat(n.events).containsExactly("a udp-error " + h + " 3/3 from 10.0.0.2", "a icmp 3/3");
        n.events.clear();
        UdpHandle h6 = n.a.udp().open(true);
        assertThat(n.a.udp().connect(h6, B6, 9).isOk()).isTrue();
        n.send(n.a, h6, null, 0, "anyone?");
        assertThat(n.events).containsExactly("a udp-error " + h6 + " 1/4 from 2001:db8::2", "a icmp 1/4");
        assertThat(n.events).noneMatch(e -> e.contains(bystander.toString()));
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void udpError_carriesTheQuotedDatagramsIdentity_andItsMeaning(Personality p) {
        UdpNet n = new UdpNet(p);
        java.util.List<StackListener.IcmpReport> reports = new java.util.ArrayList<>();
        n.a.setListener(new StackListener() {
            @Override
            public void onUdpError(UdpHandle h, IcmpReport r, long nowNs) {
                reports.add(r);
            }
        });
        UdpHandle h = n.a.udp().open(false);
        UdpResult.Ok ok = (UdpResult.Ok) n.send(n.a, h, B, 9, "x");
        assertThat(reports).containsExactly(new StackListener.IcmpReport(B, 4, 3, 3, 0, B,
                new StackListener.Origin(io.jnetstack.wire.IpProtocol.UDP, ok.localPort(), 9)));
        assertThat(reports.getFirst().icmpClass()).isEqualTo(io.jnetstack.personality.IcmpClass.PORT_UNREACHABLE);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void portUnreachable_overLoopback_reachesTheSender(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpHandle h = n.a.udp().open(false);
        assertThat(n.a.udp().connect(h, Ipv4Address.of("127.0.0.1"), 9).isOk()).isTrue();
        n.send(n.a, h, null, 0, "x");
        UdpHandle h6 = n.a.udp().open(true);
        n.send(n.a, h6, Ipv6Address.LOOPBACK, 9, "x");
        assertThat(n.events).containsExactly("a udp-error " + h + " 3/3 from 127.0.0.1", "a icmp 3/3",
                "a udp-error " + h6 + " 1/4 from ::1", "a icmp 1/4");
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void datagramThatCannotLeave_isReportedToItsSender(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpHandle other = listen(n.a, false, 6000);
        UdpHandle h = n.a.udp().open(true);
        assertThat(n.a.udp().connect(h, UdpEndpoint.mapped(B), 9).isOk()).isTrue();
        n.a.iface(1).setUp(false);
        assertThat(n.send(n.a, h, null, 0, "x").isOk()).as("the route exists; the interface is down").isTrue();
        assertThat(n.events).containsExactly("a udp-local " + h + " INTERFACE_DOWN " + UdpEndpoint.mapped(B));
        assertThat(n.events).noneMatch(e -> e.contains(other.toString()));
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void fullReceiveBuffer_dropsAndCounts(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpHandle server = listen(n.b, false, PORT);
        n.b.udp().setReceiveBuffer(server, 100);
        UdpHandle client = n.a.udp().open(false);
        for (int i = 0; i < 3; i++) {
            n.send(n.a, client, B, PORT, "x".repeat(40));
        }
        assertThat(n.b.udp().queuedCount(server)).isEqualTo(2);
        assertThat(n.b.udp().receiveBufferDrops(server)).isEqualTo(1);
        assertThat(n.b.stats().get(Counter.UDP_RECEIVE_BUFFER_DROPS)).isEqualTo(1);
        assertThat(n.endB.icmpSent()).as("a drop is not a closed port").isEmpty();
        n.b.udp().receive(server);
        n.send(n.a, client, B, PORT, "x".repeat(40));
        assertThat(n.b.udp().queuedCount(server)).as("room again after a read").isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void ipv4Traffic_reachesADualStackEndpoint_asV4Mapped_butNotAV6OnlyOne(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpHandle dual = listen(n.b, true, PORT);
        n.injectIntoB(UdpNet.udp4(A, B, 4000, PORT, bytes("v4")));
        UdpDatagram d = n.b.udp().receive(dual);
        assertThat(d.source()).isEqualTo(Ipv6Address.of("::ffff:10.0.0.1"));
        assertThat(d.destination()).isEqualTo(Ipv6Address.of("::ffff:10.0.0.2"));
        n.send(n.b, dual, d.source(), d.sourcePort(), "back");
        assertThat(n.endB.sent.getLast()[0] >>> 4).as("the reply goes out as IPv4").isEqualTo(4);
        UdpHandle v6only = n.b.udp().open(true);
        n.b.udp().setV6Only(v6only, true);
        assertThat(n.b.udp().bind(v6only, null, PORT + 1, false, false).isOk()).isTrue();
        n.injectIntoB(UdpNet.udp4(A, B, 4000, PORT + 1, bytes("v4")));
        assertThat(n.b.udp().queuedCount(v6only)).isZero();
        assertThat(n.endB.icmpSent()).containsExactly("3/3 to 10.0.0.1");
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void ipv4Endpoint_isPreferredOverADualStackOne_onTheSamePort(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpHandle dual = n.b.udp().open(true);
        UdpHandle v4 = n.b.udp().open(false);
        assertThat(n.b.udp().bind(dual, null, PORT, false, true).isOk()).isTrue();
        assertThat(n.b.udp().bind(v4, null, PORT, false, true).isOk()).isTrue();
        n.injectIntoB(UdpNet.udp4(A, B, 4000, PORT, bytes("v4")));
        n.injectIntoB(UdpNet.udp6(A6, B6, 4000, PORT, bytes("v6")));
        assertThat(text(n.b.udp().receive(v4))).isEqualTo("v4");
        assertThat(text(n.b.udp().receive(dual))).isEqualTo("v6");
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void malformedUdp_isDroppedSilently_andCounted(Personality p) {
        UdpNet n = new UdpNet(p);
        UdpHandle h = listen(n.b, false, PORT);
        byte[] badSum = UdpNet.udp4(A, B, 4000, PORT, bytes("data"));
        badSum[20 + 6] ^= 0x55;
        byte[] badLength = UdpNet.udp4(A, B, 4000, PORT, bytes("data"));
        badLength[20 + 5] = 100;
        byte[] zeroSum6 = UdpNet.udp6(A6, B6, 4000, PORT, bytes("data"));
        zeroSum6[40 + 6] = 0;
        zeroSum6[40 + 7] = 0;
        long before = n.b.stats().get(Counter.MALFORMED);
        n.injectIntoB(badSum);
        n.injectIntoB(badLength);
        n.injectIntoB(zeroSum6);
        assertThat(n.b.stats().get(Counter.MALFORMED) - before).isEqualTo(3);
        assertThat(n.b.udp().queuedCount(h)).isZero();
        assertThat(n.endB.icmpSent()).isEmpty();
        assertThat(n.events).isEmpty();
        byte[] noSum = UdpNet.udp4(A, B, 4000, PORT, bytes("data"));
        noSum[20 + 6] = 0;
        noSum[20 + 7] = 0;
        n.injectIntoB(noSum);
        assertThat(text(n.b.udp().receive(h))).as("IPv4 checksum 0: none computed (RFC 768)").isEqualTo("data");
    }
}
