package io.jnetstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void sizes_useBinaryMultiples() {
        assertThat(Units.parseBytes("4096")).isEqualTo(4096);
        assertThat(Units.parseBytes("64K")).isEqualTo(65_536);
        assertThat(Units.parseBytes("256M")).isEqualTo(256L << 20);
        assertThat(Units.parseBytes("1G")).isEqualTo(1L << 30);
        assertThat(Units.parseBytes("1.5m")).isEqualTo(3L << 19);
        assertThat(Units.parseBytes("2MiB")).isEqualTo(2L << 20);
    }

    @Test
    void rates_useDecimalMultiples() {
        assertThat(Units.parseRate("100M")).isEqualTo(100_000_000L);
        assertThat(Units.parseRate("1G")).isEqualTo(1_000_000_000L);
        assertThat(Units.parseRate("2.5Mbit/s")).isEqualTo(2_500_000L);
        assertThat(Units.parseRate("9600")).isEqualTo(9600);
        assertThat(Units.parseRate("0")).isZero();
    }

    @Test
    void durations_needAUnit_unlessZero() {
        assertThat(Units.parseDuration("25ms")).isEqualTo(25_000_000L);
        assertThat(Units.parseDuration("500us")).isEqualTo(500_000L);
        assertThat(Units.parseDuration("1s")).isEqualTo(1_000_000_000L);
        assertThat(Units.parseDuration("1.5 s")).isEqualTo(1_500_000_000L);
        assertThat(Units.parseDuration("1h")).isEqualTo(3_600_000_000_000L);
        assertThat(Units.parseDuration("0")).isZero();
        assertThatThrownBy(() -> Units.parseDuration("25")).hasMessageContaining("'25' needs a unit");
    }

    @Test
    void badValues_areNamedInTheMessage() {
        assertThatThrownBy(() -> Units.parseBytes("12X")).hasMessageContaining("'12X'");
        assertThatThrownBy(() -> Units.parseBytes("0")).hasMessageContaining("'0'");
        assertThatThrownBy(() -> Units.parseRate("fast")).hasMessageContaining("'fast'");
        assertThatThrownBy(() -> Units.parseDuration("-3ms")).hasMessageContaining("'-3ms'");
        assertThatThrownBy(() -> Units.parseProbability("1.5")).hasMessageContaining("'1.5'");
        assertThatThrownBy(() -> Units.parseProbability("NaN")).hasMessageContaining("'NaN'");
        assertThatThrownBy(() -> TransferOptions.personality("solaris")).hasMessageContaining("'solaris'");
    }

    @Test
    void formats_areShortAndExact() {
        assertThat(Units.formatRate(100_000_000L)).isEqualTo("100 Mbit/s");
        assertThat(Units.formatRate(1_500_000_000L)).isEqualTo("1.5 Gbit/s");
        assertThat(Units.formatRate(0)).isEqualTo("unlimited");
        assertThat(Units.formatDuration(25_000_000L)).isEqualTo("25 ms");
        assertThat(Units.formatDuration(500_000L)).isEqualTo("500 us");
        assertThat(Units.formatDuration(3_600_000_000_000L)).isEqualTo("3600 s");
        assertThat(Units.formatBytes(256L << 20)).isEqualTo("256 MiB");
        assertThat(Units.formatBytes(125_000)).isEqualTo("122.07 KiB");
        assertThat(Units.formatBytes(1000)).isEqualTo("1000 B");
        assertThat(Units.formatProbability(0)).isEqualTo("0");
        assertThat(Units.formatProbability(0.01)).isEqualTo("0.01");
    }
}
