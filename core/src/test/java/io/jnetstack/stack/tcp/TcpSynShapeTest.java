package io.jnetstack.stack.tcp;

import static io.jnetstack.stack.tcp.TcpHandshakeTest.drain;
import static io.jnetstack.stack.tcp.TcpHandshakeTest.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.FreeBsdPersonality;
import io.jnetstack.personality.Personality;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What shapes a SYN besides the personality's layout: TCP_NOOPT, FreeBSD's net.inet.tcp.ecn.enable=1 with
 * ecn.maxretries, net.inet.tcp.rexmit_drop_options, an IPv6 Packet Too Big in SYN-SENT, and the socket's IP options
 * carried by the connection; and FreeBSD's rounding of the scaled window.
 */
class TcpSynShapeTest {
    private static final long MS = 1_000_000L;

    private static FreeBsdPersonality freebsd(String name, long value) {
        FreeBsdPersonality p = new FreeBsdPersonality();
        p.tunables().set(name, value);
        return p;
    }

    /** Every SYN the connection sends until it gives up, the first included. */
    private static List<TcpHeader> allSyns(TcpConnection c) {
        List<TcpHeader> out = new ArrayList<>();
        drain(c).forEach(s -> out.add(s.header()));
        while (c.state() instanceof TcpState.SynSent && c.nextDeadlineNs() != Long.MAX_VALUE) {
            c.onTimer(c.nextDeadlineNs());
            drain(c).forEach(s -> out.add(s.header()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void tcpNoopt_sendsASynWithoutAnyOption_andNegotiatesNone(String os) {
        TcpConnection c = TcpConnection.connect(Personality.named(os), 49152, 80, 1000, 1460, 0,
                Personality.named(os).synRetransmission(), new TcpOutputOptions(0, 0, true), 0);
        TcpHeader syn = drain(c).getFirst().header();
        assertThat(syn.options()).isEmpty();
        TcpHeader synAck = TcpHeader.of(80, 49152, 7000, 1001, TcpHeader.SYN | TcpHeader.ACK, 65535,
                List.of(new TcpOption.Mss(1460), new TcpOption.Nop(), new TcpOption.WindowScale(6),
                        new TcpOption.SackPermitted(), new TcpOption.Timestamps(1, 0)));
        c.onSegment(new TcpSegment(synAck, ByteString.EMPTY), MS);
        assertThat(c.sackEnabled()).isFalse();
        assertThat(options(drain(c).getFirst().header())).as("no timestamps on the ACK").isEmpty();
    }

    @Test
    void freebsdEcnEnable1_setsEceAndCwrOnTheFirstSyn_andOnRetransmissionsUpToMaxretries() {
        FreeBsdPersonality p = freebsd("net.inet.tcp.ecn.enable", 1);
        List<TcpHeader> syns = allSyns(TcpConnection.connect(p, 49152, 80, 1000, 1460, 0, 0));
        int ecn = TcpHeader.ECE | TcpHeader.CWR;
        assertThat(syns.get(0).flags()).isEqualTo(TcpHeader.SYN | ecn);
        assertThat(syns.get(1).flags()).as("maxretries 1").isEqualTo(TcpHeader.SYN | ecn);
        assertThat(syns.get(2).flags()).isEqualTo(TcpHeader.SYN);

        p.tunables().set("net.inet.tcp.ecn.maxretries", 0);
        syns = allSyns(TcpConnection.connect(p, 49153, 80, 1000, 1460, 0, 0));
        assertThat(syns.get(0).flags()).isEqualTo(TcpHeader.SYN | ecn);
        assertThat(syns.get(1).flags()).isEqualTo(TcpHeader.SYN);
    }

    @Test
    void freebsdDefaultEcn2_andTheOtherSystems_sendPlainSyns() {
        for (Personality p : Personality.all()) {
            assertThat(drain(TcpConnection.connect(p, 49152, 80, 1000, 1460, 0, 0)).getFirst().header().flags())
                    .as(p.name()).isEqualTo(TcpHeader.SYN);
        }
    }

    @Test
    void freebsdRexmitDropOptions_leavesOnlyTheMss_fromTheThirdRetransmissionOn() {
        FreeBsdPersonality p = freebsd("net.inet.tcp.rexmit_drop_options", 1);
        List<TcpHeader> syns = allSyns(TcpConnection.connect(p, 49152, 80, 1000, 1440, 0, 0));
        assertThat(syns).hasSizeGreaterThan(5);
        for (int i = 0; i < 3; i++) {
            assertThat(options(syns.get(i))).as("SYN " + i).startsWith("mss 1440,nop,wscale 6,sackOK,TS");
        }
        for (int i = 3; i < syns.size(); i++) {
            assertThat(options(syns.get(i))).as("SYN " + i).isEqualTo("mss 1440");
        }
        assertThat(options(allSyns(TcpConnection.connect(new FreeBsdPersonality(), 49152, 80, 1000, 1440, 0, 0))
                .get(4))).as("default 0 keeps them").startsWith("mss 1440,nop,wscale 6");
    }

    @Test
    void aLargerOfferThanOurRoutesMss_isCappedByIt_inEveryPersonality() {
        for (Personality p : Personality.all()) {
            TcpConnection c = TcpConnection.connect(p, 49152, 80, 1000, 1440, 0, 0);
            drain(c);
            TcpHeader synAck = TcpHeader.of(80, 49152, 7000, 1001, TcpHeader.SYN | TcpHeader.ACK, 65535,
                    List.of(new TcpOption.Mss(1460)));
            c.onSegment(new TcpSegment(synAck, ByteString.EMPTY), 100 * MS);
            assertThat(c.peerMss()).as(p.name() + ": RFC 9293 §3.7.1 min(SendMSS, MMS_S − headers)").isEqualTo(1440);
        }
    }

    @Test
    void aLoweredSynMss_isOfferedByTheNextSyn_onlyInSynSent() {
        TcpConnection c = TcpConnection.connect(new FreeBsdPersonality(), 49152, 80, 1000, 1440, 0, 0);
        drain(c);
        c.lowerSynMss(1240);
        c.onTimer(c.nextDeadlineNs());
        assertThat(options(drain(c).getFirst().header())).startsWith("mss 1240,");
        c.lowerSynMss(1300);
        assertThat(c.synMss()).as("only ever lowered").isEqualTo(1240);
        assertThat(c.localMss()).as("the route's MSS is unchanged").isEqualTo(1440);
        TcpHeader synAck = TcpHeader.of(80, 49152, 7000, 1001, TcpHeader.SYN | TcpHeader.ACK, 65535,
                List.of(new TcpOption.Mss(1440)));
        c.onSegment(new TcpSegment(synAck, ByteString.EMPTY), 2_000 * MS);
        assertThat(c.peerMss()).as("tcp_mss_update: min(host cache MTU - headers, offer)").isEqualTo(1240);
    }

    @Test
    void pathMtuRule_freebsdIpv6Only_linuxIpv4Only_andTheOthersKeepTheirSynMss() {
        assertThat(new FreeBsdPersonality().synMssFollowsPathMtu(true)).isTrue();
        assertThat(new FreeBsdPersonality().synMssFollowsPathMtu(false)).isFalse();
        assertThat(Personality.named("linux").synMssFollowsPathMtu(true)).isFalse();
        assertThat(Personality.named("linux").synMssFollowsPathMtu(false)).isTrue();
        for (Personality p : Personality.all()) {
            if (!(p instanceof FreeBsdPersonality) && !p.name().equals("linux")) {
                assertThat(p.synMssFollowsPathMtu(true)).as(p.name()).isFalse();
                assertThat(p.synMssFollowsPathMtu(false)).as(p.name()).isFalse();
            }
        }
    }

    @Test
    void outputOptions_areKeptByTheConnection_andInheritedByAPassiveOpen() {
        TcpOutputOptions o = new TcpOutputOptions(4, 0x20, false);
        TcpConnection c = TcpConnection.connect(new FreeBsdPersonality(), 49152, 80, 1000, 1460, 0,
                new FreeBsdPersonality().synRetransmission(), o, 0);
        assertThat(c.outputOptions()).isEqualTo(o);
        TcpConnection s = TcpConnection.accept(new FreeBsdPersonality(), 80, 49152, drain(c).getFirst(), 7000, 1460,
                0, o, MS);
        assertThat(s.outputOptions()).isEqualTo(o);
        s.setOutputOptions(TcpOutputOptions.DEFAULTS);
        assertThat(s.outputOptions().ttl()).isZero();
    }

    @Test
    void freebsd_roundsTheScaledWindowUp_afterRoundingTheBufferToTheMss() {
        // tcp_mss: 65536 rounded up to 45 × 1460 = 65700; tcp_output: roundup2(65700, 64) >> 6 = 1027
        TcpConnection c = TcpConnection.connect(new FreeBsdPersonality(), 49152, 80, 1000, 1460, 0, 0);
        drain(c);
        TcpHeader synAck = TcpHeader.of(80, 49152, 7000, 1001, TcpHeader.SYN | TcpHeader.ACK | TcpHeader.ECE, 65535,
                List.of(new TcpOption.Mss(1460), new TcpOption.Nop(), new TcpOption.WindowScale(6),
                        new TcpOption.SackPermitted(), new TcpOption.Timestamps(1, 0)));
        c.onSegment(new TcpSegment(synAck, ByteString.EMPTY), MS);
        assertThat(c.receiveBufferSize()).isEqualTo(65_700);
        assertThat(drain(c).getFirst().header().window()).isEqualTo(1027);
    }
}
