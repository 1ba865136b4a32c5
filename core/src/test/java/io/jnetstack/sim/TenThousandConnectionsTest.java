package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Sockaddr;
import io.jnetstack.socket.Syscalls;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ten thousand TCP connections open at once between two simulated processes: four client threads connect 2,500
 * times each, the server accepts them all, then every client sends one byte on each of its connections and the
 * server reads one byte from each.
 */
@Execution(ExecutionMode.CONCURRENT)
class TenThousandConnectionsTest {
    private static final int N = 10_000;
    private static final int THREADS = 4;

    @ParameterizedTest
    @ValueSource(strings = {"linux", "freebsd", "openbsd", "macos"})
    void tenThousandConcurrentConnections(String os) {
        Simulation sim = new Simulation(10);
        SimLink lan = sim.addEthernet("lan", LinkProperties.IDEAL.withDelayNs(100_000));
        SimHost a = sim.addHost("a", Personality.named(os));
        SimHost b = sim.addHost("b", Personality.named(os));
        sim.attach(a, lan, "eth0", "10.0.0.1/24");
        sim.attach(b, lan, "eth0", "10.0.0.2/24");
        List<Integer> accepted = new ArrayList<>();
        int[] bytesRead = {0};
        b.spawn("server").start("main", t -> {
            Syscalls s = t.syscalls();
            s.setOpenFileLimit(N + 100);
            raiseHostLimit(s);
            int l = s.socket(k(s, AbiConstant.AF_INET), k(s, AbiConstant.SOCK_STREAM), 0);
            byte[] sa = s.abi().sockaddr().encode(new Sockaddr.In(80, 0));
            s.bind(l, sa, sa.length);
            s.listen(l, 4096);
            while (accepted.size() < N) {
                int c = s.accept(l, null, null);
                if (c < 0) {
                    return;
                }
                accepted.add(c);
            }
            byte[] buf = new byte[1];
            for (int c : accepted) {
                bytesRead[0] += Math.max(0, s.read(c, buf, 1));
            }
        });
        SimProcess client = a.spawn("client");
        int[] connected = new int[THREADS];
        for (int i = 0; i < THREADS; i++) {
            int me = i;
            client.start("c" + i, t -> {
                Syscalls s = t.syscalls();
                s.setOpenFileLimit(N + 100);
                raiseHostLimit(s);
                List<Integer> fds = new ArrayList<>();
                byte[] sa = s.abi().sockaddr().encode(new Sockaddr.In(80, 0x0a000002));
                for (int j = 0; j < N / THREADS; j++) {
                    int fd = s.socket(k(s, AbiConstant.AF_INET), k(s, AbiConstant.SOCK_STREAM), 0);
                    if (fd >= 0 && s.connect(fd, sa, sa.length) == 0) {
                        fds.add(fd);
                    }
                }
                connected[me] = fds.size();
                t.sleep(1_000_000_000L);
                for (int fd : fds) {
                    s.write(fd, new byte[] {1}, 1);
                }
            });
        }
        sim.runUntil(600_000_000_000L);
        assertThat(sim.threadFailures()).isEmpty();
        assertThat(connected).as(os).containsOnly(N / THREADS);
        assertThat(accepted).as(os).hasSize(N);
        assertThat(bytesRead[0]).as(os).isEqualTo(N);
        // the connections and the process's standard input, output and error
        assertThat(a.kernel().openFiles()).as("client descriptions").isEqualTo(N + 3);
    }

    /** OpenBSD's kern.maxfiles is 7,030: raise the host-wide limit as root would (sysctl kern.maxfiles). */
    private static void raiseHostLimit(Syscalls s) {
        if (s.sysctl("kern.maxfiles", null, new long[] {4L * N}) < 0) {
            assertThat(s.sysctl("fs.file-max", null, new long[] {4L * N})).isZero();
        }
    }

    private static int k(Syscalls s, AbiConstant c) {
        return s.abi().constants().value(c).orElseThrow();
    }
}
