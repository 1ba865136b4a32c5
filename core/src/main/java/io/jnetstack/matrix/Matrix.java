package io.jnetstack.matrix;

import io.jnetstack.link.FrameObserver;
import io.jnetstack.personality.Personality;
import io.jnetstack.sim.SimThreadException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs catalogue scenarios: each on a fresh {@link Bench} under one personality, the body on a client thread, the
 * simulation run until the body returns (at most {@link #LIMIT_NS} of virtual time).
 */
public final class Matrix {
    /** The longest a scenario may take in virtual time (Linux's SYN back-off is about 131 s). */
    public static final long LIMIT_NS = 3_600L * Bench.SECOND;

    private Matrix() {}

    /** Every scenario, in catalogue order. */
    public static List<Scenario> scenarios() {
        List<Scenario> all = new ArrayList<>();
        all.addAll(ArgumentRows.rows());
        all.addAll(LifecycleRows.rows());
        all.addAll(NetworkRows.rows());
        all.addAll(DatagramRows.rows());
        all.addAll(UnixRows.rows());
        all.addAll(AddressRows.rows());
        all.addAll(PortRows.rows());
        all.addAll(StateRows.rows());
        return all;
    }

    /** The scenario with this id, or null. */
    public static Scenario find(String id) {
        for (Scenario s : scenarios()) {
            if (s.id().equalsIgnoreCase(id)) {
                return s;
            }
        }
        return null;
    }

    /** Runs {@code s} under {@code p}; the cell text. {@code tap} (may be null) sees every frame on the segment. */
    public static String run(Scenario s, Personality p, FrameObserver tap) {
        Bench b = new Bench(p, 1, tap);
        String[] out = new String[1];
        b.thread = b.client.spawn("scenario").start("main", t -> out[0] = s.body().apply(b));
        b.sim.runUntil(LIMIT_NS);
        for (SimThreadException e : b.sim.threadFailures()) {
            return "error: " + e.getCause();
        }
        if (out[0] == null && b.thread.killedBy() != 0) {
            return "killed by signal " + b.thread.killedBy();
        }
        return out[0] == null ? "blocked" : out[0];
    }
}
