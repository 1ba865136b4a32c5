package io.jnetstack.cli;

import io.jnetstack.demo.Transfer;
import io.jnetstack.demo.TransferOptions;
import io.jnetstack.demo.TransferResult;
import io.jnetstack.demo.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jns transfer}: iperf for the simulated network (one bulk TCP transfer, a summary, optional plot). */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = {"Sends seeded random bytes over one TCP connection between two simulated hosts joined by one "
                + "point-to-point link, in virtual time, and prints a summary: bytes, simulated seconds, goodput, "
                + "retransmitted segments, and whether the SHA-256 of what arrived matches what was sent.",
                "Exit status: 0 when every byte arrived intact, 1 when not (failure, time limit, mismatch), "
                        + "2 on bad input."})
final class TransferCommand implements Callable<Integer> {
    /** The pcap of a transfer larger than this is big enough to warn about. */
    static final long PCAP_WARNING_BYTES = 64L << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "OS", converter = Converters.PersonalityName.class, defaultValue = "linux",
            description = "Sender's personality: linux, freebsd, openbsd or macos (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", paramLabel = "OS", converter = Converters.PersonalityName.class, defaultValue = "linux",
            description = "Receiver's personality (default: ${DEFAULT-VALUE}).")
    String to;

    @Option(names = "--bytes", paramLabel = "SIZE", converter = Converters.Size.class, defaultValue = "16M",
            description = "Bytes to send: a number, or with K, M, G or T meaning KiB, MiB, GiB, TiB (binary, "
                    + "1K = 1024) (default: ${DEFAULT-VALUE}).")
    long bytes;

    @Option(names = "--rate", paramLabel = "RATE", converter = Converters.Rate.class, defaultValue = "100M",
            description = "Link rate in bit/s, with k, M, G meaning 10^3, 10^6, 10^9 (decimal); 0 for unlimited "
                    + "(default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--delay", paramLabel = "TIME", converter = Converters.Duration.class, defaultValue = "10ms",
            description = "One-way propagation delay: 500us, 25ms, 1s (default: ${DEFAULT-VALUE}).")
    long delayNs;

    @Option(names = "--loss", paramLabel = "P", converter = Converters.Probability.class, defaultValue = "0",
            description = "Probability that a frame is lost, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double loss;

    @Option(names = "--reorder", paramLabel = "P", converter = Converters.Probability.class, defaultValue = "0",
            description = "Probability that a frame is held back by a random extra delay (up to the larger of the "
                    + "one-way delay, 1 ms and three full-size frame times) so later frames overtake it "
                    + "(default: ${DEFAULT-VALUE}).")
    double reorder;

    @Option(names = "--duplicate", paramLabel = "P", converter = Converters.Probability.class, defaultValue = "0",
            description = "Probability that a frame is delivered twice (default: ${DEFAULT-VALUE}).")
    double duplicate;

    @Option(names = "--mtu", paramLabel = "BYTES", converter = Converters.Mtu.class, defaultValue = "1500",
            description = "MTU of the link and both interfaces, 68 to 65535 (default: ${DEFAULT-VALUE}).")
    int mtu;

    @Option(names = "--cc", paramLabel = "ALGO", converter = Converters.CongestionControl.class,
            defaultValue = "default", description = "Congestion control: cubic, newreno or default (recorded in the "
                    + "summary; default: ${DEFAULT-VALUE}).")
    String cc;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed for the data and every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--interval", paramLabel = "TIME", converter = Converters.PositiveDuration.class,
            defaultValue = "10ms", description = "Sampling interval for the plot (default: ${DEFAULT-VALUE}).")
    long intervalNs;

    @Option(names = "--time-limit", paramLabel = "TIME", converter = Converters.PositiveDuration.class,
            defaultValue = "1h", description = "Simulated time after which an unfinished transfer fails: 30s, "
                    + "10min, 1h (default: ${DEFAULT-VALUE}).")
    long timeLimitNs;

    @Option(names = "--plot", paramLabel = "FILE.svg",
            description = "Writes an SVG plot of cwnd, bytes in flight and goodput over time.")
    Path plot;

    @Option(names = "--pcap", paramLabel = "DIR",
            description = "Writes the link's packets to DIR/" + Transfer.PCAP_NAME + " (large for large transfers).")
    Path pcapDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String bad = checkOutputs();
        if (bad != null) {
            err.println("jns: transfer: " + bad);
            return 2;
        }
        if (pcapDir != null && bytes > PCAP_WARNING_BYTES) {
            err.println("jns: transfer: warning: the pcap of a " + Units.formatBytes(bytes)
                    + " transfer will be larger than that");
        }
        TransferOptions o = new TransferOptions(from, to, bytes, rate, delayNs, loss, reorder, duplicate, mtu, cc, seed,
                intervalNs, timeLimitNs, plot, pcapDir);
        TransferResult r;
        try {
            r = Transfer.run(o);
        } catch (IOException | UncheckedIOException e) {
            err.println("jns: transfer: writing output failed: " + e.getMessage());
            return 1;
        }
        if (plot != null) {
            out.println("plot: " + plot);
        }
        r.summary().forEach(out::println);
        out.flush();
        return r.ok() ? 0 : 1;
    }

    /** Null when the plot and pcap destinations look usable, else a one-line reason. */
    private String checkOutputs() {
        if (pcapDir != null) {
            try {
                Files.createDirectories(pcapDir);
            } catch (IOException | SecurityException e) {
                return "cannot create pcap directory " + pcapDir + ": " + e.getClass().getSimpleName();
            }
            if (!Files.isWritable(pcapDir)) {
                return "pcap directory is not writable: " + pcapDir;
            }
        }
        if (plot != null) {
            if (Files.isDirectory(plot)) {
                return "plot file is a directory: " + plot;
            }
            Path dir = plot.toAbsolutePath().getParent();
            if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
                return "plot file's directory is not a directory: " + dir;
            }
        }
        return null;
    }
}
