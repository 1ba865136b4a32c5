package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.link.Verdict;
import io.jnetstack.personality.Personality;
import io.jnetstack.stack.StackStats.Counter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Link properties and link-level verdicts, observed as frame arrivals in virtual time. */
class SimLinkTest {
    private static final long MS = 1_000_000L;

    /** Two hosts on one segment; frames are raw bytes sent from a's port. */
    private static final class Pair {
        final Simulation sim = new Simulation(11);
        final SimLink link;
        final SimHost a = sim.addHost("a", Personality.named("linux"));
        final SimHost b = sim.addHost("b", Personality.named("freebsd"));
        final List<Long> arrivals = new ArrayList<>();

        Pair(LinkProperties props) {
            link = sim.addEthernet("l", props);
            sim.attach(a, link, "eth0", "10.0.0.1/24");
            sim.attach(b, link, "eth0", "10.0.0.2/24");
        }

        void send(int bytes) {
            byte[] f = new byte[bytes];
            link.ports().getFirst().macAddress().write(f, 6);
            link.ports().get(1).macAddress().write(f, 0);
            f[12] = 0x08; // IPv4 EtherType with a zero payload: counted as malformed by b, which is all we need
            link.ports().getFirst().transmit(f, 0, f.length, sim.nowNs());
        }

        long received() {
            return b.stack().stats().get(Counter.FRAMES_IN);
        }

        /** Runs until {@code t}, recording each new arrival's time at 1 µs resolution. */
        void runRecording(long untilNs) {
            long seen = received();
            for (long t = sim.nowNs(); t <= untilNs; t += 1000) {
                sim.runUntil(t);
                for (; seen < received(); seen++) {
                    arrivals.add(t);
                }
            }
        }
    }

    @Test
    void propagationDelay_deliversExactlyAfterTheDelay() {
        Pair p = new Pair(LinkProperties.IDEAL.withDelayNs(5 * MS));
        p.send(100);
        p.runRecording(10 * MS);
        assertThat(p.arrivals).containsExactly(5 * MS);
    }

    @Test
    void rate_serialisesFramesBackToBack() {
        Pair p = new Pair(LinkProperties.IDEAL.withDelayNs(MS).withRate(8_000_000L, 100_000));
        p.send(1000);
        p.send(1000);
        p.runRecording(10 * MS);
        assertThat(p.arrivals).as("1000 bytes at 8 Mbit/s take 1 ms each").containsExactly(2 * MS, 3 * MS);
    }

    @Test
    void queueLimit_dropsTheTail() {
        Pair p = new Pair(LinkProperties.IDEAL.withRate(8_000_000L, 1500));
        for (int i = 0; i < 5; i++) {
            p.send(1000);
        }
        p.sim.runFor(20 * MS);
        assertThat(p.received()).isEqualTo(2);
        assertThat(p.link.drops()).containsEntry("queue", 3L);
    }

    @Test
    void loss_isDrawnFromTheSeed_andRepeatsWithIt() {
        long[] counts = new long[2];
        for (int run = 0; run < 2; run++) {
            Pair p = new Pair(LinkProperties.IDEAL.withLoss(0.5));
            for (int i = 0; i < 1000; i++) {
                p.send(64);
            }
            p.sim.runFor(MS);
            counts[run] = p.received();
            assertThat(p.received() + p.link.drops().get("loss")).isEqualTo(1000);
        }
        assertThat(counts[0]).isEqualTo(counts[1]).isBetween(430L, 570L);
    }

    @Test
    void jitter_staysWithinItsBound_andCanReorder() {
        Pair p = new Pair(LinkProperties.IDEAL.withDelayNs(MS).withJitterNs(MS));
        for (int i = 0; i < 200; i++) {
            p.send(64);
        }
        p.runRecording(3 * MS);
        assertThat(p.arrivals).hasSize(200).allMatch(t -> t >= MS && t <= 2 * MS);
        assertThat(p.arrivals.stream().distinct().count()).isGreaterThan(50);
    }

    @Test
    void duplicateVerdict_deliversTheFrameAndItsCopies() {
        Pair p = new Pair(LinkProperties.IDEAL);
        p.link.faults().add(f -> new Verdict.Duplicate(2, 0));
        p.send(64);
        p.sim.runFor(MS);
        assertThat(p.received()).isEqualTo(3);
    }

    @Test
    void delayVerdict_holdsTheFrameBack() {
        Pair p = new Pair(LinkProperties.IDEAL.withDelayNs(MS));
        p.link.faults().add(f -> new Verdict.Delay(4 * MS));
        p.send(64);
        p.runRecording(10 * MS);
        assertThat(p.arrivals).containsExactly(5 * MS);
    }
}
