package io.jnetstack.stack;

import io.jnetstack.personality.Personality;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.time.RandomSource;
import java.util.ArrayList;
import java.util.List;

/** One stack with no interfaces but its implicit loopback, driven in virtual time, recording TCP events. */
final class LoopbackHost {
    static final long MS = 1_000_000L;

    final Stack stack;
    final List<String> events = new ArrayList<>();
    long nowNs;

    LoopbackHost(String os, long seed) {
        stack = new Stack("h", Personality.named(os), new RandomSource(seed));
        stack.setListener(new StackListener() {
            @Override
            public void onTcpEvent(TcpHandle c, TcpEvent e, long nowNs) {
                events.add(c.localPort() + " " + e);
            }
        });
    }

    /** Runs everything due up to {@code untilNs} (looped-back datagrams at once, timers at their deadlines). */
    void runUntil(long untilNs) {
        while (true) {
            long next = stack.nextDeadlineNs();
            if (next > untilNs) {
                nowNs = untilNs;
                return;
            }
            nowNs = Math.max(nowNs, next);
            stack.advanceTo(nowNs);
        }
    }

    /** Runs what is due now (the loopback queue). */
    void settle() {
        runUntil(nowNs);
    }
}
