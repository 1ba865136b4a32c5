package io.jnetstack.stack;

import static io.jnetstack.stack.RawTcpPeer.MS;
import static io.jnetstack.stack.RawTcpPeer.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.stack.RawTcpPeer.Sent;
import io.jnetstack.wire.tcp.TcpHeader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The passive side per personality, with a hand-driven client: backlog limits and what the next client gets,
 * SYN-ACK retransmission, duplicate SYNs, SYN to a TIME-WAIT 4-tuple, closing a listener
 * (docs/research/tcp-closing.md §§1, 6, 7).
 */
class TcpListenTest {
    static final int PORT = 80;
    static final int SEED = 7;
    static final int SYN_ACK = TcpHeader.SYN | TcpHeader.ACK;

    static int isn(int clientPort) {
        return 1_000_000 * clientPort;
    }

    /** A full handshake from {@code port}; returns the server's ISS. */
    static int handshake(RawTcpPeer p, int port) {
        p.syn(port, PORT, isn(port));
        List<Sent> out = p.takeTo(port);
        assertThat(out).as("SYN-ACK to client %d (seed %d)", port, SEED).hasSize(1);
        assertThat(out.getFirst().is(SYN_ACK)).isTrue();
        int iss = out.getFirst().header().seq();
        p.send(port, PORT, isn(port) + 1, iss + 1, TcpHeader.ACK, List.of(), 0);
        return iss;
    }

    /** listen(fd, 2): Linux 2 + 1, FreeBSD ⌊3 × 2 / 2⌋ + 1, OpenBSD 3 × 80 + 1 (sominconn), XNU 2. */
    static Stream<Arguments> backlogTwo() {
        return Stream.of(Arguments.of("linux", 3), Arguments.of("freebsd", 4), Arguments.of("openbsd", 241),
                Arguments.of("macos", 2));
    }

    @ParameterizedTest(name = "{0} admits {1}")
    @MethodSource("backlogTwo")
    void backlogTwo_admitsExactlyTheOsLimit_andTheNextClientGetsTheOsAnswer(String os, int limit) {
        RawTcpPeer p = new RawTcpPeer(os, SEED);
        p.stack.tcpListen(PORT, 2);
        for (int i = 0; i < limit; i++) {
            handshake(p, 1000 + i);
            assertThat(p.stack.tcpAcceptQueueLength(PORT)).isEqualTo(i + 1);
        }
        int next = 1000 + limit;
        p.syn(next, PORT, isn(next));
        List<Sent> answer = p.takeTo(next);
        switch (os) {
            case "linux", "macos" -> assertThat(answer).as("the SYN is dropped silently").isEmpty();
            case "freebsd", "openbsd" -> {
                assertThat(answer).as("the SYN cache answers").hasSize(1);
                int iss = answer.getFirst().header().seq();
                p.send(next, PORT, isn(next) + 1, iss + 1, TcpHeader.ACK, List.of(), 0);
                List<Sent> rst = p.takeTo(next);
                assertThat(rst).as("sonewconn fails: RST to the final ACK").hasSize(1);
                assertThat(rst.getFirst().is(TcpHeader.RST)).isTrue();
                assertThat(rst.getFirst().header().seq()).isEqualTo(iss + 1);
            }
            default -> throw new AssertionError(os);
        }
        assertThat(p.stack.tcpAcceptQueueLength(PORT)).isEqualTo(limit);
        assertThat(p.stack.tcpAccept(PORT).remotePort()).as("first in, first out").isEqualTo(1000);
    }

    @Test
    void linux_finalAckToAFullQueue_isIgnored_theSynAckRetransmitted_andAnAckAfterAcceptCompletes() {
        RawTcpPeer p = new RawTcpPeer("linux", SEED);
        p.stack.tcpListen(PORT, 0);
        p.syn(1001, PORT, isn(1001));
        p.syn(1002, PORT, isn(1002));
        int issA = p.takeTo(1001).getFirst().header().seq();
        int issB = p.takeTo(1002).getFirst().header().seq();
        p.send(1001, PORT, isn(1001) + 1, issA + 1, TcpHeader.ACK, List.of(), 0);
        p.send(1002, PORT, isn(1002) + 1, issB + 1, TcpHeader.ACK, List.of(), 0);
        p.send(1002, PORT, isn(1002) + 1, issB + 1, TcpHeader.ACK | TcpHeader.PSH, List.of(), 100);
        assertThat(p.takeTo(1002)).as("no RST, and the data goes unanswered").isEmpty();
        assertThat(p.stack.tcpAcceptQueueLength(PORT)).isEqualTo(1);
        p.runUntil(1500 * MS);
        List<Sent> again = p.takeTo(1002);
        assertThat(again).extracting(Sent::atNs).containsExactly(S);
        assertThat(again.getFirst().is(SYN_ACK)).isTrue();
        assertThat(p.stack.tcpAccept(PORT).remotePort()).isEqualTo(1001);
        p.send(1002, PORT, isn(1002) + 1, issB + 1, TcpHeader.ACK, List.of(), 0);
        assertThat(p.stack.tcpAccept(PORT).remotePort()).isEqualTo(1002);
        assertThat(p.events).containsExactly("1001 CONNECTED", "1002 CONNECTED");
    }

    @Test
    void macos_fullQueue_evictsAHalfOpenConnectionForTheNewSyn_thenDropsSynsWhenAllAreComplete() {
        RawTcpPeer p = new RawTcpPeer("macos", SEED);
        p.stack.tcpListen(PORT, 1);
        p.syn(1001, PORT, isn(1001));
        int issA = p.takeTo(1001).getFirst().header().seq();
        p.syn(1002, PORT, isn(1002));
        int issB = p.takeTo(1002).getFirst().header().seq();
        p.send(1001, PORT, isn(1001) + 1, issA + 1, TcpHeader.ACK, List.of(), 0);
        List<Sent> evicted = p.takeTo(1001);
        assertThat(evicted).as("the evicted connection is gone: its ACK meets the listener").hasSize(1);
        assertThat(evicted.getFirst().is(TcpHeader.RST)).isTrue();
        p.send(1002, PORT, isn(1002) + 1, issB + 1, TcpHeader.ACK, List.of(), 0);
        assertThat(p.stack.tcpAcceptQueueLength(PORT)).isEqualTo(1);
        p.syn(1003, PORT, isn(1003));
        assertThat(p.takeTo(1003)).as("nothing to evict: the SYN is dropped").isEmpty();
    }

    /** The SYN-ACK schedule when the final ACK never comes, and when the half-open connection is dropped. */
    static Stream<Arguments> synAckSchedules() {
        return Stream.of(Arguments.of("linux", List.of(0L, 1000L, 3000L, 7000L, 15_000L, 31_000L), 63_000L),
                Arguments.of("freebsd", List.of(0L, 1000L, 3200L, 7400L), 15_600L),
                Arguments.of("openbsd", List.of(0L, 3000L, 9000L, 21_000L, 45_000L), 93_000L),
                Arguments.of("macos", List.of(0L, 1000L, 3000L, 7000L, 15_000L, 31_000L, 63_000L), 75_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("synAckSchedules")
    void lostFinalAck_synAckIsRetransmittedOnTheOsSchedule_thenTheRequestIsDropped(String os, List<Long> atMs,
            long giveUpMs) {
        RawTcpPeer p = new RawTcpPeer(os, SEED);
        p.stack.tcpListen(PORT);
        p.syn(1001, PORT, isn(1001));
        p.runUntil(giveUpMs * MS - 1);
        List<Sent> synAcks = p.takeTo(1001);
        assertThat(synAcks).extracting(s -> s.atNs() / MS).containsExactlyElementsOf(atMs);
        assertThat(synAcks).allSatisfy(s -> {
            assertThat(s.is(SYN_ACK)).isTrue();
            assertThat(s.header().seq()).isEqualTo(synAcks.getFirst().header().seq());
            assertThat(s.header().ack()).isEqualTo(isn(1001) + 1);
        });
        assertThat(p.stack.nextDeadlineNs()).as("waiting to give up").isEqualTo(giveUpMs * MS);
        p.runUntil(200 * S);
        List<Sent> end = p.takeTo(1001);
        if (os.equals("macos")) {
            assertThat(end).as("tcp_drop of a SYN_RECEIVED tcpcb").singleElement()
                    .satisfies(s -> assertThat(s.is(TcpHeader.RST | TcpHeader.ACK)).isTrue());
        } else {
            assertThat(end).as("the request is forgotten silently").isEmpty();
        }
        assertThat(p.stack.nextDeadlineNs()).isEqualTo(Long.MAX_VALUE);
        p.send(1001, PORT, isn(1001) + 1, synAcks.getFirst().header().seq() + 1, TcpHeader.ACK, List.of(), 0);
        assertThat(p.takeTo(1001)).as("a late final ACK meets the listener").singleElement()
                .satisfies(s -> assertThat(s.is(TcpHeader.RST)).isTrue());
        assertThat(p.stack.tcpAcceptQueueLength(PORT)).isZero();
    }

    /** A retransmitted SYN at 2.5 s: an immediate SYN-ACK, then each OS's schedule. */
    static Stream<Arguments> duplicateSyn() {
        return Stream.of(
                Arguments.of("linux", List.of(0L, 1000L, 2500L, 4500L, 8500L, 16_500L, 32_500L), 64_500L),
                Arguments.of("freebsd", List.of(0L, 1000L, 2500L, 3500L, 5700L, 9900L), 18_100L),
                Arguments.of("openbsd", List.of(0L, 2500L, 3000L, 9000L, 21_000L, 45_000L), 93_000L),
                Arguments.of("macos", List.of(0L, 1000L, 2500L, 3000L, 7000L, 15_000L, 31_000L, 63_000L),
                        75_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicateSyn")
    void duplicateSyn_drawsAnImmediateSynAck_andMovesTheScheduleAsTheOsDoes(String os, List<Long> atMs,
            long giveUpMs) {
        RawTcpPeer p = new RawTcpPeer(os, SEED);
        p.stack.tcpListen(PORT);
        p.syn(1001, PORT, isn(1001));
        p.runUntil(2500 * MS);
        p.syn(1001, PORT, isn(1001));
        p.runUntil(giveUpMs * MS - 1);
        List<Sent> synAcks = p.takeTo(1001);
        assertThat(synAcks).extracting(s -> s.atNs() / MS).containsExactlyElementsOf(atMs);
        assertThat(synAcks).allSatisfy(s -> assertThat(s.header().seq()).isEqualTo(synAcks.getFirst().header().seq()));
        assertThat(p.stack.nextDeadlineNs()).isEqualTo(giveUpMs * MS);
        assertThat(p.events).as("the half-open connection is neither closed nor reported").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.TcpListenTest#oses")
    void unlisten_resetsQueuedConnections_andThePortIsClosed(String os) {
        RawTcpPeer p = new RawTcpPeer(os, SEED);
        p.stack.tcpListen(PORT, 5);
        int issA = handshake(p, 1001);
        int issB = handshake(p, 1002);
        p.stack.tcpUnlisten(PORT, p.now());
        for (int port : new int[] {1001, 1002}) {
            Sent rst = p.takeTo(port).getFirst();
            assertThat(rst.is(TcpHeader.RST | TcpHeader.ACK)).as("%s to %d", os, port).isTrue();
            assertThat(rst.header().seq()).isEqualTo((port == 1001 ? issA : issB) + 1);
            assertThat(rst.header().ack()).isEqualTo(isn(port) + 1);
        }
        assertThat(p.stack.tcpAccept(PORT)).isNull();
        p.syn(1003, PORT, isn(1003));
        assertThat(p.takeTo(1003)).singleElement()
                .satisfies(s -> assertThat(s.is(TcpHeader.RST | TcpHeader.ACK)).isTrue());
    }

    static Stream<String> oses() {
        return Stream.of("linux", "freebsd", "openbsd", "macos");
    }
}
