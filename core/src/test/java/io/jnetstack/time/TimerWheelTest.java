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

class TimerWheelTest {

    @Test
    void timers_expireInDeadlineOrder_thenArmOrder() {
        TimerWheel w = new TimerWheel(0);
        List<String> log = new ArrayList<>();
        w.arm(5_000_000_000L, () -> log.add("far"));
        w.arm(300, () -> log.add("c1"));
        w.arm(70, () -> log.add("b"));
        w.arm(300, () -> log.add("c2"));
        w.arm(3, () -> log.add("a"));
        assertThat(w.size()).isEqualTo(5);
        assertThat(w.nextDeadlineNs()).isEqualTo(3);
        w.expire(299);
        assertThat(log).containsExactly("a", "b");
        assertThat(w.nextDeadlineNs()).isEqualTo(300);
        w.expire(1_000_000);
        assertThat(log).containsExactly("a", "b", "c1", "c2");
        assertThat(w.nextDeadlineNs()).isEqualTo(5_000_000_000L);
        w.expire(Long.MAX_VALUE);
        assertThat(log).endsWith("far");
        assertThat(w.nextDeadlineNs()).isEqualTo(Long.MAX_VALUE);
        assertThat(w.size()).isZero();
    }

    @Test
    void cancel_isTrueOnlyOnceWhilePending() {
        TimerWheel w = new TimerWheel();
        List<String> log = new ArrayList<>();
        long a = w.arm(10, () -> log.add("a"));
        long b = w.arm(10, () -> log.add("b"));
        assertThat(a).isPositive();
        assertThat(w.cancel(a)).isTrue();
        assertThat(w.cancel(a)).isFalse();
        assertThat(w.cancel(0)).isFalse();
        assertThat(w.cancel(-5)).isFalse();
        w.expire(10);
        assertThat(log).containsExactly("b");
        assertThat(w.cancel(b)).isFalse();
    }

    @Test
    void pastDeadlines_runAtTheNextExpire_afterEarlierArmedTimersForThatInstant() {
        TimerWheel w = new TimerWheel(1000);
        List<String> log = new ArrayList<>();
        w.arm(1000, () -> log.add("now"));
        w.arm(10, () -> log.add("past"));
        assertThat(w.nextDeadlineNs()).isEqualTo(1000);
        w.expire(999);
        assertThat(log).isEmpty();
        w.expire(1000);
        assertThat(log).containsExactly("now", "past");
    }

    @Test
    void actions_canArmDueTimers_andCancelLaterOnesInTheSameBatch() {
        TimerWheel w = new TimerWheel();
        List<String> log = new ArrayList<>();
        long[] victim = new long[1];
        w.arm(50, () -> {
            log.add("first");
            w.arm(50, () -> log.add("rearmed-same-instant"));
            w.arm(60, () -> log.add("rearmed-later"));
            assertThat(w.cancel(victim[0])).isTrue();
        });
        victim[0] = w.arm(50, () -> log.add("victim"));
        w.arm(55, () -> log.add("second"));
        w.expire(100);
        assertThat(log).containsExactly("first", "rearmed-same-instant", "second", "rearmed-later");
        assertThat(w.size()).isZero();
    }

    @Test
    void throwingAction_propagates_andLeavesTheRestOfItsInstantArmed() {
        TimerWheel w = new TimerWheel();
        List<String> log = new ArrayList<>();
        w.arm(7, () -> {
            throw new IllegalStateException("boom");
        });
        w.arm(7, () -> log.add("same-instant"));
        w.arm(9, () -> log.add("later"));
        assertThatThrownBy(() -> w.expire(10)).hasMessage("boom");
        assertThat(w.size()).isEqualTo(2);
        assertThat(w.nextDeadlineNs()).isEqualTo(7);
        w.expire(10);
        assertThat(log).containsExactly("same-instant", "later");
    }

    @Test
    void expireFromAnAction_isRejected() {
        TimerWheel w = new TimerWheel();
        w.arm(1, () -> w.expire(2));
        assertThatThrownBy(() -> w.expire(5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TimerWheel(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** What both implementations offer to the scenario. */
    interface Timers {
        long arm(long deadline, Runnable action);

        boolean cancel(long handle);

        void expire(long now);

        long next();

        int size();
    }

    /** Reference semantics: a PriorityQueue of (clamped deadline, seq), time moving as timers fire. */
    static final class Reference implements Timers {
        record Ev(long deadline, long seq, Runnable action) {}

        final PriorityQueue<Ev> q = new PriorityQueue<>((x, y) -> x.deadline != y.deadline
                ? Long.compare(x.deadline, y.deadline) : Long.compare(x.seq, y.seq));
        final Map<Long, Ev> live = new HashMap<>();
        long now;
        long seq;

        @Override
        public long arm(long deadline, Runnable action) {
            Ev e = new Ev(Math.max(deadline, now), seq++, action);
            q.add(e);
            live.put(e.seq() + 1, e);
            return e.seq() + 1;
        }

        @Override
        public boolean cancel(long handle) {
            Ev e = live.remove(handle);
            return e != null && q.remove(e);
        }

        @Override
        public void expire(long t) {
            while (!q.isEmpty() && q.peek().deadline() <= t) {
                Ev e = q.poll();
                live.remove(e.seq() + 1);
                now = Math.max(now, e.deadline());
                e.action().run();
            }
            now = Math.max(now, t);
        }

        @Override
        public long next() {
            return q.isEmpty() ? Long.MAX_VALUE : q.peek().deadline();
        }

        @Override
        public int size() {
            return q.size();
        }
    }

    static Timers wheel() {
        TimerWheel w = new TimerWheel(0);
        return new Timers() {
            public long arm(long d, Runnable a) {
                return w.arm(d, a);
            }

            public boolean cancel(long h) {
                return w.cancel(h);
            }

            public void expire(long now) {
                w.expire(now);
            }

            public long next() {
                return w.nextDeadlineNs();
            }

            public int size() {
                return w.size();
            }
        };
    }

    /** Runs a seeded scenario (arms at every scale, cancels, expiries, actions that arm and cancel); the trace. */
    static List<String> scenario(Timers t, long seed, int ops) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> trace = new ArrayList<>();
        List<Long> handles = new ArrayList<>();
        long[] now = {0};
        long[] scales = {1, 64, 5_000, 1L << 20, 1L << 34, 1L << 50};
        for (int op = 0; op < ops; op++) {
            int kind = rnd.nextInt(10);
            if (kind < 5) {
                int id = handles.size();
                long d = now[0] - 10 + rnd.nextLong(scales[rnd.nextInt(scales.length)]);
                handles.add(t.arm(d, () -> {
                    trace.add("fire " + id);
                    if (id % 5 == 0) {
                        int child = handles.size();
                        handles.add(t.arm(d + id % 3, () -> trace.add("child " + child)));
                    }
                    if (id % 11 == 0 && id > 0) {
                        trace.add("cancel-from-action " + t.cancel(handles.get(handles.size() - 1 - id % 4)));
                    }
                }));
            } else if (kind < 7 && !handles.isEmpty()) {
                trace.add("cancel " + t.cancel(handles.get(rnd.nextInt(handles.size()))));
            } else {
                now[0] += rnd.nextLong(scales[rnd.nextInt(scales.length)]);
                t.expire(now[0]);
            }
            trace.add("next " + t.next() + " size " + t.size());
        }
        t.expire(Long.MAX_VALUE);
        trace.add("end size " + t.size());
        return trace;
    }

    @Test
    void randomScenarios_matchThePriorityQueueReference() {
        for (long seed = 1; seed <= 5; seed++) {
            List<String> expected = scenario(new Reference(), seed, 20_000);
            List<String> actual = scenario(wheel(), seed, 20_000);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).as("seed=%d line=%d", seed, i).isEqualTo(expected.get(i));
            }
            assertThat(actual).hasSameSizeAs(expected);
            assertThat(actual.stream().filter(l -> l.startsWith("fire")).count()).as("seed=%d", seed)
                    .isGreaterThan(5_000);
            assertThat(actual).as("seed=%d", seed).contains("cancel-from-action true", "cancel true");
        }
    }
}
