package io.jnetstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./jns transfer --bytes 256M --rate 100M --delay 25ms} fills the link: once the window has opened, goodput
 * stays at 90% of the link rate or more with CUBIC and with NewReno (measured on virtual time from the sampler), and
 * under 1% loss the congestion window draws the classic sawtooth.
 */
@Execution(ExecutionMode.CONCURRENT)
class TransferRateTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cubic", "newreno"})
    void bulkOver100MbitAnd25ms_reachesNinetyPercentOfTheLinkRate_onceTheWindowHasOpened(String cc) throws Exception {
        TransferOptions o = TransferOptions.defaults().withBytes(256L << 20).withLink(100_000_000L, 25 * MS, 1500)
                .withRun(cc, 1, 100 * MS, 3600 * S);
        TransferResult r = Transfer.run(o);
        assertThat(r.ok()).as(String.join("\n", r.summary())).isTrue();
        double[] t = r.samples().seconds();
        double[] g = r.samples().goodputMbps();
        // "Once the window has opened": from 3 s on (slow start and its first loss are over by then), to the last
        // whole sample.
        double sum = 0;
        int n = 0;
        for (int i = 0; i < t.length - 1; i++) {
            if (t[i] >= 3.0) {
                sum += g[i];
                n++;
            }
        }
        assertThat(n).as("samples after the window opened").isGreaterThan(50);
        assertThat(sum / n).as(cc + " mean goodput after 3 s, Mbit/s\n" + String.join("\n", r.summary()))
                .isGreaterThanOrEqualTo(90.0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cubic", "newreno"})
    void onePercentLoss_drawsTheSawtooth_andThePlotShowsIt(String cc, @TempDir Path dir) throws Exception {
        Path svg = dir.resolve("saw.svg");
        TransferOptions o = TransferOptions.defaults().withBytes(32L << 20).withLink(100_000_000L, 25 * MS, 1500)
                .withFaults(0.01, 0, 0).withRun(cc, 3, 10 * MS, 3600 * S).withOutputs(svg, null);
        TransferResult r = Transfer.run(o);
        assertThat(r.ok()).as(String.join("\n", r.summary())).isTrue();
        double[] w = r.samples().cwndKiB();
        int cuts = 0;
        double peak = 0;
        for (double v : w) {
            if (v > peak) {
                peak = v;
            } else if (peak > 0 && v <= 0.8 * peak) { // a multiplicative decrease: at least 20% off the peak
                cuts++;
                peak = v;
            }
        }
        assertThat(cuts).as("window cuts under 1% loss").isGreaterThanOrEqualTo(10);
        String plot = Files.readString(svg);
        assertThat(plot).contains("<svg").contains("cwnd").contains("<polyline");
    }
}
