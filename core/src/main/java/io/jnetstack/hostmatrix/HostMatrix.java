package io.jnetstack.hostmatrix;

import io.jnetstack.host.NetNamespace;
import io.jnetstack.matrix.Bench;
import io.jnetstack.matrix.NotOnHost;
import io.jnetstack.matrix.Scenario;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs catalogue scenarios on the machine's kernel, each on its own fresh {@link HostBench}, all rows at once (the
 * column takes about as long as its slowest row: Linux gives up a SYN after about 127 s), each under a hard deadline
 * after which its descriptors and namespaces are released and the cell reads {@code timeout}.
 */
public final class HostMatrix {
    /** The longest a row may take on the kernel. */
    public static final Duration DEADLINE = Duration.ofSeconds(200);
    /** The prefix of a cell for a row the host cannot run faithfully. */
    public static final String NA = "n/a on host: ";
    /** How many rows build their namespaces at the same time (each build runs a few ip commands). */
    private static final int BUILDERS = 8;

    private final Semaphore building = new Semaphore(BUILDERS);
    private final boolean netem;

    private HostMatrix(boolean netem) {
        this.netem = netem;
    }

    /** Why rows cannot run on this machine's kernel (not root, no namespaces, no ip or iptables), or empty. */
    public static Optional<String> unavailable() {
        Optional<String> ns = NetNamespace.unavailable();
        if (ns.isPresent()) {
            return ns;
        }
        try (HostBench b = HostBench.create(false)) {
            b.serverDrop();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot build a namespace pair with veth and iptables: " + e.getMessage());
        }
    }

    /**
     * Whether a simulated cell and a host cell agree: the same text, or the simulation's {@code blocked} (the call had
     * not returned after an hour of virtual time) against the host's {@code timeout} (nor after {@link #DEADLINE}).
     */
    public static boolean agrees(String simulated, String host) {
        return simulated.equals(host) || simulated.equals("blocked") && host.equals("timeout");
    }

    /** Runs {@code rows} concurrently; their cells in the same order. Call {@link #unavailable} first. */
    public static List<String> run(List<Scenario> rows) {
        HostMatrix m = new HostMatrix(netemWorks());
        List<CompletableFuture<String>> cells = new ArrayList<>();
        for (Scenario s : rows) {
            CompletableFuture<String> f = new CompletableFuture<>();
            Thread.ofVirtual().name("host-row-" + s.id()).start(() -> f.complete(m.row(s)));
            cells.add(f);
        }
        return cells.stream().map(CompletableFuture::join).toList();
    }

    /** Whether this kernel has sch_netem (a namespace pair with the 1 ms delay can be built). */
    private static boolean netemWorks() {
        try (HostBench b = HostBench.create(true)) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private String row(Scenario s) {
        HostBench bench;
        try {
            building.acquire();
            try {
                bench = HostBench.create(netem);
            } finally {
                building.release();
            }
        } catch (IOException | RuntimeException e) {
            return "error: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error: interrupted";
        }
        try (bench) {
            return body(s, bench);
        }
    }

    private static String body(Scenario s, HostBench bench) {
        CompletableFuture<String> out = new CompletableFuture<>();
        Thread t = bench.startClient("host-row-" + s.id(), () -> {
            try {
                out.complete(s.body().apply(new Bench(bench)));
            } catch (NotOnHost e) {
                out.complete(NA + e.getMessage());
            } catch (RuntimeException | Error e) {
                out.complete("error: " + e);
            }
        });
        try {
            return out.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            return "timeout";
        } catch (ExecutionException e) {
            return "error: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error: interrupted";
        }
    }
}
