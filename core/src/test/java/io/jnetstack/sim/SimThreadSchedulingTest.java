package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.personality.Personality;
import io.jnetstack.socket.ThreadContext.Wake;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Application threads in virtual time: order, blocking, deadlines, failures (design.md §5). */
@Timeout(60)
class SimThreadSchedulingTest {
    private static final long MS = 1_000_000L;

    private final Simulation sim = new Simulation(7);
    private final SimHost host = sim.addHost("h", Personality.all().getFirst());
    private final List<String> trace = new ArrayList<>();

    private void note(SimThread t, String step) {
        trace.add(t.name() + "@" + t.nowNs() + ":" + step);
    }

    /** Three threads: a sleeps 2 ms twice, b sleeps 1 ms three times, c runs once; all started at 0. */
    private List<String> threeThreads(Simulation s, List<String> out) {
        SimProcess p = s.addHost("x", Personality.all().getFirst()).spawn("app");
        p.start("a", t -> {
            for (int i = 0; i < 2; i++) {
                out.add("a@" + t.nowNs() + ":" + i);
                t.sleep(2 * MS);
            }
            out.add("a@" + t.nowNs() + ":end");
        });
        p.start("b", t -> {
            for (int i = 0; i < 3; i++) {
                out.add("b@" + t.nowNs() + ":" + i);
                t.sleep(MS);
            }
            out.add("b@" + t.nowNs() + ":end");
        });
        p.start("c", t -> out.add("c@" + t.nowNs() + ":only"));
        s.runFor(10 * MS);
        return out;
    }

    @Test
    void threadsInterleave_inCreationOrder_thenInWakeUpOrder_sameInEveryRun() {
        List<String> first = threeThreads(new Simulation(1), new ArrayList<>());
        List<String> second = threeThreads(new Simulation(1), new ArrayList<>());
        assertThat(first).containsExactly(
                "a@0:0", "b@0:0", "c@0:only",
                "b@1000000:1",
                "a@2000000:1", "b@2000000:2",
                "b@3000000:end",
                "a@4000000:end");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void awaitOnATrueCondition_returnsReadyAtOnce_withoutAdvancingTime() {
        List<Wake> wakes = new ArrayList<>();
        sim.runFor(5 * MS);
        host.spawn("p").start("t", t -> {
            wakes.add(t.await(() -> true, t.nowNs() + MS));
            note(t, "after");
        });
        sim.runFor(0);
        assertThat(wakes).containsExactly(Wake.READY);
        assertThat(trace).containsExactly("t@5000000:after");
    }

    @Test
    void awaitWithADeadline_returnsTimeout_exactlyAtTheDeadline() {
        List<Wake> wakes = new ArrayList<>();
        host.spawn("p").start("t", t -> {
            wakes.add(t.await(() -> false, 3 * MS + 17));
            note(t, "woke");
        });
        sim.runFor(3 * MS + 16);
        assertThat(wakes).isEmpty();
        sim.runFor(10 * MS);
        assertThat(wakes).containsExactly(Wake.TIMEOUT);
        assertThat(trace).containsExactly("t@3000017:woke");
    }

    @Test
    void aConditionMadeTrueByAnotherThread_wakesTheWaiter_whenTheWriterBlocks() {
        boolean[] flag = new boolean[1];
        SimProcess p = host.spawn("p");
        p.start("waiter", t -> {
            Wake w = t.await(() -> flag[0], Long.MAX_VALUE);
            note(t, "woke " + w);
        });
        p.start("writer", t -> {
            t.sleep(5 * MS);
            flag[0] = true;
            note(t, "set");
            t.sleep(MS);
            note(t, "end");
        });
        sim.runFor(20 * MS);
        assertThat(trace).containsExactly("writer@5000000:set", "waiter@5000000:woke READY", "writer@6000000:end");
    }

    @Test
    void threadsAllBlocked_withNoEventsPending_letRunUntilEnd_andTimeAdvance() {
        SimThread t = host.spawn("p").start("forever", c -> c.await(() -> false, Long.MAX_VALUE));
        sim.runUntil(1_000_000 * MS);
        assertThat(sim.nowNs()).isEqualTo(1_000_000 * MS);
        assertThat(sim.pendingEvents()).isZero();
        assertThat(t.state()).isEqualTo(SimThread.State.BLOCKED);
        sim.runFor(Long.MAX_VALUE - sim.nowNs());
        assertThat(sim.nowNs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anExceptionInAThread_isReportedWithItsName_andTheSimulationGoesOn() {
        SimProcess p = host.spawn("srv");
        p.start("doomed", t -> {
            t.sleep(MS);
            throw new IllegalStateException("boom");
        });
        p.start("survivor", t -> {
            t.sleep(2 * MS);
            note(t, "done");
        });
        assertThatThrownBy(() -> sim.runFor(10 * MS)).isInstanceOf(SimThreadException.class)
                .hasMessageContaining("h/srv[1]/doomed").hasMessageContaining("at 1000000 ns")
                .hasRootCauseMessage("boom");
        assertThat(sim.nowNs()).isEqualTo(MS);
        sim.runFor(10 * MS);
        assertThat(trace).containsExactly("survivor@2000000:done");
        assertThat(sim.threadFailures()).singleElement().extracting(e -> e.thread().name()).isEqualTo("doomed");
        assertThat(p.threads()).extracting(SimThread::state).containsOnly(SimThread.State.DONE);
    }

    @Test
    void aThreadCallingRunUntil_failsInsteadOfNesting() {
        host.spawn("p").start("nested", t -> sim.runFor(MS));
        assertThatThrownBy(() -> sim.runFor(MS)).isInstanceOf(SimThreadException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void awaitOffTheThreadsOwnThread_isRefused() {
        SimThread t = host.spawn("p").start("t", c -> c.sleep(MS));
        assertThatThrownBy(() -> t.await(() -> true, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void killingAProcess_unwindsItsBlockedThreads_andDropsThoseNotYetRun() {
        SimProcess p = host.spawn("p");
        p.start("blocked", t -> {
            t.await(() -> false, Long.MAX_VALUE);
            note(t, "never");
        });
        sim.runFor(MS);
        p.start("unstarted", t -> note(t, "never"));
        p.kill();
        sim.runFor(MS);
        assertThat(trace).isEmpty();
        assertThat(p.alive()).isFalse();
        assertThat(sim.threadFailures()).isEmpty();
    }

    @Test
    void pidsCountFromOnePerHost_andThreadsStartedByAThread_runAfterIt() {
        SimProcess p1 = host.spawn("one");
        SimProcess p2 = host.spawn("two");
        p1.start("parent", t -> {
            p2.start("child", c -> note(c, "child"));
            note(t, "parent");
        });
        sim.runFor(0);
        assertThat(List.of(p1.pid(), p2.pid())).containsExactly(1, 2);
        assertThat(trace).containsExactly("parent@0:parent", "child@0:child");
        assertThat(host.processes()).containsExactly(p1, p2);
    }
}
