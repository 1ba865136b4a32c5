package io.jnetstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * RFC 2385 digests against segments Linux signed. Captured in a throw-away network namespace: two sockets with
 * TCP_MD5SIG (struct tcp_md5sig, key "secret") for 127.0.0.1 (and ::1), client port 40000 to port 8080, sending
 * "hello md5": {@code unshare -n sh -c 'ip link set lo up; tcpdump -i lo -w x.pcap -c 8 tcp & sleep 1; python3
 * cap.py'}; {@code tcpdump -r x.pcap -M secret} prints "md5 valid" for each. The TCP checksums are the loopback's
 * partial ones (offloaded), which the digest does not cover.
 */
class TcpMd5Test {
    private static final byte[] KEY = "secret".getBytes(StandardCharsets.US_ASCII);
    private static final Ipv4Address LO4 = Ipv4Address.of("127.0.0.1");
    private static final Ipv6Address LO6 = Ipv6Address.LOOPBACK;
    /** IPv4 SYN: options nop,nop,md5,mss 65495,nop,nop,sackOK,nop,wscale 10. */
    private static final String SYN4 = "450000480b4e4000400631607f0000017f0000019c401f90b40e9a6600000000d002ffd7fe3c0000"
            + "010113128eba05ad7898b5028298525ba1a664360204ffd7010104020103030a";
    /** IPv4 data segment, nop,nop,md5, 9 bytes of payload. */
    private static final String DATA4 = "450000450b504000400631617f0000017f0000019c401f90b40e9a671749b54ba0180040fe39"
            + "0000010113120593ed46e894e0a8c6bc8da605fc0c7968656c6c6f206d6435";
    /** IPv6 SYN. */
    private static final String SYN6 = "6001f0810034064000000000000000000000000000000001000000000000000000000000000000"
            + "019c401f90a47d170200000000d002ffc4003c0000010113125b0988075d53c0e44d9a6cebc4dd67e00204ffc4010104020103030a";
    /** IPv6 data segment with payload. */
    private static final String DATA6 = "6001f081003106400000000000000000000000000000000100000000000000000000000000000"
            + "0019c401f90a47d1703b286ec1ea01800400039000001011312601006333ac8695584c8beac84c805a468656c6c6f206d6435";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static int tcpAt(byte[] d) {
        return (d[0] & 0xF0) == 0x40 ? 20 : 40;
    }

    @Test
    void linuxSignedSegments_haveTheDigestWeCompute() {
        for (String[] c : new String[][] {{SYN4, "8eba05ad7898b5028298525ba1a66436"},
            {DATA4, "0593ed46e894e0a8c6bc8da605fc0c79"}, {SYN6, "5b0988075d53c0e44d9a6cebc4dd67e0"},
            {DATA6, "601006333ac8695584c8beac84c805a4"}}) {
            byte[] d = hex(c[0]);
            IpAddress a = (d[0] & 0xF0) == 0x40 ? LO4 : LO6;
            int t = tcpAt(d);
            assertThat(HexFormat.of().formatHex(TcpMd5.digest(a, a, d, t, d.length - t, KEY))).isEqualTo(c[1]);
            assertThat(TcpMd5.digestOffset(d, t, d.length - t)).isEqualTo(t + 24);
            assertThat(TcpMd5.verifies(a, a, d, t, d.length - t, KEY)).isTrue();
            assertThat(TcpMd5.verifies(a, a, d, t, d.length - t, "secreT".getBytes(StandardCharsets.US_ASCII)))
                    .isFalse();
        }
    }

    @Test
    void signing_fillsTheDigestAndAChecksumThatCoversIt() {
        byte[] d = hex(DATA4);
        int t = tcpAt(d);
        byte[] blank = d.clone();
        Arrays.fill(blank, t + 24, t + 40, (byte) 0);
        assertThat(TcpMd5.sign(LO4, LO4, blank, t, blank.length - t, KEY)).isTrue();
        assertThat(Arrays.copyOfRange(blank, t + 24, t + 40)).isEqualTo(Arrays.copyOfRange(d, t + 24, t + 40));
        long pseudo = Checksum.pseudoHeaderV4(LO4.toBytes(), LO4.toBytes(), IpProtocol.TCP, blank.length - t);
        assertThat(Checksum.verifies(blank, t, blank.length - t, pseudo)).isTrue();
    }

    @Test
    void anyChangeToTheCoveredBytes_breaksTheSignature_butTheChecksumDoesNot() {
        byte[] d = hex(DATA6);
        int t = tcpAt(d);
        d[t + 16] ^= 0x55; // the checksum is not covered (RFC 2385 §2.0: zeroed)
        assertThat(TcpMd5.verifies(LO6, LO6, d, t, d.length - t, KEY)).isTrue();
        for (int at : new int[] {t + 4, t + 14, d.length - 1}) { // sequence number, window, payload
            byte[] m = d.clone();
            m[at] ^= 1;
            assertThat(TcpMd5.verifies(LO6, LO6, m, t, m.length - t, KEY)).as("byte %d", at).isFalse();
        }
        assertThat(TcpMd5.verifies(LO6, Ipv6Address.of("::2"), d, t, d.length - t, KEY)).isFalse();
    }

    @Test
    void segmentsWithoutASignatureOption_haveNoDigestOffset() {
        byte[] syn = hex(SYN4);
        int t = tcpAt(syn);
        syn[t + 21] = 17; // md5 option length 17: not a signature option, and it overruns into the next
        assertThat(TcpMd5.digestOffset(syn, t, syn.length - t)).isEqualTo(-1);
        byte[] bare = new byte[20];
        bare[12] = 0x50;
        assertThat(TcpMd5.digestOffset(bare, 0, 20)).isEqualTo(-1);
        assertThat(TcpMd5.sign(LO4, LO4, bare, 0, 20, KEY)).isFalse();
        assertThat(TcpMd5.verifies(LO4, LO4, bare, 0, 20, KEY)).isFalse();
    }

    @Test
    void randomBytes_neverMakeTheOptionWalkThrow() {
        long seed = 2385;
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(0, 80)];
            r.nextBytes(b);
            int off = b.length == 0 ? 0 : r.nextInt(0, b.length);
            int len = b.length - off;
            int at = TcpMd5.digestOffset(b, off, len);
            assertThat(at == -1 || at >= off + 22 && at + 16 <= off + len).as("seed %d case %d", seed, i).isTrue();
        }
    }
}
