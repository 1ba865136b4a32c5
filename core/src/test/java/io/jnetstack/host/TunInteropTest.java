package io.jnetstack.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnetstack.personality.Personality;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.wire.Ipv4Address;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's own clients and servers against jnetstack over TUN, in a namespace of their own (kernel 10.9.0.1,
 * jnetstack 10.9.0.2, Linux personality): curl fetching from a jnetstack HTTP/1.1 responder, a jnetstack client
 * fetching from {@code python3 -m http.server}, socat streams both ways, ping both ways. Each tool missing on the
 * machine skips its test with its name (CI installs them: .ci/run).
 */
class TunInteropTest {
    private static final Ipv4Address KERNEL = Ipv4Address.of(10, 9, 0, 1);
    private NetNamespace ns;
    private TunDevice tun;
    private RealTimeHost jns;
    private StackStreams io;

    @BeforeEach
    void up() throws IOException {
        assumeTrue(TunDevice.unavailable().isEmpty(), () -> "TUN tests skipped: " + TunDevice.unavailable().orElse(""));
        ns = NetNamespace.create();
        tun = TunDevice.create(ns, "jns0", "10.9.0.1/24", 1500);
        jns = new RealTimeHost(Personality.named("linux"), tun, 1500, Ipv4Address.of(10, 9, 0, 2), 24, 11);
        io = new StackStreams(jns);
    }

    @AfterEach
    void down() {
        if (jns != null) {
            jns.close();
        }
        if (tun != null) {
            tun.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    private static void need(String tool) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            found |= Files.isExecutable(Path.of(dir, tool));
        }
        assumeTrue(found, tool + " is not installed (CI installs it)");
    }

    /** Reads the process's output up to a line containing {@code marker} (the tool says it is ready). */
    private static void awaitLine(Process p, String marker) throws IOException {
        awaitLine(p.inputReader(), marker);
    }

    private static void awaitLine(java.io.BufferedReader r, String marker) throws IOException {
        for (String line = r.readLine(); ; line = r.readLine()) {
            assertThat(line).as("the tool ended before saying '" + marker + "'").isNotNull();
            if (line.contains(marker)) {
                return;
            }
        }
    }

    private static String output(Process p) throws IOException, InterruptedException {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("process ended").isTrue();
        return out;
    }

    @Test
    void curlFetchesFromAJnetstackHttpResponder() throws Exception {
        need("curl");
        jns.call(st -> {
            st.tcpListen(80);
            return null;
        });
        Process curl = ns.start("curl", "-s", "--max-time", "20", "http://10.9.0.2/hello");
        TcpHandle h = io.accept(80);
        StringBuilder request = new StringBuilder();
        while (!request.toString().contains("\r\n\r\n")) {
            byte[] b = io.read(h, 4096);
            assertThat(b).as("request ended early: " + request).isNotEmpty();
            request.append(new String(b, StandardCharsets.US_ASCII));
        }
        assertThat(request.toString()).startsWith("GET /hello HTTP/1.1\r\n");
        String body = "served by jnetstack over TUN\n";
        io.writeAll(h, ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        io.close(h);
        assertThat(output(curl)).isEqualTo(body);
        assertThat(curl.exitValue()).isZero();
    }

    @Test
    void aJnetstackClientFetchesFromPythonHttpServer(@TempDir Path dir) throws Exception {
        need("python3");
        Files.writeString(dir.resolve("hello.txt"), "served by the kernel's python\n");
        Process server = ns.start("python3", "-u", "-m", "http.server", "8000", "--bind", "10.9.0.1",
                "--directory", dir.toString());
        try {
            awaitLine(server, "Serving HTTP on");
            TcpHandle h = io.connect(KERNEL, 8000);
            assertThat(h).as("python3 http.server answered").isNotNull();
            io.writeAll(h, "GET /hello.txt HTTP/1.0\r\nHost: 10.9.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String response = new String(io.readToEnd(h), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.0 200 OK").endsWith("\r\n\r\nserved by the kernel's python\n");
            io.close(h);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void socatStreamsBothWays() throws Exception {
        need("socat");
        byte[] data = new byte[300_000];
        new SplittableRandom(42).nextBytes(data);
        jns.call(st -> {
            st.tcpListen(7);
            return null;
        });
        Process in = ns.start("socat", "-u", "STDIN", "TCP:10.9.0.2:7");
        TcpHandle h = io.accept(7);
        try (OutputStream o = in.getOutputStream()) {
            o.write(data);
        }
        assertThat(io.readToEnd(h)).as("kernel → jnetstack").isEqualTo(data);
        io.close(h);
        assertThat(in.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Process out = ns.startSplit("socat", "-d", "-d", "-u", "TCP-LISTEN:9000,bind=10.9.0.1,reuseaddr", "STDOUT");
        awaitLine(out.errorReader(), "listening on");
        TcpHandle c = io.connect(KERNEL, 9000);
        assertThat(c).as("socat listened").isNotNull();
        java.util.concurrent.CompletableFuture<byte[]> received = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try (InputStream r = out.getInputStream()) {
                        return r.readAllBytes(); // read while sending: socat blocks on a full pipe otherwise
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        io.writeAll(c, data);
        io.close(c);
        assertThat(received.get()).as("jnetstack → kernel").isEqualTo(data);
    }

    @Test
    void pingBothWays() throws Exception {
        need("ping");
        Process p = ns.start("ping", "-c", "2", "-W", "5", "10.9.0.2");
        String out = output(p);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("2 received");
        for (int seq = 1; seq <= 2; seq++) {
            int s = seq;
            jns.call(st -> {
                st.ping(KERNEL, 77, s, 56, 64, jns.nowNs());
                return null;
            });
        }
        for (int i = 0; i < 20_000 && jns.echoReplies() < 2; i++) {
            jns.call(st -> null);
        }
        assertThat(jns.echoReplies()).isEqualTo(2);
    }
}
