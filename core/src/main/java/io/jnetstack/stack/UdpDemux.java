package io.jnetstack.stack;

import io.jnetstack.stack.StackListener.IcmpReport;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.udp.UdpHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The stack's UDP endpoints by handle and by port, and the demultiplexing of what arrives for them: datagrams (RFC
 * 768; RFC 1122 §4.1.3.1 for ports nobody holds) and ICMP errors quoting datagrams they sent.
 *
 * <p>A unicast datagram goes to the most specific match, as Linux {@code compute_score} and BSD
 * {@code in_pcblookup} rank them: a connected endpoint (only ever for datagrams from its peer) before one bound to the
 * destination address before one bound to any; among IPv4 and dual-stack IPv6 endpoints alike, the IPv4 one; among
 * equals, the one bound last (new sockets go to the head of both kernels' hash chains; Linux's SO_REUSEPORT hashing
 * among a group is not reproduced). A broadcast or multicast datagram goes to every match.
 */
final class UdpDemux {
    private final Stack stack;
    private final TreeMap<UdpHandle, UdpEndpoint> endpoints = new TreeMap<>();
    private final TreeMap<Integer, List<UdpEndpoint>> byPort = new TreeMap<>();
    private long nextHandle = 1;

    UdpDemux(Stack stack) {
        this.stack = stack;
    }

    UdpHandle open(boolean ipv6) {
        UdpHandle h = new UdpHandle(nextHandle++);
        endpoints.put(h, new UdpEndpoint(h, ipv6));
        return h;
    }

    /** The endpoint named {@code h}; IllegalArgumentException when it was never opened or is closed (a bug). */
    UdpEndpoint get(UdpHandle h) {
        UdpEndpoint e = endpoints.get(h);
        if (e == null) {
            throw new IllegalArgumentException("no UDP endpoint " + h + " on " + stack.name());
        }
        return e;
    }

    boolean isOpen(UdpHandle h) {
        return endpoints.containsKey(h);
    }

    void close(UdpHandle h) {
        UdpEndpoint e = endpoints.remove(h);
        if (e != null) {
            unbind(e);
        }
    }

    /** The endpoints holding {@code port}, oldest binding first. */
    List<UdpEndpoint> onPort(int port) {
        return byPort.getOrDefault(port, List.of());
    }

    /** Gives {@code e} port {@code port}. */
    void bind(UdpEndpoint e, int port) {
        e.localPort = port;
        byPort.computeIfAbsent(port, p -> new ArrayList<>()).add(e);
    }

    /** Takes {@code e}'s port away (it becomes unbound; its address stays). */
    void unbind(UdpEndpoint e) {
        if (!e.isBound()) {
            return;
        }
        List<UdpEndpoint> l = byPort.get(e.localPort);
        l.remove(e);
        if (l.isEmpty()) {
            byPort.remove(e.localPort);
        }
        e.localPort = 0;
        e.portLocked = false;
    }

    /**
     * A UDP datagram {@code src}:sport → {@code dst}:dport (header {@code h} at {@code b[at]}) arrived. Returns false
     * when no endpoint matched (the IP layer then answers port unreachable for unicast).
     */
    boolean input(IpAddress src, IpAddress dst, boolean toGroup, UdpHeader h, byte[] b, int at, long nowNs) {
        if (!toGroup) {
            UdpEndpoint e = lookup(src, h.sourcePort(), dst, h.destinationPort());
            if (e == null) {
                return false;
            }
            deliver(e, src, dst, h, b, at, nowNs);
            return true;
        }
        boolean any = false;
        for (UdpEndpoint e : List.copyOf(onPort(h.destinationPort()))) {
            if (score(e, src, h.sourcePort(), dst) >= 0) {
                deliver(e, src, dst, h, b, at, nowNs);
                any = true;
            }
        }
        return any;
    }

    /**
     * An ICMP error quotes a datagram {@code src}:sport → {@code dst}:dport this host sent: the endpoint that would
     * receive the reverse datagram is the sender (Linux {@code __udp4_lib_err}, BSD {@code udp_common_ctlinput}).
     */
    void icmpError(IpAddress src, int sport, IpAddress dst, int dport, IcmpReport report, long nowNs) {
        UdpEndpoint e = lookup(dst, dport, src, sport);
        if (e != null) {
            stack.listener().onUdpError(e.handle, report, nowNs);
        }
    }

    /**
     * A datagram sent from local port {@code o.first()} to {@code dst}:{@code o.second()} could not leave: the
     * sender is the endpoint connected to that peer, else the newest unconnected one on the port that can reach it.
     */
    void localFailure(IpAddress dst, StackListener.LocalFailure f, StackListener.Origin o, long nowNs) {
        UdpEndpoint match = null;
        for (UdpEndpoint e : onPort(o.first())) {
            if (e.isConnected() && e.remote.equals(dst) && e.remotePort == o.second()) {
                match = e;
                break;
            }
            boolean family = e.accepts(dst.version()) && (e.local == null || e.local.version() == dst.version());
            if (!e.isConnected() && family) {
                match = e;
            }
        }
        if (match != null) {
            stack.listener().onUdpLocalFailure(match.handle, match.view(dst), f, nowNs);
        }
    }

    /** The best endpoint for a unicast datagram from {@code src}:sport to {@code dst}:dport, or null. */
    UdpEndpoint lookup(IpAddress src, int sport, IpAddress dst, int dport) {
        UdpEndpoint best = null;
        int bestScore = -1;
        for (UdpEndpoint e : onPort(dport)) {
            int s = score(e, src, sport, dst);
            if (s >= 0 && s >= bestScore) { // later bindings come later in the list: ties go to the newest
                best = e;
                bestScore = s;
            }
        }
        return best;
    }

    /** How well {@code e} matches (higher is more specific), or -1 when it must not get the datagram. */
    private static int score(UdpEndpoint e, IpAddress src, int sport, IpAddress dst) {
        if (!e.covers(dst)) {
            return -1;
        }
        if (e.isConnected() && (!e.remote.equals(src) || e.remotePort != sport)) {
            return -1;
        }
        int s = e.ipv6 == (dst.version() == 6) ? 1 : 0;
        s += e.local != null ? 4 : 0;
        return s + (e.isConnected() ? 4 : 0);
    }

    private void deliver(UdpEndpoint e, IpAddress src, IpAddress dst, UdpHeader h, byte[] b, int at, long nowNs) {
        byte[] payload = java.util.Arrays.copyOfRange(b, at + UdpHeader.LENGTH, at + h.length());
        var d = new UdpDatagram(e.view(src), h.sourcePort(), e.view(dst), h.destinationPort(), payload);
        if (!e.enqueue(d)) {
            stack.stats().increment(StackStats.Counter.UDP_RECEIVE_BUFFER_DROPS);
            return;
        }
        stack.stats().increment(StackStats.Counter.UDP_IN);
        stack.listener().onUdpReadable(e.handle, nowNs);
    }
}
