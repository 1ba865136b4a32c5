package io.jnetstack.personality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Per-OS congestion-control defaults; sources in docs/research/tcp-personalities.md (issue #3). */
class CongestionDefaultsTest {

    @Test
    void linux_runsCubic_withTenSegmentsWhateverTheMss() {
        Personality p = new LinuxPersonality();
        assertThat(p.congestionControl()).isEqualTo(CongestionAlgorithm.CUBIC);
        assertThat(p.initialWindow(1460)).isEqualTo(14_600);
        assertThat(p.initialWindow(65_495)).isEqualTo(654_950);
    }

    @Test
    void freeBsd_runsCubic_withTheRfc6928FormulaCappedAt14600Bytes() {
        Personality p = new FreeBsdPersonality();
        assertThat(p.congestionControl()).isEqualTo(CongestionAlgorithm.CUBIC);
        assertThat(p.initialWindow(1460)).isEqualTo(14_600);
        assertThat(p.initialWindow(536)).isEqualTo(5_360);
        assertThat(p.initialWindow(16_344)).as("max(2 × mss, 14600) caps it").isEqualTo(32_688);
        assertThat(p.initialWindow(4000)).isEqualTo(14_600);
    }

    @Test
    void openBsd_runsNewReno_withTheSameRfc6928Formula() {
        Personality p = new OpenBsdPersonality();
        assertThat(p.congestionControl()).isEqualTo(CongestionAlgorithm.NEWRENO);
        assertThat(p.initialWindow(1460)).isEqualTo(14_600);
        assertThat(p.initialWindow(32_728)).isEqualTo(65_456);
    }

    @Test
    void macOs_runsCubic_withTenSegmentsWhateverTheMss() {
        Personality p = new MacOsPersonality();
        assertThat(p.congestionControl()).isEqualTo(CongestionAlgorithm.CUBIC);
        assertThat(p.initialWindow(1460)).isEqualTo(14_600);
        assertThat(p.initialWindow(16_344)).isEqualTo(163_440);
    }
}
