package io.jnetstack.stack;

import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import java.util.ArrayDeque;

/**
 * One UDP endpoint's state: its local name, its peer, its options and its receive queue.
 *
 * <p>Addresses are kept in their native form: an IPv6 endpoint's v4-mapped address (::ffff:a.b.c.d) is held as the
 * {@link Ipv4Address} it maps, so one comparison serves IPv4 datagrams to IPv4 and to dual-stack endpoints; {@link
 * #view} maps back for the caller. A null local address means any (INADDR_ANY / in6addr_any).
 */
final class UdpEndpoint {
    /**
     * The receive buffer before {@code SO_RCVBUF} is set: Linux net.core.rmem_default (212992). The socket layer
     * sets each OS's own default (net.inet.udp.recvspace on the BSDs).
     */
    static final int DEFAULT_RECEIVE_BUFFER = 212_992;

    final UdpHandle handle;
    final boolean ipv6;
    boolean v6Only;
    boolean reuseAddr;
    boolean reusePort;
    /** The local address; null for any. */
    IpAddress local;
    /** The local port; 0 while unbound. */
    int localPort;
    /** bind(2) named a specific address (Linux SOCK_BINDADDR_LOCK). */
    boolean addressLocked;
    /** bind(2) named a non-zero port (Linux SOCK_BINDPORT_LOCK). */
    boolean portLocked;
    /** The connected peer; null when not connected. */
    IpAddress remote;
    int remotePort;
    int receiveBuffer = DEFAULT_RECEIVE_BUFFER;
    private final ArrayDeque<UdpDatagram> queue = new ArrayDeque<>();
    private int queuedBytes;
    private long drops;

    UdpEndpoint(UdpHandle handle, boolean ipv6) {
        this.handle = handle;
        this.ipv6 = ipv6;
    }

    boolean isBound() {
        return localPort != 0;
    }

    boolean isConnected() {
        return remote != null;
    }

    /** Whether traffic of IP version {@code version} can reach it (IPv4 reaches IPv6 endpoints unless v6-only). */
    boolean accepts(int version) {
        return version == 6 ? ipv6 : !ipv6 || !v6Only;
    }

    /** Whether its local address takes datagrams to {@code a} (native form). */
    boolean covers(IpAddress a) {
        return accepts(a.version()) && (local == null || local.equals(a));
    }

    /** {@code a} (native form, null for any) as the endpoint's family shows it. */
    IpAddress view(IpAddress a) {
        if (a == null) {
            return ipv6 ? Ipv6Address.ANY : Ipv4Address.ANY;
        }
        return ipv6 && a instanceof Ipv4Address v4 ? mapped(v4) : a;
    }

    /**
     * Queues {@code d} if it fits the receive buffer (the BSD sbappendaddr test: queued plus new payload bytes at
     * most the buffer); otherwise drops it and counts the drop. Returns whether it was queued.
     */
    boolean enqueue(UdpDatagram d) {
        if ((long) queuedBytes + d.length() > receiveBuffer) {
            drops++;
            return false;
        }
        queue.addLast(d);
        queuedBytes += d.length();
        return true;
    }

    UdpDatagram poll() {
        UdpDatagram d = queue.pollFirst();
        if (d != null) {
            queuedBytes -= d.length();
        }
        return d;
    }

    UdpDatagram peek() {
        return queue.peekFirst();
    }

    int queuedBytes() {
        return queuedBytes;
    }

    int queuedCount() {
        return queue.size();
    }

    long drops() {
        return drops;
    }

    /** ::ffff:a.b.c.d (RFC 4291 §2.5.5.2). */
    static Ipv6Address mapped(Ipv4Address a) {
        return new Ipv6Address(0, 0xFFFF_0000_0000L | (a.bits() & 0xFFFF_FFFFL));
    }

    /** The IPv4 address a v4-mapped IPv6 address stands for; any other address unchanged. */
    static IpAddress unmapped(IpAddress a) {
        if (a instanceof Ipv6Address v6 && v6.high() == 0 && (v6.low() >>> 32) == 0xFFFF) {
            return new Ipv4Address((int) v6.low());
        }
        return a;
    }

    /** True for a v4-mapped IPv6 address. */
    static boolean isMapped(IpAddress a) {
        return a instanceof Ipv6Address && unmapped(a) instanceof Ipv4Address;
    }
}
