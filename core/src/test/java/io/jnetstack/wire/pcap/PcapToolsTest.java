package io.jnetstack.wire.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by {@link PcapWriter} are accepted by Wireshark's tshark and capinfos (skipped without them). */
class PcapToolsTest {
    @TempDir
    Path dir;

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    @BeforeAll
    static void requireTools() {
        assumeTrue(onPath("tshark") && onPath("capinfos"),
                "tshark and capinfos (Wireshark CLI tools) are not on PATH; skipping external-reader checks");
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("exit code of %s, output:%n%s", List.of(cmd), out).isZero();
        return out;
    }

    private Path write(String name, LinkType type, byte[] packet) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, PcapFixtures.file(type, 262144, packet, packet));
        return f;
    }

    private static List<String> tsharkFields(Path f) throws IOException, InterruptedException {
        String out = run("tshark", "-r", f.toString(), "-o", "ip.check_checksum:TRUE",
                "-T", "fields", "-E", "separator=|", "-e", "frame.time_epoch", "-e", "_ws.col.Protocol",
                "-e", "_ws.col.Info", "-e", "ip.checksum.status", "-e", "icmp.checksum.status",
                "-e", "_ws.expert.message", "-e", "_ws.malformed");
        List<String> lines = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isBlank() && !l.contains("Running as user")) {
                lines.add(l.strip());
            }
        }
        return lines;
    }

    @Test
    void rawIcmpEcho_isDecodedByTshark_withGoodChecksums() throws Exception {
        Path f = write("raw.pcap", LinkType.RAW, PcapFixtures.icmpEchoIpv4());
        List<String> lines = tsharkFields(f);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("1.000000001|ICMP|Echo (ping) request").contains("|1|1")
                .doesNotContainIgnoringCase("malformed");
        assertThat(lines.get(1)).startsWith("2.000000002|ICMP|");
    }

    @Test
    void ethernetIcmpEcho_isDecodedByTshark_withGoodChecksums() throws Exception {
        Path f = write("eth.pcap", LinkType.ETHERNET, PcapFixtures.icmpEchoEthernet());
        List<String> lines = tsharkFields(f);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("1.000000001|ICMP|Echo (ping) request").contains("|1|1")
                .doesNotContainIgnoringCase("malformed");
    }

    @Test
    void capinfos_reportsNanosecondPcapAndTheLinkType() throws Exception {
        Path raw = write("raw.pcap", LinkType.RAW, PcapFixtures.icmpEchoIpv4());
        Path eth = write("eth.pcap", LinkType.ETHERNET, PcapFixtures.icmpEchoEthernet());
        String rawInfo = run("capinfos", "-t", "-E", "-c", raw.toString());
        assertThat(rawInfo).contains("nanosecond").contains("Raw IP").contains("Number of packets:   2");
        String ethInfo = run("capinfos", "-t", "-E", eth.toString());
        assertThat(ethInfo).contains("nanosecond").contains("Ethernet");
    }
}
