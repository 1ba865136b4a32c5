package io.jnetstack.personality;

import io.jnetstack.personality.abi.Errno;

/**
 * How one OS's UDP connect, disconnect and send answer the catalogue's §1G and §1F rows (values only; the socket layer
 * applies them).
 *
 * @param portZero          connect to port 0 (G2, G3): null — Linux ip4_datagram_connect accepts it and the socket
 *                          is left without a peer (getpeername ENOTCONN); BSD in_pcbconnect_setup: EADDRNOTAVAIL
 * @param unspecified       what connect to 0.0.0.0:P means (G4)
 * @param broadcastNeedsFlag connect to a broadcast address without SO_BROADCAST (F6): Linux __ip4_datagram_connect
 *                          EACCES; null on the BSDs (only the send fails)
 * @param broadcastRewritten whether INADDR_BROADCAST is rewritten to the primary interface's broadcast address (F7;
 *                          FreeBSD and XNU in_pcbconnect_setup/in_pcbladdr)
 * @param sendToConnected   sendto with an address on a connected socket (G10): null — Linux sends there; BSD
 *                          udp_output EISCONN
 * @param dissolveAddress   what a dissolve does to the local address (G6, G8)
 * @param dissolvePort      what a dissolve does to the local port
 * @param noPorts           connect of an unbound socket when every ephemeral port is taken (E3): Linux
 *                          inet_dgram_connect's autobind failure EAGAIN; BSD EADDRNOTAVAIL
 * @param shutEofBlockingOnly a non-blocking receive on an empty socket shut down for reading (G14): true — Linux
 *                          __skb_recv_udp answers -EAGAIN, only the blocking wait (__skb_wait_for_more_packets) turns
 *                          RCV_SHUTDOWN into 0; false — BSD soreceive_dgram answers 0 (SBS_CANTRCVMORE) first
 */
public record UdpRules(Errno portZero, Unspecified unspecified, Errno broadcastNeedsFlag, boolean broadcastRewritten,
        Errno sendToConnected, LocalReset dissolveAddress, LocalReset dissolvePort, Errno noPorts,
        boolean shutEofBlockingOnly) {

    /** Validates the required values. */
    public UdpRules {
        if (unspecified == null || dissolveAddress == null || dissolvePort == null || noPorts == null) {
            throw new IllegalArgumentException("incomplete UDP rules");
        }
    }

    /** The destination 0.0.0.0 (or ::) on a UDP connect. */
    public enum Unspecified {
        /** Linux: the local host. */
        LOOPBACK,
        /** FreeBSD ≤14, XNU: the primary interface's address. */
        PRIMARY_ADDRESS,
        /** OpenBSD: routed as given. */
        AS_GIVEN
    }

    /** What a dissolve does to a local address or port. */
    public enum LocalReset {
        /** Kept. */
        KEEP,
        /** Reset unless bind() named it (Linux SOCK_BINDADDR_LOCK / SOCK_BINDPORT_LOCK). */
        IF_IMPLICIT,
        /** Always reset (BSD udp_disconnect: the address goes back to INADDR_ANY). */
        ALWAYS
    }
}
