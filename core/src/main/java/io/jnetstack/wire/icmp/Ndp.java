package io.jnetstack.wire.icmp;

import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.icmp.Icmpv6Message.NeighborAdvertisement;
import io.jnetstack.wire.icmp.Icmpv6Message.NeighborSolicitation;
import io.jnetstack.wire.icmp.Icmpv6Message.RouterAdvertisement;
import io.jnetstack.wire.icmp.Icmpv6Message.RouterSolicitation;
import java.util.List;

/** Parsing of the Neighbor Discovery messages, types 133..136 (RFC 4861 §4.1-§4.4, validation per §6.1, §7.1). */
final class Ndp {
    private Ndp() {}

    /** Parses an NDP message whose length and checksum were already checked. */
    static Parsed<Icmpv6Message> parse(byte[] b, int off, int len, int type, int code) {
        if (code != 0) {
            return Parsed.malformed(MalformedReason.BAD_FIELD,
                    "NDP type " + type + " code " + code + ", must be 0 (RFC 4861 §6.1, §7.1)");
        }
        int fixed = type == Icmpv6Message.ROUTER_SOLICITATION ? 8
                : type == Icmpv6Message.ROUTER_ADVERTISEMENT ? 16 : 24;
        Ipv6Address target = fixed == 24 ? Ipv6Address.read(b, off + 8) : null;
        if (target != null && target.isMulticast()) {
            return Parsed.malformed(MalformedReason.BAD_FIELD,
                    "NDP type " + type + " target " + target + " is multicast (RFC 4861 §7.1)");
        }
        Parsed<List<NdpOption>> opts = NdpOption.parseAll(b, off + fixed, len - fixed);
        if (!(opts instanceof Parsed.Ok<List<NdpOption>>(List<NdpOption> options))) {
            Parsed.Malformed<List<NdpOption>> m = (Parsed.Malformed<List<NdpOption>>) opts;
            return Parsed.malformed(m.reason(), m.detail());
        }
        int word = Bytes.getInt(b, off + 4);
        return Parsed.ok(switch (type) {
            case Icmpv6Message.ROUTER_SOLICITATION -> new RouterSolicitation(word, options);
            case Icmpv6Message.ROUTER_ADVERTISEMENT -> new RouterAdvertisement(Bytes.u8(b, off + 4),
                    Bytes.u8(b, off + 5), Bytes.u16(b, off + 6), Bytes.u32(b, off + 8), Bytes.u32(b, off + 12),
                    options);
            case Icmpv6Message.NEIGHBOR_SOLICITATION -> new NeighborSolicitation(word, target, options);
            default -> new NeighborAdvertisement(word < 0, (word & 1 << 30) != 0, (word & 1 << 29) != 0,
                    word & 0x1FFF_FFFF, target, options);
        });
    }
}
