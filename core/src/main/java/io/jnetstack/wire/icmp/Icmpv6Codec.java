package io.jnetstack.wire.icmp;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.icmp.Icmpv6Message.DestinationUnreachable;
import io.jnetstack.wire.icmp.Icmpv6Message.EchoReply;
import io.jnetstack.wire.icmp.Icmpv6Message.EchoRequest;
import io.jnetstack.wire.icmp.Icmpv6Message.Icmpv6Other;
import io.jnetstack.wire.icmp.Icmpv6Message.NeighborAdvertisement;
import io.jnetstack.wire.icmp.Icmpv6Message.NeighborSolicitation;
import io.jnetstack.wire.icmp.Icmpv6Message.PacketTooBig;
import io.jnetstack.wire.icmp.Icmpv6Message.ParameterProblem;
import io.jnetstack.wire.icmp.Icmpv6Message.RouterAdvertisement;
import io.jnetstack.wire.icmp.Icmpv6Message.RouterSolicitation;
import io.jnetstack.wire.icmp.Icmpv6Message.TimeExceeded;
import java.util.List;

/** ICMPv6 and NDP message parsing and emitting (RFC 4443, RFC 4861). */
final class Icmpv6Codec {
    private Icmpv6Codec() {}

    /** True when (type, code) is represented by a dedicated record (or rejected, for NDP with a nonzero code). */
    static boolean hasRecord(int type, int code) {
        return switch (type) {
            case Icmpv6Message.PACKET_TOO_BIG, Icmpv6Message.ECHO_REQUEST, Icmpv6Message.ECHO_REPLY -> code == 0;
            case Icmpv6Message.DESTINATION_UNREACHABLE, Icmpv6Message.TIME_EXCEEDED,
                    Icmpv6Message.PARAMETER_PROBLEM, Icmpv6Message.ROUTER_SOLICITATION,
                    Icmpv6Message.ROUTER_ADVERTISEMENT, Icmpv6Message.NEIGHBOR_SOLICITATION,
                    Icmpv6Message.NEIGHBOR_ADVERTISEMENT -> true;
            default -> false;
        };
    }

    /** NS/NA targets must not be multicast (RFC 4861 §7.1.1, §7.1.2). */
    static void checkTarget(Ipv6Address target) {
        if (FieldRange.nonNull("target", target).isMulticast()) {
            throw new IllegalArgumentException("NDP target must not be multicast: " + target);
        }
    }

    /** Fixed bytes (including the 4-byte type/code/checksum) before options or the variable body. */
    private static int fixedLength(int type) {
        return switch (type) {
            case Icmpv6Message.ROUTER_ADVERTISEMENT -> 16;
            case Icmpv6Message.NEIGHBOR_SOLICITATION, Icmpv6Message.NEIGHBOR_ADVERTISEMENT -> 24;
            default -> 8;
        };
    }

    static int length(Icmpv6Message m) {
        return switch (m) {
            case DestinationUnreachable d -> 8 + d.quoted().length();
            case PacketTooBig p -> 8 + p.quoted().length();
            case TimeExceeded t -> 8 + t.quoted().length();
            case ParameterProblem p -> 8 + p.quoted().length();
            case EchoRequest e -> 8 + e.data().length();
            case EchoReply e -> 8 + e.data().length();
            case RouterSolicitation r -> 8 + NdpOption.lengthOf(r.options());
            case RouterAdvertisement r -> 16 + NdpOption.lengthOf(r.options());
            case NeighborSolicitation n -> 24 + NdpOption.lengthOf(n.options());
            case NeighborAdvertisement n -> 24 + NdpOption.lengthOf(n.options());
            case Icmpv6Other o -> 4 + o.body().length();
        };
    }

    static int emit(Icmpv6Message m, byte[] b, int off, Ipv6Address source, Ipv6Address destination) {
        Bytes.put8(b, off, m.type());
        Bytes.put8(b, off + 1, m.code());
        Bytes.put16(b, off + 2, 0);
        int n = 4 + emitBody(m, b, off + 4);
        long pseudo = Checksum.pseudoHeaderV6(source.toBytes(), destination.toBytes(), IpProtocol.ICMPV6, n);
        Bytes.put16(b, off + 2, Checksum.finish(Checksum.partial(b, off, n, pseudo)));
        return n;
    }

    /** Writes everything after type/code/checksum at {@code p}; returns the bytes written. */
    private static int emitBody(Icmpv6Message m, byte[] b, int p) {
        return switch (m) {
            case DestinationUnreachable d -> word(b, p, d.unused()) + d.quoted().copyTo(b, p + 4);
            case PacketTooBig t -> word(b, p, t.mtu()) + t.quoted().copyTo(b, p + 4);
            case TimeExceeded t -> word(b, p, t.unused()) + t.quoted().copyTo(b, p + 4);
            case ParameterProblem t -> word(b, p, t.pointer()) + t.quoted().copyTo(b, p + 4);
            case EchoRequest e -> word(b, p, e.identifier() << 16 | e.sequence()) + e.data().copyTo(b, p + 4);
            case EchoReply e -> word(b, p, e.identifier() << 16 | e.sequence()) + e.data().copyTo(b, p + 4);
            case RouterSolicitation r -> word(b, p, r.reserved()) + NdpOption.emitAll(r.options(), b, p + 4);
            case RouterAdvertisement r -> {
                Bytes.put8(b, p, r.curHopLimit());
                Bytes.put8(b, p + 1, r.flags());
                Bytes.put16(b, p + 2, r.routerLifetimeSeconds());
                Bytes.putInt(b, p + 4, (int) r.reachableTimeMs());
                Bytes.putInt(b, p + 8, (int) r.retransTimerMs());
                yield 12 + NdpOption.emitAll(r.options(), b, p + 12);
            }
            case NeighborSolicitation s -> word(b, p, s.reserved()) + target(b, p, s.target(), s.options());
            case NeighborAdvertisement a -> word(b, p, (a.router() ? 1 << 31 : 0) | (a.solicited() ? 1 << 30 : 0)
                    | (a.override() ? 1 << 29 : 0) | a.reserved()) + target(b, p, a.target(), a.options());
            case Icmpv6Other o -> o.body().copyTo(b, p);
        };
    }

    private static int word(byte[] b, int p, int v) {
        Bytes.putInt(b, p, v);
        return 4;
    }

    private static int target(byte[] b, int p, Ipv6Address target, List<NdpOption> options) {
        target.write(b, p + 4);
        return 16 + NdpOption.emitAll(options, b, p + 20);
    }

    static Parsed<Icmpv6Message> parse(byte[] b, int off, int len, Ipv6Address source, Ipv6Address destination) {
        if (!FieldRange.inBounds(b, off, len) || source == null || destination == null) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "ICMPv6 buffer bounds off=" + off + " len=" + len);
        }
        if (len < 4) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "ICMPv6 needs 4 header bytes, have " + len);
        }
        int type = Bytes.u8(b, off);
        int code = Bytes.u8(b, off + 1);
        boolean modelled = hasRecord(type, code);
        if (modelled && len < fixedLength(type)) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "ICMPv6 type " + type + " needs "
                    + fixedLength(type) + " bytes, have " + len);
        }
        long pseudo = Checksum.pseudoHeaderV6(source.toBytes(), destination.toBytes(), IpProtocol.ICMPV6, len);
        int expected = Icmpv4Codec.expectedChecksum(b, off, len, pseudo);
        if (Bytes.u16(b, off + 2) != expected) {
            return Parsed.malformed(MalformedReason.BAD_CHECKSUM, "ICMPv6 checksum 0x"
                    + Integer.toHexString(Bytes.u16(b, off + 2)) + " over " + len + " bytes, expected 0x"
                    + Integer.toHexString(expected));
        }
        if (!modelled) {
            return Parsed.ok(new Icmpv6Other(type, code, ByteString.copyOf(b, off + 4, len - 4)));
        }
        return type >= Icmpv6Message.ROUTER_SOLICITATION
                ? Ndp.parse(b, off, len, type, code) : Parsed.ok(simple(b, off, len, type, code));
    }

    private static Icmpv6Message simple(byte[] b, int off, int len, int type, int code) {
        int word = Bytes.getInt(b, off + 4);
        ByteString rest = ByteString.copyOf(b, off + 8, len - 8);
        return switch (type) {
            case Icmpv6Message.DESTINATION_UNREACHABLE -> new DestinationUnreachable(code, word, rest);
            case Icmpv6Message.PACKET_TOO_BIG -> new PacketTooBig(word, rest);
            case Icmpv6Message.TIME_EXCEEDED -> new TimeExceeded(code, word, rest);
            case Icmpv6Message.PARAMETER_PROBLEM -> new ParameterProblem(code, word, rest);
            case Icmpv6Message.ECHO_REQUEST -> new EchoRequest(word >>> 16, word & 0xFFFF, rest);
            default -> new EchoReply(word >>> 16, word & 0xFFFF, rest);
        };
    }
}
