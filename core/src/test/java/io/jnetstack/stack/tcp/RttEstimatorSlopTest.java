package io.jnetstack.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.RetransmissionTimeout;
import org.junit.jupiter.api.Test;

/**
 * FreeBSD's TCPT_RANGESET adds net.inet.tcp.rexmit_slop (200 ms) to TCP_REXMTVAL (SRTT + 4 RTTVAR, at least
 * rexmit_min 30 ms), and tcp_timer_rexmt multiplies TCP_REXMTVAL by the tcp_backoff table {1, 2, 4, 8, 16, 32, 64,
 * 64, …} before adding the slop. Without a slop the RTO is RFC 6298's, doubled on each backoff.
 */
class RttEstimatorSlopTest {
    private static final long MS = 1_000_000L;

    @Test
    void freeBsd_addsTheSlopToTheComputedValue() {
        RttEstimator rtt = new RttEstimator(Personality.named("freebsd").forHost().rto());
        assertThat(rtt.rtoNs()).as("TCPTV_RTOBASE before a sample").isEqualTo(1000 * MS);
        rtt.sample(100 * MS);
        assertThat(rtt.rtoNs()).as("100 + 4 × 50 + 200").isEqualTo(500 * MS);
    }

    @Test
    void freeBsd_backsOffTheValueThenAddsTheSlop_upToSixtyFourTimes() {
        RttEstimator rtt = new RttEstimator(Personality.named("freebsd").forHost().rto());
        rtt.sample(10 * MS); // TCP_REXMTVAL 30 ms
        long[] expected = {260, 320, 440, 680, 1160, 2120, 2120};
        for (long ms : expected) {
            rtt.backOff();
            assertThat(rtt.rtoNs()).isEqualTo(ms * MS);
        }
    }

    @Test
    void withoutSlop_theRtoIsRfc6298s() {
        RttEstimator rtt = new RttEstimator(RetransmissionTimeout.ofMillis(1000, 200, 60_000));
        rtt.sample(100 * MS);
        assertThat(rtt.rtoNs()).isEqualTo(300 * MS);
        rtt.backOff();
        assertThat(rtt.rtoNs()).isEqualTo(600 * MS);
    }

    @Test
    void onlyFreeBsd_hasASlop() {
        assertThat(Personality.all()).filteredOn(p -> p.forHost().rto().slopNs() != 0)
                .extracting(Personality::name).containsExactly("freebsd");
    }
}
