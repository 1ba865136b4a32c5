package io.jnetstack.wire.icmp;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.icmp.Icmpv4Message.DestinationUnreachable;
import io.jnetstack.wire.icmp.Icmpv4Message.EchoReply;
import io.jnetstack.wire.icmp.Icmpv4Message.EchoRequest;
import io.jnetstack.wire.icmp.Icmpv4Message.Icmpv4Other;
import io.jnetstack.wire.icmp.Icmpv4Message.ParameterProblem;
import io.jnetstack.wire.icmp.Icmpv4Message.TimeExceeded;

/** ICMPv4 parsing and emitting (RFC 792). */
final class Icmpv4Codec {
    private Icmpv4Codec() {}

    /** True when (type, code) parses into a dedicated record rather than {@link Icmpv4Other}. */
    static boolean hasRecord(int type, int code) {
        return switch (type) {
            case Icmpv4Message.ECHO_REPLY, Icmpv4Message.ECHO_REQUEST -> code == 0;
            case Icmpv4Message.DESTINATION_UNREACHABLE, Icmpv4Message.TIME_EXCEEDED,
                    Icmpv4Message.PARAMETER_PROBLEM -> true;
            default -> false;
        };
    }

    static Parsed<Icmpv4Message> parse(byte[] b, int off, int len) {
        if (!FieldRange.inBounds(b, off, len)) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "ICMPv4 buffer bounds off=" + off + " len=" + len);
        }
        if (len < Icmpv4Message.HEADER_LENGTH) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "ICMPv4 needs 8 header bytes, have " + len);
        }
        int expected = expectedChecksum(b, off, len, 0);
        if (Bytes.u16(b, off + 2) != expected) {
            return Parsed.malformed(MalformedReason.BAD_CHECKSUM, "ICMPv4 checksum 0x"
                    + Integer.toHexString(Bytes.u16(b, off + 2)) + " over " + len + " bytes, expected 0x"
                    + Integer.toHexString(expected));
        }
        int type = Bytes.u8(b, off);
        int code = Bytes.u8(b, off + 1);
        int rest = Bytes.getInt(b, off + 4);
        ByteString body = ByteString.copyOf(b, off + 8, len - 8);
        return Parsed.ok(build(type, code, rest, body));
    }

    private static Icmpv4Message build(int type, int code, int rest, ByteString body) {
        if (!hasRecord(type, code)) {
            return new Icmpv4Other(type, code, rest, body);
        }
        return switch (type) {
            case Icmpv4Message.ECHO_REQUEST -> new EchoRequest(rest >>> 16, rest & 0xFFFF, body);
            case Icmpv4Message.ECHO_REPLY -> new EchoReply(rest >>> 16, rest & 0xFFFF, body);
            case Icmpv4Message.DESTINATION_UNREACHABLE -> code == 4
                    ? new DestinationUnreachable(code, rest >>> 16, rest & 0xFFFF, body)
                    : new DestinationUnreachable(code, rest, 0, body);
            case Icmpv4Message.TIME_EXCEEDED -> new TimeExceeded(code, rest, body);
            default -> new ParameterProblem(code, rest >>> 24, rest & 0xFF_FFFF, body);
        };
    }

    /**
     * The checksum a sender computes (RFC 1071) for the message at {@code b[off, off+len)} whose checksum field is
     * at {@code off + 2}. Parsers require the field to equal it: this is RFC 1071 verification except that the
     * "negative zero" form 0xFFFF is refused where 0x0000 is computed, so every accepted message round-trips.
     */
    static int expectedChecksum(byte[] b, int off, int len, long pseudo) {
        return Checksum.computeWithFieldZeroed(b, off, len, off + 2, pseudo);
    }

    static int emit(Icmpv4Message m, byte[] b, int off) {
        Bytes.put8(b, off, m.type());
        Bytes.put8(b, off + 1, m.code());
        Bytes.put16(b, off + 2, 0);
        Bytes.putInt(b, off + 4, m.restOfHeader());
        int n = Icmpv4Message.HEADER_LENGTH + m.body().copyTo(b, off + Icmpv4Message.HEADER_LENGTH);
        Bytes.put16(b, off + 2, Checksum.compute(b, off, n));
        return n;
    }
}
