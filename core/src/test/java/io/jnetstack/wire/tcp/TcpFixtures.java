package io.jnetstack.wire.tcp;

import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.PseudoHeader;
import java.util.HexFormat;
import java.util.List;

/**
 * TCP segments (header + payload, no IP header) with the addresses for their pseudo-header, and the options text
 * tcpdump 4.99.3 printed for them.
 *
 * <p>Captured: two namespaces joined by a veth pair with checksum offload off (so checksums are real), Linux 6.x
 * client in A (10.99.0.1 / fd00:99::1) and a python3 socket server in B (10.99.0.2 / fd00:99::2):
 * {@code ip netns add wtcpA; ip netns add wtcpB; ip link add vA type veth peer name vB; ...;
 * ip netns exec wtcpA ethtool -K vA tx off rx off; sysctl net.ipv4.tcp_fastopen=3 (both);
 * ip netns exec wtcpA tcpdump -i vA -w v.pcap tcp}, then from A: connect + send "ping\n" + recv "pong" + close over
 * IPv4 (port 5555) and IPv6 (5556), connect to closed port 5557 (RST), and two MSG_FASTOPEN connects per family
 * (5558/5559; TCP_FASTOPEN listener). Text from {@code tcpdump -r v.pcap -n -v}.
 *
 * <p>Crafted (python3 struct, real checksums, wrapped in a LINKTYPE_RAW pcap and read back with
 * {@code tcpdump -r c.pcap -n -v -S}; -S because tcpdump otherwise prints SACK edges relative to earlier
 * packets): SACK blocks (RFC 2018 §3), Fast Open cookies (RFC 7413 §4.1.1, and the kind-254 magic 0xF989 form),
 * an unknown kind, EOL followed by non-zero bytes, URG/AE/reserved flag bits. All 10.99.0.1 -> 10.99.0.2.
 */
final class TcpFixtures {
    private TcpFixtures() {}

    /** One segment fixture. */
    record Fixture(String name, String src, String dst, String hex, String tcpdumpOptions) {
        byte[] bytes() {
            return HexFormat.of().parseHex(hex);
        }

        PseudoHeader ph() {
            return new PseudoHeader(addr(src), addr(dst), IpProtocol.TCP);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static IpAddress addr(String s) {
        return s.contains(":") ? Ipv6Address.of(s) : Ipv4Address.of(s);
    }

    static final String A4 = "10.99.0.1";
    static final String B4 = "10.99.0.2";
    static final String A6 = "fd00:99::1";
    static final String B6 = "fd00:99::2";

    // 10.99.0.1.54524 > 10.99.0.2.5555: Flags [S], cksum 0x388e (correct), seq 2169814744, win 64240,
    // options [mss 1460,sackOK,TS val 329367863 ecr 0,nop,wscale 10], length 0
    static final Fixture V4_SYN = new Fixture("v4 SYN", A4, B4,
            "d4fc15b38154bed800000000a002faf0388e0000020405b40402080a13a1c137000000000103030a",
            "[mss 1460,sackOK,TS val 329367863 ecr 0,nop,wscale 10]");
    // 10.99.0.2.5555 > 10.99.0.1.54524: Flags [S.], cksum 0x4113 (correct), seq 3033423162, ack 2169814745,
    // win 65160, options [mss 1460,sackOK,TS val 1670282810 ecr 329367863,nop,wscale 10], length 0
    static final Fixture V4_SYN_ACK = new Fixture("v4 SYN-ACK", B4, A4,
            "15b3d4fcb4ce5d3a8154bed9a012fe8841130000020405b40402080a638e7e3a13a1c1370103030a",
            "[mss 1460,sackOK,TS val 1670282810 ecr 329367863,nop,wscale 10]");
    // 10.99.0.1.54524 > 10.99.0.2.5555: Flags [P.], cksum 0x854e (correct), seq 1:6, ack 1, win 63,
    // options [nop,nop,TS val 329367863 ecr 1670282810], length 5   (payload "ping\n")
    static final Fixture V4_DATA = new Fixture("v4 data", A4, B4,
            "d4fc15b38154bed9b4ce5d3b8018003f854e00000101080a13a1c137638e7e3a70696e670a",
            "[nop,nop,TS val 329367863 ecr 1670282810]");
    // 10.99.0.2.5555 > 10.99.0.1.54524: Flags [F.], cksum 0x6e21 (correct), seq 5, ack 6, win 64,
    // options [nop,nop,TS val 1670282810 ecr 329367863], length 0
    static final Fixture V4_FIN = new Fixture("v4 FIN", B4, A4,
            "15b3d4fcb4ce5d3f8154bede801100406e2100000101080a638e7e3a13a1c137",
            "[nop,nop,TS val 1670282810 ecr 329367863]");
    // 10.99.0.2.5557 > 10.99.0.1.46008: Flags [R.], cksum 0x13af (correct), seq 0, ack 2948206129, win 0, length 0
    static final Fixture V4_RST = new Fixture("v4 RST", B4, A4,
            "15b5b3b800000000afba0e315014000013af0000", "[]");
    // fd00:99::1.34616 > fd00:99::2.5556: Flags [S], cksum 0x1a0b (correct), seq 1383913687, win 64800,
    // options [mss 1440,sackOK,TS val 2791687944 ecr 0,nop,wscale 10]
    static final Fixture V6_SYN = new Fixture("v6 SYN", A6, B6,
            "873815b4527cd8d700000000a002fd201a0b0000020405a00402080aa665c708000000000103030a",
            "[mss 1440,sackOK,TS val 2791687944 ecr 0,nop,wscale 10]");
    // fd00:99::1.34616 > fd00:99::2.5556: Flags [P.], cksum 0x5978 (correct), seq 1:6, ack 1, win 64,
    // options [nop,nop,TS val 2791687944 ecr 3746022537], length 5
    static final Fixture V6_DATA = new Fixture("v6 data", A6, B6,
            "873815b4527cd8d8e4427b2c80180040597800000101080aa665c708df47c48970696e670a",
            "[nop,nop,TS val 2791687944 ecr 3746022537]");
    // fd00:99::2.5556 > fd00:99::1.34616: Flags [F.], cksum 0x424d (correct), seq 5, ack 6, win 63,
    // options [nop,nop,TS val 3746022537 ecr 2791687944], length 0
    static final Fixture V6_FIN = new Fixture("v6 FIN", B6, A6,
            "15b48738e4427b30527cd8dd8011003f424d00000101080adf47c489a665c708",
            "[nop,nop,TS val 3746022537 ecr 2791687944]");
    // fd00:99::2.5557 > fd00:99::1.49486: Flags [R.], cksum 0x1871 (correct), seq 0, ack 3328245444, win 0, length 0
    static final Fixture V6_RST = new Fixture("v6 RST", B6, A6,
            "15b5c14e00000000c660fec45014000018710000", "[]");
    // 10.99.0.1.60056 > 10.99.0.2.5558: Flags [S], cksum 0xa69e (correct), seq 2609416340, win 64240,
    // options [mss 1460,sackOK,TS val 4239539583 ecr 0,nop,wscale 10,tfo  cookiereq,nop,nop], length 0
    static final Fixture TFO_COOKIE_REQUEST = new Fixture("v4 TFO cookie request", A4, B4,
            "ea9815b69b88889400000000b002faf0a69e0000020405b40402080afcb23d7f000000000103030a22020101",
            "[mss 1460,sackOK,TS val 4239539583 ecr 0,nop,wscale 10,tfo  cookiereq,nop,nop]");
    // 10.99.0.2.5558 > 10.99.0.1.60056: Flags [S.], cksum 0x2d47 (correct), seq 2122645993, ack 2609416341,
    // win 65160, options [mss 1460,sackOK,TS val 119863364 ecr 4239539583,nop,wscale 10,
    // tfo  cookie 25ea6cf1f7844b66,nop,nop], length 0
    static final Fixture TFO_SYN_ACK_COOKIE = new Fixture("v4 TFO SYN-ACK with cookie", B4, A4,
            "15b6ea987e8501e99b888895d012fe882d470000020405b40402080a0724f844fcb23d7f0103030a220a25ea6cf1f7844b660101",
            "[mss 1460,sackOK,TS val 119863364 ecr 4239539583,nop,wscale 10,tfo  cookie 25ea6cf1f7844b66,nop,nop]");
    // 10.99.0.1.60060 > 10.99.0.2.5558: Flags [S], cksum 0xe000 (correct), seq 1675885422:1675885426, win 64240,
    // options [mss 1460,sackOK,TS val 3874424132 ecr 0,nop,wscale 10,tfo  cookie 25ea6cf1f7844b66,nop,nop], length 4
    static final Fixture TFO_SYN_DATA = new Fixture("v4 TFO SYN with cookie and data", A4, B4,
            "ea9c15b663e3fb6e00000000d002faf0e0000000020405b40402080ae6ef0544000000000103030a220a25ea6cf1f7844b66"
                    + "010174666f21",
            "[mss 1460,sackOK,TS val 3874424132 ecr 0,nop,wscale 10,tfo  cookie 25ea6cf1f7844b66,nop,nop]");
    // fd00:99::2.5559 > fd00:99::1.37988: Flags [S.], cksum 0x89f9 (correct), seq 1248952225, ack 523707554,
    // win 64260, options [mss 1440,sackOK,TS val 1517953545 ecr 972617711,nop,wscale 10,
    // tfo  cookie eeb516d87c228c91,nop,nop], length 0
    static final Fixture TFO_V6_SYN_ACK = new Fixture("v6 TFO SYN-ACK with cookie", B6, A6,
            "15b794644a717fa11f3724a2d012fb0489f90000020405a00402080a5a7a220939f8f7ef0103030a220aeeb516d87c228c910101",
            "[mss 1440,sackOK,TS val 1517953545 ecr 972617711,nop,wscale 10,tfo  cookie eeb516d87c228c91,nop,nop]");

    // Crafted. Flags [.], cksum 0x5899 (correct), ack 1001, win 500,
    // options [nop,nop,TS val 1000 ecr 2000,nop,nop,sack 1 {2001:2501}], length 0
    static final Fixture SACK_1 = new Fixture("crafted SACK 1 block", A4, B4,
            "9c40005000001389000003e9b01001f4589900000101080a000003e8000007d00101050a000007d1000009c5",
            "[nop,nop,TS val 1000 ecr 2000,nop,nop,sack 1 {2001:2501}]");
    // Flags [.], cksum 0xd995 (correct), ack 1001, win 500,
    // options [nop,nop,sack 4 {2001:2501}{3001:3501}{4001:4501}{5001:5501}], length 0
    static final Fixture SACK_4 = new Fixture("crafted SACK 4 blocks", A4, B4,
            "9c40005000001389000003e9e01001f4d995000001010522000007d1000009c500000bb900000dad00000fa1000011950000"
                    + "13890000157d",
            "[nop,nop,sack 4 {2001:2501}{3001:3501}{4001:4501}{5001:5501}]");
    // Flags [S], cksum 0xdf33 (correct), seq 7, win 65535, options [mss 1460,exp-tfo cookiereq], length 0
    static final Fixture TFO_EXP_REQUEST = new Fixture("crafted experimental TFO request", A4, B4,
            "9c40005000000007000000007002ffffdf330000020405b4fe04f989", "[mss 1460,exp-tfo cookiereq]");
    // Flags [S], cksum 0xc6cb (correct), seq 7, win 65535, options [exp-tfo cookie 0102030405060708], length 0
    static final Fixture TFO_EXP_COOKIE = new Fixture("crafted experimental TFO cookie", A4, B4,
            "9c40005000000007000000008002ffffc6cb0000fe0cf9890102030405060708", "[exp-tfo cookie 0102030405060708]");
    // Flags [S], cksum 0x0a3f (correct), seq 7:12, win 65535,
    // options [tfo  cookie a0a1a2a3a4a5a6a7a8a9aaabacadaeaf,nop,nop], length 5: HTTP   (payload "hello")
    static final Fixture TFO_16 = new Fixture("crafted 16-byte TFO cookie", A4, B4,
            "9c4000500000000700000000a002ffff0a3f00002212a0a1a2a3a4a5a6a7a8a9aaabacadaeaf010168656c6c6f",
            "[tfo  cookie a0a1a2a3a4a5a6a7a8a9aaabacadaeaf,nop,nop]");
    // Flags [S], cksum 0x1dd6 (correct), seq 7, win 65535, options [tfo  cookie deadbeef,nop,nop], length 0
    static final Fixture TFO_4 = new Fixture("crafted 4-byte TFO cookie", A4, B4,
            "9c40005000000007000000007002ffff1dd600002206deadbeef0101", "[tfo  cookie deadbeef,nop,nop]");
    // Flags [S], cksum 0xbf6f (correct), seq 7, win 65535, options [unknown-99 0xabcd,exp-1234], length 0
    static final Fixture UNKNOWN = new Fixture("crafted unknown kinds", A4, B4,
            "9c40005000000007000000007002ffffbf6f00006304abcdfe041234", "[unknown-99 0xabcd,exp-1234]");
    // Flags [S], cksum 0xd4be (correct), seq 7, win 65535, options [mss 1460,eol], length 0
    static final Fixture EOL_TRAILING = new Fixture("crafted EOL with non-zero trailing bytes", A4, B4,
            "9c40005000000007000000007002ffffd4be0000020405b400010203", "[mss 1460,eol]");
    // Flags [S], cksum 0xe47b (correct), seq 7, win 65535, options [wscale 7,eol], length 0
    static final Fixture EOL_ZERO = new Fixture("crafted EOL padding", A4, B4,
            "9c40005000000007000000006002ffffe47b000003030700", "[wscale 7,eol]");
    // Flags [P.UEW], cksum 0x8b5b (correct), seq 4294962302:4294962309, ack 4294966305, win 1234, urg 3, length 7
    static final Fixture URG_AE = new Fixture("crafted URG+ECE+CWR+AE", A4, B4,
            "9c400050000000070000000951f804d28b5b0003757267656e7421", "[]");
    // Flags [.], cksum 0xeb99 (correct), ack 4294966305, win 1234, length 0   (reserved bits 0xe00 set)
    static final Fixture RESERVED = new Fixture("crafted reserved bits", A4, B4,
            "9c40005000000007000000095e1004d2eb990000", "[]");

    static final List<Fixture> ALL = List.of(V4_SYN, V4_SYN_ACK, V4_DATA, V4_FIN, V4_RST, V6_SYN, V6_DATA, V6_FIN,
            V6_RST, TFO_COOKIE_REQUEST, TFO_SYN_ACK_COOKIE, TFO_SYN_DATA, TFO_V6_SYN_ACK, SACK_1, SACK_4,
            TFO_EXP_REQUEST, TFO_EXP_COOKIE, TFO_16, TFO_4, UNKNOWN, EOL_TRAILING, EOL_ZERO, URG_AE, RESERVED);
}
