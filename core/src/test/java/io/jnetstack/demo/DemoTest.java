package io.jnetstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

    @Test
    void demo_showsEveryScenariosOutcome(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        Demo.Result r = Demo.run(1, dir, lines::add);
        PingReporter.Summary s = r.summary();
        assertThat(s.count("reply")).as("echo replies across the router, seed 1").isGreaterThanOrEqualTo(3 + 3 + 1);
        assertThat(s.count("Destination Host Unreachable")).as("r1's ARP for 10.0.2.99 failed").isEqualTo(2);
        assertThat(s.count("local Destination Host Unreachable")).as("alice's own ARP failed").isEqualTo(1);
        assertThat(s.count("Destination Net Unreachable")).as("r1 has no route to 192.0.2.1").isEqualTo(1);
        assertThat(s.count("Time to live exceeded")).as("TTL 1 probe").isEqualTo(1);
        assertThat(s.count("Destination Port Unreachable")).as("TTL 2 probe at bob").isEqualTo(1);
        assertThat(s.count("tcp CONNECTED")).as("alice and bob both report the handshake").isEqualTo(2);
        assertThat(s.count("tcp REFUSED")).as("bob:81 answers with RST").isEqualTo(1);
        assertThat(s.count("tcp TIMED_OUT")).as("the firewall drops every SYN").isEqualTo(1);
        assertThat(lines).anyMatch(l -> l.contains("lan-a IP 10.0.1.10 > 10.0.2.20: ICMP echo request, id 19022, seq 1"));
        assertThat(lines).anyMatch(l -> l.contains("ARP, Request who-has 10.0.2.99 tell 10.0.2.1"));
        assertThat(lines).anyMatch(l -> l.contains("ICMP6, neighbor solicitation, who has 2001:db8:2::30"));
        assertThat(r.pcaps()).hasSize(3).allMatch(Files::isRegularFile);
    }

    @Test
    void demo_withOneSeed_writesIdenticalPcaps_andAnotherSeedChangesTheLossChoices(@TempDir Path dir)
            throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path c = Files.createDirectories(dir.resolve("c"));
        Demo.Result ra = Demo.run(7, a, l -> { });
        Demo.run(7, b, l -> { });
        Demo.Result rc = Demo.run(8, c, l -> { });
        for (String f : List.of("lan-a.pcap", "lan-b.pcap", "wan.pcap")) {
            assertThat(Files.readAllBytes(a.resolve(f))).as(f + " seed 7 twice").isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
        assertThat(Files.readAllBytes(c.resolve("wan.pcap"))).as("seed 8 vs seed 7")
                .isNotEqualTo(Files.readAllBytes(a.resolve("wan.pcap")));
        assertThat(ra.simulation().links().get(2).drops()).as("seed 7 loses frames on the wan").containsKey("loss");
        assertThat(rc.simulation().links().get(2).drops()).as("seed 8 loses frames on the wan").containsKey("loss");
    }

    @Test
    void demoPcaps_readByTshark_withoutMalformedPackets_andWithGoodChecksums(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("tshark"), "tshark is not installed (apt-get install tshark); .ci/run installs it");
        Demo.run(1, dir, l -> { });
        for (String f : List.of("lan-a.pcap", "lan-b.pcap", "wan.pcap")) {
            Process p = new ProcessBuilder("tshark", "-n", "-r", dir.resolve(f).toString(),
                    "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
                    "-T", "fields", "-e", "frame.number", "-e", "_ws.col.Protocol", "-e", "_ws.expert.message",
                    "-e", "ip.checksum.status", "-e", "icmp.checksum.status", "-e", "icmpv6.checksum.status",
                    "-e", "udp.checksum.status")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(f + ": " + out).isZero();
            List<String> rows = out.lines().filter(l -> !l.contains("Running as user")).toList();
            assertThat(rows).as(f).hasSizeGreaterThan(10);
            assertThat(out).as(f).doesNotContainIgnoringCase("malformed").doesNotContain("Bad checksum");
            for (String row : rows) {
                String[] cols = row.split("\t", -1);
                for (int i = 3; i < cols.length; i++) {
                    for (String status : cols[i].split(",")) {
                        assertThat(status).as(f + " row " + row).isIn("", "1", "2");
                    }
                }
            }
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
