package io.jnetstack.link;

/** What a link carries: Ethernet II frames, or bare IPv4/IPv6 datagrams (point-to-point, TUN). */
public enum Medium {
    /** Ethernet II frames; neighbours are resolved with ARP/NDP. */
    ETHERNET,
    /** Bare IP datagrams; no link-layer header and no neighbour resolution. */
    IP
}
