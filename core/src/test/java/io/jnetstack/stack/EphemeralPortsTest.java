package io.jnetstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.FreeBsdPersonality;
import io.jnetstack.personality.LinuxPersonality;
import io.jnetstack.personality.MacOsPersonality;
import io.jnetstack.personality.OpenBsdPersonality;
import io.jnetstack.personality.Personality;
import io.jnetstack.personality.PortRange;
import io.jnetstack.personality.PortSelection;
import io.jnetstack.stack.EphemeralPorts.Use;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Each OS's ephemeral-port search (connect catalogue §1E, docs/research/ephemeral-ports.md). */
class EphemeralPortsTest {
    private static final long SEED = 0x5EED_4004L;
    private static final IpAddress LOCAL = Ipv4Address.of(10, 0, 0, 1);
    private static final IpAddress REMOTE = Ipv4Address.of(10, 0, 0, 2);
    private static final List<Personality> ALL = List.of(new LinuxPersonality(), new FreeBsdPersonality(),
            new OpenBsdPersonality(), new MacOsPersonality());
    private static final PortSelection LINUX = new LinuxPersonality().portSelection();
    private static final PortSelection BSD = new FreeBsdPersonality().portSelection();

    /** Picks {@code n} ports for {@code use}, each kept in use, towards varying destination ports. */
    private static List<Integer> drain(EphemeralPorts ports, Use use, int n, TreeSet<Integer> used) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int p = ports.pick(use, LOCAL, REMOTE, 80 + i % 7, used::contains);
            if (p < 0) {
                break;
            }
            used.add(p);
            out.add(p);
        }
        return out;
    }

    @Test
    void everyPick_isInsideTheRangeAndNeverAPortInUse() {
        for (Personality os : ALL) {
            for (Use use : Use.values()) {
                TreeSet<Integer> used = new TreeSet<>(List.of(os.ephemeralPorts().first() + 1));
                EphemeralPorts ports = EphemeralPorts.tcp(os, new RandomSource(SEED));
                List<Integer> picks = drain(ports, use, 3000, used);
                assertThat(picks).as("%s %s seed %x", os.getClass().getSimpleName(), use, SEED).hasSize(3000)
                        .doesNotHaveDuplicates().doesNotContain(os.ephemeralPorts().first() + 1)
                        .allSatisfy(p -> assertThat(p).isBetween(os.ephemeralPorts().first(),
                                os.ephemeralPorts().last()));
            }
        }
    }

    @Test
    void portsBelow1024_areNeverPicked_E10() {
        for (Personality os : ALL) {
            assertThat(os.ephemeralPorts().first()).isGreaterThanOrEqualTo(1024);
            List<Integer> picks = drain(EphemeralPorts.tcp(os, new RandomSource(SEED)), Use.CONNECT, 2000,
                    new TreeSet<>());
            assertThat(picks).allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(1024));
        }
    }

    @Test
    void linuxConnect_picksEvenPorts_andBind_picksOddPorts_whileThatParityIsFree() {
        Personality linux = new LinuxPersonality();
        TreeSet<Integer> used = new TreeSet<>();
        EphemeralPorts ports = EphemeralPorts.tcp(linux, new RandomSource(SEED));
        assertThat(drain(ports, Use.CONNECT, 200, used)).as("seed %x", SEED).allMatch(p -> p % 2 == 0);
        assertThat(drain(ports, Use.BIND, 200, used)).as("seed %x", SEED).allMatch(p -> p % 2 == 1);
    }

    @Test
    void linuxConnect_fallsBackToOddPorts_onceEveryEvenPortIsInUse() {
        PortRange r = new PortRange(40000, 40009);
        EphemeralPorts ports = new EphemeralPorts(LINUX, r, List.of(), new RandomSource(SEED));
        TreeSet<Integer> used = new TreeSet<>();
        List<Integer> picks = drain(ports, Use.CONNECT, 10, used);
        assertThat(picks.subList(0, 5)).containsExactlyInAnyOrder(40000, 40002, 40004, 40006, 40008);
        assertThat(picks.subList(5, 10)).containsExactlyInAnyOrder(40001, 40003, 40005, 40007, 40009);
    }

    @Test
    void linuxBind_fallsBackToEvenPorts_onceEveryOddPortIsInUse() {
        EphemeralPorts ports = new EphemeralPorts(LINUX, new PortRange(40000, 40009), List.of(),
                new RandomSource(SEED));
        List<Integer> picks = drain(ports, Use.BIND, 10, new TreeSet<>());
        assertThat(picks.subList(0, 5)).allMatch(p -> p % 2 == 1);
        assertThat(picks.subList(5, 10)).allMatch(p -> p % 2 == 0);
    }

    @Test
    void linuxConnect_withAnOddSizedRange_neverHandsOutTheLastPort() {
        EphemeralPorts ports = new EphemeralPorts(LINUX, new PortRange(5000, 5002), List.of(), new RandomSource(SEED));
        assertThat(drain(ports, Use.CONNECT, 3, new TreeSet<>())).containsExactlyInAnyOrder(5000, 5001);
    }

    @Test
    void linuxConnect_spreadsDestinationsOverTheRange_andRepeatsPerturbTheStart() {
        EphemeralPorts ports = EphemeralPorts.tcp(new LinuxPersonality(), new RandomSource(SEED));
        TreeSet<Integer> distinct = new TreeSet<>();
        for (int i = 0; i < 100; i++) {
            distinct.add(ports.pick(Use.CONNECT, LOCAL, Ipv4Address.of(10, 0, 1, i), 443, p -> false));
        }
        assertThat(distinct).as("seed %x", SEED).hasSizeGreaterThan(90);
        int first = ports.pick(Use.CONNECT, LOCAL, REMOTE, 443, p -> false);
        int again = ports.pick(Use.CONNECT, LOCAL, REMOTE, 443, p -> false);
        assertThat(again).as("table_perturb advanced, seed %x", SEED).isNotEqualTo(first);
    }

    @Test
    void bsdPicks_areSpreadNotSequential_yetTheSameForTheSameSeed() {
        for (Personality os : ALL) {
            List<Integer> a = drain(EphemeralPorts.tcp(os, new RandomSource(SEED)), Use.CONNECT, 1000,
                    new TreeSet<>());
            List<Integer> b = drain(EphemeralPorts.tcp(os, new RandomSource(SEED)), Use.CONNECT, 1000,
                    new TreeSet<>());
            assertThat(a).as("%s seed %x", os.getClass().getSimpleName(), SEED).isEqualTo(b);
            int consecutive = 0;
            for (int i = 1; i < a.size(); i++) {
                consecutive += Math.abs(a.get(i) - a.get(i - 1)) <= 2 ? 1 : 0;
            }
            assertThat(consecutive).as("%s seed %x", os.getClass().getSimpleName(), SEED).isLessThan(100);
        }
    }

    @Test
    void aDifferentSeed_givesDifferentPorts() {
        for (Personality os : ALL) {
            List<Integer> a = drain(EphemeralPorts.tcp(os, new RandomSource(SEED)), Use.CONNECT, 50,
                    new TreeSet<>());
            List<Integer> b = drain(EphemeralPorts.tcp(os, new RandomSource(SEED + 1)), Use.CONNECT, 50,
                    new TreeSet<>());
            assertThat(a).as(os.getClass().getSimpleName()).isNotEqualTo(b);
        }
    }

    @Test
    void exhaustion_returnsMinusOne_exactlyWhenEveryPortInTheRangeIsInUse() {
        PortRange r = new PortRange(20000, 20015);
        for (PortSelection sel : List.of(LINUX, BSD)) {
            for (Use use : Use.values()) {
                EphemeralPorts ports = new EphemeralPorts(sel, r, List.of(), new RandomSource(SEED));
                TreeSet<Integer> used = new TreeSet<>();
                assertThat(drain(ports, use, 16, used)).as("%s %s", sel.strategy(), use).hasSize(16);
                assertThat(ports.pick(use, LOCAL, REMOTE, 80, used::contains)).isEqualTo(-1);
                used.remove(20007);
                assertThat(ports.pick(use, LOCAL, REMOTE, 80, used::contains)).isEqualTo(20007);
            }
        }
    }

    @Test
    void aOnePortRange_handsOutThatPortThenIsExhausted() {
        for (PortSelection sel : List.of(LINUX, BSD)) {
            EphemeralPorts ports = new EphemeralPorts(sel, new PortRange(7000, 7000), List.of(),
                    new RandomSource(SEED));
            assertThat(drain(ports, Use.CONNECT, 2, new TreeSet<>())).as("%s", sel.strategy()).containsExactly(7000);
        }
    }

    @Test
    void openBsdBadDynamicPorts_andMacOsRestrictedPorts_areSkipped() {
        OpenBsdPersonality obsd = new OpenBsdPersonality();
        EphemeralPorts o = new EphemeralPorts(obsd.portSelection(), new PortRange(5999, 6011),
                obsd.portSelection().skippedTcp(), new RandomSource(SEED));
        assertThat(drain(o, Use.CONNECT, 13, new TreeSet<>())).containsExactlyInAnyOrder(5999, 6011);
        MacOsPersonality mac = new MacOsPersonality();
        EphemeralPorts m = new EphemeralPorts(mac.portSelection(), new PortRange(55554, 55556),
                mac.portSelection().skippedTcp(), new RandomSource(SEED));
        assertThat(drain(m, Use.CONNECT, 3, new TreeSet<>())).containsExactlyInAnyOrder(55554, 55556);
    }

    @Test
    void withoutARandomStart_theBsdSearchContinuesAfterTheLastPortHandedOut() {
        PortSelection seq = new PortSelection(PortSelection.Strategy.RANDOM_START_LINEAR,
                PortSelection.Scope.FOUR_TUPLE, false, List.of(), List.of());
        EphemeralPorts ports = new EphemeralPorts(seq, new PortRange(10000, 10003), List.of(), new RandomSource(SEED));
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            picks.add(ports.pick(Use.CONNECT, LOCAL, REMOTE, 80, p -> false));
        }
        assertThat(picks).containsExactly(10000, 10001, 10002, 10003, 10000, 10001);
    }
}
