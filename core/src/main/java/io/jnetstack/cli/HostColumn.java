package io.jnetstack.cli;

import io.jnetstack.hostmatrix.HostMatrix;
import io.jnetstack.matrix.Matrix;
import io.jnetstack.matrix.Scenario;
import io.jnetstack.personality.Personality;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code jns matrix --host}: the personality columns, a {@code host} column computed on the machine's kernel (all
 * rows at once, in their own namespaces, while the simulated columns run), a column marking with {@code ≠} each row
 * where the kernel and the linux personality disagree, and a summary line.
 */
final class HostColumn {
    private final PrintWriter out;
    private final String format;

    HostColumn(PrintWriter out, String format) {
        this.out = out;
        this.format = format;
    }

    /** Prints the table; the exit status (1 when a row failed to run on either side). */
    int print(List<Scenario> rows, List<Personality> columns) {
        CompletableFuture<List<String>> hostCells = new CompletableFuture<>();
        Thread.ofPlatform().name("host-column").daemon().start(() -> hostCells.complete(HostMatrix.run(rows)));
        Personality linux = Personality.named("linux");
        List<List<String>> simCells = new ArrayList<>();
        List<String> linuxCells = new ArrayList<>();
        for (Scenario s : rows) {
            List<String> cells = new ArrayList<>();
            for (Personality p : columns) {
                cells.add(Matrix.run(s, p, null));
            }
            simCells.add(cells);
            int at = columns.stream().map(Personality::name).toList().indexOf(linux.name());
            linuxCells.add(at >= 0 ? cells.get(at) : Matrix.run(s, linux, null));
        }
        List<String> host = hostCells.join();
        header(columns);
        int agree = 0;
        int disagree = 0;
        int na = 0;
        boolean failed = false;
        for (int i = 0; i < rows.size(); i++) {
            String h = host.get(i);
            String mark;
            if (h.startsWith(HostMatrix.NA)) {
                na++;
                mark = "n/a";
            } else if (HostMatrix.agrees(linuxCells.get(i), h)) {
                agree++;
                mark = "";
            } else {
                disagree++;
                mark = "≠";
            }
            failed |= h.startsWith("error") || simCells.get(i).stream().anyMatch(c -> c.startsWith("error"));
            List<String> cells = new ArrayList<>(simCells.get(i));
            cells.add(h);
            cells.add(mark);
            line(rows.get(i).id(), cells);
        }
        out.println((agree + disagree) + " rows compared on the kernel, " + agree + " agree, " + disagree
                + " disagree, " + na + " n/a on host");
        out.flush();
        return failed ? 1 : 0;
    }

    private void header(List<Personality> columns) {
        List<String> names = new ArrayList<>(columns.stream().map(Personality::name).toList());
        names.add("host");
        names.add("vs linux");
        line("id", names);
    }

    private void line(String id, List<String> cells) {
        if (format.equals("tsv")) {
            out.println(id + "\t" + String.join("\t", cells));
            return;
        }
        StringBuilder sb = new StringBuilder(String.format("%-4s", id));
        for (String c : cells) {
            sb.append(String.format("  %-22s", c));
        }
        out.println(sb.toString().stripTrailing());
    }
}
