package io.jnetstack.wire;

/** Why a parser rejected its input. Every rejection names one; tests and drop counters key on it. */
public enum MalformedReason {
    /** Fewer bytes than the fixed header needs. */
    TRUNCATED,
    /** A version field that is not the expected protocol version (IPv4 != 4, IPv6 != 6). */
    BAD_VERSION,
    /** A header-length field below the minimum or beyond the bytes present (IPv4 IHL, TCP data offset). */
    BAD_HEADER_LENGTH,
    /** A total/payload length field that disagrees with the bytes present (IPv4 total length, UDP length). */
    BAD_LENGTH,
    /** A checksum that does not verify. */
    BAD_CHECKSUM,
    /** An option whose length byte is illegal (0 or 1 where at least 2 is required, or wrong for its kind). */
    BAD_OPTION_LENGTH,
    /** An option that runs past the end of the options area. */
    OPTION_OVERRUN,
    /** A field with a value the format forbids (hardware type, address length, reserved bits, ...). */
    BAD_FIELD,
    /** An extension-header chain that is malformed or runs past the packet. */
    BAD_EXTENSION_CHAIN,
    /** A type/code this parser does not know how to represent as a value (the bytes are still a valid view). */
    UNSUPPORTED
}
