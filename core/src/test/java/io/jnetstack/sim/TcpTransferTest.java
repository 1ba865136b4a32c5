package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.link.Rules;
import io.jnetstack.personality.Personality;
import io.jnetstack.stack.StackListener;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.Ipv4Address;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data in both directions at once over a link with 10 ms delay, jitter, 2% loss, duplication and reordering;
 * the SHA-256 of what arrives must equal what was sent. Recovery is by RTO only for now (go-back-N: no
 * reassembly, fast retransmit or SACK yet), so the sizes are modest.
 */
class TcpTransferTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    /** One direction's application: writes {@code total} seeded bytes, reads what arrives. */
    static final class App {
        final byte[] data;
        int written;
        final ByteArrayOutputStream got = new ByteArrayOutputStream();
        TcpHandle handle;

        App(long seed, int total) {
            data = new byte[total];
            new RandomSource(seed).nextBytes(data);
        }

        void pump(SimHost host, long nowNs) {
            if (handle == null) {
                return;
            }
            if (written < data.length) {
                written += host.stack().tcpSend(handle, data, written, data.length - written, nowNs);
            }
            byte[] in = host.stack().tcpRead(handle, 1 << 20, nowNs);
            got.write(in, 0, in.length);
        }
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @ParameterizedTest(name = "{0} ⇄ {1}")
    @MethodSource("io.jnetstack.sim.TcpScenarioTest#pairs")
    void bothDirectionsAtOnce_overALossyReorderingDuplicatingLink_arriveIntact(String aOs, String bOs)
            throws Exception {
        Simulation sim = new Simulation(2026);
        SimLink link = sim.addEthernet("lan", LinkProperties.IDEAL.withDelayNs(10 * MS).withJitterNs(2 * MS)
                .withLoss(0.02));
        link.faults().add(Rules.duplicate(0.01, sim.random().fork("dup"), f -> true));
        SimHost a = sim.addHost("a", Personality.named(aOs));
        SimHost b = sim.addHost("b", Personality.named(bOs));
        sim.attach(a, link, "eth0", "10.0.0.1/24");
        sim.attach(b, link, "eth0", "10.0.0.2/24");
        App fromA = new App(1, 256 * 1024);
        App fromB = new App(2, 256 * 1024);
        b.stack().setListener(new StackListener() {
            @Override
            public void onTcpEvent(TcpHandle h, TcpEvent e, long nowNs) {
                if (e == TcpEvent.CONNECTED) {
                    fromB.handle = h;
                }
            }
        });
        b.stack().tcpListen(5001);
        a.run(s -> fromA.handle = s.tcpConnect(Ipv4Address.of("10.0.0.2"), 5001, sim.nowNs()));
        long end = 600 * S;
        while (sim.nowNs() < end && (fromA.got.size() < fromB.data.length || fromB.got.size() < fromA.data.length)) {
            sim.runFor(5 * MS);
            a.run(s -> fromA.pump(a, sim.nowNs()));
            b.run(s -> fromB.pump(b, sim.nowNs()));
        }
        String state = "at " + sim.nowNs() / MS + " ms: a got " + fromA.got.size() + ", b got " + fromB.got.size()
                + "; a: " + a.stack().tcpConnection(fromA.handle).describe() + "; b: "
                + b.stack().tcpConnection(fromB.handle).describe();
        assertThat(sha256(fromB.got.toByteArray())).as("a → b, seed 2026, " + state).isEqualTo(sha256(fromA.data));
        assertThat(sha256(fromA.got.toByteArray())).as("b → a, seed 2026").isEqualTo(sha256(fromB.data));
        assertThat(link.drops().get("loss")).as("the link really lost frames").isGreaterThan(10L);
    }
}
