package io.jnetstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    /** 2 MiB, Linux to FreeBSD, 100 Mbit/s, 5 ms one-way. */
    private static TransferOptions small() {
        return TransferOptions.defaults().withHosts("linux", "freebsd").withBytes(2L << 20)
                .withLink(100_000_000L, 5 * MS, 1500);
    }

    @Test
    void smallTransfer_arrivesIntact_withPositiveGoodput() throws Exception {
        TransferResult r = Transfer.run(small());
        List<String> s = r.summary();
        assertThat(r.ok()).as(String.join("\n", s)).isTrue();
        assertThat(s.getLast()).isEqualTo("sha256 ok");
        assertThat(r.bytesReceived()).isEqualTo(2L << 20);
        assertThat(r.goodputMbps()).isGreaterThan(0).isLessThanOrEqualTo(100);
        assertThat(s).hasSize(7);
        assertThat(s.get(0)).isEqualTo("transfer: linux 10.0.0.1 -> freebsd 10.0.0.2, 2 MiB (2097152 bytes), "
                + "cc default, seed 1");
        assertThat(s.get(1)).isEqualTo("link: point-to-point, rate 100 Mbit/s, delay 5 ms, queue 122.07 KiB, "
                + "mtu 1500, loss 0, reorder 0, duplicate 0");
        assertThat(s.get(2)).matches("received: 2097152 of 2097152 bytes in \\d+\\.\\d{3} s simulated");
        assertThat(s.get(3)).matches("goodput: \\d+\\.\\d\\d Mbit/s \\(\\d+\\.\\d% of link rate\\)");
        assertThat(s.get(4)).matches("retransmitted segments: \\d+ \\(timeouts \\d+, fast recoveries \\d+\\)");
        assertThat(s.get(5)).matches("link drops: (none|queue \\d+)"); // slow start may overrun the queue
        assertThat(r.samples().size()).isGreaterThan(10);
    }

    @Test
    void theSameSeed_givesTheSameSummaryAndSamples_anotherSeedOtherLossChoices() throws Exception {
        TransferOptions o = small().withFaults(0.01, 0.01, 0.01);
        TransferResult a = Transfer.run(o);
        TransferResult b = Transfer.run(o);
        assertThat(a.summary()).isEqualTo(b.summary());
        assertThat(a.samples().goodputMbps()).containsExactly(b.samples().goodputMbps());
        assertThat(a.samples().cwndKiB()).containsExactly(b.samples().cwndKiB());
        TransferResult c = Transfer.run(o.withRun("default", 2, 10 * MS, 3600 * S));
        assertThat(c.summary()).isNotEqualTo(a.summary());
    }

    @Test
    void aLossyReorderingDuplicatingLink_stillDeliversEveryByteIntact() throws Exception {
        TransferResult r = Transfer.run(small().withBytes(512 * 1024).withFaults(0.02, 0.02, 0.02));
        assertThat(r.ok()).as(String.join("\n", r.summary())).isTrue();
        assertThat(r.linkDrops().get("loss")).as("the link really lost frames").isPositive();
        assertThat(r.summary()).anyMatch(l -> l.matches("link drops: loss \\d+"));
    }

    @Test
    void aLinkThatLosesEverything_failsAtTheTimeLimit_withoutHanging() throws Exception {
        TransferResult r = Transfer.run(small().withFaults(1.0, 0, 0).withRun("default", 1, 10 * MS, 10 * S));
        List<String> s = r.summary();
        assertThat(r.ok()).isFalse();
        assertThat(r.bytesReceived()).isZero();
        assertThat(s.getLast()).isEqualTo("sha256 MISMATCH");
        assertThat(s.get(s.size() - 2)).isEqualTo("transfer failed: time limit 10 s reached with 0 of 2097152 bytes "
                + "received");
        assertThat(r.elapsedNs()).isEqualTo(10 * S);
    }

    @Test
    void aConnectionThatTimesOut_failsWithTheEventAndItsTime() throws Exception {
        TransferResult r = Transfer.run(small().withFaults(1.0, 0, 0));
        List<String> s = r.summary();
        assertThat(s.get(s.size() - 2)).isEqualTo("transfer failed: connection timed out at 135.300 s (sender)");
        assertThat(s.getLast()).isEqualTo("sha256 MISMATCH");
    }

    @Test
    void plotAndPcap_areWrittenWhenAskedFor(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("plots/run.svg");
        TransferResult r = Transfer.run(small().withBytes(256 * 1024).withOutputs(svg, dir.resolve("pcap")));
        assertThat(r.ok()).isTrue();
        var doc = SvgPlotTest.parse(Files.readString(svg));
        assertThat(doc.getElementsByTagNameNS("*", "polyline").getLength()).isEqualTo(3);
        assertThat(SvgPlotTest.allText(doc)).contains("linux -> freebsd", "cwnd", "bytes in flight", "goodput",
                "Mbit/s", "KiB");
        assertThat(r.pcap()).isEqualTo(dir.resolve("pcap").resolve(Transfer.PCAP_NAME));
        assertThat(Files.size(r.pcap())).isGreaterThan(256 * 1024);
    }

    @Test
    void theQueue_isOneBandwidthDelayProduct_butAtLeast64KiB() {
        assertThat(Transfer.queueBytes(small())).isEqualTo(125_000);
        assertThat(Transfer.queueBytes(small().withLink(1_000_000L, MS, 1500))).isEqualTo(65_536);
        assertThat(Transfer.queueBytes(small().withLink(0, MS, 1500))).isZero();
    }

    @Test
    void aSmallMtu_andAnUnlimitedRate_work() throws Exception {
        TransferResult r = Transfer.run(small().withBytes(64 * 1024).withLink(0, MS, 576));
        assertThat(r.ok()).as(String.join("\n", r.summary())).isTrue();
        assertThat(r.summary().get(3)).matches("goodput: \\d+\\.\\d\\d Mbit/s");
    }
}
