package io.jnetstack.pktrun;

import io.jnetstack.pkt.IpInfo;
import io.jnetstack.pkt.Packet;
import io.jnetstack.pkt.Sequence;
import io.jnetstack.pkt.TcpOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a packet the host sent with an outbound script line, the way packetdrill's run_packet.c verifies a
 * sniffed packet: flags exactly; the sequence number relative to the host's ISN (a SYN from the host defines it);
 * payload length; the ack, window and urgent pointer when the script gives them; the options in order with their
 * values (TSval and TSecr are not compared; the TSval is recorded for mapping later TSecr values); IP ToS / ECN,
 * TTL and hop limit when given.
 */
final class OutboundMatch {
    private final Flow flow;
    /** --udp_encapsulation=tcp: only TCP segments, plain or inside UDP, are the script's to see. */
    private final boolean tcpInUdp;
    /** The network, for the addresses an outbound segment's MD5 signature covers; null where none is checked. */
    private final ScriptNetwork net;
    /** --tcp_md5_secret's bytes (empty without it). */
    private final byte[] md5Key;

    OutboundMatch(Flow flow, boolean tcpInUdp) {
        this(flow, tcpInUdp, null, new byte[0]);
    }

    OutboundMatch(Flow flow, boolean tcpInUdp, ScriptNetwork net, byte[] md5Key) {
        this.flow = flow;
        this.tcpInUdp = tcpInUdp;
        this.net = net;
        this.md5Key = md5Key;
    }

    /**
     * Whether a sent packet belongs to the connection the script follows (packetdrill drops the others unseen):
     * before the host's first SYN any packet does; after it, only packets between the flow's ports. With
     * --udp_encapsulation=tcp a packet that is not a TCP segment (plain or inside UDP; e.g. the ICMP port
     * unreachable a datagram to another UDP port draws) never does: packetdrill sniffs the TCP four-tuple.
     */
    boolean belongs(WirePacket actual) {
        WirePacket.Tcp a = actual.tcp();
        if (a == null && tcpInUdp) {
            return false;
        }
        if (a == null || flow.localPort < 0 || flow.remotePort < 0) {
            return true;
        }
        boolean newSyn = (a.flags() & 0x12) == 0x02;
        return newSyn || a.sourcePort() == flow.localPort && a.destinationPort() == flow.remotePort;
    }

    /** The differences between {@code expected} and {@code actual}; empty when the packet matches. */
    List<String> compare(Packet expected, WirePacket actual) {
        List<String> diff = new ArrayList<>();
        ip(expected.ip(), actual, diff);
        switch (expected.transport()) {
            case Packet.Tcp t -> tcp(t, actual, diff);
            case Packet.Udp u -> {
                if (actual.protocol() != 17) {
                    diff.add("expected a UDP datagram, the host sent protocol " + actual.protocol());
                }
            }
            case Packet.Icmp i -> {
                if (actual.protocol() != 1 && actual.protocol() != 58) {
                    diff.add("expected an ICMP message, the host sent protocol " + actual.protocol());
                }
            }
        }
        return diff;
    }

    private static void ip(IpInfo info, WirePacket actual, List<String> diff) {
        info.tos().ifPresent(v -> check(diff, "tos", v, actual.tos()));
        info.trafficClass().ifPresent(v -> check(diff, "traffic class", v, actual.tos()));
        info.ttl().ifPresent(v -> check(diff, "ttl", v, actual.ttl()));
        info.hopLimit().ifPresent(v -> check(diff, "hop limit", v, actual.ttl()));
        info.ecn().ifPresent(e -> {
            int ecn = actual.tos() & 3;
            boolean ok = switch (e) {
                case NOT_ECT -> ecn == 0;
                case ECT0 -> ecn == 2;
                case ECT1 -> ecn == 1;
                case CE -> ecn == 3;
                case ECT01 -> ecn == 1 || ecn == 2;
            };
            if (!ok) {
                diff.add("ECN field " + ecn + ", expected " + e.keyword());
            }
        });
    }

    private void tcp(Packet.Tcp t, WirePacket actual, List<String> diff) {
        WirePacket.Tcp a = actual.tcp();
        if (a == null) {
            diff.add("expected a TCP segment, the host sent protocol " + actual.protocol());
            return;
        }
        encapsulation(t, actual.udp(), diff);
        int flags = InboundPackets.flagBits(t.flags());
        if (flags != a.flags()) {
            diff.add("flags " + Describe.flags(a.flags()) + ", expected " + Describe.flags(flags));
        }
        boolean synFromHost = (a.flags() & 0x02) != 0;
        if (t.sequence() instanceof Sequence.Range r) {
            if (r.absolute()) {
                check(diff, "seq", r.start(), Integer.toUnsignedLong(a.seq()));
            } else if (synFromHost && flags == a.flags()) {
                flow.localIsn = a.seq() - (int) r.start();
                flow.localPort = a.sourcePort();
                if (flow.remotePort < 0) {
                    flow.remotePort = a.destinationPort();
                }
            } else if (flow.localIsn == null) {
                flow.localIsn = a.seq() - (int) r.start();
            } else {
                check(diff, "seq", r.start(), flow.scriptLocalSeq(a.seq()));
            }
        }
        check(diff, "payload length", t.sequence().length(), a.payloadLength());
        t.ports().ifPresent(p -> {
            check(diff, "source port", p.source(), a.sourcePort());
            check(diff, "destination port", p.destination(), a.destinationPort());
        });
        t.ack().ifPresent(v -> check(diff, "ack", v, Integer.toUnsignedLong(a.ack())));
        t.window().ifPresent(v -> check(diff, "win", v, a.window()));
        t.urgentPointer().ifPresent(v -> check(diff, "urg", v, a.urgent()));
        if (t.options() instanceof TcpOption.Listed l) {
            options(l.options(), a.options(), diff, actual);
        }
    }

    /**
     * NPLab packetdrill verify_tcp with --udp_encapsulation: a {@code /udp(sport > dport)} segment must come inside
     * UDP with exactly those ports, any other as plain TCP.
     */
    private static void encapsulation(Packet.Tcp t, WirePacket.Udp udp, List<String> diff) {
        if (t.encapsulation().isEmpty()) {
            if (udp != null) {
                diff.add("sent inside UDP (" + udp.sourcePort() + " > " + udp.destinationPort()
                        + "), expected plain TCP");
            }
            return;
        }
        Packet.UdpEncapsulation e = t.encapsulation().get();
        if (udp == null) {
            diff.add("sent as plain TCP, expected inside UDP (" + e.sourcePort() + " > " + e.destinationPort() + ")");
            return;
        }
        check(diff, "UDP source port", e.sourcePort(), udp.sourcePort());
        check(diff, "UDP destination port", e.destinationPort(), udp.destinationPort());
    }

    private void options(List<TcpOption> expected, List<WirePacket.Option> actual, List<String> diff,
            WirePacket packet) {
        String want = Describe.scriptOptions(expected);
        String got = Describe.wireOptions(actual, flow);
        if (expected.size() != actual.size()) {
            diff.add("options <" + got + ">, expected <" + want + ">");
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            WirePacket.Option a = actual.get(i);
            boolean same = switch (expected.get(i)) {
                case TcpOption.Nop n -> a.kind() == 1;
                case TcpOption.Eol e -> a.kind() == 0;
                case TcpOption.Mss m -> a.kind() == 2 && a.data().length == 2 && a.u16(0) == m.value();
                case TcpOption.WindowScale w -> a.kind() == 3 && a.data().length == 1 && (a.data()[0] & 0xFF) == w.shift();
                case TcpOption.SackPermitted s -> a.kind() == 4 && a.data().length == 0;
                case TcpOption.Sack s -> a.kind() == 5 && sackMatches(s, a);
                case TcpOption.Timestamp ts -> a.kind() == 8 && a.data().length == 8 && timestampMatches(ts, a);
                case TcpOption.FastOpen f -> a.kind() == 34
                        && java.util.HexFormat.of().formatHex(a.data()).equalsIgnoreCase(f.cookieHex());
                case TcpOption.Md5 m -> a.kind() == 19 && java.util.Arrays.equals(a.data(),
                        m.valid() ? expectedDigest(packet) : InboundPackets.md5Hex(m.digest()));
            };
            if (!same) {
                diff.add("options <" + got + ">, expected <" + want + ">"
                        + (expected.get(i) instanceof TcpOption.Md5 m && m.valid() && a.kind() == 19
                        ? " (the MD5 signature is not the one --tcp_md5_secret gives)" : ""));
                return;
            }
        }
    }

    /**
     * NPLab packetdrill run_packet.c verify_outbound_live_packet: for {@code md5 valid} the digest
     * tcp_compute_md5_digest computes over the live segment with --tcp_md5_secret, which the option must carry.
     */
    private byte[] expectedDigest(WirePacket packet) {
        if (net == null) {
            return new byte[0];
        }
        byte[] seg = packet.udp() != null
                ? java.util.Arrays.copyOfRange(packet.transport(), 8, packet.transport().length) : packet.transport();
        return io.jnetstack.stack.TcpMd5.digest(net.local(), net.remote(), seg, 0, seg.length, md5Key);
    }

    /**
     * Records the script TSval → live TSval pair; neither TSval (no --tcp_ts_tick_usecs) nor TSecr is compared,
     * as in packetdrill's verify_outbound_live_tcp_options.
     */
    private boolean timestampMatches(TcpOption.Timestamp ts, WirePacket.Option a) {
        long val = a.u32(0);
        if (ts.value().isPresent()) {
            flow.tsValues.put(ts.value().getAsLong(), val);
            if (flow.liveTsBase == null) {
                flow.liveTsBase = val;
                flow.scriptTsBase = ts.value().getAsLong();
            }
        }
        return true;
    }

    private boolean sackMatches(TcpOption.Sack s, WirePacket.Option a) {
        if (a.data().length != 8 * s.blocks().size()) {
            return false;
        }
        for (int i = 0; i < s.blocks().size(); i++) {
            if (a.u32(8 * i) != s.blocks().get(i).left() || a.u32(8 * i + 4) != s.blocks().get(i).right()) {
                return false;
            }
        }
        return true;
    }

    private static void check(List<String> diff, String field, long expected, long actual) {
        if (expected != actual) {
            diff.add(field + " " + actual + ", expected " + expected);
        }
    }
}
