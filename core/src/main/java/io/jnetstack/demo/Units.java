package io.jnetstack.demo;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the quantities of a transfer: sizes (binary: K = KiB), rates (decimal: M = 10⁶ bit/s),
 * durations and probabilities. Parsers throw {@link IllegalArgumentException} with a message that names the bad
 * value and what was expected (the CLI prints it on one line).
 */
public final class Units {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:bit/s|bps|b)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|min|h)?");
    private static final long MAX_BYTES = 1L << 50;

    private Units() {}

    /** "1G", "256M", "64K", "1.5M", "4096": bytes, with K/M/G/T binary multiples (KiB, MiB, GiB, TiB); ≥ 1. */
    public static long parseBytes(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (e.g. 64K, 256M, 1G, 4096)");
        }
        BigDecimal v = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << 10 * power(m.group(2))));
        if (v.compareTo(BigDecimal.ONE) < 0 || v.compareTo(BigDecimal.valueOf(MAX_BYTES)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is out of range (1 byte to 1024 TiB)");
        }
        return v.longValue();
    }

    /** "100M", "1G", "2.5M", "9600": bits per second, with K/M/G/T decimal multiples; 0 means unlimited. */
    public static long parseRate(String text) {
        Matcher m = RATE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate in bit/s (e.g. 10M, 100M, 1G)");
        }
        BigDecimal v = new BigDecimal(m.group(1)).multiply(BigDecimal.TEN.pow(3 * power(m.group(2))));
        if (v.compareTo(BigDecimal.valueOf(1_000_000_000_000_000L)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is out of range (at most 1000T bit/s)");
        }
        return v.longValue();
    }

    /** "25ms", "1s", "500us", "2min", "1h", "0": nanoseconds; a unit is required unless the value is 0. */
    public static long parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration ≥ 0 (e.g. 500us, 25ms, 1s, 2min)");
        }
        BigDecimal v = new BigDecimal(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            if (v.signum() != 0) {
                throw new IllegalArgumentException("'" + text + "' needs a unit (ns, us, ms, s, min, h)");
            }
            return 0;
        }
        long scale = switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "min" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
        BigDecimal ns = v.multiply(BigDecimal.valueOf(scale));
        if (ns.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long");
        }
        return ns.longValue();
    }

    /** A probability in [0, 1] ("0.01", "1e-3"). */
    public static double parseProbability(String text) {
        double p;
        try {
            p = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a probability (a number from 0 to 1)");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("'" + text + "' is not a probability (a number from 0 to 1)");
        }
        return p;
    }

    /** "100 Mbit/s", "1.5 Gbit/s", "9600 bit/s"; "unlimited" for 0. */
    public static String formatRate(long bitsPerSec) {
        if (bitsPerSec == 0) {
            return "unlimited";
        }
        String[] units = {"bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"};
        int u = 0;
        BigDecimal v = BigDecimal.valueOf(bitsPerSec);
        while (u < units.length - 1 && v.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            v = v.movePointLeft(3);
            u++;
        }
        return plain(v) + " " + units[u];
    }

    /** "25 ms", "500 us", "1.5 s", "0 s". */
    public static String formatDuration(long ns) {
        if (ns == 0) {
            return "0 s";
        }
        BigDecimal v = BigDecimal.valueOf(ns);
        if (ns >= 1_000_000_000L) {
            return plain(v.movePointLeft(9)) + " s";
        }
        if (ns >= 1_000_000L) {
            return plain(v.movePointLeft(6)) + " ms";
        }
        return ns >= 1_000L ? plain(v.movePointLeft(3)) + " us" : ns + " ns";
    }

    /** "2 MiB", "1.5 GiB", "1000 B": exact when short, else two decimals. */
    public static String formatBytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        double v = bytes;
        while (u < units.length - 1 && v >= 1024) {
            v /= 1024;
            u++;
        }
        BigDecimal exact = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << 10 * u));
        String n = exact.stripTrailingZeros().scale() <= 2 ? plain(exact) : String.format(Locale.ROOT, "%.2f", v);
        return n + " " + units[u];
    }

    /** A probability as given, without a trailing ".0" ("0", "0.01", "1"). */
    public static String formatProbability(double p) {
        return plain(BigDecimal.valueOf(p));
    }

    private static int power(String prefix) {
        return switch (prefix.toLowerCase(Locale.ROOT)) {
            case "k" -> 1;
            case "m" -> 2;
            case "g" -> 3;
            case "t" -> 4;
            default -> 0;
        };
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
