package io.jnetstack.wire.icmp;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.Parsed;
import java.util.List;

/**
 * A validated ICMPv6 message (RFC 4443 §2.1): type, code, checksum over the RFC 8200 §8.1 pseudo-header (next
 * header 58) and the message, then the body. Includes the Neighbor Discovery messages of RFC 4861 §4.1-§4.4.
 *
 * <p>Every accepted byte sequence round-trips. Echo and Packet Too Big with a nonzero code, Redirect, MLD and all
 * other types become {@link Icmpv6Other}. NDP checks done here: code 0 and a non-multicast NS/NA target (RFC 4861
 * §7.1.1/§7.1.2, else BAD_FIELD); the hop-limit-255 check needs the IP header and belongs to the stack.
 */
public sealed interface Icmpv6Message {
    /** Type 1. */
    int DESTINATION_UNREACHABLE = 1;
    /** Type 2. */
    int PACKET_TOO_BIG = 2;
    /** Type 3. */
    int TIME_EXCEEDED = 3;
    /** Type 4. */
    int PARAMETER_PROBLEM = 4;
    /** Type 128. */
    int ECHO_REQUEST = 128;
    /** Type 129. */
    int ECHO_REPLY = 129;
    /** Type 133. */
    int ROUTER_SOLICITATION = 133;
    /** Type 134. */
    int ROUTER_ADVERTISEMENT = 134;
    /** Type 135. */
    int NEIGHBOR_SOLICITATION = 135;
    /** Type 136. */
    int NEIGHBOR_ADVERTISEMENT = 136;

    /** The type byte. */
    int type();

    /** The code byte. */
    int code();

    /** Bytes {@link #emit} writes. */
    default int length() {
        return Icmpv6Codec.length(this);
    }

    /** Writes the message at {@code off} with its checksum over the pseudo-header; returns {@link #length()}. */
    default int emit(byte[] b, int off, Ipv6Address source, Ipv6Address destination) {
        return Icmpv6Codec.emit(this, b, off, source, destination);
    }

    /**
     * Parses and validates the message in {@code b[off, off+len)} carried from {@code source} to
     * {@code destination}. Rejections: TRUNCATED (shorter than the type's fixed part), BAD_CHECKSUM, BAD_FIELD
     * (NDP code not 0, NS/NA target multicast), and NDP option errors (BAD_OPTION_LENGTH, OPTION_OVERRUN).
     */
    static Parsed<Icmpv6Message> parse(byte[] b, int off, int len, Ipv6Address source, Ipv6Address destination) {
        return Icmpv6Codec.parse(b, off, len, source, destination);
    }

    /** Destination unreachable, type 1 (RFC 4443 §3.1); codes 0..7 (1 admin prohibited, 3 address, 4 port). */
    record DestinationUnreachable(int code, int unused, ByteString quoted) implements Icmpv6Message {
        /** Code 0: no route to destination. */
        public static final int NO_ROUTE = 0;
        /** Code 1: communication administratively prohibited. */
        public static final int ADMIN_PROHIBITED = 1;
        /** Code 3: address unreachable. */
        public static final int ADDRESS_UNREACHABLE = 3;
        /** Code 4: port unreachable. */
        public static final int PORT_UNREACHABLE = 4;

        /** Validates ranges; {@code unused} is the raw 32 bits. */
        public DestinationUnreachable {
            FieldRange.check("code", code, 0, 0xFF);
            FieldRange.nonNull("quoted", quoted);
        }

        @Override public int type() { return DESTINATION_UNREACHABLE; }
    }

    /** Packet too big, type 2 code 0 (RFC 4443 §3.2); {@code mtu} is the raw unsigned 32 bits. */
    record PacketTooBig(int mtu, ByteString quoted) implements Icmpv6Message {
        /** Validates non-null. */
        public PacketTooBig {
            FieldRange.nonNull("quoted", quoted);
        }

        @Override public int type() { return PACKET_TOO_BIG; }
        @Override public int code() { return 0; }
    }

    /** Time exceeded, type 3 (RFC 4443 §3.3): code 0 hop limit exceeded, 1 reassembly time exceeded. */
    record TimeExceeded(int code, int unused, ByteString quoted) implements Icmpv6Message {
        /** Validates ranges; {@code unused} is the raw 32 bits. */
        public TimeExceeded {
            FieldRange.check("code", code, 0, 0xFF);
            FieldRange.nonNull("quoted", quoted);
        }

        @Override public int type() { return TIME_EXCEEDED; }
    }

    /** Parameter problem, type 4 (RFC 4443 §3.4); {@code pointer} is the raw 32-bit offset. */
    record ParameterProblem(int code, int pointer, ByteString quoted) implements Icmpv6Message {
        /** Validates ranges. */
        public ParameterProblem {
            FieldRange.check("code", code, 0, 0xFF);
            FieldRange.nonNull("quoted", quoted);
        }

        @Override public int type() { return PARAMETER_PROBLEM; }
    }

    /** Echo request, type 128 code 0 (RFC 4443 §4.1). */
    record EchoRequest(int identifier, int sequence, ByteString data) implements Icmpv6Message {
        /** Validates ranges. */
        public EchoRequest {
            FieldRange.check("identifier", identifier, 0, 0xFFFF);
            FieldRange.check("sequence", sequence, 0, 0xFFFF);
            FieldRange.nonNull("data", data);
        }

        @Override public int type() { return ECHO_REQUEST; }
        @Override public int code() { return 0; }

        /** The matching reply (RFC 4443 §4.2). */
        public EchoReply reply() {
            return new EchoReply(identifier, sequence, data);
        }
    }

    /** Echo reply, type 129 code 0 (RFC 4443 §4.2). */
    record EchoReply(int identifier, int sequence, ByteString data) implements Icmpv6Message {
        /** Validates ranges. */
        public EchoReply {
            FieldRange.check("identifier", identifier, 0, 0xFFFF);
            FieldRange.check("sequence", sequence, 0, 0xFFFF);
            FieldRange.nonNull("data", data);
        }

        @Override public int type() { return ECHO_REPLY; }
        @Override public int code() { return 0; }
    }

    /** Router solicitation, type 133 (RFC 4861 §4.1); {@code reserved} is the raw 32 bits. */
    record RouterSolicitation(int reserved, List<NdpOption> options) implements Icmpv6Message {
        /** Copies the option list. */
        public RouterSolicitation {
            options = List.copyOf(FieldRange.nonNull("options", options));
        }

        @Override public int type() { return ROUTER_SOLICITATION; }
        @Override public int code() { return 0; }
    }

    /**
     * Router advertisement, type 134 (RFC 4861 §4.2). {@code flags} is the raw byte (M=0x80, O=0x40, the rest
     * kept); reachable time and retrans timer are unsigned 32-bit milliseconds.
     */
    record RouterAdvertisement(int curHopLimit, int flags, int routerLifetimeSeconds, long reachableTimeMs,
            long retransTimerMs, List<NdpOption> options) implements Icmpv6Message {
        /** Managed address configuration flag. */
        public static final int FLAG_MANAGED = 0x80;
        /** Other configuration flag. */
        public static final int FLAG_OTHER = 0x40;

        /** Validates ranges and copies the option list. */
        public RouterAdvertisement {
            FieldRange.check("curHopLimit", curHopLimit, 0, 0xFF);
            FieldRange.check("flags", flags, 0, 0xFF);
            FieldRange.check("routerLifetimeSeconds", routerLifetimeSeconds, 0, 0xFFFF);
            FieldRange.check("reachableTimeMs", reachableTimeMs, 0, 0xFFFF_FFFFL);
            FieldRange.check("retransTimerMs", retransTimerMs, 0, 0xFFFF_FFFFL);
            options = List.copyOf(FieldRange.nonNull("options", options));
        }

        @Override public int type() { return ROUTER_ADVERTISEMENT; }
        @Override public int code() { return 0; }
    }

    /** Neighbor solicitation, type 135 (RFC 4861 §4.3); {@code reserved} is the raw 32 bits. */
    record NeighborSolicitation(int reserved, Ipv6Address target, List<NdpOption> options) implements Icmpv6Message {
        /** Validates a unicast target and copies the option list. */
        public NeighborSolicitation {
            Icmpv6Codec.checkTarget(target);
            options = List.copyOf(FieldRange.nonNull("options", options));
        }

        /** With reserved 0. */
        public static NeighborSolicitation of(Ipv6Address target, List<NdpOption> options) {
            return new NeighborSolicitation(0, target, options);
        }

        @Override public int type() { return NEIGHBOR_SOLICITATION; }
        @Override public int code() { return 0; }
    }

    /**
     * Neighbor advertisement, type 136 (RFC 4861 §4.4): flags R, S, O, then the remaining 29 {@code reserved}
     * bits (0..0x1FFFFFFF).
     */
    record NeighborAdvertisement(boolean router, boolean solicited, boolean override, int reserved,
            Ipv6Address target, List<NdpOption> options) implements Icmpv6Message {
        /** Validates ranges, a unicast target, and copies the option list. */
        public NeighborAdvertisement {
            FieldRange.check("reserved", reserved, 0, 0x1FFF_FFFF);
            Icmpv6Codec.checkTarget(target);
            options = List.copyOf(FieldRange.nonNull("options", options));
        }

        /** With reserved 0. */
        public static NeighborAdvertisement of(boolean router, boolean solicited, boolean override,
                Ipv6Address target, List<NdpOption> options) {
            return new NeighborAdvertisement(router, solicited, override, 0, target, options);
        }

        @Override public int type() { return NEIGHBOR_ADVERTISEMENT; }
        @Override public int code() { return 0; }
    }

    /**
     * Any other message (redirect, MLD, echo or packet-too-big with a nonzero code, ...): {@code body} is everything
     * after the 4-byte type/code/checksum. Types that parse as their own record are rejected here.
     */
    record Icmpv6Other(int type, int code, ByteString body) implements Icmpv6Message {
        /** Validates ranges and that (type, code) has no dedicated record. */
        public Icmpv6Other {
            FieldRange.check("type", type, 0, 0xFF);
            FieldRange.check("code", code, 0, 0xFF);
            FieldRange.nonNull("body", body);
            if (Icmpv6Codec.hasRecord(type, code)) {
                throw new IllegalArgumentException("type " + type + " code " + code + " has its own record");
            }
        }
    }
}
