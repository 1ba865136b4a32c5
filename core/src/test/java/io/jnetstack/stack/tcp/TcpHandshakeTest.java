package io.jnetstack.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each personality's SYN, its retransmission schedule, and a full handshake between two personalities. */
class TcpHandshakeTest {
    static final long MS = 1_000_000L;
    static final int ISS = 1_000_000;

    static List<TcpSegment> drain(TcpConnection c) {
        List<TcpSegment> out = new ArrayList<>();
        for (TcpSegment s = c.pollOutput(); s != null; s = c.pollOutput()) {
            out.add(s);
        }
        return out;
    }

    static String options(TcpHeader h) {
        return h.options().stream().map(TcpOption::describe).collect(Collectors.joining(","));
    }

    /**
     * The SYN each kernel sends on an Ethernet path (MSS 1460), with the TS value masked. Sources:
     * docs/research/tcp-personalities.md §1 — Linux measured with tcpdump on this machine's kernel; FreeBSD
     * tcp_addoptions(); OpenBSD tcp_output(); XNU tcp_output().
     */
    static Stream<Arguments> syns() {
        return Stream.of(
                Arguments.of("linux", "mss 1460,sackOK,TS,nop,wscale 7", 64240, 40),
                Arguments.of("freebsd", "mss 1460,nop,wscale 6,sackOK,TS", 65535, 40),
                Arguments.of("openbsd", "mss 1460,nop,nop,sackOK,nop,wscale 6,nop,nop,TS", 16384, 44),
                Arguments.of("macos", "mss 1460,nop,wscale 6,nop,nop,TS,sackOK,eol", 65535, 44));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syns")
    void connect_sendsThePersonalitysSyn(String os, String expectedOptions, int window, int headerLength) {
        TcpConnection c = TcpConnection.connect(Personality.named(os), 49152, 80, ISS, 1460, 5000, 0);
        List<TcpSegment> out = drain(c);
        assertThat(out).hasSize(1);
        TcpHeader syn = out.getFirst().header();
        assertThat(syn.flags()).isEqualTo(TcpHeader.SYN);
        assertThat(syn.seq()).isEqualTo(ISS);
        assertThat(syn.window()).isEqualTo(window);
        assertThat(syn.headerLength()).isEqualTo(headerLength);
        assertThat(options(syn).replaceAll("TS val \\d+ ecr 0", "TS")).isEqualTo(expectedOptions);
        assertThat(c.state()).isInstanceOf(TcpState.SynSent.class);
    }

    @Test
    void linuxSyn_optionBytes_matchTheLiveKernelsLayout() {
        TcpConnection c = TcpConnection.connect(Personality.named("linux"), 49152, 80, ISS, 1460, 0x01020304, 0);
        TcpHeader syn = drain(c).getFirst().header();
        byte[] b = new byte[syn.headerLength()];
        PseudoHeader ph = new PseudoHeader(Ipv4Address.of("10.0.0.1"), Ipv4Address.of("10.0.0.2"), 6);
        syn.emit(b, 0, ph, 0);
        // Live capture (docs/research §1): 0204 05b4 0402 080a <tsval> <tsecr=0> 0103 0307.
        assertThat(HexFormat.of().formatHex(b, 20, 40)).isEqualTo("020405b40402080a" + "01020304" + "00000000"
                + "01030307");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void unansweredSyn_isRetransmittedOnThePersonalitysSchedule_thenTimesOut(String os) {
        Personality p = Personality.named(os);
        TcpConnection c = TcpConnection.connect(p, 49152, 80, ISS, 1460, 0, 0);
        List<Long> synTimes = new ArrayList<>();
        synTimes.add(0L);
        drain(c);
        long guard = 0;
        while (c.state() instanceof TcpState.SynSent && guard++ < 100) {
            long t = c.nextDeadlineNs();
            c.onTimer(t);
            for (TcpSegment s : drain(c)) {
                assertThat(s.header().flags()).isEqualTo(TcpHeader.SYN);
                assertThat(s.header().seq()).as("a retransmitted SYN reuses the ISS").isEqualTo(ISS);
                synTimes.add(t);
            }
            if (c.state() instanceof TcpState.Closed) {
                assertThat(t).as("give-up time").isEqualTo(p.synRetransmission().giveUpNs());
            }
        }
        assertThat(c.pollEvent()).isEqualTo(TcpEvent.TIMED_OUT);
        long[] expected = p.synRetransmission().sendOffsetsNs();
        assertThat(synTimes).containsExactly(java.util.Arrays.stream(expected).boxed().toArray(Long[]::new));
        assertThat(c.nextDeadlineNs()).isEqualTo(Long.MAX_VALUE);
    }

    static Stream<String> personalities() {
        return Personality.all().stream().map(Personality::name);
    }

    static Stream<Arguments> pairs() {
        return Personality.all().stream().flatMap(a -> Personality.all().stream()
                .map(b -> Arguments.of(a.name(), b.name())));
    }

    /** Moves every queued segment from one connection to the other. */
    static int deliver(TcpConnection from, TcpConnection to, long nowNs) {
        int n = 0;
        for (TcpSegment s : drain(from)) {
            to.onSegment(s, nowNs);
            n++;
        }
        return n;
    }

    @ParameterizedTest(name = "{0} connects to {1}")
    @MethodSource("pairs")
    void handshake_betweenAnyTwoPersonalities_establishesBoth_andCarriesData(String client, String server) {
        TcpConnection c = TcpConnection.connect(Personality.named(client), 49152, 80, ISS, 1460, 100, 0);
        TcpSegment syn = drain(c).getFirst();
        TcpConnection s = TcpConnection.accept(Personality.named(server), 80, 49152, syn, 777, 1460, 200, MS);
        TcpSegment synAck = drain(s).getFirst();
        assertThat(synAck.header().flags()).isEqualTo(TcpHeader.SYN | TcpHeader.ACK);
        assertThat(synAck.header().ack()).isEqualTo(ISS + 1);
        c.onSegment(synAck, 2 * MS);
        assertThat(c.state()).isInstanceOf(TcpState.Established.class);
        assertThat(c.pollEvent()).isEqualTo(TcpEvent.CONNECTED);
        deliver(c, s, 3 * MS);
        assertThat(s.state()).isInstanceOf(TcpState.Established.class);
        assertThat(s.pollEvent()).isEqualTo(TcpEvent.CONNECTED);
        assertThat(c.peerMss()).isEqualTo(1460);
        // The client's first data segment, as the socket layer will build it, is accepted and acknowledged: at once
        // in Linux's and XNU's quick-ack start, after the delayed-ACK timer on FreeBSD and OpenBSD.
        TcpHeader data = TcpHeader.of(49152, 80, ISS + 1, 778, TcpHeader.ACK | TcpHeader.PSH, 502, List.of());
        s.onSegment(new TcpSegment(data, ByteString.copyOf("hello".getBytes())), 4 * MS);
        assertThat(new String(s.read(100, 4 * MS))).isEqualTo("hello");
        List<TcpSegment> ack = drain(s);
        Personality sp = Personality.named(server);
        if (sp.ackPolicy().quickAcks() == 0) {
            assertThat(ack).isEmpty();
            assertThat(s.nextDeadlineNs()).isEqualTo(4 * MS + sp.tcpTimers().delayedAckNs());
            s.onTimer(s.nextDeadlineNs());
            ack = drain(s);
        }
        assertThat(ack).singleElement().satisfies(a -> assertThat(a.header().ack()).isEqualTo(ISS + 6));
    }
}
