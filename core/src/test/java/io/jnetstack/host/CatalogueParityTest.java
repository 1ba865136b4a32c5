package io.jnetstack.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnetstack.hostmatrix.HostMatrix;
import io.jnetstack.matrix.Matrix;
import io.jnetstack.matrix.Scenario;
import io.jnetstack.personality.Personality;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The parity suite's catalogue part (issue #6): every connect(2) catalogue row runs on the host kernel (each in a
 * fresh pair of network namespaces, all rows at once, about two minutes: Linux gives up a SYN after 127 s) and on
 * the simulated Linux personality; the cells must agree exactly, except the disagreements listed with their reasons
 * in catalogue-allowlist.txt ({@code <row> | <host cell> | <reason>}; a host cell ending in {@code *} matches any
 * cell with that prefix). An entry that no longer disagrees fails the test, and the list may not grow past {@link
 * #MAX_ENTRIES}. Rows that cannot run faithfully on a kernel ({@code n/a on host: …}) are counted, not compared,
 * and may not grow past {@link #MAX_NOT_ON_HOST}: a bench that loses a tool (the mount namespace, the ICMP
 * responder) fails here instead of comparing fewer rows.
 */
class CatalogueParityTest {
    /** The allowlist's length when it was checked in: fix a disagreement and lower this, never raise it. */
    private static final int MAX_ENTRIES = 0;
    /** Rows that could not run on the kernel when this was last lowered: every row runs there now. */
    private static final int MAX_NOT_ON_HOST = 0;

    @Test
    void everyCatalogueRowAgreesOnTheKernelAndTheLinuxPersonality() throws IOException {
        Optional<String> why = HostMatrix.unavailable();
        assumeTrue(why.isEmpty(), () -> "host catalogue parity skipped: " + why.orElse(""));
        List<Scenario> rows = Matrix.scenarios();
        List<String> host = HostMatrix.run(rows);
        Map<String, String> allowed = allowlist();
        List<String> disagreements = new ArrayList<>();
        TreeSet<String> used = new TreeSet<>();
        Map<String, List<String>> notOnHost = new TreeMap<>();
        int compared = 0;
        for (int i = 0; i < rows.size(); i++) {
            String id = rows.get(i).id();
            String h = host.get(i);
            if (h.startsWith(HostMatrix.NA)) {
                notOnHost.computeIfAbsent(h.substring(HostMatrix.NA.length()), k -> new ArrayList<>()).add(id);
                continue;
            }
            compared++;
            String s = Matrix.run(rows.get(i), Personality.named("linux"), null);
            if (HostMatrix.agrees(s, h)) {
                continue;
            }
            Optional<String> key = allowed.keySet().stream().filter(k -> matches(k, id, h)).findFirst();
            if (key.isPresent()) {
                used.add(key.get());
            } else {
                disagreements.add(id + " | " + h + " | (simulated Linux: " + s + ")");
            }
        }
        System.out.printf("catalogue parity: %d rows compared on the kernel, %d agree, %d disagree (%d allowlisted),"
                + " %d n/a on host%n", compared, compared - used.size() - disagreements.size(),
                used.size() + disagreements.size(), used.size(), rows.size() - compared);
        notOnHost.forEach((reason, ids) -> System.out.println("  n/a on host: " + reason + ": " + ids));
        assertThat(disagreements).as("disagreements not in catalogue-allowlist.txt").isEmpty();
        assertThat(new TreeSet<>(allowed.keySet())).as("allowlist entries that now agree (remove them)")
                .isEqualTo(used);
        assertThat(allowed.size()).as("catalogue-allowlist.txt may only shrink").isLessThanOrEqualTo(MAX_ENTRIES);
        assertThat(rows.size() - compared).as("rows that could not run on the kernel: " + notOnHost)
                .isLessThanOrEqualTo(MAX_NOT_ON_HOST);
    }

    private static boolean matches(String key, String id, String hostCell) {
        String cell = key.substring(key.indexOf(" | ") + 3);
        return key.startsWith(id + " | ")
                && (cell.endsWith("*") ? hostCell.startsWith(cell.substring(0, cell.length() - 1))
                        : hostCell.equals(cell));
    }

    static Map<String, String> allowlist() throws IOException {
        return Allowlists.read("catalogue-allowlist.txt");
    }
}
