package io.jnetstack.wire.icmp;

import java.util.Optional;

/** ICMPv4 Destination Unreachable codes (RFC 792, RFC 1191, RFC 1812 §5.2.7.1). */
public enum UnreachableCode {
    /** 0: net unreachable. */
    NET(0, "net unreachable"),
    /** 1: host unreachable. */
    HOST(1, "host unreachable"),
    /** 2: protocol unreachable. */
    PROTOCOL(2, "protocol unreachable"),
    /** 3: port unreachable. */
    PORT(3, "port unreachable"),
    /** 4: fragmentation needed and DF set (carries the next-hop MTU, RFC 1191). */
    FRAGMENTATION_NEEDED(4, "fragmentation needed and DF set"),
    /** 5: source route failed. */
    SOURCE_ROUTE_FAILED(5, "source route failed"),
    /** 6: destination network unknown. */
    DEST_NET_UNKNOWN(6, "destination network unknown"),
    /** 7: destination host unknown. */
    DEST_HOST_UNKNOWN(7, "destination host unknown"),
    /** 8: source host isolated. */
    SOURCE_HOST_ISOLATED(8, "source host isolated"),
    /** 9: communication with destination network administratively prohibited. */
    NET_ADMIN_PROHIBITED(9, "network administratively prohibited"),
    /** 10: communication with destination host administratively prohibited. */
    HOST_ADMIN_PROHIBITED(10, "host administratively prohibited"),
    /** 11: network unreachable for type of service. */
    NET_UNREACHABLE_FOR_TOS(11, "network unreachable for TOS"),
    /** 12: host unreachable for type of service. */
    HOST_UNREACHABLE_FOR_TOS(12, "host unreachable for TOS"),
    /** 13: communication administratively prohibited (RFC 1812). */
    COMMUNICATION_ADMIN_PROHIBITED(13, "communication administratively prohibited"),
    /** 14: host precedence violation (RFC 1812). */
    HOST_PRECEDENCE_VIOLATION(14, "host precedence violation"),
    /** 15: precedence cutoff in effect (RFC 1812). */
    PRECEDENCE_CUTOFF(15, "precedence cutoff in effect");

    private static final UnreachableCode[] BY_CODE = values();

    private final int code;
    private final String text;

    UnreachableCode(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The wire code 0..15. */
    public int code() {
        return code;
    }

    /** The short RFC name, e.g. "port unreachable". */
    public String text() {
        return text;
    }

    /** The constant for {@code code}, or null when it is not 0..15. */
    public static UnreachableCode of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The constant for {@code code}, empty when it is not 0..15. */
    public static Optional<UnreachableCode> find(int code) {
        return Optional.ofNullable(of(code));
    }
}
