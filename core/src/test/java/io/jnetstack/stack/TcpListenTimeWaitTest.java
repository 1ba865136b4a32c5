package io.jnetstack.stack;

import static io.jnetstack.stack.TcpListenTest.PORT;
import static io.jnetstack.stack.TcpListenTest.SEED;
import static io.jnetstack.stack.TcpListenTest.isn;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.stack.RawTcpPeer.Sent;
import io.jnetstack.wire.tcp.TcpHeader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A SYN for a 4-tuple the listening server holds in TIME-WAIT (docs/research/tcp-closing.md §1). */
class TcpListenTimeWaitTest {
    static final int CLIENT_PORT = 1001;

    /** Handshake, server closes first, client's FIN,ACK: the server is in TIME-WAIT. Returns the server's ISS. */
    static int intoTimeWait(RawTcpPeer p) {
        p.stack.tcpListen(PORT);
        int iss = TcpListenTest.handshake(p, CLIENT_PORT);
        TcpHandle h = p.stack.tcpAccept(PORT);
        p.stack.tcpClose(h, p.now());
        p.send(CLIENT_PORT, PORT, isn(CLIENT_PORT) + 1, iss + 2, TcpHeader.FIN | TcpHeader.ACK, List.of(), 0);
        assertThat(p.stack.tcpConnection(h).state().getClass().getSimpleName()).isEqualTo("TimeWait");
        p.takeTo(CLIENT_PORT);
        p.events.clear();
        return iss;
    }

    /**
     * {@code offset} is the new SYN's sequence number relative to the old RCV.NXT; {@code reopens} whether the OS
     * takes it as a new connection (else the TIME-WAIT connection answers with an ACK).
     */
    @ParameterizedTest(name = "{0}: SYN at RCV.NXT{1} reopens={2}")
    @CsvSource({
        "linux, 10000000, true", "freebsd, 10000000, true", "openbsd, 10000000, true", "macos, 10000000, true",
        "linux, 1000, true", "freebsd, 1000, true", "openbsd, 1000, true", "macos, 1000, false",
        "linux, -2, false", "freebsd, -2, false", "openbsd, -2, false", "macos, -2, false",
        "linux, 0, false", "freebsd, 0, false", "openbsd, 0, false", "macos, 0, false"})
    void synToTimeWait_reopensOnlyWhenTheOsRuleAllows(String os, int offset, boolean reopens) {
        RawTcpPeer p = new RawTcpPeer(os, SEED);
        int oldIss = intoTimeWait(p);
        int oldRcvNxt = isn(CLIENT_PORT) + 2;
        int seq = oldRcvNxt + offset;
        p.syn(CLIENT_PORT, PORT, seq);
        List<Sent> out = p.takeTo(CLIENT_PORT);
        if (!reopens && p.stack.personality().tcpStateRules().timeWaitCheck()) {
            // FreeBSD tcp_twcheck: a SYN that does not reopen has no ACK bit, "drop the segment"
            assertThat(out).as("seed %d", SEED).isEmpty();
            assertThat(p.events).isEmpty();
            return;
        }
        assertThat(out).as("seed %d", SEED).hasSize(1);
        TcpHeader answer = out.getFirst().header();
        if (!reopens) {
            assertThat(answer.flags()).as("the TIME-WAIT connection answers").isEqualTo(TcpHeader.ACK);
            assertThat(answer.ack()).isEqualTo(oldRcvNxt);
            assertThat(p.events).isEmpty();
            return;
        }
        assertThat(answer.flags()).isEqualTo(TcpHeader.SYN | TcpHeader.ACK);
        assertThat(answer.ack()).isEqualTo(seq + 1);
        assertThat(p.events).containsExactly(CLIENT_PORT + " CLOSED");
        int oldSndNxt = oldIss + 2;
        if (os.equals("linux")) {
            assertThat(answer.seq()).as("tw_snd_nxt + 65535 + 2").isEqualTo(oldSndNxt + 65537);
        } else {
            assertThat(answer.seq()).as("a fresh ISN").isNotEqualTo(oldSndNxt + 65537);
        }
        p.send(CLIENT_PORT, PORT, seq + 1, answer.seq() + 1, TcpHeader.ACK, List.of(), 0);
        assertThat(p.stack.tcpAccept(PORT)).isNotNull();
        assertThat(p.events).containsExactly(CLIENT_PORT + " CLOSED", CLIENT_PORT + " CONNECTED");
    }
}
