package io.jnetstack.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * What a {@link Transfer} did.
 *
 * @param options        what was asked for
 * @param queueBytes     the drop-tail queue each side of the link had (0 on an unlimited-rate link)
 * @param bytesReceived  bytes the receiving application read
 * @param elapsedNs      simulated time from the connect call to the last byte read (or to the failure or the
 *                       time limit)
 * @param retransmitted  segments the sender sent again (TcpStats RETRANSMITTED_SEGMENTS)
 * @param timeouts       the sender's retransmission-timer expiries
 * @param fastRecoveries the sender's fast recoveries
 * @param linkDrops      frames the link dropped, by reason ("loss", "queue"), in name order
 * @param failure        why the transfer did not complete ("connection reset at 1.234 s"), or null
 * @param intact         true when every byte arrived and the SHA-256 of both sides agrees
 * @param samples        cwnd, bytes in flight and delivered bytes over time
 * @param pcap           the pcap written, or null
 */
public record TransferResult(TransferOptions options, int queueBytes, long bytesReceived, long elapsedNs,
        long retransmitted, long timeouts, long fastRecoveries, SortedMap<String, Long> linkDrops, String failure,
        boolean intact, TransferSampler samples, Path pcap) {

    /** Copies the drop counts. */
    public TransferResult {
        linkDrops = Collections.unmodifiableSortedMap(new TreeMap<>(linkDrops));
    }

    /** True when every byte arrived intact (exit status 0). */
    public boolean ok() {
        return intact && failure == null;
    }

    /** Bytes read × 8 over the elapsed simulated time, in Mbit/s (0 when no time passed). */
    public double goodputMbps() {
        return elapsedNs <= 0 ? 0 : bytesReceived * 8e3 / elapsedNs;
    }

    /**
     * The summary, one fact per line, in a fixed format (tests and scripts read it):
     * <pre>
     * transfer: linux 10.0.0.1 -> freebsd 10.0.0.2, 2 MiB (2097152 bytes), cc default, seed 1
     * link: point-to-point, rate 100 Mbit/s, delay 5 ms, queue 122.07 KiB, mtu 1500, loss 0, reorder 0, duplicate 0
     * received: 2097152 of 2097152 bytes in 0.412 s simulated
     * goodput: 40.72 Mbit/s (40.7% of link rate)
     * retransmitted segments: 0 (timeouts 0, fast recoveries 0)
     * link drops: none | link drops: loss 12, queue 3
     * [transfer failed: connection reset at 1.234 s]
     * sha256 ok | sha256 MISMATCH
     * </pre>
     * The goodput line has no percentage on an unlimited-rate link. The failure line appears exactly when the
     * transfer failed; the last line is always the SHA-256 verdict.
     */
    public List<String> summary() {
        TransferOptions o = options;
        List<String> lines = new ArrayList<>();
        lines.add("transfer: " + o.from() + " " + Transfer.SENDER_ADDRESS + " -> " + o.to() + " "
                + Transfer.RECEIVER_ADDRESS + ", " + Units.formatBytes(o.bytes()) + " (" + o.bytes() + " bytes), cc "
                + o.cc() + ", seed " + o.seed());
        lines.add("link: point-to-point, rate " + Units.formatRate(o.rateBitsPerSec()) + ", delay "
                + Units.formatDuration(o.delayNs()) + ", queue " + (queueBytes == 0 ? "none" : Units.formatBytes(
                queueBytes)) + ", mtu " + o.mtu() + ", loss " + Units.formatProbability(o.loss()) + ", reorder "
                + Units.formatProbability(o.reorder()) + ", duplicate " + Units.formatProbability(o.duplicate()));
        lines.add(String.format(Locale.ROOT, "received: %d of %d bytes in %.3f s simulated", bytesReceived,
                o.bytes(), elapsedNs / 1e9));
        String share = o.rateBitsPerSec() == 0 ? ""
                : String.format(Locale.ROOT, " (%.1f%% of link rate)", goodputMbps() * 1e8 / o.rateBitsPerSec());
        lines.add(String.format(Locale.ROOT, "goodput: %.2f Mbit/s%s", goodputMbps(), share));
        lines.add("retransmitted segments: " + retransmitted + " (timeouts " + timeouts + ", fast recoveries "
                + fastRecoveries + ")");
        StringJoiner drops = new StringJoiner(", ");
        linkDrops.forEach((reason, n) -> drops.add(reason + " " + n));
        lines.add("link drops: " + (linkDrops.isEmpty() ? "none" : drops.toString()));
        if (failure != null) {
            lines.add("transfer failed: " + failure);
        }
        lines.add(intact ? "sha256 ok" : "sha256 MISMATCH");
        return lines;
    }
}
