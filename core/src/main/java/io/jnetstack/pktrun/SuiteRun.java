package io.jnetstack.pktrun;

import io.jnetstack.link.FrameObserver;
import io.jnetstack.personality.Personality;
import io.jnetstack.pkt.ParseResult;
import io.jnetstack.pkt.Parser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs scripts given as files or directories (searched for {@code *.pkt}, in path order) and prints one line per
 * script — {@code PASS}, {@code FAIL} with the reason, {@code SKIP} with the reason — then {@code N passed, M failed,
 * K skipped}. Under FreeBSD, a failure the suite records for FreeBSD itself ({@link SuiteExpectations}) prints as
 * {@code XFAIL} and is not counted as failed.
 */
public final class SuiteRun {
    /** Counts of one run. */
    public record Counts(int passed, int failed, int skipped, int expectedFailures, int parseErrors) {
        /** The closing line. */
        public String summary() {
            return passed + " passed, " + failed + " failed, " + skipped + " skipped"
                    + (expectedFailures > 0 ? " (" + expectedFailures + " more failed as FreeBSD itself does)" : "")
                    + (parseErrors > 0 ? "; " + parseErrors + " did not parse" : "");
        }
    }

    /** One script's outcome, for callers that tabulate. */
    public record Line(Path script, String status, String reason) {}

    private SuiteRun() {}

    /** The scripts under {@code paths}, files as given and directories searched for {@code *.pkt}. */
    public static List<Path> scripts(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".pkt") && Files.isRegularFile(f)).sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new IOException("no such file or directory: " + p);
            }
        }
        return out;
    }

    /**
     * Runs every script under {@code personality}, printing each line to {@code out}; {@code tapFor} gives a
     * packet tap per script (or null). Returns the counts and fills {@code lines}.
     */
    public static Counts run(List<Path> scripts, Personality personality, PrintWriter out,
            Function<Path, FrameObserver> tapFor, List<Line> lines) {
        return run(scripts, personality, false, out, tapFor, lines);
    }

    /** As above; {@code hostKernel}: on the machine's own kernel ({@link ScriptRunner#run}, real time). */
    public static Counts run(List<Path> scripts, Personality personality, boolean hostKernel, PrintWriter out,
            Function<Path, FrameObserver> tapFor, List<Line> lines) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        int xfail = 0;
        int parseErrors = 0;
        boolean honourSuite = personality.os() == io.jnetstack.personality.Os.FREEBSD;
        for (Path file : scripts) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                lines.add(new Line(file, "FAIL", "cannot read: " + e.getMessage()));
                out.println("FAIL  " + file + ": cannot read: " + e.getMessage());
                failed++;
                continue;
            }
            Optional<String> expected = honourSuite ? SuiteExpectations.freebsdFails(file) : Optional.empty();
            ScriptResult r;
            switch (Parser.tryParse(file.toString(), text)) {
                case ParseResult.Failed f -> {
                    if (expected.isEmpty()) {
                        parseErrors++;
                    }
                    r = new ScriptResult(ScriptResult.Verdict.FAIL, "parse error: " + f.error(), 0);
                }
                case ParseResult.Ok ok -> {
                    FrameObserver tap = tapFor == null ? null : tapFor.apply(file);
                    r = ScriptRunner.run(ok.script(), text, personality, tap, hostKernel);
                    if (tap instanceof AutoCloseable c) {
                        try {
                            c.close();
                        } catch (Exception e) {
                            out.println("      (pcap for " + file + " not closed: " + e.getMessage() + ")");
                        }
                    }
                }
            }
            String status;
            String reason = r.reason();
            switch (r.verdict()) {
                case PASS -> {
                    passed++;
                    status = "PASS";
                    if (expected.isPresent()) {
                        reason = "FreeBSD itself fails it (" + expected.get() + ")";
                    }
                }
                case SKIP -> {
                    skipped++;
                    status = "SKIP";
                }
                default -> {
                    if (expected.isPresent()) {
                        xfail++;
                        status = "XFAIL";
                        reason = reason + " [FreeBSD itself fails it: " + expected.get() + "]";
                    } else {
                        failed++;
                        status = "FAIL";
                    }
                }
            }
            lines.add(new Line(file, status, reason));
            out.println(String.format("%-5s %s%s", status, file, reason.isEmpty() ? "" : ": " + reason));
            out.flush();
        }
        return new Counts(passed, failed, skipped, xfail, parseErrors);
    }
}
