package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.socket.ThreadContext.Wake;
import io.jnetstack.stack.StackListener;
import io.jnetstack.wire.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Threads woken by the network, by signals, and at scale; the same seed gives the same run. */
@Timeout(60)
class SimThreadWakeUpTest {
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    /** Two hosts on one Ethernet segment with a 10 µs one-way delay; a counts echo replies and their times. */
    static final class Pair implements StackListener {
        final Simulation sim;
        final SimHost a;
        final SimHost b;
        final List<Long> replies = new ArrayList<>();

        Pair(long seed) {
            sim = new Simulation(seed);
            SimLink lan = sim.addEthernet("lan", LinkProperties.IDEAL.withDelayNs(10 * US).withJitterNs(3 * US));
            a = sim.addHost("a", Personality.all().getFirst());
            b = sim.addHost("b", Personality.all().getFirst());
            sim.attach(a, lan, "eth0", "10.0.0.1/24");
            sim.attach(b, lan, "eth0", "10.0.0.2/24");
            a.stack().setListener(this);
        }

        @Override
        public void onEchoReply(IpAddress from, int id, int seq, int ttl, int len, long nowNs) {
            replies.add(nowNs);
        }

        /** A thread on a pings b {@code count} times, each after the previous reply; returns the wake times. */
        List<String> pingLoop(int count) {
            List<String> out = new ArrayList<>();
            a.spawn("ping").start("main", t -> {
                for (int seq = 1; seq <= count; seq++) {
                    int want = seq;
                    int s = seq;
                    a.run(st -> st.ping(IpAddress.parse("10.0.0.2").orThrow(), 9, s, 56, 0, t.nowNs()));
                    Wake w = t.await(() -> replies.size() >= want, t.nowNs() + 100 * MS);
                    out.add(seq + " " + w + " @" + t.nowNs());
                }
            });
            sim.runFor(S);
            return out;
        }
    }

    @Test
    void aConditionMadeTrueByANetworkEvent_wakesTheThreadAtThatEventsTime() {
        Pair n = new Pair(42);
        List<String> wakes = n.pingLoop(3);
        assertThat(n.replies).hasSize(3);
        assertThat(wakes).containsExactly("1 READY @" + n.replies.get(0), "2 READY @" + n.replies.get(1),
                "3 READY @" + n.replies.get(2));
        assertThat(n.replies.getFirst()).as("ARP then echo: two round trips of >= 20 us")
                .isGreaterThanOrEqualTo(40 * US);
    }

    @Test
    void theSameSeed_givesTheSameWakeTimes_andAnotherSeedOtherJitter() {
        List<String> first = new Pair(5).pingLoop(20);
        List<String> second = new Pair(5).pingLoop(20);
        List<String> other = new Pair(6).pingLoop(20);
        assertThat(second).as("seed 5").isEqualTo(first).hasSize(20);
        assertThat(other).as("seed 6 jitters differently").isNotEqualTo(first);
    }

    @Test
    void aSignalAtT_wakesABlockedThreadExactlyAtT_andTakeSignalReturnsItsNumber() {
        Simulation sim = new Simulation(1);
        SimHost h = sim.addHost("h", Personality.all().getFirst());
        List<String> out = new ArrayList<>();
        SimThread t = h.spawn("p").start("t", c -> {
            Wake w = c.await(() -> false, 50 * MS);
            out.add(w + " @" + c.nowNs() + " sig " + c.takeSignal() + " then " + c.takeSignal());
        });
        t.signalAt(14, 7 * MS + 3);
        sim.runFor(100 * MS);
        assertThat(out).containsExactly("SIGNAL @7000003 sig 14 then 0");
    }

    @Test
    void signalsSentByAThread_arePendingAtOnce_andAwaitReturnsSignalUntilAllAreTaken_lowestFirst() {
        Simulation sim = new Simulation(1);
        SimProcess p = sim.addHost("h", Personality.all().getFirst()).spawn("p");
        List<String> out = new ArrayList<>();
        SimThread target = p.start("target", c -> {
            out.add("sleep " + c.sleep(50 * MS) + " @" + c.nowNs());
            out.add("await " + c.await(() -> true, Long.MAX_VALUE));
            out.add(c.takeSignal() + "," + c.takeSignal() + "," + c.takeSignal() + "," + c.takeSignal());
            out.add("await " + c.await(() -> true, Long.MAX_VALUE) + " @" + c.nowNs());
        });
        p.start("sender", c -> {
            c.sleep(10 * MS);
            target.signalAt(15, c.nowNs());
            target.signalAt(2, c.nowNs());
            target.signalAt(9, c.nowNs());
            out.add("sent @" + c.nowNs());
        });
        sim.runFor(100 * MS);
        assertThat(out).containsExactly("sent @10000000", "sleep SIGNAL @10000000", "await SIGNAL", "2,9,15,0",
                "await READY @10000000");
    }

    @Test
    void tenThousandThreads_sleepingDifferentTimes_allWakeAtTheirExactTimes_inOneRun() {
        int n = 10_000;
        long seed = 2024;
        Simulation sim = new Simulation(seed);
        SimProcess p = sim.addHost("h", Personality.all().getFirst()).spawn("many");
        long[] sleeps = shuffledDistinct(n, new SplittableRandom(seed));
        long[] woke = new long[n];
        for (int i = 0; i < n; i++) {
            int k = i;
            p.start("t" + i, t -> {
                t.sleep(sleeps[k]);
                woke[k] = t.nowNs();
            });
        }
        sim.runFor(n * 7 * US + 1);
        for (int i = 0; i < n; i++) {
            assertThat(woke[i]).as("thread %d, seed %d", i, seed).isEqualTo(sleeps[i]);
        }
        assertThat(p.alive()).isFalse();
    }

    /** 7 µs, 14 µs, ..., n * 7 µs in a seeded random order. */
    private static long[] shuffledDistinct(int n, SplittableRandom r) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i + 1) * 7 * US;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long x = v[i];
            v[i] = v[j];
            v[j] = x;
        }
        return v;
    }
}
