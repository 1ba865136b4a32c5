package io.jnetstack.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnetstack.personality.Personality;
import io.jnetstack.sim.SimHost;
import io.jnetstack.sim.SimThread;
import io.jnetstack.sim.Simulation;
import io.jnetstack.socket.Syscalls;
import io.jnetstack.stack.Prefix;
import io.jnetstack.stack.Route;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The parity suite's loopback part: each {@link LoopbackPrograms} program runs on the host kernel (in a network
 * namespace of its own) and on a simulated host running the Linux personality; the transcripts must agree line for
 * line, except for the disagreements listed, with their reasons, in parity-allowlist.txt — which may only shrink
 * (an entry that no longer disagrees fails the test too).
 */
class HostParityTest {
    /** The allowlist's length when it was checked in: fix a disagreement and lower this, never raise it. */
    private static final int MAX_ENTRIES = 0;
    private static NetNamespace ns;

    @BeforeAll
    static void namespace() throws IOException {
        assumeTrue(NetNamespace.unavailable().isEmpty(), () -> "host target skipped: "
                + NetNamespace.unavailable().orElse(""));
        ns = NetNamespace.create();
        for (String[] r : LoopbackPrograms.ROUTES) {
            ns.ip("route", "add", r[0], r[1]);
        }
    }

    @AfterAll
    static void close() {
        if (ns != null) {
            ns.close();
        }
    }

    static String simulated(Function<Syscalls, String> program) {
        Simulation sim = new Simulation(1);
        SimHost h = sim.addHost("a", Personality.named("linux"));
        for (String[] r : LoopbackPrograms.ROUTES) {
            h.stack().addRoute(new Route(Prefix.of(r[1]), null, 0, Route.Kind.valueOf(r[0].toUpperCase(
                    java.util.Locale.ROOT))));
        }
        String[] out = new String[1];
        SimThread t = h.spawn("p").start("main", th -> out[0] = program.apply(th.syscalls()));
        for (int i = 0; i < 1000 && out[0] == null; i++) {
            sim.runFor(1_000_000_000L);
        }
        return out[0] == null ? "(still blocked after 1000 s: " + t.state() + ")" : out[0];
    }

    @Test
    void hostKernelAndLinuxPersonalityAgree() throws IOException {
        Map<String, String> allowed = allowlist();
        List<String> disagreements = new ArrayList<>();
        TreeSet<String> stillDisagreeing = new TreeSet<>();
        int lines = 0;
        for (var e : LoopbackPrograms.all().entrySet()) {
            List<String> host = ns.call(e.getValue()).lines().toList();
            List<String> sim = simulated(e.getValue()).lines().toList();
            lines += host.size();
            for (int i = 0; i < Math.max(host.size(), sim.size()); i++) {
                String h = i < host.size() ? host.get(i) : "(nothing)";
                String s = i < sim.size() ? sim.get(i) : "(nothing)";
                if (!h.equals(s)) {
                    String key = e.getKey() + " | " + h;
                    if (allowed.containsKey(key)) {
                        stillDisagreeing.add(key);
                    } else {
                        disagreements.add(e.getKey() + ": host '" + h + "', simulated Linux '" + s + "'");
                    }
                }
            }
        }
        assertThat(lines).as("parity cases").isGreaterThanOrEqualTo(69);
        assertThat(disagreements).as("disagreements not in the allowlist").isEmpty();
        assertThat(new TreeSet<>(allowed.keySet())).as("allowlist entries that now agree (remove them)")
                .isEqualTo(stillDisagreeing);
        assertThat(allowed.size()).as("parity-allowlist.txt may only shrink").isLessThanOrEqualTo(MAX_ENTRIES);
    }

    static Map<String, String> allowlist() throws IOException {
        return Allowlists.read("parity-allowlist.txt");
    }
}
