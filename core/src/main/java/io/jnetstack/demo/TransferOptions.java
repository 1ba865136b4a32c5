package io.jnetstack.demo;

import io.jnetstack.personality.Personality;
import java.nio.file.Path;
import java.util.List;

/**
 * The parameters of one {@link Transfer}: who sends to whom, how much, over what link, and where to write the plot
 * and the pcap.
 *
 * @param from             the sender's personality name ("linux", "freebsd", "openbsd", "macos")
 * @param to               the receiver's personality name
 * @param bytes            bytes to send (≥ 1)
 * @param rateBitsPerSec   the link's rate in bit/s; 0 means infinitely fast
 * @param delayNs          one-way propagation delay
 * @param loss             probability that a frame is lost on the wire
 * @param reorder          probability that a frame is held back by a random extra delay, so later ones overtake it
 * @param duplicate        probability that a frame is delivered twice
 * @param mtu              the link's and both interfaces' MTU (68..65535)
 * @param cc               the congestion control asked for: one of {@link #CONGESTION_CONTROLS}. Recorded and
 *                         printed; the stack has no selectable algorithm yet, so every run uses its default
 * @param seed             the seed of every random choice (data, loss, reordering, initial sequence numbers)
 * @param sampleIntervalNs how often (simulated) cwnd, bytes in flight and goodput are sampled
 * @param timeLimitNs      simulated time after which an unfinished transfer counts as failed
 * @param plotFile         where to write the SVG plot, or null for none
 * @param pcapDir          where to write the link's pcap, or null for none
 */
public record TransferOptions(String from, String to, long bytes, long rateBitsPerSec, long delayNs, double loss,
        double reorder, double duplicate, int mtu, String cc, long seed, long sampleIntervalNs, long timeLimitNs,
        Path plotFile, Path pcapDir) {

    /** The accepted names for {@link #cc}. */
    public static final List<String> CONGESTION_CONTROLS = List.of("default", "cubic", "newreno");

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    /** Validates every field, naming the one that is wrong. */
    public TransferOptions {
        personality(from);
        personality(to);
        require(bytes >= 1, "bytes must be ≥ 1: " + bytes);
        require(rateBitsPerSec >= 0, "rate must be ≥ 0: " + rateBitsPerSec);
        require(delayNs >= 0, "delay must be ≥ 0: " + delayNs);
        probability(loss, "loss");
        probability(reorder, "reorder");
        probability(duplicate, "duplicate");
        require(mtu >= 68 && mtu <= 65535, "MTU must be in [68, 65535]: " + mtu);
        require(CONGESTION_CONTROLS.contains(cc),
                "congestion control must be one of " + CONGESTION_CONTROLS + ": " + cc);
        require(sampleIntervalNs > 0, "sample interval must be > 0: " + sampleIntervalNs);
        require(timeLimitNs > 0, "time limit must be > 0: " + timeLimitNs);
    }

    /**
     * Linux to Linux, 16 MiB over 100 Mbit/s with 10 ms one-way delay, no faults, MTU 1500, the default congestion
     * control, seed 1, a sample every 10 ms, one simulated hour at most, no plot, no pcap.
     */
    public static TransferOptions defaults() {
        return new TransferOptions("linux", "linux", 16L << 20, 100_000_000L, 10 * MS, 0, 0, 0, 1500, "default", 1,
                10 * MS, 3600 * S, null, null);
    }

    /** The personality a name stands for. */
    public static Personality personality(String name) {
        Personality p = name == null ? null : Personality.named(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown personality '" + name + "' (one of " + names() + ")");
        }
        return p;
    }

    /** Every personality name, in a fixed order. */
    public static List<String> names() {
        return Personality.all().stream().map(Personality::name).toList();
    }

    /** A copy with other personalities. */
    public TransferOptions withHosts(String sender, String receiver) {
        return new TransferOptions(sender, receiver, bytes, rateBitsPerSec, delayNs, loss, reorder, duplicate, mtu,
                cc, seed, sampleIntervalNs, timeLimitNs, plotFile, pcapDir);
    }

    /** A copy sending another number of bytes. */
    public TransferOptions withBytes(long n) {
        return new TransferOptions(from, to, n, rateBitsPerSec, delayNs, loss, reorder, duplicate, mtu, cc, seed,
                sampleIntervalNs, timeLimitNs, plotFile, pcapDir);
    }

    /** A copy with another link rate, one-way delay and MTU. */
    public TransferOptions withLink(long rate, long delay, int linkMtu) {
        return new TransferOptions(from, to, bytes, rate, delay, loss, reorder, duplicate, linkMtu, cc, seed,
                sampleIntervalNs, timeLimitNs, plotFile, pcapDir);
    }

    /** A copy with other loss, reordering and duplication probabilities. */
    public TransferOptions withFaults(double lossP, double reorderP, double duplicateP) {
        return new TransferOptions(from, to, bytes, rateBitsPerSec, delayNs, lossP, reorderP, duplicateP, mtu, cc,
                seed, sampleIntervalNs, timeLimitNs, plotFile, pcapDir);
    }

    /** A copy with another congestion control name, seed, sample interval and time limit. */
    public TransferOptions withRun(String ccName, long runSeed, long sampleNs, long limitNs) {
        return new TransferOptions(from, to, bytes, rateBitsPerSec, delayNs, loss, reorder, duplicate, mtu, ccName,
                runSeed, sampleNs, limitNs, plotFile, pcapDir);
    }

    /** A copy writing the plot and the pcap to these places (null: not at all). */
    public TransferOptions withOutputs(Path plot, Path pcap) {
        return new TransferOptions(from, to, bytes, rateBitsPerSec, delayNs, loss, reorder, duplicate, mtu, cc, seed,
                sampleIntervalNs, timeLimitNs, plot, pcap);
    }

    private static void probability(double p, String what) {
        require(p >= 0 && p <= 1, what + " must be a probability in [0, 1]: " + p);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
