package io.jnetstack.cli;

import io.jnetstack.link.FrameObserver;
import io.jnetstack.link.Medium;
import io.jnetstack.link.PcapTap;
import io.jnetstack.personality.Personality;
import io.jnetstack.pktrun.SuiteRun;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jns pkt}: packetdrill-dialect scripts against a simulated host, in virtual time. */
@Command(name = "pkt", mixinStandardHelpOptions = true,
        description = {"Runs packetdrill-dialect scripts (files, or directories searched for *.pkt) against a "
                + "simulated host running the personality, in virtual time. One line per script: PASS, FAIL with "
                + "the reason, SKIP with what is not modelled; under freebsd, XFAIL for a failure the suite records "
                + "for FreeBSD itself (NAME.exfail, README status tables). Then 'N passed, M failed, K skipped'.",
                "Exit status: 0 when nothing failed, 1 when a script failed, 2 when a script did not parse or on "
                        + "bad input."})
final class PktCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--os", paramLabel = "OS", defaultValue = "linux",
            converter = Converters.PersonalityName.class,
            description = "The personality of the host under test: linux (default), freebsd, openbsd, macos.")
    String os;

    @Option(names = "--target", paramLabel = "TARGET", defaultValue = "sim",
            description = "sim (default): a simulated host in virtual time; host: this machine's Linux kernel, in a "
                    + "network namespace of its own behind a TUN device, in real time (root and /dev/net/tun).")
    String target;

    @Option(names = "--pcap", paramLabel = "DIR", description = "Write one pcap per script into DIR.")
    Path pcapDir;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Script files or directories.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean host = switch (target) {
            case "sim" -> false;
            case "host" -> true;
            default -> throw new ParameterException(spec.commandLine(), "--target must be sim or host, not '" + target
                    + "'");
        };
        if (host && !os.equals("linux")) {
            throw new ParameterException(spec.commandLine(), "--target host runs this machine's Linux kernel: use "
                    + "--os linux");
        }
        if (host && io.jnetstack.host.TunDevice.unavailable().isPresent()) {
            throw new ParameterException(spec.commandLine(), "--target host: "
                    + io.jnetstack.host.TunDevice.unavailable().get());
        }
        if (host && pcapDir != null) {
            throw new ParameterException(spec.commandLine(), "--pcap is not available with --target host");
        }
        List<Path> scripts;
        try {
            scripts = SuiteRun.scripts(paths);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (pcapDir != null) {
            try {
                Files.createDirectories(pcapDir);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot create " + pcapDir + ": " + e.getMessage());
            }
        }
        List<SuiteRun.Line> lines = new ArrayList<>();
        SuiteRun.Counts c = SuiteRun.run(scripts, Personality.named(os), host, out,
                pcapDir == null ? null : this::pcapFor, lines);
        out.println(c.summary());
        out.flush();
        return c.parseErrors() > 0 ? 2 : c.failed() > 0 ? 1 : 0;
    }

    /** A pcap tap writing {@code DIR/<script name>.pcap} (raw IP link type). */
    private FrameObserver pcapFor(Path script) {
        String name = script.getFileName().toString().replaceFirst("\\.pkt$", "") + ".pcap";
        try {
            OutputStream file = Files.newOutputStream(pcapDir.resolve(name));
            return new ClosingTap(new PcapTap(file, Medium.IP));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot write " + pcapDir.resolve(name) + ": "
                    + e.getMessage());
        }
    }

    /** A pcap tap the suite runner closes after its script. */
    private record ClosingTap(PcapTap pcap) implements FrameObserver, AutoCloseable {
        @Override
        public void observe(byte[] frame, int off, int len, long nowNs) {
            pcap.observe(frame, off, len, nowNs);
        }

        @Override
        public void dropped(String reason, long nowNs) {
            pcap.dropped(reason, nowNs);
        }

        @Override
        public void close() throws IOException {
            pcap.close();
        }
    }
}
