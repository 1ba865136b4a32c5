package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.socket.api.ErrnoException;
import io.jnetstack.socket.api.ListeningSocket;
import io.jnetstack.socket.api.Sockets;
import io.jnetstack.socket.api.StreamSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Java-friendly socket API on the simulated network: typed calls, exceptions carrying errno, number and text. */
class SocketsApiTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"linux,111,Connection refused", "freebsd,61,Connection refused", "openbsd,61,Connection refused",
            "macos,61,Connection refused"})
    void echoOverTheApi_andARefusedConnectThrowsTheOsErrno(String os, int refusedNumber, String text) {
        Simulation sim = new Simulation(4);
        SimLink lan = sim.addEthernet("lan", LinkProperties.IDEAL.withDelayNs(1_000_000));
        SimHost a = sim.addHost("a", Personality.named(os));
        SimHost b = sim.addHost("b", Personality.named(os));
        sim.attach(a, lan, "eth0", "10.0.0.1/24");
        sim.attach(b, lan, "eth0", "10.0.0.2/24");
        List<String> log = new ArrayList<>();
        b.spawn("echo").start("main", t -> {
            Sockets api = new Sockets(t.syscalls());
            try (ListeningSocket l = api.listen(7, 4); StreamSocket c = l.accept()) {
                byte[] got = c.read(100);
                c.write(got);
                log.add("server peer " + c.remoteAddress().getAddress().getHostAddress());
            } catch (ErrnoException e) {
                log.add("server " + e.getMessage());
            }
        });
        a.spawn("client").start("main", t -> {
            Sockets api = new Sockets(t.syscalls());
            try (StreamSocket s = api.connect("10.0.0.2", 7)) {
                s.write("hello".getBytes(StandardCharsets.US_ASCII));
                log.add("echo " + new String(s.read(100), StandardCharsets.US_ASCII));
                log.add("local port " + (s.localAddress().getPort() > 1023));
            } catch (ErrnoException e) {
                log.add("client " + e.getMessage());
            }
            try {
                api.connect("10.0.0.2", 8);
                log.add("connected to a closed port");
            } catch (ErrnoException e) {
                log.add(e.errno() + " " + e.number() + " " + e.text());
            }
        });
        sim.runUntil(60_000_000_000L);
        assertThat(log).containsExactlyInAnyOrder("server peer 10.0.0.1", "echo hello", "local port true",
                "ECONNREFUSED " + refusedNumber + " " + text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"linux", "macos"})
    void aHostNameIsRefusedWithAClearMessage(String os) {
        Simulation sim = new Simulation(4);
        SimHost a = sim.addHost("a", Personality.named(os));
        List<Throwable> thrown = new ArrayList<>();
        a.spawn("client").start("main", t -> {
            try {
                new Sockets(t.syscalls()).connect("example.com", 80);
            } catch (IllegalArgumentException | ErrnoException e) {
                thrown.add(e);
            }
        });
        sim.runUntil(1_000_000_000L);
        assertThat(thrown).singleElement().satisfies(e -> assertThat(e).hasMessageContaining(
                "'example.com' is not an IPv4 or IPv6 address literal"));
        assertThat(Errno.ECONNREFUSED.name()).isEqualTo("ECONNREFUSED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"linux,111", "freebsd,61", "openbsd,61", "macos,61"})
    void udpEcho_andAConnectedSocketHearsThePortUnreachable(String os, int refused) {
        Simulation sim = new Simulation(5);
        SimLink lan = sim.addEthernet("lan", LinkProperties.IDEAL.withDelayNs(1_000_000));
        SimHost a = sim.addHost("a", Personality.named(os));
        SimHost b = sim.addHost("b", Personality.named(os));
        sim.attach(a, lan, "eth0", "10.0.0.1/24");
        sim.attach(b, lan, "eth0", "10.0.0.2/24");
        List<String> log = new ArrayList<>();
        b.spawn("echo").start("main", t -> {
            try (var u = new Sockets(t.syscalls()).udp("0.0.0.0").bind("0.0.0.0", 7)) {
                var d = u.receive(100);
                u.sendTo(d.sender().getAddress().getHostAddress(), d.sender().getPort(), d.data());
            } catch (ErrnoException e) {
                log.add("server " + e.getMessage());
            }
        });
        a.spawn("client").start("main", t -> {
            try (var u = new Sockets(t.syscalls()).udp("0.0.0.0")) {
                u.sendTo("10.0.0.2", 7, "ping".getBytes(StandardCharsets.US_ASCII));
                var d = u.receive(100);
                log.add(new String(d.data(), StandardCharsets.US_ASCII) + " from "
                        + d.sender().getAddress().getHostAddress() + ":" + d.sender().getPort());
                u.connect("10.0.0.2", 9).send(new byte[] {1});
                t.sleep(100_000_000L);
                u.receive(100);
                log.add("no error");
            } catch (ErrnoException e) {
                log.add(e.errno() + " " + e.number());
            }
        });
        sim.runUntil(10_000_000_000L);
        assertThat(log).containsExactly("ping from 10.0.0.2:7", "ECONNREFUSED " + refused);
    }
}
