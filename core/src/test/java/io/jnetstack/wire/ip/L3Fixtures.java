package io.jnetstack.wire.ip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Real Ethernet frames captured on a veth pair between two throw-away network namespaces:
 * <pre>
 *   ip netns add A; ip netns add B; ip link add jl3a type veth peer name jl3b   (moved into A and B)
 *   A: 10.9.0.1/24 fd00:9::1/64, B: 10.9.0.2/24 fd00:9::2/64, both ends MTU 1280
 *   ip netns exec A tcpdump -i jl3a -w cap.pcap -s 0 &amp;
 *   ip netns exec A ping -c2 10.9.0.2; ping -R -c1 10.9.0.2; ping -6 -c2 fd00:9::2; ping -6 -c1 -s 3000 fd00:9::2
 * </pre>
 * Frames are complete (14-byte Ethernet header first, no FCS). The three 3000-byte ping fragments live in
 * {@code src/test/resources/io/jnetstack/wire/ip/ping6-s3000-frag{1,2,3}.hex}.
 */
final class L3Fixtures {
    /** ICMP echo request 10.9.0.1 -> 10.9.0.2, id 0x10ec seq 1, DF set, ttl 64, no options. */
    static final String V4_ECHO_REQUEST = "dee4462b29c23a82d82f165008004500005459d140004001ccc30a0900010a090002"
            + "080088e210ec0001bb37026b00000000dfba020000000000101112131415161718191a1b1c1d1e1f202122232425262728"
            + "292a2b2c2d2e2f3031323334353637";
    /** The echo reply: DF clear, id 0xf84f. */
    static final String V4_ECHO_REPLY = "3a82d82f1650dee4462b29c2080045000054f84f000040016e450a0900020a090001"
            + "000090e210ec0001bb37026b00000000dfba020000000000101112131415161718191a1b1c1d1e1f202122232425262728"
            + "292a2b2c2d2e2f3031323334353637";
    /** ping -R request: IHL 15, options NOP + record route (type 7, length 39, pointer 8). */
    static final String V4_RECORD_ROUTE_REQUEST =
            "dee4462b29c23a82d82f165008004f00007c5a504000400190030a0900010a090002010727080a090001000000000000"
            + "000000000000000000000000000000000000000000000000000008008881110f0001bc37026b00000000def802000000"
            + "0000101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637";
    /** ping -R reply: record route (pointer 16, two hops filled) then EOL. */
    static final String V4_RECORD_ROUTE_REPLY =
            "3a82d82f1650dee4462b29c208004f00007cf8bd000040012c6a0a0900020a0900010727100a0900010a0900020a0900"
            + "020000000000000000000000000000000000000000000000000000009081110f0001bc37026b00000000def802000000"
            + "0000101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637";
    /** ICMPv6 echo request fd00:9::1 -> fd00:9::2, flow label 0xe80bf, hop limit 64. */
    static final String V6_ECHO_REQUEST = "dee4462b29c23a82d82f165086dd600e80bf00403a40fd00000900000000000000000000"
            + "0001fd000009000000000000000000000002800075e011100001bc37026b000000007e070300000000001011121314151617"
            + "18191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637";
    /** MLDv2 report fe80::dce4:46ff:fe2b:29c2 -> ff02::16 with a hop-by-hop header (router alert + PadN). */
    static final String V6_MLD_HOP_BY_HOP = "333300000016dee4462b29c286dd6000000000380001fe80000000000000dce446fffe2b"
            + "29c2ff0200000000000000000000000000163a000502000001008f00f92d0000000204000000ff020000000000000000000"
            + "1ff2b29c204000000ff0200000000000000000001ff000002";

    private L3Fixtures() {}

    /** Decodes a hex literal. */
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    /** Loads a hex resource from this package. */
    static byte[] resource(String name) {
        try (InputStream in = L3Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return hex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The three fragments of {@code ping -6 -s 3000} over MTU 1280 (offsets 0, 1232, 2464). */
    static byte[][] pingFragments() {
        return new byte[][] {resource("ping6-s3000-frag1.hex"), resource("ping6-s3000-frag2.hex"),
            resource("ping6-s3000-frag3.hex")};
    }
}
