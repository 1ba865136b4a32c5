package io.jnetstack.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs subject/reference benchmark pairs through the JMH Runner API and prints, per pair and parameter, the
 * median subject and reference throughput, the median ratio with its min–max over rounds, the target and
 * PASS/BELOW. Rounds interleave subject and reference (alternating which goes first), one fork each.
 *
 * <p>Exit code 0 even when a ratio is BELOW its target (targets are reported, not gated); 1 when a benchmark
 * fails to run. Extension point: {@link #run(String[], List)} with your own {@link Pair} list (the router
 * packets-per-second pair goes there).
 *
 * <p>Options: {@code --smoke} (1 round, 1×0.5 s warm-up + 1×0.5 s measurement), {@code --rounds N},
 * {@code --warmup N}, {@code --warmup-ms MS}, {@code --iterations N}, {@code --measure-ms MS},
 * {@code --heap SIZE} (both -Xms and -Xmx, default 1g), {@code --footprint-heap SIZE} (the IDLE/ALLOC JVM, default
 * 4g), {@code --only REGEX} (pair and footprint ids), {@code --gc} (GC
 * profiler: allocated bytes per op), {@code --list}.
 */
public final class RatioReport {

    /**
     * One subject/reference comparison.
     *
     * @param id        benchmark-set id (benchmarks.md), e.g. "SIM-ENGINE"
     * @param benchmark the JMH class holding both methods
     * @param subject   the subject method name
     * @param reference the reference method name
     * @param target    the ratio subject/reference to reach (higher is better); NaN reports without a target
     * @param sizeParam a @Param holding bytes per operation (prints bytes/s), or null
     * @param bytesPerOp fixed bytes per operation (prints Gbit/s), or 0
     * @param maxNsPerOp an absolute target on the subject's time per operation (the verdict then uses it instead
     *                   of the ratio), or NaN
     */
    public record Pair(String id, Class<?> benchmark, String subject, String reference, double target,
                       String sizeParam, long bytesPerOp, double maxNsPerOp) {

        /** A pair judged by its ratio alone. */
        public Pair(String id, Class<?> benchmark, String subject, String reference, double target,
                    String sizeParam) {
            this(id, benchmark, subject, reference, target, sizeParam, 0, Double.NaN);
        }
    }

    /**
     * Figures measured outside JMH by {@link TcpFootprint} in a JVM of their own (heap {@code --footprint-heap},
     * default 4g): IDLE-MEM, IDLE-CPU, ALLOC. Selected by {@code --only} like the pairs.
     */
    public static final List<String> FOOTPRINT_IDS = List.of("IDLE-MEM", "IDLE-CPU", "ALLOC");

    /** The default set: SIM-ENGINE, TIMERS (wheel, and EventQueue as a timer store) and CHECKSUM. */
    public static final List<Pair> DEFAULT_PAIRS = List.of(
            new Pair("SIM-ENGINE hold", SimEngineBenchmark.class, "eventQueueHold", "priorityQueueHold", 2.0, null),
            new Pair("TIMERS arm+cancel", TimerBenchmark.class, "wheelArmCancel", "priorityQueueArmCancel",
                    1.0, null),
            new Pair("TIMERS expire+re-arm", TimerBenchmark.class, "wheelExpireRearm", "priorityQueueExpireRearm",
                    1.0, null),
            new Pair("TIMERS-EQ arm+cancel", TimerBenchmark.class, "eventQueueArmCancel", "priorityQueueArmCancel",
                    1.0, null),
            new Pair("TIMERS-EQ expire+rearm", TimerBenchmark.class, "eventQueueExpireRearm",
                    "priorityQueueExpireRearm", 1.0, null),
            new Pair("CHECKSUM", ChecksumBenchmark.class, "checksum", "arraycopy", 0.3, "size"),
            // benchmarks.md sets no target for forwarding: the ratio to a bare copy + header-checksum check is
            // reported (NaN target = report only).
            new Pair("ROUTER pps", RouterBenchmark.class, "forward", "copyAndVerify", Double.NaN, null),
            // TCP between two simulated hosts on one thread vs kernel loopback on one thread (TcpBenchmark).
            new Pair("CC", TcpBenchmark.class, "cc", "ccKernel", 1.0, null),
            new Pair("CC-TIMEWAIT", TcpBenchmark.class, "ccTimeWait", "ccKernel", Double.NaN, null),
            new Pair("CRR", TcpBenchmark.class, "crr", "crrKernel", 1.0, null),
            new Pair("RR", TcpBenchmark.class, "rr", "rrKernel", Double.NaN, null, 0, 1000.0),
            new Pair("BULK-64K", TcpBenchmark.class, "bulk64k", "bulkKernel", 0.6, null,
                    TcpBenchmark.BULK_WRITE, Double.NaN),
            new Pair("BULK-1500", TcpBenchmark.class, "bulk1500", "bulk64k", 0.4, null,
                    TcpBenchmark.BULK_WRITE, Double.NaN));

    private RatioReport() {
    }

    /** Runs {@link #DEFAULT_PAIRS}; exits with {@link #run}'s code. */
    public static void main(String[] args) {
        System.exit(run(args, DEFAULT_PAIRS));
    }

    /** Runs the given pairs with the command-line options; returns 0, or 1 if a benchmark failed to run. */
    public static int run(String[] args, List<Pair> pairs) {
        Settings s = Settings.parse(args);
        List<Pair> selected = pairs.stream().filter(p -> s.only.matcher(p.id()).find()).toList();
        List<String> footprint = FOOTPRINT_IDS.stream().filter(id -> s.only.matcher(id).find()).toList();
        if (s.list) {
            selected.forEach(p -> System.out.println(p.id() + ": " + p.benchmark().getSimpleName() + "."
                    + p.subject() + " vs " + p.reference() + ", target >= " + p.target()));
            footprint.forEach(id -> System.out.println(id + ": TcpFootprint (own JVM)"));
            return 0;
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int round = 0; round < s.rounds; round++) {
            for (Pair p : selected) {
                boolean subjectFirst = round % 2 == 0;
                for (boolean subject : subjectFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    Collection<RunResult> results = runOne(s, p, subject ? p.subject() : p.reference());
                    if (results == null || results.isEmpty()) {
                        System.err.println("benchmark failed to run: " + p.id() + (subject ? " subject" : " ref"));
                        return 1;
                    }
                    for (RunResult r : results) {
                        String param = paramsOf(r);
                        rows.computeIfAbsent(p.id() + "|" + param, k -> new Row(p, param)).add(subject, r, round);
                    }
                }
            }
        }
        if (!selected.isEmpty()) {
            print(rows.values(), s);
        }
        return footprint.isEmpty() ? 0 : runFootprint(s, String.join("|", footprint));
    }

    /** Runs {@link TcpFootprint} in a child JVM (same java, class path and CPU placement; fixed heap). */
    private static int runFootprint(Settings s, String ids) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xms" + s.footprintHeap, "-Xmx" + s.footprintHeap,
                "-XX:ActiveProcessorCount=1", "-Djava.net.preferIPv4Stack=true",
                "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"),
                TcpFootprint.class.getName(), "--only", ids));
        if (s.smoke) {
            cmd.add("--smoke");
        }
        try {
            int rc = new ProcessBuilder(cmd).inheritIO().start().waitFor();
            if (rc != 0) {
                System.err.println("footprint measurements failed: exit " + rc);
            }
            return rc == 0 ? 0 : 1;
        } catch (java.io.IOException e) {
            e.printStackTrace();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static Collection<RunResult> runOne(Settings s, Pair p, String method) {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + Pattern.quote(p.benchmark().getName() + "." + method) + "$")
                .forks(1)
                .warmupIterations(s.warmup).warmupTime(TimeValue.milliseconds(s.warmupMs))
                .measurementIterations(s.iterations).measurementTime(TimeValue.milliseconds(s.measureMs))
                .jvmArgs("-Xms" + s.heap, "-Xmx" + s.heap, "-XX:ActiveProcessorCount=1",
                        "-Djava.net.preferIPv4Stack=true", "--sun-misc-unsafe-memory-access=allow")
                .verbosity(s.verbose ? VerboseMode.NORMAL : VerboseMode.SILENT)
                .shouldFailOnError(true);
        if (s.gc) {
            o.addProfiler(GCProfiler.class);
        }
        try {
            return new Runner(o.build()).run();
        } catch (RunnerException | RuntimeException e) {
            e.printStackTrace();
            return null;
        }
    }

    private static String paramsOf(RunResult r) {
        var params = r.getParams();
        List<String> parts = new ArrayList<>();
        for (String key : params.getParamsKeys()) {
            parts.add(key + "=" + params.getParam(key));
        }
        return String.join(",", parts);
    }

    /** Scores of one (pair, param) over rounds. */
    private static final class Row {
        final Pair pair;
        final String param;
        final Map<Integer, Double> subject = new LinkedHashMap<>();
        final Map<Integer, Double> reference = new LinkedHashMap<>();
        double subjectAlloc = Double.NaN;
        double referenceAlloc = Double.NaN;

        Row(Pair pair, String param) {
            this.pair = pair;
            this.param = param;
        }

        void add(boolean isSubject, RunResult r, int round) {
            (isSubject ? subject : reference).put(round, r.getPrimaryResult().getScore());
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            if (alloc != null) {
                if (isSubject) {
                    subjectAlloc = alloc.getScore();
                } else {
                    referenceAlloc = alloc.getScore();
                }
            }
        }

        double[] ratios() {
            return subject.keySet().stream().filter(reference::containsKey)
                    .mapToDouble(k -> subject.get(k) / reference.get(k)).sorted().toArray();
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double median(Collection<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    private static void print(Collection<Row> rows, Settings s) {
        System.out.printf(Locale.ROOT, "%n%d round(s), warm-up %d×%d ms, measurement %d×%d ms, heap %s, forks 1 "
                        + "per round, -XX:ActiveProcessorCount=1%n", s.rounds, s.warmup, s.warmupMs, s.iterations,
                s.measureMs, s.heap);
        System.out.printf(Locale.ROOT, "%-22s %-16s %15s %15s %8s %17s %7s %6s%s%n", "benchmark", "param",
                "subject ops/s", "reference ops/s", "ratio", "ratio min-max", "target", "",
                s.gc ? "   B/op subj/ref" : "");
        for (Row r : rows) {
            double[] ratios = r.ratios();
            double ratio = median(ratios);
            double subj = median(r.subject.values());
            double ref = median(r.reference.values());
            String range = ratios.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f-%.2f", ratios[0],
                    ratios[ratios.length - 1]);
            boolean absolute = !Double.isNaN(r.pair.maxNsPerOp());
            boolean reportOnly = Double.isNaN(r.pair.target()) && !absolute;
            String target = absolute ? String.format(Locale.ROOT, "<=%.0fns", r.pair.maxNsPerOp())
                    : reportOnly ? "-" : String.format(Locale.ROOT, "%.2f", r.pair.target());
            String verdict = reportOnly ? "REPORT"
                    : absolute ? (1e9 / subj <= r.pair.maxNsPerOp() ? "PASS" : "BELOW")
                    : ratio >= r.pair.target() ? "PASS" : "BELOW";
            System.out.printf(Locale.ROOT, "%-22s %-16s %15s %15s %8.2f %17s %7s %6s%s%n", r.pair.id(), r.param,
                    fmt(subj), fmt(ref), ratio, range, target, verdict,
                    s.gc ? String.format(Locale.ROOT, "   %.1f/%.1f", r.subjectAlloc, r.referenceAlloc) : "");
            if (absolute) {
                System.out.printf(Locale.ROOT, "%-22s %-16s %12.0f ns/op %12.0f ns/op%n", "", "  as time/op",
                        1e9 / subj, 1e9 / ref);
            }
            if (r.pair.bytesPerOp() > 0) {
                double b = r.pair.bytesPerOp() * 8 / 1e9;
                System.out.printf(Locale.ROOT, "%-22s %-16s %10.2f Gbit/s %10.2f Gbit/s%n", "", "  as bits/s",
                        subj * b, ref * b);
            }
            String size = r.pair.sizeParam() == null ? null : paramValue(r.param, r.pair.sizeParam());
            if (size != null) {
                double bytes = Double.parseDouble(size);
                System.out.printf(Locale.ROOT, "%-22s %-16s %12.2f GB/s %12.2f GB/s%n", "", "  as bytes/s",
                        subj * bytes / 1e9, ref * bytes / 1e9);
            }
        }
    }

    private static String paramValue(String params, String key) {
        return Arrays.stream(params.split(",")).filter(kv -> kv.startsWith(key + "="))
                .map(kv -> kv.substring(key.length() + 1)).findFirst().orElse(null);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.0f", v);
    }

    /** Parsed command line. */
    private static final class Settings {
        int rounds = 3;
        int warmup = 2;
        long warmupMs = 1000;
        int iterations = 3;
        long measureMs = 1000;
        String heap = "1g";
        String footprintHeap = "4g";
        boolean smoke;
        Pattern only = Pattern.compile("");
        boolean gc;
        boolean list;
        boolean verbose;

        static Settings parse(String[] args) {
            Settings s = new Settings();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--smoke" -> {
                        s.smoke = true;
                        s.rounds = 1;
                        s.warmup = 1;
                        s.warmupMs = 500;
                        s.iterations = 1;
                        s.measureMs = 500;
                    }
                    case "--rounds" -> s.rounds = Integer.parseInt(args[++i]);
                    case "--warmup" -> s.warmup = Integer.parseInt(args[++i]);
                    case "--warmup-ms" -> s.warmupMs = Long.parseLong(args[++i]);
                    case "--iterations" -> s.iterations = Integer.parseInt(args[++i]);
                    case "--measure-ms" -> s.measureMs = Long.parseLong(args[++i]);
                    case "--heap" -> s.heap = args[++i];
                    case "--footprint-heap" -> s.footprintHeap = args[++i];
                    case "--only" -> s.only = Pattern.compile(args[++i]);
                    case "--gc" -> s.gc = true;
                    case "--list" -> s.list = true;
                    case "--verbose" -> s.verbose = true;
                    default -> throw new IllegalArgumentException("unknown option " + a + "; see RatioReport javadoc");
                }
            }
            return s;
        }
    }
}
