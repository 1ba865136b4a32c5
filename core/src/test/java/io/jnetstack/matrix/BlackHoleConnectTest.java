package io.jnetstack.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.link.Rules;
import io.jnetstack.personality.Personality;
import io.jnetstack.wire.Ipv4Address;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A blocking connect(2) to a black hole returns ETIMEDOUT after the personality's whole SYN back-off, in virtual
 * time: Linux gives up 135.3 s after the first SYN (SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 69 s as measured on
 * the development machine's kernel — tcp_syn_retries 6 with tcp_syn_linear_timeouts 4, RTO 1 s; the ARP exchange
 * adds 2 ms here), the BSDs and macOS at net.inet.tcp.keepinit, 75 s (catalogue C19). Real time is not asserted
 * (it is a few milliseconds; see the issue note).
 */
class BlackHoleConnectTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"linux,135.3", "freebsd,75.0", "openbsd,75.0", "macos,75.0"})
    void blockingConnectToABlackHole_timesOutAfterTheFullBackOff(String os, double seconds) {
        Scenario s = new Scenario("black hole", "", "", b -> {
            b.serverFault(Rules.drop(Rules.to(Ipv4Address.of(Bench.SERVER)), "black hole"));
            double t0 = b.now();
            String r = b.r(b.connect(b.tcp(), b.in(Bench.SERVER, 80)));
            return r + " after " + Math.round((b.now() - t0) * 10) / 10.0;
        });
        assertThat(Matrix.run(s, Personality.named(os), null)).isEqualTo("-1 ETIMEDOUT after " + seconds);
    }
}
