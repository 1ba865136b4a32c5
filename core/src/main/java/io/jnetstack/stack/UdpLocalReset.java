package io.jnetstack.stack;

/**
 * What dissolving a UDP endpoint's peer ({@link UdpEndpoints#disconnect}) does to one part of its local name. Linux
 * {@code __udp_disconnect} resets the address unless bind set it (SOCK_BINDADDR_LOCK) and releases the port unless
 * bind named it (SOCK_BINDPORT_LOCK): {@code IF_IMPLICIT} for both. The BSDs' {@code udp_disconnect} set the
 * address back to any and keep the port: {@code ALWAYS} for the address, {@code KEEP} for the port.
 */
public enum UdpLocalReset {
    /** Keep it. */
    KEEP,
    /** Reset it unless bind(2) set it explicitly (a specific address; a non-zero port). */
    IF_IMPLICIT,
    /** Reset it (address to any; port released, the endpoint unbound). */
    ALWAYS
}
