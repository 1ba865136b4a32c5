package io.jnetstack.personality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a read from the receive buffer sends a window update at once: FreeBSD's tcp_output test, else RFC SWS. */
class WindowUpdateAfterReadTest {
    private final Personality freebsd = new FreeBsdPersonality();
    private final Personality linux = new LinuxPersonality();

    @Test
    void freebsd_updatesWhenTheWindowGrowsByTwoSegmentsAndAQuarterOfTheBuffer() {
        // rcv-data-segments/overlapping-200-32200: 32199 bytes read from a 65700-byte buffer
        assertThat(freebsd.windowUpdateAfterRead(33_501, 65_535, 1460, 65_700, 0, false)).isTrue();
        assertThat(freebsd.windowUpdateAfterRead(33_501, 65_535, 1460, 65_700, 0, true)).as("delayed ACK pending")
                .isFalse();
        assertThat(freebsd.windowUpdateAfterRead(60_000, 63_000, 1460, 65_700, 0, false)).as("adv < 2 MSS")
                .isFalse();
        assertThat(freebsd.windowUpdateAfterRead(60_000, 60_063, 1460, 65_700, 6, false))
                .as("no change in the scaled window").isFalse();
        assertThat(freebsd.windowUpdateAfterRead(0, 40_000, 1460, 65_700, 0, false)).as("half the buffer").isTrue();
    }

    @Test
    void others_keepReceiverSideSillyWindowAvoidance() {
        assertThat(linux.windowUpdateAfterRead(33_501, 65_535, 1460, 65_700, 0, false)).isFalse();
        assertThat(linux.windowUpdateAfterRead(1000, 3000, 1460, 65_700, 0, true)).isTrue();
        assertThat(linux.windowUpdateAfterRead(1000, 1200, 1460, 65_700, 0, false)).isFalse();
    }
}
