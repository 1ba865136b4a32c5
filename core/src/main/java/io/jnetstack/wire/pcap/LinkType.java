package io.jnetstack.wire.pcap;

/** The LINKTYPE_ value in a pcap header: what the first byte of every record is (tcpdump.org/linktypes.html). */
public enum LinkType {
    /** LINKTYPE_ETHERNET: an Ethernet II frame (14-byte header, no FCS). */
    ETHERNET(1),
    /** LINKTYPE_RAW: a bare IPv4 or IPv6 packet, version from the first nibble (what a TUN device gives). */
    RAW(101);

    private final int value;

    LinkType(int value) {
        this.value = value;
    }

    /** The LINKTYPE_ number written in files (never the platform DLT value). */
    public int value() {
        return value;
    }

    /**
     * The link type with this LINKTYPE_ number.
     *
     * @throws IllegalArgumentException for a number this enum does not model (see {@link #isKnown})
     */
    public static LinkType of(int value) {
        LinkType t = lookup(value);
        if (t == null) {
            throw new IllegalArgumentException("unsupported pcap linktype " + value);
        }
        return t;
    }

    /** True when {@link #of} accepts {@code value}. */
    public static boolean isKnown(int value) {
        return lookup(value) != null;
    }

    private static LinkType lookup(int value) {
        for (LinkType t : values()) {
            if (t.value == value) {
                return t;
            }
        }
        return null;
    }
}
