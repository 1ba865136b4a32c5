package io.jnetstack.wire.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnetstack.demo.Demo;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.pcap.LinkType;
import io.jnetstack.wire.pcap.PcapReader;
import io.jnetstack.wire.pcap.PcapRecord;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacketPrinterTest {

    /** tcpdump 4.99 is the oracle: every demo packet prints exactly as {@code tcpdump -n -S} (absolute sequence numbers). */
    @Test
    void everyDemoPacket_printsAsTcpdumpPrintsIt(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("tcpdump"), "tcpdump is not installed (apt-get install tcpdump); .ci/run installs it");
        Demo.run(5, dir, l -> { });
        for (String f : List.of("lan-a.pcap", "lan-b.pcap", "wan.pcap")) {
            Path pcap = dir.resolve(f);
            Process p = new ProcessBuilder("tcpdump", "-n", "-t", "-S", "-r", pcap.toString()).redirectErrorStream(false)
                    .start();
            List<String> expected = new String(p.getInputStream().readAllBytes()).lines().toList();
            assertThat(p.waitFor()).isZero();
            List<String> ours = print(pcap);
            assertThat(ours).as(f).hasSize(expected.size());
            for (int i = 0; i < ours.size(); i++) {
                assertThat(ours.get(i)).as(f + " packet " + (i + 1)).isEqualTo(expected.get(i));
            }
        }
    }

    private static List<String> print(Path pcap) throws Exception {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pcap)) {
            PcapReader r = PcapReader.open(in).orThrow();
            for (Parsed<PcapRecord> rec = r.next(); rec != null; rec = r.next()) {
                byte[] b = rec.orThrow().data().toByteArray();
                out.add(r.linkType() == LinkType.ETHERNET ? PacketPrinter.ethernet(b, 0, b.length)
                        : PacketPrinter.ip(b, 0, b.length));
            }
        }
        return out;
    }

    @Test
    void randomAndTruncatedBytes_neverThrow_andAlwaysPrintALine() {
        SplittableRandom rnd = new SplittableRandom(2024);
        byte[] base = ByteString.ofHex("45000054abcd400040010000"
                + "0a00010a0a000214" + "0800f7ff4a4e0001" + "00".repeat(56)).toByteArray();
        for (int n = 0; n < 50_000; n++) {
            byte[] b = rnd.nextBoolean() ? base.clone() : new byte[rnd.nextInt(0, 120)];
            if (b == base || rnd.nextBoolean()) {
                for (int k = rnd.nextInt(1, 6); k > 0 && b.length > 0; k--) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
            } else {
                rnd.nextBytes(b);
            }
            int len = b.length == 0 ? 0 : rnd.nextInt(0, b.length + 1);
            assertThat(PacketPrinter.ip(b, 0, len)).as("seed 2024 case %d", n).isNotBlank();
            assertThat(PacketPrinter.ethernet(b, 0, len)).as("seed 2024 case %d", n).isNotBlank();
        }
    }

    @Test
    void malformedDatagram_namesTheReason() {
        // IHL 6 (24 bytes) in a 20-byte datagram.
        byte[] b = ByteString.ofHex("4600001400000000400100000102030405060708").toByteArray();
        assertThat(PacketPrinter.ip(b, 0, b.length)).startsWith("IP [malformed: BAD_HEADER_LENGTH (");
        assertThat(PacketPrinter.ip(b, 0, b.length)).contains("BAD_HEADER_LENGTH");
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
