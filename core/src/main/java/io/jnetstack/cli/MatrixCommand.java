package io.jnetstack.cli;

import io.jnetstack.hostmatrix.HostMatrix;
import io.jnetstack.link.FrameObserver;
import io.jnetstack.link.Medium;
import io.jnetstack.link.PcapTap;
import io.jnetstack.link.Tracer;
import io.jnetstack.matrix.Matrix;
import io.jnetstack.matrix.Scenario;
import io.jnetstack.personality.Personality;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jns matrix}: every connect(2) catalogue scenario under each personality, as a table. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"Runs every scenario of the connect(2) catalogue on the embedded simulated network under each "
                + "personality and prints what the row's call returned: 0, -1 ERRNO, or a value. With --host, also "
                + "on this machine's kernel.",
                "Exit status: 0 when every scenario ran, 1 when one failed to run, 2 on bad input."})
final class MatrixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--os", paramLabel = "OS[,OS...]", split = ",", converter = Converters.PersonalityName.class,
            description = "Columns to show: linux, freebsd, openbsd, macos (default: all four).")
    List<String> os = new ArrayList<>();

    @Option(names = "--only", paramLabel = "ID", description = "Show one scenario (e.g. C9) with its packet trace.")
    String only;

    @Option(names = "--pcap", paramLabel = "DIR", description = "Write one pcap per scenario and OS into DIR.")
    Path pcapDir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or tsv: a header id<TAB>linux<TAB>… then one line per row.")
    String format;

    @Option(names = "--host", description = "Add a host column: each row on this machine's Linux kernel, in fresh "
            + "network namespaces (needs root), and a column marking rows where it disagrees with the linux "
            + "personality.")
    boolean host;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("table") && !format.equals("tsv")) {
            throw new ParameterException(spec.commandLine(), "--format must be table or tsv, not '" + format + "'");
        }
        List<Personality> columns = new ArrayList<>();
        for (String name : os.isEmpty() ? List.of("linux", "freebsd", "openbsd", "macos") : os) {
            columns.add(Personality.named(name));
        }
        List<Scenario> rows = Matrix.scenarios();
        if (only != null) {
            Scenario s = Matrix.find(only);
            if (s == null) {
                throw new ParameterException(spec.commandLine(), "no scenario '" + only + "' (ids run A1.."
                        + rows.get(rows.size() - 1).id() + ")");
            }
            rows = List.of(s);
        }
        if (pcapDir != null) {
            try {
                Files.createDirectories(pcapDir);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot create " + pcapDir + ": " + e.getMessage());
            }
        }
        if (host) {
            java.util.Optional<String> why = HostMatrix.unavailable();
            if (why.isPresent()) {
                spec.commandLine().getErr().println("jns matrix --host: " + why.get());
                return 2;
            }
            return new HostColumn(out, format).print(rows, columns);
        }
        boolean failed = false;
        if (format.equals("tsv")) {
            out.println("id\t" + String.join("\t", columns.stream().map(Personality::name).toList()));
        } else if (only == null) {
            StringBuilder h = new StringBuilder("id  ");
            for (Personality p : columns) {
                h.append(String.format("  %-22s", p.name()));
            }
            out.println(h.toString().stripTrailing());
        }
        for (Scenario s : rows) {
            List<String> cells = new ArrayList<>();
            List<String> traces = new ArrayList<>();
            for (Personality p : columns) {
                StringBuilder trace = new StringBuilder();
                String cell = runOne(s, p, trace);
                failed |= cell.startsWith("error") || cell.equals("blocked");
                cells.add(cell);
                traces.add(trace.toString());
            }
            print(out, s, columns, cells, traces);
        }
        out.flush();
        return failed ? 1 : 0;
    }

    private String runOne(Scenario s, Personality p, StringBuilder trace) {
        List<FrameObserver> taps = new ArrayList<>();
        if (only != null) {
            taps.add(new Tracer(Medium.ETHERNET, "lan", line -> trace.append("    ").append(line).append('\n')));
        }
        PcapTap pcap = null;
        OutputStream file = null;
        try {
            if (pcapDir != null) {
                file = Files.newOutputStream(pcapDir.resolve(s.id() + "-" + p.name() + ".pcap"));
                pcap = new PcapTap(file, Medium.ETHERNET);
                taps.add(pcap);
            }
            return Matrix.run(s, p, taps.isEmpty() ? null : (frame, off, len, nowNs) -> {
                for (FrameObserver t : taps) {
                    t.observe(frame, off, len, nowNs);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                if (pcap != null) {
                    pcap.close();
                } else if (file != null) {
                    file.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void print(PrintWriter out, Scenario s, List<Personality> columns, List<String> cells,
            List<String> traces) {
        if (format.equals("tsv")) {
            out.println(s.id() + "\t" + String.join("\t", cells));
            return;
        }
        if (only != null) {
            out.println(s.id() + ": " + s.setup() + " — " + s.call());
            for (int i = 0; i < columns.size(); i++) {
                out.println("  " + columns.get(i).name() + ": " + cells.get(i));
                out.print(traces.get(i));
            }
            return;
        }
        StringBuilder line = new StringBuilder(String.format("%-4s", s.id()));
        for (String c : cells) {
            line.append(String.format("  %-22s", c));
        }
        out.println(line.toString().stripTrailing());
    }
}
