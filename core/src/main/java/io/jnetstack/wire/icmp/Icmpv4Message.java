package io.jnetstack.wire.icmp;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Parsed;

/**
 * A validated ICMPv4 message (RFC 792): 1 byte type, 1 byte code, 2 bytes checksum, 4 bytes "rest of header",
 * then the body. The checksum covers the whole message, no pseudo-header (RFC 792 "Echo or Echo Reply Message").
 *
 * <p>Every accepted byte sequence round-trips: fields a record does not name (unused bits) are kept, and messages
 * that do not fit a specific record (other types, echo with a nonzero code) become {@link Icmpv4Other}.
 * {@code quoted} is the offending IP datagram prefix (header plus at least 8 bytes, RFC 792); its length is not
 * checked here.
 */
public sealed interface Icmpv4Message {
    /** Type 0. */
    int ECHO_REPLY = 0;
    /** Type 3. */
    int DESTINATION_UNREACHABLE = 3;
    /** Type 8. */
    int ECHO_REQUEST = 8;
    /** Type 11. */
    int TIME_EXCEEDED = 11;
    /** Type 12. */
    int PARAMETER_PROBLEM = 12;
    /** Bytes of type, code, checksum and rest of header. */
    int HEADER_LENGTH = 8;

    /** The type byte. */
    int type();

    /** The code byte. */
    int code();

    /** The 32-bit rest-of-header word as written on the wire. */
    int restOfHeader();

    /** The bytes after the 8-byte header (echo data, quoted datagram, or opaque body). */
    ByteString body();

    /** Bytes {@link #emit} writes: 8 plus the body. */
    default int length() {
        return HEADER_LENGTH + body().length();
    }

    /** Writes the message at {@code off} with its checksum; returns {@link #length()}. */
    default int emit(byte[] b, int off) {
        return Icmpv4Codec.emit(this, b, off);
    }

    /**
     * Parses and validates the message in {@code b[off, off+len)}. Rejections: TRUNCATED (under 8 bytes),
     * BAD_CHECKSUM (the checksum over the whole message does not verify).
     */
    static Parsed<Icmpv4Message> parse(byte[] b, int off, int len) {
        return Icmpv4Codec.parse(b, off, len);
    }

    /** Echo request, type 8 code 0 (RFC 792). */
    record EchoRequest(int identifier, int sequence, ByteString data) implements Icmpv4Message {
        /** Validates ranges. */
        public EchoRequest {
            FieldRange.check("identifier", identifier, 0, 0xFFFF);
            FieldRange.check("sequence", sequence, 0, 0xFFFF);
            FieldRange.nonNull("data", data);
        }

        @Override public int type() { return ECHO_REQUEST; }
        @Override public int code() { return 0; }
        @Override public int restOfHeader() { return identifier << 16 | sequence; }
        @Override public ByteString body() { return data; }

        /** The matching reply (same identifier, sequence and data, RFC 792). */
        public EchoReply reply() {
            return new EchoReply(identifier, sequence, data);
        }
    }

    /** Echo reply, type 0 code 0 (RFC 792). */
    record EchoReply(int identifier, int sequence, ByteString data) implements Icmpv4Message {
        /** Validates ranges. */
        public EchoReply {
            FieldRange.check("identifier", identifier, 0, 0xFFFF);
            FieldRange.check("sequence", sequence, 0, 0xFFFF);
            FieldRange.nonNull("data", data);
        }

        @Override public int type() { return ECHO_REPLY; }
        @Override public int code() { return 0; }
        @Override public int restOfHeader() { return identifier << 16 | sequence; }
        @Override public ByteString body() { return data; }
    }

    /**
     * Destination unreachable, type 3 (RFC 792, RFC 1812 §5.2.7.1). With code 4 the rest of header is
     * {@code unused} (16 bits) then {@code nextHopMtu} (16 bits, RFC 1191 §4); with any other code
     * {@code nextHopMtu} is 0 and {@code unused} holds all 32 bits (raw).
     */
    record DestinationUnreachable(int code, int unused, int nextHopMtu, ByteString quoted) implements Icmpv4Message {
        /** Validates ranges. */
        public DestinationUnreachable {
            FieldRange.check("code", code, 0, 0xFF);
            if (code == UnreachableCode.FRAGMENTATION_NEEDED.code()) {
                FieldRange.check("unused", unused, 0, 0xFFFF);
                FieldRange.check("nextHopMtu", nextHopMtu, 0, 0xFFFF);
            } else {
                FieldRange.check("nextHopMtu (only with code 4)", nextHopMtu, 0, 0);
            }
            FieldRange.nonNull("quoted", quoted);
        }

        /** With the unused bits zero. */
        public DestinationUnreachable(int code, int nextHopMtu, ByteString quoted) {
            this(code, 0, nextHopMtu, quoted);
        }

        /** For a known code, no MTU. */
        public static DestinationUnreachable of(UnreachableCode code, ByteString quoted) {
            return new DestinationUnreachable(code.code(), 0, 0, quoted);
        }

        /** Code 4 "fragmentation needed and DF set" with the next-hop MTU (RFC 1191 §4). */
        public static DestinationUnreachable fragmentationNeeded(int nextHopMtu, ByteString quoted) {
            return new DestinationUnreachable(UnreachableCode.FRAGMENTATION_NEEDED.code(), 0, nextHopMtu, quoted);
        }

        /** The code as an enum constant, or null for codes above 15. */
        public UnreachableCode unreachableCode() {
            return UnreachableCode.of(code);
        }

        @Override public int type() { return DESTINATION_UNREACHABLE; }
        @Override public int restOfHeader() { return code == 4 ? unused << 16 | nextHopMtu : unused; }
        @Override public ByteString body() { return quoted; }
    }

    /** Time exceeded, type 11 (RFC 792): code 0 TTL exceeded in transit, 1 fragment reassembly time exceeded. */
    record TimeExceeded(int code, int unused, ByteString quoted) implements Icmpv4Message {
        /** Code 0: time to live exceeded in transit. */
        public static final int TTL_EXCEEDED_IN_TRANSIT = 0;
        /** Code 1: fragment reassembly time exceeded. */
        public static final int FRAGMENT_REASSEMBLY_TIME_EXCEEDED = 1;

        /** Validates ranges; {@code unused} is the raw 32-bit rest of header. */
        public TimeExceeded {
            FieldRange.check("code", code, 0, 0xFF);
            FieldRange.nonNull("quoted", quoted);
        }

        /** With the unused bits zero. */
        public TimeExceeded(int code, ByteString quoted) {
            this(code, 0, quoted);
        }

        @Override public int type() { return TIME_EXCEEDED; }
        @Override public int restOfHeader() { return unused; }
        @Override public ByteString body() { return quoted; }
    }

    /**
     * Parameter problem, type 12 (RFC 792; code 1 "missing a required option" and 2 "bad length" from RFC 1812
     * §5.2.7.3). The rest of header is the 8-bit {@code pointer} then 24 {@code unused} bits.
     */
    record ParameterProblem(int code, int pointer, int unused, ByteString quoted) implements Icmpv4Message {
        /** Validates ranges. */
        public ParameterProblem {
            FieldRange.check("code", code, 0, 0xFF);
            FieldRange.check("pointer", pointer, 0, 0xFF);
            FieldRange.check("unused", unused, 0, 0xFF_FFFF);
            FieldRange.nonNull("quoted", quoted);
        }

        /** Code 0 with the unused bits zero. */
        public ParameterProblem(int pointer, ByteString quoted) {
            this(0, pointer, 0, quoted);
        }

        @Override public int type() { return PARAMETER_PROBLEM; }
        @Override public int restOfHeader() { return pointer << 24 | unused; }
        @Override public ByteString body() { return quoted; }
    }

    /**
     * Any other message (redirect, timestamp, router discovery, ..., or echo with a nonzero code), kept opaque.
     * Types 3, 11, 12 and types 0/8 with code 0 are rejected here because they parse as their own records.
     */
    record Icmpv4Other(int type, int code, int restOfHeader, ByteString body) implements Icmpv4Message {
        /** Validates ranges and that the type has no dedicated record. */
        public Icmpv4Other {
            FieldRange.check("type", type, 0, 0xFF);
            FieldRange.check("code", code, 0, 0xFF);
            FieldRange.nonNull("body", body);
            if (Icmpv4Codec.hasRecord(type, code)) {
                throw new IllegalArgumentException("type " + type + " code " + code + " has its own record");
            }
        }
    }
}
