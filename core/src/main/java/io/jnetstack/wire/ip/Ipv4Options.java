package io.jnetstack.wire.ip;

import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;

/** Structural validation of the IPv4 options area (RFC 791 §3.1 "Options"); the bytes stay opaque. */
final class Ipv4Options {
    /** Option type "End of Option List". */
    static final int EOL = 0;
    /** Option type "No Operation". */
    static final int NOP = 1;

    private Ipv4Options() {}

    /**
     * Checks {@code b[off, off+len)}: EOL ends the list (what follows is padding), NOP is one byte, every other
     * option has a length byte (counting type and length) of at least 2 that stays inside the area.
     * Returns null when the area is well formed, else the rejection.
     */
    static <T> Parsed<T> check(byte[] b, int off, int len) {
        int i = 0;
        while (i < len) {
            int type = b[off + i] & 0xFF;
            if (type == EOL) {
                return null;
            }
            if (type == NOP) {
                i++;
                continue;
            }
            if (i + 1 >= len) {
                return Parsed.malformed(MalformedReason.OPTION_OVERRUN, "IPv4 option type " + type + " at options["
                        + i + "] has no length byte inside the " + len + "-byte options area");
            }
            int optLen = b[off + i + 1] & 0xFF;
            if (optLen < 2) {
                return Parsed.malformed(MalformedReason.BAD_OPTION_LENGTH, "IPv4 option type " + type
                        + " at options[" + i + "] has length " + optLen + ", minimum 2");
            }
            if (i + optLen > len) {
                return Parsed.malformed(MalformedReason.OPTION_OVERRUN, "IPv4 option type " + type + " at options["
                        + i + "] has length " + optLen + ", past the " + len + "-byte options area");
            }
            i += optLen;
        }
        return null;
    }
}
