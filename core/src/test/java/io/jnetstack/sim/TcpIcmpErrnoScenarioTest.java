package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.link.Rules;
import io.jnetstack.personality.Personality;
import io.jnetstack.personality.TcpFailure;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.stack.StackListener;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.IcmpError;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An ICMP error answering every SYN, end to end: the connection's first failure event, the ICMP message it keeps
 * ({@code TcpConnection.lastIcmp()}, read during the event) and the errno the personality makes of it.
 */
class TcpIcmpErrnoScenarioTest {
    private static final long S = 1_000_000_000L;

    /** (os, IP version, ICMP type, code, errno of the first failure). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("linux", 4, 3, 13, Errno.EHOSTUNREACH),
                Arguments.of("freebsd", 4, 3, 13, Errno.ECONNREFUSED),
                Arguments.of("openbsd", 4, 3, 13, Errno.EHOSTUNREACH),
                Arguments.of("macos", 4, 3, 13, Errno.ECONNREFUSED),
                Arguments.of("linux", 4, 3, 8, Errno.ENONET),
                Arguments.of("macos", 4, 3, 1, Errno.ENETUNREACH),
                Arguments.of("linux", 6, 1, 1, Errno.EACCES),
                Arguments.of("freebsd", 6, 1, 4, Errno.ECONNREFUSED));
    }

    @ParameterizedTest(name = "{0}: ICMPv{1} {2}/{3} → {4}")
    @MethodSource("cases")
    void icmpForEverySyn_endsWithTheKernelsErrno(String os, int version, int type, int code, Errno expected) {
        Simulation sim = new Simulation(5);
        SimLink link = sim.addPointToPoint("p2p", LinkProperties.IDEAL.withDelayNs(5_000_000L));
        SimHost client = sim.addHost("client", Personality.named(os));
        sim.attach(client, link, "eth0", "10.0.0.1/24", "2001:db8::1/64");
        var dst = version == 4 ? Ipv4Address.of("10.0.0.2") : Ipv6Address.of("2001:db8::2");
        link.faults().add(Rules.icmpError(Rules.to(dst), type, code, dst));
        List<Errno> errnos = new ArrayList<>();
        List<IcmpError> messages = new ArrayList<>();
        client.stack().setListener(new StackListener() {
            @Override
            public void onTcpEvent(TcpHandle h, TcpEvent e, long nowNs) {
                IcmpError m = client.stack().tcpConnection(h).lastIcmp();
                messages.add(m);
                errnos.add(m == null ? null
                        : client.stack().personality().tcpErrno(TcpFailure.icmp(m.version(), m.type(), m.code())));
            }
        });
        client.run(s -> s.tcpConnect(dst, 80, sim.nowNs()));
        sim.runFor(200 * S);
        assertThat(messages).as("seed 5").isNotEmpty();
        assertThat(messages.getFirst()).isEqualTo(new IcmpError(version, type, code));
        assertThat(errnos.getFirst()).isEqualTo(expected);
    }
}
