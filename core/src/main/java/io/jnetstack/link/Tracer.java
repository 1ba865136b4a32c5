package io.jnetstack.link;

import io.jnetstack.wire.print.PacketPrinter;
import java.util.function.Consumer;

/** Prints one tcpdump-style line per frame: virtual time in seconds, the link's name, then the packet. */
public final class Tracer implements FrameObserver {
    private final Medium medium;
    private final String linkName;
    private final Consumer<String> out;

    /** Traces frames of {@code medium} crossing the link named {@code linkName} into {@code out}. */
    public Tracer(Medium medium, String linkName, Consumer<String> out) {
        this.medium = medium;
        this.linkName = linkName;
        this.out = out;
    }

    @Override
    public void observe(byte[] frame, int off, int len, long nowNs) {
        String line = switch (medium) {
            case ETHERNET -> PacketPrinter.ethernet(frame, off, len);
            case IP -> PacketPrinter.ip(frame, off, len);
        };
        out.accept(formatTime(nowNs) + " " + linkName + " " + line);
    }

    /** Marks the frame just traced as dropped. */
    @Override
    public void dropped(String reason, long nowNs) {
        out.accept(formatTime(nowNs) + " " + linkName + "   ^ dropped (" + reason + ")");
    }

    /** Seconds with nine decimals, as {@code tcpdump -tt --nano} prints time stamps. */
    public static String formatTime(long nowNs) {
        return String.format(java.util.Locale.ROOT, "%d.%09d", nowNs / 1_000_000_000L, nowNs % 1_000_000_000L);
    }
}
