package io.jnetstack.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained SVG line chart, written by hand (no dependencies): a title, one or more panels stacked
 * vertically over a shared x axis, each with its own y axis (ticks, grid, label), one polyline per series and a
 * legend. Every y axis starts at 0.
 */
public final class SvgPlot {
    private static final int WIDTH = 960;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int PANEL_HEIGHT = 240;
    private static final int GAP = 50;
    private static final int BOTTOM = 55;

    private final String title;
    private final String xLabel;
    private final List<Panel> panels;

    /**
     * One line: its legend name, its stroke colour (CSS), and its points.
     *
     * @param x the x values (non-decreasing)
     * @param y the y values, as many as x
     */
    public record Series(String name, String color, double[] x, double[] y) {
        /** Validates that x and y pair up. */
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x but " + y.length + " y");
            }
        }

        /** A series downsampled to at most {@code maxPoints} points with {@link #downsample}. */
        public static Series of(String name, String color, double[] x, double[] y, int maxPoints) {
            double[][] d = downsample(x, y, maxPoints);
            return new Series(name, color, d[0], d[1]);
        }
    }

    /** One panel: the label of its y axis and the series drawn in it. */
    public record Panel(String yLabel, List<Series> series) {
        /** Copies the list. */
        public Panel {
            series = List.copyOf(series);
        }
    }

    /** A plot titled {@code title} with {@code xLabel} under the x axis and {@code panels} from top to bottom. */
    public SvgPlot(String title, String xLabel, List<Panel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a plot needs at least one panel");
        }
        this.title = title;
        this.xLabel = xLabel;
        this.panels = List.copyOf(panels);
    }

    /**
     * Keeps at most {@code maxPoints} points: when there are more, the points are cut into maxPoints / 2 buckets of
     * consecutive points and each bucket keeps its minimum and its maximum (in their original order), so peaks and
     * troughs survive. Returns {x[], y[]}.
     */
    public static double[][] downsample(double[] x, double[] y, int maxPoints) {
        int n = x.length;
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be ≥ 2: " + maxPoints);
        }
        if (n <= maxPoints) {
            return new double[][] {x.clone(), y.clone()};
        }
        int buckets = maxPoints / 2;
        double[] ox = new double[2 * buckets];
        double[] oy = new double[2 * buckets];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) n * b / buckets);
            int to = (int) ((long) n * (b + 1) / buckets);
            int lo = from;
            int hi = from;
            for (int i = from + 1; i < to; i++) {
                lo = y[i] < y[lo] ? i : lo;
                hi = y[i] > y[hi] ? i : hi;
            }
            for (int i : lo == hi ? new int[] {lo} : new int[] {Math.min(lo, hi), Math.max(lo, hi)}) {
                ox[k] = x[i];
                oy[k++] = y[i];
            }
        }
        return new double[][] {Arrays.copyOf(ox, k), Arrays.copyOf(oy, k)};
    }

    /** Writes the SVG to {@code file}, creating its directory if needed. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    /** The SVG document. */
    public String render() {
        int height = TOP + panels.size() * PANEL_HEIGHT + (panels.size() - 1) * GAP + BOTTOM;
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(sb, WIDTH / 2.0, 28, "middle", "title", title, 15);
        double[] xr = xRange();
        double xStep = niceStep((xr[1] - xr[0]) / 10);
        for (int p = 0; p < panels.size(); p++) {
            int top = TOP + p * (PANEL_HEIGHT + GAP);
            panel(sb, panels.get(p), top, xr, xStep);
        }
        text(sb, LEFT + (WIDTH - LEFT - RIGHT) / 2.0, height - 12, "middle", "x-label", xLabel, 12);
        return sb.append("</svg>\n").toString();
    }

    private void panel(StringBuilder sb, Panel panel, int top, double[] xr, double xStep) {
        int w = WIDTH - LEFT - RIGHT;
        double yMax = 0;
        for (Series s : panel.series()) {
            for (double v : s.y()) {
                yMax = Math.max(yMax, v);
            }
        }
        double yStep = niceStep(yMax > 0 ? yMax / 5 : 0.2);
        double yTop = Math.max(yStep, Math.ceil(yMax / yStep - 1e-9) * yStep);
        sb.append("<g class=\"panel\">\n");
        for (double v : ticks(0, yTop, yStep)) {
            double py = top + PANEL_HEIGHT - v / yTop * PANEL_HEIGHT;
            line(sb, LEFT, py, LEFT + w, py, "#dddddd");
            text(sb, LEFT - 6, py + 4, "end", "tick", label(v, yStep), 11);
        }
        for (double v : ticks(xr[0], xr[1], xStep)) {
            double px = LEFT + (v - xr[0]) / (xr[1] - xr[0]) * w;
            line(sb, px, top, px, top + PANEL_HEIGHT, "#eeeeee");
            text(sb, px, top + PANEL_HEIGHT + 16, "middle", "tick", label(v, xStep), 11);
        }
        sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(top).append("\" width=\"").append(w)
                .append("\" height=\"").append(PANEL_HEIGHT).append("\" fill=\"none\" stroke=\"black\"/>\n");
        sb.append(String.format(Locale.ROOT, "<text class=\"y-label\" x=\"%d\" y=\"%.1f\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 %d %.1f)\">%s</text>%n", 22, top + PANEL_HEIGHT / 2.0, 22,
                top + PANEL_HEIGHT / 2.0, escape(panel.yLabel())));
        for (Series s : panel.series()) {
            polyline(sb, s, top, xr, yTop);
        }
        legend(sb, panel, top);
        sb.append("</g>\n");
    }

    private static void polyline(StringBuilder sb, Series s, int top, double[] xr, double yTop) {
        int w = WIDTH - LEFT - RIGHT;
        sb.append("<polyline class=\"series\" fill=\"none\" stroke-width=\"1.2\" stroke=\"").append(escape(s.color()))
                .append("\" points=\"");
        for (int i = 0; i < s.x().length; i++) {
            double px = LEFT + (s.x()[i] - xr[0]) / (xr[1] - xr[0]) * w;
            double py = top + PANEL_HEIGHT - s.y()[i] / yTop * PANEL_HEIGHT;
            sb.append(i == 0 ? "" : " ").append(Math.round(px * 10) / 10.0).append(',')
                    .append(Math.round(py * 10) / 10.0);
        }
        sb.append("\"><title>").append(escape(s.name())).append("</title></polyline>\n");
    }

    private static void legend(StringBuilder sb, Panel panel, int top) {
        double x = WIDTH - RIGHT - 170;
        double y = top + 16;
        for (Series s : panel.series()) {
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/>%n", x, y - 4, x + 24, y - 4, escape(s.color())));
            text(sb, x + 30, y, "start", "legend", s.name(), 12);
            y += 18;
        }
    }

    private double[] xRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Panel p : panels) {
            for (Series s : p.series()) {
                for (double v : s.x()) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        lo = Math.min(lo, 0);
        return new double[] {lo, hi > lo ? hi : lo + 1};
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double e = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / e;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * e;
    }

    /** The multiples of {@code step} in [lo, hi]. */
    static List<Double> ticks(double lo, double hi, double step) {
        List<Double> out = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
            out.add(k * step);
        }
        return out;
    }

    private static String label(double v, double step) {
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static void line(StringBuilder sb, double x1, double y1, double x2, double y2, String color) {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, color));
    }

    private static void text(StringBuilder sb, double x, double y, String anchor, String cls, String s, int size) {
        sb.append(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" "
                + "font-size=\"%d\">%s</text>%n", cls, x, y, anchor, size, escape(s)));
    }

    /** Escapes the five XML special characters. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
