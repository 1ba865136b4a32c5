package io.jnetstack.pktrun;

import io.jnetstack.pkt.IpInfo;
import io.jnetstack.pkt.Packet;
import io.jnetstack.pkt.Sequence;
import io.jnetstack.pkt.TcpOption;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.IpAddress;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * Builds the IP packets a script injects ({@code <} lines) byte by byte, so that anything a script can write — odd
 * option layouts, EOL padding, any flag combination — reaches the host exactly as written. Sequence numbers of the
 * remote side are sent as written; acknowledgement numbers and SACK blocks refer to the host's side and are shifted
 * by its ISN; TSecr values are mapped onto the host's timestamp clock ({@link Flow#liveEcr}).
 */
final class InboundPackets {
    /** packetdrill's TTL and hop limit for injected packets (ip_packet.c: TTL_CHECK_NONE, 255). */
    private static final int TTL = 255;
    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;
    private static final int UDP_HEADER = 8;
    private static final int PROTO_ICMP = 1;
    private static final int PROTO_ICMPV6 = 58;

    /** ICMPv4 type and code names (RFC 792, RFC 1812 §5.2.7.1), as packetdrill spells them. */
    private static final Map<String, Integer> V4_TYPES = Map.of("echo_reply", 0, "unreachable", 3,
            "source_quench", 4, "redirect", 5, "echo_request", 8, "time_exceeded", 11, "parameter_problem", 12);
    private static final Map<String, Integer> V4_UNREACHABLE = Map.ofEntries(Map.entry("net_unreachable", 0),
            Map.entry("host_unreachable", 1), Map.entry("protocol_unreachable", 2), Map.entry("port_unreachable", 3),
            Map.entry("frag_needed", 4), Map.entry("source_route_failed", 5), Map.entry("net_unknown", 6),
            Map.entry("host_unknown", 7), Map.entry("source_host_isolated", 8), Map.entry("net_prohibited", 9),
            Map.entry("host_prohibited", 10), Map.entry("net_unreachable_for_tos", 11),
            Map.entry("host_unreachable_for_tos", 12), Map.entry("packet_filtered", 13),
            Map.entry("precedence_violation", 14), Map.entry("precedence_cutoff", 15));
    private static final Map<String, Integer> V4_TIME_EXCEEDED = Map.of("ttl_exceeded_in_transit", 0,
            "frag_reass_exceeded", 1);
    /** ICMPv6 type and code names (RFC 4443 §3). */
    private static final Map<String, Integer> V6_TYPES = Map.of("unreachable", 1, "packet_too_big", 2,
            "time_exceeded", 3, "parameter_problem", 4, "echo_request", 128, "echo_reply", 129);
    private static final Map<String, Integer> V6_UNREACHABLE = Map.of("no_route", 0, "admin_prohibited", 1,
            "not_neighbour", 2, "beyond_scope", 2, "address_unreachable", 3, "port_unreachable", 4,
            "source_address_failed", 5, "reject_route", 6);
    private static final Map<String, Integer> V6_TIME_EXCEEDED = Map.of("exceeded_hop_limit", 0,
            "exceeded_frag_time", 1);
    private static final Map<String, Integer> V6_PARAMETER = Map.of("header_field", 0, "unknown_next_header", 1,
            "unknown_option", 2);

    private final ScriptNetwork net;
    private final Flow flow;
    /** --tcp_md5_secret's bytes (empty without it) for {@code md5 valid}. */
    private final byte[] md5Key;

    InboundPackets(ScriptNetwork net, Flow flow, byte[] md5Key) {
        this.net = net;
        this.flow = flow;
        this.md5Key = md5Key;
    }

    /** The packet for an inbound script line. */
    byte[] build(Packet p) {
        return switch (p.transport()) {
            case Packet.Tcp t -> t.encapsulation().isPresent()
                    ? ip(p.ip(), PROTO_UDP, udp(t.encapsulation().get(), tcp(t)))
                    : ip(p.ip(), PROTO_TCP, tcp(t));
            case Packet.Icmp i -> net.ipv6 ? ip(p.ip(), PROTO_ICMPV6, icmpv6(i)) : ip(p.ip(), PROTO_ICMP, icmpv4(i));
            case Packet.Udp u -> throw ScriptStop.skip("inbound UDP packets are not modelled by the runner");
        };
    }

    /**
     * TCP over UDP (NPLab packetdrill --udp_encapsulation=tcp): the segment, its TCP checksum filled in, as the
     * payload of a UDP datagram between the ports the script gives ({@code /udp(sport > dport)}, verbatim).
     */
    private byte[] udp(Packet.UdpEncapsulation e, byte[] seg) {
        put16(seg, 16, Checksum.computeWithFieldZeroed(seg, 0, seg.length, 16, pseudo(PROTO_TCP, seg.length)));
        byte[] d = new byte[UDP_HEADER + seg.length];
        put16(d, 0, e.sourcePort());
        put16(d, 2, e.destinationPort());
        put16(d, 4, d.length);
        System.arraycopy(seg, 0, d, UDP_HEADER, seg.length);
        return d;
    }

    private long pseudo(int protocol, int length) {
        IpAddress src = net.remote();
        IpAddress dst = net.local();
        return net.ipv6 ? Checksum.pseudoHeaderV6(src.toBytes(), dst.toBytes(), protocol, length)
                : Checksum.pseudoHeaderV4(src.toBytes(), dst.toBytes(), protocol, length);
    }

    private byte[] tcp(Packet.Tcp t) {
        byte[] options = options(t.options(), t.flags());
        int length = t.sequence().length();
        byte[] seg = new byte[20 + options.length + length];
        boolean synOnly = t.flags().syn() && !t.flags().ack();
        int src = t.ports().map(Packet.Ports::source).orElseGet(() -> flow.remotePort < 0
                ? Flow.REMOTE_EPHEMERAL_PORT : flow.remotePortFor(synOnly));
        int dst = t.ports().map(Packet.Ports::destination).orElse(flow.localPort < 0 ? Flow.SCRIPT_PORT
                : flow.localPort);
        put16(seg, 0, src);
        put16(seg, 2, dst);
        long seq = switch (t.sequence()) {
            case Sequence.Range r -> r.start();
            case Sequence.AnyStart a -> throw ScriptStop.fail("an inbound packet needs a sequence number, not '...'");
        };
        put32(seg, 4, seq);
        int flags = flagBits(t.flags());
        if (t.ack().isPresent()) {
            put32(seg, 8, flow.liveLocalSeq(t.ack().getAsLong()));
        }
        seg[12] = (byte) ((20 + options.length) / 4 << 4 | (flags >>> 8 & 1));
        seg[13] = (byte) flags;
        put16(seg, 14, t.window().orElseThrow(() ->
                ScriptStop.fail("an inbound TCP packet needs 'win N' (packetdrill: window must be specified)")));
        put16(seg, 18, t.urgentPointer().orElse(0));
        System.arraycopy(options, 0, seg, 20, options.length);
        if (validMd5(t.options())) {
            // NPLab packetdrill run_packet.c: an inbound packet with FLAG_VALID_TCP_MD5 gets the digest
            // tcp_compute_md5_digest computes with --tcp_md5_secret (RFC 2385 §2.0), before the checksum
            int at = io.jnetstack.stack.TcpMd5.digestOffset(seg, 0, seg.length);
            byte[] digest = io.jnetstack.stack.TcpMd5.digest(net.remote(), net.local(), seg, 0, seg.length, md5Key);
            System.arraycopy(digest, 0, seg, at, digest.length);
        }
        return seg;
    }

    static int flagBits(io.jnetstack.pkt.TcpFlags f) {
        int b = 0;
        String letters = "FSRP.UEWA";
        int[] bits = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x100};
        for (int i = 0; i < letters.length(); i++) {
            if (f.has(letters.charAt(i))) {
                b |= bits[i];
            }
        }
        return b;
    }

    private byte[] options(TcpOption.OptionList list, io.jnetstack.pkt.TcpFlags flags) {
        if (!(list instanceof TcpOption.Listed l)) {
            throw ScriptStop.fail("an inbound packet cannot have '<...>' options");
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (TcpOption opt : l.options()) {
            switch (opt) {
                case TcpOption.Nop n -> o.write(1);
                case TcpOption.Eol e -> o.write(0);
                case TcpOption.Mss m -> o.writeBytes(new byte[] {2, 4, (byte) (m.value() >> 8), (byte) m.value()});
                case TcpOption.WindowScale w -> o.writeBytes(new byte[] {3, 3, (byte) w.shift()});
                case TcpOption.SackPermitted s -> o.writeBytes(new byte[] {4, 2});
                case TcpOption.Sack s -> {
                    o.write(5);
                    o.write(2 + 8 * s.blocks().size());
                    for (TcpOption.SackBlock b : s.blocks()) {
                        byte[] v = new byte[8];
                        put32(v, 0, flow.liveLocalSeq(b.left()));
                        put32(v, 4, flow.liveLocalSeq(b.right()));
                        o.writeBytes(v);
                    }
                }
                case TcpOption.Timestamp ts -> {
                    byte[] v = new byte[10];
                    v[0] = 8;
                    v[1] = 10;
                    put32(v, 2, ts.value().orElseThrow(() ->
                            ScriptStop.fail("an inbound timestamp option needs a TSval, not 'val ...'")));
                    put32(v, 6, ts.echoReplyAbsolute() || !flags.ack() ? ts.echoReply()
                            : flow.liveEcr(ts.echoReply()));
                    o.writeBytes(v);
                }
                case TcpOption.FastOpen f -> {
                    byte[] cookie = java.util.HexFormat.of().parseHex(f.cookieHex());
                    o.write(34);
                    o.write(2 + cookie.length);
                    o.writeBytes(cookie);
                }
                case TcpOption.Md5 m -> {
                    // packetdrill parser.y new_md5_option: "md5 valid" is 16 digest bytes filled in later; a hex
                    // digest is taken as written, up to 16 bytes (shorter ones make a shorter option)
                    byte[] digest = m.valid() ? new byte[16] : md5Hex(m.digest());
                    o.write(19);
                    o.write(2 + digest.length);
                    o.writeBytes(digest);
                }
            }
        }
        while (o.size() % 4 != 0) { // the data offset counts words: pad with EOL bytes
            o.write(0);
        }
        if (o.size() > 40) {
            throw ScriptStop.fail("inbound TCP options take " + o.size() + " bytes, more than 40");
        }
        return o.toByteArray();
    }

    /** Whether the options ask for a valid MD5 signature (the first signature option is filled in). */
    private static boolean validMd5(TcpOption.OptionList list) {
        if (list instanceof TcpOption.Listed l) {
            for (TcpOption o : l.options()) {
                if (o instanceof TcpOption.Md5 m) {
                    return m.valid();
                }
            }
        }
        return false;
    }

    /** An {@code md5 <hex>} digest: at most 16 bytes (parser.y: "TCP MD5 digest longer than 16 bytes"). */
    static byte[] md5Hex(String hex) {
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        byte[] b;
        try {
            b = java.util.HexFormat.of().parseHex(h);
        } catch (IllegalArgumentException e) {
            throw ScriptStop.fail("TCP MD5 digest is not a valid hex string: " + hex);
        }
        if (b.length > 16) {
            throw ScriptStop.fail("TCP MD5 digest longer than 16 bytes: " + hex);
        }
        return b;
    }

    private byte[] icmpv4(Packet.Icmp i) {
        int type = code(V4_TYPES, i.type(), "ICMP type");
        int code = switch (type) {
            case 3 -> code(V4_UNREACHABLE, i.code().orElse(""), "ICMP unreachable code");
            case 11 -> code(V4_TIME_EXCEEDED, i.code().orElse(""), "ICMP time exceeded code");
            default -> i.code().map(InboundPackets::numberedCode).orElse(0);
        };
        byte[] quote = quote(i, false);
        byte[] m = new byte[8 + quote.length];
        m[0] = (byte) type;
        m[1] = (byte) code;
        if (type == 3 && code == 4) {
            put16(m, 6, (int) i.mtu().orElse(0));
        }
        System.arraycopy(quote, 0, m, 8, quote.length);
        put16(m, 2, Checksum.compute(m, 0, m.length));
        return m;
    }

    private byte[] icmpv6(Packet.Icmp i) {
        int type = code(V6_TYPES, i.type(), "ICMPv6 type");
        int code = switch (type) {
            case 1 -> code(V6_UNREACHABLE, i.code().orElse(""), "ICMPv6 unreachable code");
            case 3 -> code(V6_TIME_EXCEEDED, i.code().orElse(""), "ICMPv6 time exceeded code");
            case 4 -> code(V6_PARAMETER, i.code().orElse(""), "ICMPv6 parameter problem code");
            default -> i.code().map(InboundPackets::numberedCode).orElse(0);
        };
        byte[] quote = quote(i, true);
        byte[] m = new byte[8 + quote.length];
        m[0] = (byte) type;
        m[1] = (byte) code;
        if (type == 2) {
            put32(m, 4, i.mtu().orElse(0));
        }
        System.arraycopy(quote, 0, m, 8, quote.length);
        long pseudo = Checksum.pseudoHeaderV6(net.remote().toBytes(), net.local().toBytes(), PROTO_ICMPV6, m.length);
        put16(m, 2, Checksum.computeWithFieldZeroed(m, 0, m.length, 2, pseudo));
        return m;
    }

    /**
     * The quoted packet: the host's own IP header and the first eight bytes of its TCP segment; for a segment
     * written {@code /udp(sport > dport)} the IP header, the UDP header with those ports and then the first eight
     * bytes of the TCP segment (what FreeBSD tcp_ctlinput_viaudp needs to find the connection).
     */
    private byte[] quote(Packet.Icmp i, boolean v6) {
        if (i.quoted().isEmpty()) {
            return new byte[0];
        }
        if (!(i.quoted().get() instanceof Packet.QuotedTcp q)) {
            throw ScriptStop.skip("ICMP quoting anything but a TCP segment is not modelled");
        }
        long seq = switch (q.sequence()) {
            case Sequence.Range r -> r.start();
            case Sequence.AnyStart a -> 0;
        };
        byte[] tcp8 = new byte[8];
        put16(tcp8, 0, flow.localPort);
        put16(tcp8, 2, flow.remotePort);
        put32(tcp8, 4, flow.liveLocalSeq(seq));
        int segLength = 20 + q.sequence().length();
        if (q.encapsulation().isPresent()) {
            byte[] udp = new byte[UDP_HEADER + 8];
            put16(udp, 0, q.encapsulation().get().sourcePort());
            put16(udp, 2, q.encapsulation().get().destinationPort());
            put16(udp, 4, UDP_HEADER + segLength);
            System.arraycopy(tcp8, 0, udp, UDP_HEADER, 8);
            return quoted(v6, PROTO_UDP, UDP_HEADER + segLength, udp);
        }
        return quoted(v6, PROTO_TCP, segLength, tcp8);
    }

    /** The host's IP header for a datagram of {@code length} transport bytes, then {@code head} of them. */
    private byte[] quoted(boolean v6, int protocol, int length, byte[] head) {
        byte[] header = v6 ? ipv6Header(net.local(), net.remote(), protocol, length, TTL, 0)
                : ipv4Header(net.local(), net.remote(), protocol, length, TTL, 0);
        byte[] out = new byte[header.length + head.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(head, 0, out, header.length, head.length);
        return out;
    }

    private static int code(Map<String, Integer> names, String name, String what) {
        Integer c = names.get(name);
        if (c == null) {
            Integer n = numberedCode(name);
            if (n != null) {
                return n;
            }
            throw ScriptStop.fail("unknown " + what + " '" + name + "'");
        }
        return c;
    }

    private static Integer numberedCode(String name) {
        if (name.startsWith("code_")) {
            try {
                return Integer.parseInt(name.substring(5));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Wraps a transport payload in the IP header of the script's family, with the TCP checksum filled in. */
    private byte[] ip(IpInfo info, int protocol, byte[] payload) {
        int tos = info.tos().orElse(info.trafficClass().orElse(0));
        if (info.ecn().isPresent()) {
            tos = tos & ~3 | switch (info.ecn().get()) {
                case NOT_ECT -> 0;
                case ECT1 -> 1;
                case ECT0, ECT01 -> 2;
                case CE -> 3;
            };
        }
        int ttl = info.ttl().orElse(info.hopLimit().orElse(TTL));
        IpAddress src = net.remote();
        IpAddress dst = net.local();
        if (protocol == PROTO_TCP || protocol == PROTO_UDP) {
            int field = protocol == PROTO_TCP ? 16 : 6;
            int sum = Checksum.computeWithFieldZeroed(payload, 0, payload.length, field,
                    pseudo(protocol, payload.length));
            put16(payload, field, protocol == PROTO_UDP && sum == 0 ? 0xFFFF : sum); // RFC 768: 0 means none
        }
        byte[] header = net.ipv6 ? ipv6Header(src, dst, protocol, payload.length, ttl, tos)
                : ipv4Header(src, dst, protocol, payload.length, ttl, tos);
        byte[] out = new byte[header.length + payload.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(payload, 0, out, header.length, payload.length);
        return out;
    }

    private static byte[] ipv4Header(IpAddress src, IpAddress dst, int protocol, int payloadLength, int ttl,
            int tos) {
        byte[] h = new byte[20];
        h[0] = 0x45;
        h[1] = (byte) tos;
        put16(h, 2, 20 + payloadLength);
        h[8] = (byte) ttl;
        h[9] = (byte) protocol;
        System.arraycopy(src.toBytes(), 0, h, 12, 4);
        System.arraycopy(dst.toBytes(), 0, h, 16, 4);
        put16(h, 10, Checksum.compute(h, 0, 20));
        return h;
    }

    private static byte[] ipv6Header(IpAddress src, IpAddress dst, int nextHeader, int payloadLength, int hopLimit,
            int trafficClass) {
        byte[] h = new byte[40];
        h[0] = (byte) (0x60 | trafficClass >>> 4);
        h[1] = (byte) (trafficClass << 4);
        put16(h, 4, payloadLength);
        h[6] = (byte) nextHeader;
        h[7] = (byte) hopLimit;
        System.arraycopy(src.toBytes(), 0, h, 8, 16);
        System.arraycopy(dst.toBytes(), 0, h, 24, 16);
        return h;
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
