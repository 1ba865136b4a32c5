package io.jnetstack.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    private static Runnable tag(List<String> log, String name) {
        return () -> log.add(name);
    }

    private static void drain(EventQueue q) {
        for (Runnable r = q.poll(); r != null; r = q.poll()) {
            r.run();
        }
    }

    @Test
    void emptyQueue_reportsMaxTimeAndPollsNull() {
        EventQueue q = new EventQueue();
        assertThat(q.nextTimeNs()).isEqualTo(Long.MAX_VALUE);
        assertThat(q.poll()).isNull();
        assertThat(q.size()).isZero();
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void actions_runInTimeOrder_andTiesInInsertionOrder() {
        EventQueue q = new EventQueue(2);
        List<String> log = new ArrayList<>();
        q.schedule(30, tag(log, "c1"));
        q.schedule(10, tag(log, "a"));
        q.schedule(30, tag(log, "c2"));
        q.schedule(20, tag(log, "b"));
        q.schedule(30, tag(log, "c3"));
        q.schedule(-5, tag(log, "neg"));
        assertThat(q.size()).isEqualTo(6);
        List<Long> times = new ArrayList<>();
        while (!q.isEmpty()) {
            times.add(q.nextTimeNs());
            q.poll().run();
        }
        assertThat(log).containsExactly("neg", "a", "b", "c1", "c2", "c3");
        assertThat(times).containsExactly(-5L, 10L, 20L, 30L, 30L, 30L);
    }

    @Test
    void manyTies_runInInsertionOrder() {
        EventQueue q = new EventQueue();
        List<String> log = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            q.schedule(7, tag(log, Integer.toString(i)));
        }
        drain(q);
        for (int i = 0; i < 1000; i++) {
            assertThat(log.get(i)).isEqualTo(Integer.toString(i));
        }
    }

    @Test
    void handles_arePositive_andCancelReturnsTrueOnlyOnceWhilePending() {
        EventQueue q = new EventQueue();
        List<String> log = new ArrayList<>();
        long a = q.schedule(10, tag(log, "a"));
        long b = q.schedule(20, tag(log, "b"));
        assertThat(a).isPositive();
        assertThat(b).isPositive().isNotEqualTo(a);
        assertThat(q.cancel(a)).isTrue();
        assertThat(q.cancel(a)).isFalse();
        assertThat(q.size()).isEqualTo(1);
        assertThat(q.nextTimeNs()).isEqualTo(20);
        drain(q);
        assertThat(log).containsExactly("b");
        assertThat(q.cancel(b)).as("after it ran").isFalse();
    }

    @Test
    void staleHandle_doesNotCancelTheEventThatReusedItsSlot() {
        EventQueue q = new EventQueue();
        long a = q.schedule(1, () -> { });
        q.poll();
        long b = q.schedule(2, () -> { });
        assertThat((int) b).as("slot reused").isEqualTo((int) a);
        assertThat(q.cancel(a)).isFalse();
        assertThat(q.size()).isEqualTo(1);
        assertThat(q.cancel(b)).isTrue();
    }

    @Test
    void unknownOrNonPositiveHandles_areNotCancelled() {
        EventQueue q = new EventQueue();
        q.schedule(1, () -> { });
        assertThat(q.cancel(0)).isFalse();
        assertThat(q.cancel(-1)).isFalse();
        assertThat(q.cancel(Long.MAX_VALUE)).isFalse();
        assertThat(q.cancel((1L << 32) | 12345)).isFalse();
        assertThat(q.size()).isEqualTo(1);
    }

    @Test
    void nullAction_isRejected() {
        assertThatThrownBy(() -> new EventQueue().schedule(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void cancellingMostEvents_compactsAndKeepsOrder() {
        EventQueue q = new EventQueue();
        List<String> log = new ArrayList<>();
        List<Long> handles = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            handles.add(q.schedule(10_000 - i, tag(log, Integer.toString(10_000 - i))));
        }
        q.poll().run(); // the earliest (time 1, index 9999) runs, leaving the root hole open during the cancels
        for (int i = 0; i < 9_999; i++) {
            if (i % 100 != 0) {
                assertThat(q.cancel(handles.get(i))).isTrue();
            }
        }
        assertThat(q.cancel(handles.get(9_999))).isFalse();
        assertThat(q.size()).isEqualTo(100);
        drain(q);
        assertThat(log).hasSize(101).startsWith("1", "100", "200");
        for (int i = 1; i < log.size(); i++) {
            assertThat(Integer.parseInt(log.get(i))).isGreaterThan(Integer.parseInt(log.get(i - 1)));
        }
    }

    /** Reference: java.util.PriorityQueue of (time, seq) with removal for cancel. */
    private record Ev(long time, long seq, int id) implements Comparable<Ev> {
        @Override
        public int compareTo(Ev o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @Test
    void randomOperations_matchAPriorityQueueReference() {
        long seed = 0x5EED_0001L;
        SplittableRandom rnd = new SplittableRandom(seed);
        EventQueue q = new EventQueue();
        PriorityQueue<Ev> ref = new PriorityQueue<>();
        Map<Integer, Ev> live = new HashMap<>();
        List<Integer> ids = new ArrayList<>();
        List<Long> handleOf = new ArrayList<>();
        int[] ran = new int[1];
        long seq = 0;
        long now = 0;
        for (int op = 0; op < 100_000; op++) {
            int kind = rnd.nextInt(10);
            String ctx = "seed=" + seed + " op=" + op;
            if (kind < 5) {
                int id = handleOf.size();
                long t = now + rnd.nextLong(0, rnd.nextBoolean() ? 50 : 1_000_000);
                int[] cell = {id};
                handleOf.add(q.schedule(t, () -> ran[0] = cell[0]));
                Ev e = new Ev(t, seq++, id);
                ref.add(e);
                live.put(id, e);
                ids.add(id);
            } else if (kind < 7 && !ids.isEmpty()) {
                int id = ids.get(rnd.nextInt(ids.size()));
                Ev e = live.remove(id);
                boolean expected = e != null && ref.remove(e);
                assertThat(q.cancel(handleOf.get(id))).as(ctx).isEqualTo(expected);
            } else {
                Ev e = ref.poll();
                assertThat(q.nextTimeNs()).as(ctx).isEqualTo(e == null ? Long.MAX_VALUE : e.time());
                Runnable r = q.poll();
                if (e == null) {
                    assertThat(r).as(ctx).isNull();
                } else {
                    r.run();
                    assertThat(ran[0]).as(ctx).isEqualTo(e.id());
                    live.remove(e.id());
                    now = e.time();
                }
            }
            assertThat(q.size()).as(ctx).isEqualTo(ref.size());
        }
    }

    @Test
    void holdSteps_withCancelsBetweenPollAndSchedule_keepOrder() {
        long seed = 0x401DL;
        SplittableRandom rnd = new SplittableRandom(seed);
        EventQueue q = new EventQueue();
        PriorityQueue<Ev> ref = new PriorityQueue<>();
        List<Long> handles = new ArrayList<>();
        List<Ev> events = new ArrayList<>();
        long seq = 0;
        for (int i = 0; i < 200; i++) {
            long t = rnd.nextLong(0, 1000);
            int id = events.size();
            handles.add(q.schedule(t, () -> { }));
            Ev e = new Ev(t, seq++, id);
            events.add(e);
            ref.add(e);
        }
        for (int step = 0; step < 20_000; step++) {
            String ctx = "seed=" + seed + " step=" + step;
            Ev e = ref.poll();
            assertThat(q.nextTimeNs()).as(ctx).isEqualTo(e.time());
            assertThat(q.poll()).as(ctx).isNotNull();
            if (rnd.nextInt(4) == 0) {
                // cancel right after a poll, before the schedule that would fill the root hole
                int victim = rnd.nextInt(events.size());
                boolean live = ref.remove(events.get(victim));
                assertThat(q.cancel(handles.get(victim))).as(ctx).isEqualTo(live);
            }
            long t = e.time() + rnd.nextLong(0, rnd.nextBoolean() ? 3 : 1000);
            int id = events.size();
            handles.add(q.schedule(t, () -> { }));
            Ev n = new Ev(t, seq++, id);
            events.add(n);
            ref.add(n);
            assertThat(q.size()).as(ctx).isEqualTo(ref.size());
        }
    }
}
