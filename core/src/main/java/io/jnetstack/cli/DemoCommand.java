package io.jnetstack.cli;

import io.jnetstack.demo.Demo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jns demo}: the main job on the embedded simulated network. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Builds two LANs behind a router with hosts of four personalities, runs pings, unreachables "
                + "and a TTL-expiring probe in virtual time, prints a tcpdump-style trace and writes one pcap per link.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    long seed;

    @Option(names = "--pcap", paramLabel = "DIR", description = "Directory for the pcap files (default: ${DEFAULT-VALUE}).",
            defaultValue = "out/demo")
    Path pcapDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Files.createDirectories(pcapDir);
        } catch (IOException | SecurityException e) {
            err.println("jns: demo: cannot create pcap directory " + pcapDir + ": " + reason(e));
            return 2;
        }
        if (!Files.isDirectory(pcapDir) || !Files.isWritable(pcapDir)) {
            err.println("jns: demo: pcap directory is not writable: " + pcapDir);
            return 2;
        }
        try {
            Demo.Result r = Demo.run(seed, pcapDir, out::println);
            out.println("seed " + seed + "; pcaps: " + r.pcaps());
            return 0;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("jns: demo: writing pcaps in " + pcapDir + " failed: " + reason(e));
            return 2;
        }
    }

    private static String reason(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
