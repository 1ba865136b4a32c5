package io.jnetstack.stack;

import static io.jnetstack.stack.TcpListenTest.PORT;
import static io.jnetstack.stack.TcpListenTest.SEED;
import static io.jnetstack.stack.TcpListenTest.SYN_ACK;
import static io.jnetstack.stack.TcpListenTest.isn;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.stack.RawTcpPeer.Sent;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FreeBSD's net.inet.tcp.drop_synfin at 0 and 1 where the listener, not a connection, sees the segment: a SYN+FIN
 * to a listening port (tcp_input_with_port: dropped before syncache_add) and a SYN+FIN beyond RCV.NXT to a 4-tuple
 * in TIME-WAIT (tcp_twcheck since commit f8b5681094dd: dropped before the SYN could reopen the 4-tuple).
 */
class TcpListenSynFinTest {
    static final int SYN_FIN = TcpHeader.SYN | TcpHeader.FIN;

    static RawTcpPeer freebsd(long dropSynFin) {
        RawTcpPeer p = new RawTcpPeer("freebsd", SEED);
        p.stack.personality().tunables().set("net.inet.tcp.drop_synfin", dropSynFin);
        return p;
    }

    @ParameterizedTest(name = "drop_synfin={0}")
    @ValueSource(longs = {0, 1})
    void synFinToAListener_opensAConnectionOnlyWhenNotDropped(long drop) {
        RawTcpPeer p = freebsd(drop);
        p.stack.tcpListen(PORT);
        p.send(2000, PORT, isn(2000), 0, SYN_FIN, List.of(new TcpOption.Mss(1460)), 0);
        List<Sent> out = p.takeTo(2000);
        if (drop == 1) {
            assertThat(out).as("seed %d", SEED).isEmpty();
            p.syn(2000, PORT, isn(2000) + 10);
            out = p.takeTo(2000);
            assertThat(out).as("a plain SYN is still answered").hasSize(1);
            assertThat(out.getFirst().header().ack()).isEqualTo(isn(2000) + 11);
        } else {
            assertThat(out).as("seed %d", SEED).hasSize(1);
            assertThat(out.getFirst().is(SYN_ACK)).isTrue();
            assertThat(out.getFirst().header().ack()).isEqualTo(isn(2000) + 1);
        }
    }

    @ParameterizedTest(name = "drop_synfin={0}")
    @ValueSource(longs = {0, 1})
    void synFinBeyondRcvNxtInTimeWait_reopensOnlyWhenNotDropped(long drop) {
        RawTcpPeer p = freebsd(0);
        TcpListenTimeWaitTest.intoTimeWait(p);
        p.stack.personality().tunables().set("net.inet.tcp.drop_synfin", drop);
        int seq = isn(TcpListenTimeWaitTest.CLIENT_PORT) + 2 + 1000;
        p.send(TcpListenTimeWaitTest.CLIENT_PORT, PORT, seq, 0, SYN_FIN, List.of(new TcpOption.Mss(1460)), 0);
        List<Sent> out = p.takeTo(TcpListenTimeWaitTest.CLIENT_PORT);
        if (drop == 1) {
            assertThat(out).as("seed %d", SEED).isEmpty();
            assertThat(p.events).isEmpty();
        } else {
            assertThat(out).as("seed %d", SEED).hasSize(1);
            assertThat(out.getFirst().is(SYN_ACK)).isTrue();
            assertThat(p.events).containsExactly(TcpListenTimeWaitTest.CLIENT_PORT + " CLOSED");
        }
    }
}
