package io.jnetstack.wire.icmp;

import io.jnetstack.wire.Ipv6Address;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Real ICMP captures (IP/Ethernet headers stripped; the IPv6 addresses are kept for the pseudo-header).
 *
 * <ul>
 *   <li>lo: {@code unshare -n sh -c 'ip link set lo up; tcpdump -i lo -w lo.pcap & ping -c1 -s 16 127.0.0.1;
 *       ping -6 -c1 -s 16 ::1'}.
 *   <li>veth (router): namespaces jns-h2-l4a (10.9.1.2, fd00:1::2) -- jns-h2-l4r (forwarding; 10.9.1.1/fd00:1::1,
 *       10.9.2.1/fd00:2::1 on an mtu-1280 veth) -- jns-h2-l4b (10.9.2.2, fd00:2::2), {@code tcpdump -i jl4a0} in
 *       jns-h2-l4a while running there {@code ping -6 fd00:1::1} (NS/NA), {@code ping -6 -s 1400 fd00:2::2}
 *       (packet too big), {@code ping -t 1 10.9.2.2}, {@code ping -6 -t 1 fd00:2::2} (time exceeded), {@code ping
 *       -M do -s 1400 10.9.2.2} (fragmentation needed); interface bring-up gave RS, DAD NS (nonce option) and MLD.
 *   <li>udp: veth jns-h2-l4e (10.9.3.1, fd00:3::1) -- jns-h2-l4f, UDP to port 9 on 10.9.3.2 / fd00:3::2.
 *   <li>ra: a router advertisement sent from jns-h2-l4d through a raw ICMPv6 socket (kernel-computed checksum)
 *       with SLLA, MTU, prefix information and an unknown (type 24) option; tshark: "Checksum: 0x309b [correct]".
 * </ul>
 */
final class IcmpFixtures {
    private IcmpFixtures() {}

    /** A captured ICMPv6 message with its IPv6 source and destination. */
    record V6(String name, String hex, Ipv6Address src, Ipv6Address dst) {
        byte[] bytes() {
            return HexFormat.of().parseHex(hex);
        }
    }

    static final String V4_ECHO_REQUEST = "08009c7810460001b737026b00000000869d0b0000000000";
    static final String V4_ECHO_REPLY = "0000a47810460001b737026b00000000869d0b0000000000";
    static final String V4_PORT_UNREACHABLE = "0303173a000000004500002b095c4000401117520a0903010a0903029c40"
            + "00090017f5b468656c6c6f206a6e6574737461636b";
    static final String V4_TIME_EXCEEDED = "0b00f4ff000000004500005471c940000101f0ca0a0901020a09020208002206"
            + "12980001c937026b000000002ceb0c0000000000101112131415161718191a1b1c1d1e1f20212223242526272829"
            + "2a2b2c2d2e2f3031323334353637";
    static final String V4_FRAG_NEEDED = resource("icmpv4-fragmentation-needed.hex");

    static final Ipv6Address A1 = Ipv6Address.of("fd00:1::1");
    static final Ipv6Address A2 = Ipv6Address.of("fd00:1::2");
    static final Ipv6Address LL_A = Ipv6Address.of("fe80::88b9:5dff:fecc:6a21");

    static final V6 ECHO_REQUEST = new V6("echo request", "8000ed1b10470001b737026b00000000bda40b0000000000",
            Ipv6Address.LOOPBACK, Ipv6Address.LOOPBACK);
    static final V6 ECHO_REPLY = new V6("echo reply", "8100ec1b10470001b737026b00000000bda40b0000000000",
            Ipv6Address.LOOPBACK, Ipv6Address.LOOPBACK);
    static final V6 PORT_UNREACHABLE = new V6("port unreachable", "0104f85600000000600f9ae100101140fd0000030000"
            + "00000000000000000001fd0000030000000000000000000000029c4100090010af5068656c6c6f207636",
            Ipv6Address.of("fd00:3::2"), Ipv6Address.of("fd00:3::1"));
    static final V6 PACKET_TOO_BIG = new V6("packet too big", resource("icmpv6-packet-too-big.hex"), A1, A2);
    static final V6 TIME_EXCEEDED = new V6("time exceeded", "03001d250000000060094b5900403a01fd0000010000000000"
            + "00000000000002fd00000200000000000000000000000280005a7912990001c937026b0000000081f30c0000000000"
            + "101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637", A1, A2);
    static final V6 ROUTER_SOLICITATION = new V6("router solicitation", "8500d9df0000000001018ab95dcc6a21", LL_A,
            Ipv6Address.ALL_ROUTERS);
    static final V6 DAD_NEIGHBOR_SOLICITATION = new V6("DAD neighbor solicitation", "87005fd000000000fe800000000"
            + "0000088b95dfffecc6a210e0174554a8f94d4", Ipv6Address.ANY, LL_A.solicitedNode());
    static final V6 NEIGHBOR_SOLICITATION = new V6("neighbor solicitation", "87002cf000000000fd0000010000000000"
            + "0000000000000101018ab95dcc6a21", A2, A1.solicitedNode());
    static final V6 NEIGHBOR_ADVERTISEMENT = new V6("neighbor advertisement", "88002ed7e0000000fd000001000000000"
            + "00000000000000102018e9d72576ecd", A1, A2);
    static final V6 ROUTER_ADVERTISEMENT = new V6("router advertisement", "8600309b40c0070800007530000003e8010"
            + "13aaa3319496b05010000000005dc030440c000015180000038400000000020010db800010000000000000000000018"
            + "01000000000000", Ipv6Address.of("fe80::38aa:33ff:fe19:496b"), Ipv6Address.ALL_NODES);
    static final V6 MLD_REPORT = new V6("MLDv2 report", "8f00b4580000000204000000ff0200000000000000000001ffcc6a21"
            + "04000000ff0200000000000000000001ff000002", LL_A, Ipv6Address.of("ff02::16"));

    static final List<V6> ALL_V6 = List.of(ECHO_REQUEST, ECHO_REPLY, PORT_UNREACHABLE, PACKET_TOO_BIG,
            TIME_EXCEEDED, ROUTER_SOLICITATION, DAD_NEIGHBOR_SOLICITATION, NEIGHBOR_SOLICITATION,
            NEIGHBOR_ADVERTISEMENT, ROUTER_ADVERTISEMENT, MLD_REPORT);
    static final List<String> ALL_V4 = List.of(V4_ECHO_REQUEST, V4_ECHO_REPLY, V4_PORT_UNREACHABLE,
            V4_TIME_EXCEEDED, V4_FRAG_NEEDED);

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    private static String resource(String name) {
        try (InputStream in = IcmpFixtures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
