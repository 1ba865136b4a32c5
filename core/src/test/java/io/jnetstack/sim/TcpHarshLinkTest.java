package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.link.Rules;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both directions at once over a link far worse than TcpBulkTest's: 10% loss, 5% reordering by up to 7 ms, 5%
 * duplication, for every ordered pair of personalities and three seeds. What this exercises is the interplay of
 * timeouts, SACK and NewReno recovery, and reassembly; the bytes must arrive intact.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
class TcpHarshLinkTest {
    static final long MS = 1_000_000L;

    static Stream<Arguments> cases() {
        return TcpScenarioTest.pairs().flatMap(a -> Stream.of(21L, 22L, 23L)
                .map(seed -> Arguments.of(a.get()[0], a.get()[1], seed)));
    }

    @ParameterizedTest(name = "{0} ⇄ {1}, seed {2}")
    @MethodSource("cases")
    void twoMebibytesEachWay_overTenPercentLossReorderingAndDuplication_arriveIntact(String a, String b, long seed) {
        TcpBulkTest.Pair p = new TcpBulkTest.Pair(seed, a, b, false);
        p.link.faults().add(Rules.loss(0.10, p.sim.random().fork("l"), Rules.any()));
        p.link.faults().add(Rules.reorder(0.05, 7 * MS, p.sim.random().fork("r"), Rules.any()));
        p.link.faults().add(Rules.duplicate(0.05, p.sim.random().fork("d"), Rules.any()));
        TcpBulkTest.Flow ab = new TcpBulkTest.Flow(seed, 2L << 20);
        TcpBulkTest.Flow ba = new TcpBulkTest.Flow(seed + 1, 2L << 20);
        p.transfer(ab, ba, 100_000L * 1_000_000_000L);
        assertThat(ab.received).as(p.describe()).isEqualTo(2L << 20);
        assertThat(ba.received).as(p.describe()).isEqualTo(2L << 20);
        assertThat(TcpBulkTest.hex(ab.got)).as("a → b SHA-256, seed " + seed).isEqualTo(TcpBulkTest.hex(ab.sent));
        assertThat(TcpBulkTest.hex(ba.got)).as("b → a SHA-256, seed " + seed).isEqualTo(TcpBulkTest.hex(ba.sent));
    }
}
