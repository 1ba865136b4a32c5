package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.stack.TcpHandle;
import io.jnetstack.wire.IpProtocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a real client stack experiences when the server's accept queue is full (listen(fd, 0), nothing accepted):
 * a Linux server drops its SYN until the application accepts; a FreeBSD server completes the handshake and then
 * resets the connection the client already believes established (docs/research/tcp-closing.md §6).
 */
class TcpListenScenarioTest {
    private static final long MS = 1_000_000L;

    /** SYNs the client sends, by time. */
    private static List<Long> synTimes(TcpScenarioTest.Net n) {
        List<Long> syns = new ArrayList<>();
        n.lan.addTap((frame, off, len, nowNs) -> {
            io.jnetstack.link.FrameInfo f = new io.jnetstack.link.FrameInfo(n.lan.medium(), frame, off, len, nowNs);
            if (f.isIp() && f.protocol() == IpProtocol.TCP && f.source().toString().equals("10.0.0.1")
                    && (f.bytes()[f.transportOffset() + 13] & 0x12) == 0x02) {
                syns.add(f.nowNs());
            }
        });
        return syns;
    }

    @Test
    void linuxServer_dropsTheSynWhileTheQueueIsFull_andTheRetransmittedSynSucceedsAfterAccept() {
        TcpScenarioTest.Net n = new TcpScenarioTest.Net("linux", "linux");
        List<Long> syns = synTimes(n);
        n.server.stack().tcpListen(80, 0);
        n.connect("10.0.0.2", 80);
        TcpHandle[] accepted = new TcpHandle[1];
        n.sim.at(100 * MS, () -> n.connect("10.0.0.2", 80));
        n.sim.at(1500 * MS, () -> n.server.run(s -> accepted[0] = s.tcpAccept(80)));
        n.sim.runUntil(5000 * MS);
        assertThat(accepted[0]).isNotNull();
        assertThat(n.events).containsExactly("client CONNECTED", "server CONNECTED", "client CONNECTED",
                "server CONNECTED");
        assertThat(n.times.get(2)).as("SYNs at 0.1 and 1.1 s dropped, the one at 2.1 s answered")
                .isEqualTo(2110 * MS);
        assertThat(syns.subList(1, syns.size())).containsExactly(100 * MS, 1100 * MS, 2100 * MS);
        assertThat(n.server.stack().tcpAcceptQueueLength(80)).isEqualTo(1);
    }

    @Test
    void freebsdServer_completesTheHandshake_thenResetsTheFinalAck_soTheClientSeesConnectedThenReset() {
        TcpScenarioTest.Net n = new TcpScenarioTest.Net("linux", "freebsd");
        n.server.stack().tcpListen(80, 0);
        n.connect("10.0.0.2", 80);
        n.sim.at(100 * MS, () -> n.connect("10.0.0.2", 80));
        n.sim.runUntil(5000 * MS);
        assertThat(n.events).containsExactly("client CONNECTED", "server CONNECTED", "client CONNECTED",
                "client RESET");
        assertThat(n.times.subList(2, 4)).containsExactly(110 * MS, 120 * MS);
        assertThat(n.server.stack().tcpAcceptQueueLength(80)).isEqualTo(1);
    }
}
