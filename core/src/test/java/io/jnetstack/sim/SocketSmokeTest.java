package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.socket.Syscalls;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SocketSmokeTest {
    static List<String> personalities() {
        return Personality.all().stream().map(Personality::name).toList();
    }

    static int c(Syscalls s, AbiConstant k) {
        return s.abi().constants().value(k).orElseThrow();
    }

    static String res(Syscalls s, int r) {
        return r >= 0 ? Integer.toString(r) : "-1 " + s.abi().errnos().errnoOf(s.errno()).map(Errno::name).orElse("?");
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void blockingConnect_listenerAndClosedPortAndBlackHole(String os) {
        Simulation sim = new Simulation(1);
        SimLink lan = sim.addEthernet("lan", LinkProperties.IDEAL.withDelayNs(1_000_000));
        SimHost a = sim.addHost("a", Personality.named(os));
        SimHost b = sim.addHost("b", Personality.named(os));
        sim.attach(a, lan, "eth0", "10.0.0.1/24", "2001:db8::1/64");
        sim.attach(b, lan, "eth0", "10.0.0.2/24", "2001:db8::2/64");
        List<String> out = new ArrayList<>();
        b.spawn("server").start("main", t -> {
            Syscalls s = t.syscalls();
            int fd = s.socket(c(s, AbiConstant.AF_INET), c(s, AbiConstant.SOCK_STREAM), 0);
            byte[] addr = s.abi().sockaddr().encode(new Sockaddr.In(80, 0));
            out.add("bind " + res(s, s.bind(fd, addr, addr.length)));
            out.add("listen " + res(s, s.listen(fd, 5)));
            int c = s.accept(fd, null, null);
            out.add("accept " + (c >= 0 ? "ok" : res(s, c)));
        });
        a.spawn("client").start("main", t -> {
            Syscalls s = t.syscalls();
            int fd = s.socket(c(s, AbiConstant.AF_INET), c(s, AbiConstant.SOCK_STREAM), 0);
            byte[] addr = s.abi().sockaddr().encode(new Sockaddr.In(80, 0x0a000002));
            out.add("connect " + res(s, s.connect(fd, addr, addr.length)));
            int fd2 = s.socket(c(s, AbiConstant.AF_INET), c(s, AbiConstant.SOCK_STREAM), 0);
            byte[] closed = s.abi().sockaddr().encode(new Sockaddr.In(81, 0x0a000002));
            out.add("refused " + res(s, s.connect(fd2, closed, closed.length)));
            int fd3 = s.socket(c(s, AbiConstant.AF_INET), c(s, AbiConstant.SOCK_STREAM), 0);
            byte[] hole = s.abi().sockaddr().encode(new Sockaddr.In(80, 0x0a000063));
            long t0 = t.nowNs();
            out.add("hole " + res(s, s.connect(fd3, hole, hole.length)) + " after " + (t.nowNs() - t0) / 1_000_000_000L);
        });
        long wall = System.nanoTime();
        sim.runUntil(1000L * 1_000_000_000L);
        System.out.println(os + " " + out + " wall ms " + (System.nanoTime() - wall) / 1_000_000);
        assertThat(out).contains("connect 0", "refused -1 ECONNREFUSED");
    }
}
