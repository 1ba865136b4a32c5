package io.jnetstack.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The SVG of a transfer: cwnd and bytes in flight (KiB) in the upper panel, goodput (Mbit/s) in the lower, over
 * simulated seconds, titled with the run's parameters.
 */
public final class TransferPlot {
    /** Points kept per series at most (min/max per bucket, so a sawtooth keeps its teeth). */
    public static final int MAX_POINTS = 2000;

    private TransferPlot() {}

    /** The plot of {@code r}. */
    public static SvgPlot of(TransferResult r) {
        TransferSampler s = r.samples();
        double[] t = s.seconds();
        TransferOptions o = r.options();
        String title = "jns transfer " + o.from() + " -> " + o.to() + ": " + Units.formatBytes(o.bytes()) + ", "
                + Units.formatRate(o.rateBitsPerSec()) + ", delay " + Units.formatDuration(o.delayNs()) + ", loss "
                + Units.formatProbability(o.loss()) + ", reorder " + Units.formatProbability(o.reorder())
                + ", duplicate " + Units.formatProbability(o.duplicate()) + ", mtu " + o.mtu() + ", cc " + o.cc()
                + ", seed " + o.seed();
        SvgPlot.Panel window = new SvgPlot.Panel("KiB", List.of(
                SvgPlot.Series.of("cwnd", "#1f77b4", t, s.cwndKiB(), MAX_POINTS),
                SvgPlot.Series.of("bytes in flight", "#ff7f0e", t, s.inFlightKiB(), MAX_POINTS)));
        SvgPlot.Panel goodput = new SvgPlot.Panel("Mbit/s", List.of(
                SvgPlot.Series.of("goodput", "#2ca02c", t, s.goodputMbps(), MAX_POINTS)));
        return new SvgPlot(title, "time (s, simulated)", List.of(window, goodput));
    }

    /** Writes the plot of {@code r} to {@code file} (its directory is created if needed). */
    public static void write(TransferResult r, Path file) throws IOException {
        of(r).write(file);
    }
}
