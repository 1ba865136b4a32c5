package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.PortRange;
import io.jnetstack.stack.TcpHandle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ports a simulated stack's connect() takes, per personality (connect catalogue §1E E1, E10). */
class TcpEphemeralPortTest {
    private static final long S = 1_000_000_000L;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.sim.TcpScenarioTest#personalities")
    void connects_takeDistinctPortsInTheRange_evenOnLinux(String os) {
        TcpScenarioTest.Net n = new TcpScenarioTest.Net(os, "linux");
        n.server.stack().tcpListen(80);
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TcpHandle h = n.connect("10.0.0.2", 80);
            ports.add(h.localPort());
            n.sim.runFor(S / 10);
        }
        PortRange r = n.client.stack().personality().ephemeralPorts();
        assertThat(ports).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isBetween(r.first(), r.last()));
        if (os.equals("linux")) {
            assertThat(ports).as("Linux connect() prefers even ports (live 200/200)").allMatch(p -> p % 2 == 0);
        }
    }
}
