package io.jnetstack.wire.pcap;

import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Hand-built packets with correct checksums and small pcap files for the pcap tests. */
final class PcapFixtures {
    private PcapFixtures() {
    }

    /** IPv4 10.0.0.1 -> 10.0.0.2, ICMP echo request id 0x1234 seq 1, 8 bytes payload "jnetstka". */
    static byte[] icmpEchoIpv4() {
        byte[] p = ByteString.ofHex(
                "45000024" + "abcd4000" + "40010000" + "0a000001" + "0a000002" // IPv4, length 36, TTL 64, ICMP
                        + "08000000" + "12340001" + "6a6e657473746b61").toByteArray();
        Bytes.put16(p, 10, Checksum.compute(p, 0, 20)); // RFC 791 header checksum
        Bytes.put16(p, 22, Checksum.compute(p, 20, 16)); // RFC 792 ICMP checksum over the message
        return p;
    }

    /** The same echo inside an Ethernet II frame 02:00:00:00:00:01 -> 02:00:00:00:00:02, ethertype 0x0800. */
    static byte[] icmpEchoEthernet() {
        byte[] ip = icmpEchoIpv4();
        byte[] f = new byte[14 + ip.length];
        System.arraycopy(ByteString.ofHex("020000000002" + "020000000001" + "0800").toByteArray(), 0, f, 0, 14);
        System.arraycopy(ip, 0, f, 14, ip.length);
        return f;
    }

    /** A nanosecond little-endian file holding {@code packets} at 1.000000001 s, 2.000000002 s, ... */
    static byte[] file(LinkType type, int snap, byte[]... packets) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bos, type, snap)) {
            for (int i = 0; i < packets.length; i++) {
                w.write((i + 1) * 1_000_000_001L, packets[i], 0, packets[i].length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }
}
