package io.jnetstack.stack;

import io.jnetstack.link.FrameInfo;
import io.jnetstack.link.Medium;
import io.jnetstack.link.Replies;
import io.jnetstack.stack.StackListener.LocalFailure;
import io.jnetstack.stack.StackListener.Origin;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.EtherType;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.arp.ArpMessage;
import io.jnetstack.wire.icmp.Icmpv4Message;
import io.jnetstack.wire.ip.Ipv4Header;
import io.jnetstack.wire.udp.UdpHeader;

/**
 * IPv4 (RFC 791, RFC 1122, RFC 1812 when forwarding), ARP (RFC 826) and ICMP (RFC 792) for one {@link Stack}.
 */
final class Ipv4Layer {
    /** ICMP types used here (RFC 792). */
    static final int ECHO_REPLY = 0;
    static final int DEST_UNREACHABLE = 3;
    static final int ECHO_REQUEST = 8;
    static final int TIME_EXCEEDED = 11;
    static final int PARAMETER_PROBLEM = 12;

    private final Stack stack;
    private final StackStats stats;
    private final Resolver arp;
    private final Reassembler reassembler;
    private final IpDelivery delivery;
    private int nextId;

    Ipv4Layer(Stack stack) {
        this.stack = stack;
        this.stats = stack.stats();
        this.arp = new Resolver(stack, stack.personality().arp(), EtherType.IPV4, this::sendArpRequest,
                this::sendError, DEST_UNREACHABLE, 1);
        this.reassembler = new Reassembler(stats);
        this.delivery = new IpDelivery(stack);
        this.nextId = stack.random().fork("ipv4-id").nextInt(65536);
    }

    long nextDeadlineNs() {
        return Math.min(arp.nextDeadlineNs(), reassembler.nextDeadlineNs());
    }

    void advanceTo(long nowNs) {
        arp.advanceTo(nowNs);
        reassembler.advanceTo(nowNs, this::reassemblyExpired);
    }

    // ---- ARP ----

    void onArp(NetInterface ifc, byte[] b, int off, int len, long nowNs) {
        if (!(ArpMessage.parse(b, off, len) instanceof Parsed.Ok<ArpMessage> ok)) {
            stats.increment(StackStats.Counter.MALFORMED);
            return;
        }
        ArpMessage m = ok.value();
        boolean forUs = ifc.hasAddress(m.targetIp());
        // RFC 826 "Packet Reception": update an existing entry; create one only when the request is for us.
        arp.learned(ifc, m.senderIp(), m.senderMac(), forUs, nowNs);
        if (forUs && m.operation() == ArpMessage.REQUEST) {
            ArpMessage reply = new ArpMessage(ArpMessage.REPLY, ifc.link().macAddress(), m.targetIp(),
                    m.senderMac(), m.senderIp());
            byte[] out = new byte[ArpMessage.LENGTH];
            reply.emit(out, 0);
            stack.frames().transmit(ifc, m.senderMac(), EtherType.ARP, out, 0, out.length, nowNs);
        }
    }

    private void sendArpRequest(int ifIndex, IpAddress target, int attempt, long nowNs) {
        NetInterface ifc = stack.iface(ifIndex);
        Ipv4Address src = ifc.ipv4() == null ? Ipv4Address.ANY : ifc.ipv4();
        ArpMessage req = new ArpMessage(ArpMessage.REQUEST, ifc.link().macAddress(), src, MacAddress.ZERO,
                (Ipv4Address) target);
        byte[] out = new byte[ArpMessage.LENGTH];
        req.emit(out, 0);
        stack.frames().transmit(ifc, MacAddress.BROADCAST, EtherType.ARP, out, 0, out.length, nowNs);
    }

    // ---- input ----

    void onDatagram(NetInterface ifc, byte[] b, int off, int len, long nowNs) {
        if (!(Ipv4Header.parse(b, off, len) instanceof Parsed.Ok<Ipv4Header> ok)) {
            stats.increment(StackStats.Counter.MALFORMED);
            return;
        }
        Ipv4Header h = ok.value();
        int total = h.totalLength();
        if (!isForUs(ifc, h.destination())) {
            forward(ifc, h, b, off, total, nowNs);
            return;
        }
        if (h.moreFragments() || h.fragmentOffsetBytes() != 0) {
            reassemble(ifc, h, b, off, total, nowNs);
            return;
        }
        stats.increment(StackStats.Counter.IP_DELIVERED);
        deliver(ifc, h, b, off, total, nowNs);
    }

    private boolean isForUs(NetInterface ifc, Ipv4Address dst) {
        return stack.isLocal(dst) || dst.equals(Ipv4Address.BROADCAST) || dst.isMulticast()
                || ifc != null && ifc.isBroadcast(dst) || dst.isLoopback();
    }

    private void reassemble(NetInterface ifc, Ipv4Header h, byte[] b, int off, int total, long nowNs) {
        int hl = h.headerLength();
        var key = new Reassembler.Key(4, h.source(), h.destination(), h.protocol(), h.identification());
        byte[] whole = java.util.Arrays.copyOfRange(b, off, off + total);
        // The first fragment whole stands for its header: its own length fields make it parse.
        var outcome = reassembler.add(key, whole, h.fragmentOffsetBytes(), h.moreFragments(), b, off + hl,
                total - hl, whole, ifc == null ? 0 : ifc.index(), nowNs, stack.personality().ipv4ReassemblyTimeoutNs());
        if (outcome != Reassembler.Outcome.COMPLETE) {
            return;
        }
        Reassembler.Done done = reassembler.takeDone();
        Ipv4Header first = ((Parsed.Ok<Ipv4Header>) Ipv4Header.parse(done.firstHeader(), 0,
                done.firstHeader().length)).value();
        byte[] full = new byte[first.headerLength() + done.payload().length];
        Ipv4Header rebuilt = new Ipv4Header(first.tos(), full.length, first.identification(), first.dontFragment(),
                false, 0, first.ttl(), first.protocol(), first.source(), first.destination(), first.options());
        rebuilt.emit(full, 0);
        System.arraycopy(done.payload(), 0, full, first.headerLength(), done.payload().length);
        stats.increment(StackStats.Counter.IP_DELIVERED);
        deliver(ifc, rebuilt, full, 0, full.length, nowNs);
    }

    private void reassemblyExpired(Reassembler.Key k, byte[] first, int ifIndex, long nowNs) {
        if (first != null && stack.personality().sendsReassemblyTimeExceeded() && ifIndex > 0) {
            sendError(stack.iface(ifIndex), first, 0, first.length, TIME_EXCEEDED, 1, 0, nowNs);
        }
    }

    private void deliver(NetInterface ifc, Ipv4Header h, byte[] b, int off, int total, long nowNs) {
        int hl = h.headerLength();
        int at = off + hl;
        int plen = total - hl;
        boolean toGroup = h.destination().equals(Ipv4Address.BROADCAST) || h.destination().isMulticast()
                || ifc != null && ifc.isBroadcast(h.destination());
        switch (h.protocol()) {
            case IpProtocol.ICMP -> onIcmp(ifc, h, b, at, plen, toGroup, nowNs);
            case IpProtocol.UDP -> {
                PseudoHeader ph = new PseudoHeader(h.source(), h.destination(), IpProtocol.UDP);
                if (!(UdpHeader.parse(b, at, plen, ph) instanceof Parsed.Ok<UdpHeader> u)) {
                    stats.increment(StackStats.Counter.MALFORMED);
                } else if (!stack.transports().udpInput(h.source(), h.destination(), toGroup, u.value(), b, at, nowNs)
                        && !toGroup) {
                    // No endpoint holds the port: RFC 1122 §4.1.3.1, never for broadcast or multicast.
                    stats.increment(StackStats.Counter.UNREACHABLE_PORT);
                    sendError(ifc, b, off, total, DEST_UNREACHABLE, 3, 0, nowNs);
                }
            }
            case IpProtocol.TCP -> stack.transports().tcpInput(h.source(), h.destination(), b, off, total, at, nowNs);
            default -> {
                stats.increment(StackStats.Counter.UNREACHABLE_PORT);
                if (!toGroup) {
                    sendError(ifc, b, off, total, DEST_UNREACHABLE, 2, 0, nowNs);
                }
            }
        }
    }

    private void onIcmp(NetInterface ifc, Ipv4Header h, byte[] b, int at, int plen, boolean toGroup, long nowNs) {
        if (!(Icmpv4Message.parse(b, at, plen) instanceof Parsed.Ok<Icmpv4Message> ok)) {
            stats.increment(StackStats.Counter.MALFORMED);
            return;
        }
        stats.increment(StackStats.Counter.ICMP_IN);
        switch (ok.value()) {
            case Icmpv4Message.EchoRequest req -> {
                if (toGroup && !stack.personality().answersBroadcastEcho()) {
                    return;
                }
                var reply = new Icmpv4Message.EchoReply(req.identifier(), req.sequence(), req.data());
                Ipv4Address src = toGroup ? sourceFor(h.source()) : h.destination();
                sendIcmp(src, h.source(), reply, stack.personality().defaultTtl(), Origin.NONE, nowNs);
            }
            case Icmpv4Message.EchoReply rep -> stack.listener().onEchoReply(h.source(), rep.identifier(),
                    rep.sequence(), h.ttl(), rep.data().length(), nowNs);
            default -> {
                int type = ok.value().type();
                if (type == DEST_UNREACHABLE || type == TIME_EXCEEDED || type == PARAMETER_PROBLEM) {
                    delivery.icmpError(h.source(), 4, type, ok.value().code(), Bytes.getInt(b, at + 4), b, at + 8,
                            plen - 8, nowNs);
                }
            }
        }
    }

    // ---- forwarding (RFC 1812 §5.2, §5.3.1) ----

    private void forward(NetInterface ifc, Ipv4Header h, byte[] b, int off, int total, long nowNs) {
        if (!stack.isForwarding() || ifc == null) {
            stats.increment(StackStats.Counter.IP_NOT_FORWARDING);
            return;
        }
        if (h.ttl() <= 1) {
            stats.increment(StackStats.Counter.TTL_EXCEEDED);
            sendError(ifc, b, off, total, TIME_EXCEEDED, 0, 0, nowNs);
            return;
        }
        byte[] d = java.util.Arrays.copyOfRange(b, off, off + total);
        d[8] = (byte) (h.ttl() - 1);
        Bytes.put16(d, 10, 0);
        Bytes.put16(d, 10, io.jnetstack.wire.Checksum.compute(d, 0, h.headerLength()));
        stats.increment(StackStats.Counter.IP_FORWARDED);
        route(d, h.destination(), Origin.NONE, false, ifc, nowNs);
    }

    // ---- output ----

    void ping(Ipv4Address dst, int id, int seq, int dataLength, int ttl, long nowNs) {
        byte[] data = HostOutput.echoData(dataLength);
        var req = new Icmpv4Message.EchoRequest(id, seq, ByteString.copyOf(data));
        int t = ttl > 0 ? ttl : stack.personality().defaultTtl();
        sendIcmp(sourceFor(dst), dst, req, t, new Origin(IpProtocol.ICMP, id, seq), nowNs);
    }

    private void sendIcmp(Ipv4Address src, Ipv4Address dst, Icmpv4Message m, int ttl, Origin o, long nowNs) {
        byte[] body = new byte[m.length()];
        m.emit(body, 0);
        stats.increment(StackStats.Counter.ICMP_OUT);
        send(src, dst, IpProtocol.ICMP, body, ttl, o, nowNs);
    }

    /** Builds an IPv4 datagram around {@code payload} and routes it. */
    void send(Ipv4Address src, Ipv4Address dst, int protocol, byte[] payload, int ttl, Origin o, long nowNs) {
        byte[] d = new byte[20 + payload.length];
        System.arraycopy(payload, 0, d, 20, payload.length);
        sendPrepared(src, dst, protocol, d, ttl, o, nowNs);
    }

    /**
     * Sends datagram {@code d} whose payload already sits after 20 bytes of room for the header (saves a copy for
     * transports that build their segment in place).
     */
    void sendPrepared(Ipv4Address src, Ipv4Address dst, int protocol, byte[] d, int ttl, Origin o, long nowNs) {
        sendPrepared(src, dst, protocol, d, ttl, 0, o, nowNs);
    }

    /** As {@link #sendPrepared(Ipv4Address, Ipv4Address, int, byte[], int, Origin, long)} with TOS byte {@code tos}. */
    void sendPrepared(Ipv4Address src, Ipv4Address dst, int protocol, byte[] d, int ttl, int tos, Origin o,
            long nowNs) {
        // TCP runs path MTU discovery (RFC 1191): its datagrams carry DF, as Linux (ip_no_pmtu_disc 0), FreeBSD
        // (path_mtu_discovery 1), OpenBSD (ip_mtudisc 1) and XNU send them.
        new Ipv4Header(tos, Ipv4Header.MIN_LENGTH + d.length - 20, nextId++ & 0xFFFF, protocol == IpProtocol.TCP,
                false, 0, ttl, protocol, src, dst, io.jnetstack.wire.ByteString.EMPTY).emit(d, 0);
        route(d, dst, o, true, null, nowNs);
    }

    /** Routes a complete datagram this host built. */
    void send(byte[] d, long nowNs) {
        route(d, Ipv4Address.read(d, 16), Origin.NONE, true, null, nowNs);
    }

    /** The source address for datagrams to {@code dst}: the outgoing interface's address (RFC 1122 §3.3.4.3). */
    Ipv4Address sourceFor(Ipv4Address dst) {
        if (stack.isLocal(dst)) {
            // the local route's preferred source: 127.0.0.1 for all of 127/8 ("local 127.0.0.0/8 dev lo src
            // 127.0.0.1"), the address itself otherwise
            return dst.isLoopback() ? Ipv4Address.of(127, 0, 0, 1) : dst;
        }
        Route r = stack.routes().lookup(dst);
        NetInterface out = r == null || r.kind() != Route.Kind.UNICAST ? null : stack.iface(r.ifIndex());
        if (out != null && out.ipv4() != null) {
            return out.ipv4();
        }
        for (NetInterface i : stack.interfaces()) {
            if (i.ipv4() != null) {
                return i.ipv4();
            }
        }
        return Ipv4Address.ANY;
    }

    private void route(byte[] d, Ipv4Address dst, Origin o, boolean local, NetInterface in, long nowNs) {
        if (local && (stack.isLocal(dst) || dst.isLoopback())) {
            stack.frames().loopBack(d);
            return;
        }
        Route r = stack.routes().lookup(dst);
        if (r == null || r.kind() != Route.Kind.UNICAST) {
            rejected(r, d, dst, o, local, in, nowNs);
            return;
        }
        NetInterface out = stack.iface(r.ifIndex());
        if (!out.isUp()) {
            stats.increment(StackStats.Counter.INTERFACE_DOWN);
            if (local) {
                stack.transports().reportLocalFailure(dst, LocalFailure.INTERFACE_DOWN, o, nowNs);
            }
            return;
        }
        Ipv4Address next = r.gateway() == null ? dst : (Ipv4Address) r.gateway();
        if (!out.takesWhole(d.length, local && d[9] == IpProtocol.TCP)) {
            Ipv4Header h = ((Parsed.Ok<Ipv4Header>) Ipv4Header.parse(d, 0, d.length)).value();
            if (h.dontFragment()) {
                stats.increment(StackStats.Counter.TOO_BIG);
                if (!local) {
                    sendError(in, d, 0, d.length, DEST_UNREACHABLE, 4, out.mtu() & 0xFFFF, nowNs);
                }
                return;
            }
            for (byte[] frag : Fragmenter.ipv4(h, d, out.mtu())) {
                stats.increment(StackStats.Counter.FRAGMENTS_OUT);
                resolveAndSend(out, next, dst, frag, o, local, nowNs);
            }
            return;
        }
        resolveAndSend(out, next, dst, d, o, local, nowNs);
    }

    private void rejected(Route r, byte[] d, Ipv4Address dst, Origin o, boolean local, NetInterface in, long nowNs) {
        boolean noRoute = r == null;
        stats.increment(noRoute ? StackStats.Counter.NO_ROUTE : StackStats.Counter.REJECT_ROUTE);
        if (local) {
            stack.transports().reportLocalFailure(dst, noRoute ? LocalFailure.NO_ROUTE : LocalFailure.REJECT_ROUTE, o,
                    nowNs);
            return;
        }
        int code = switch (noRoute ? Route.Kind.UNREACHABLE : r.kind()) {
            case BLACKHOLE -> -1;
            case PROHIBIT -> 13;
            case UNREACHABLE -> noRoute ? 0 : 1;
            case UNICAST -> throw new IllegalStateException("unicast route rejected");
        };
        if (code >= 0) {
            sendError(in, d, 0, d.length, DEST_UNREACHABLE, code, 0, nowNs);
        }
    }

    private void resolveAndSend(NetInterface out, Ipv4Address next, Ipv4Address dst, byte[] d, Origin o,
            boolean local, long nowNs) {
        arp.send(out, next, multicastMac(out, dst), d, o, local, nowNs);
    }

    /** Broadcast goes to ff:ff:ff:ff:ff:ff; multicast to 01:00:5e + low 23 bits (RFC 1112 §6.4). */
    private static MacAddress multicastMac(NetInterface out, Ipv4Address dst) {
        if (dst.equals(Ipv4Address.BROADCAST) || out.isBroadcast(dst)) {
            return MacAddress.BROADCAST;
        }
        if (dst.isMulticast()) {
            return new MacAddress(0x0100_5E00_0000L | (dst.bits() & 0x7F_FFFF));
        }
        return null;
    }

    /**
     * Sends an ICMP error about {@code d[off, off+len)} (RFC 1122 §3.2.2: never about an ICMP error, a
     * non-initial fragment, or a datagram whose source is not a unicast address), from the address of the
     * interface it arrived on.
     */
    void sendError(NetInterface in, byte[] d, int off, int len, int type, int code, int rest, long nowNs) {
        FrameInfo f = new FrameInfo(Medium.IP, d, off, len, nowNs);
        if (!f.isIp() || Replies.isIcmpError(f) || (Bytes.u16(d, off + 6) & 0x1FFF) != 0) {
            return;
        }
        Ipv4Address src = (Ipv4Address) f.source();
        if (src.equals(Ipv4Address.ANY) || src.equals(Ipv4Address.BROADCAST) || src.isMulticast()) {
            return;
        }
        Ipv4Address to = (Ipv4Address) f.destination();
        // Looped back (no interface): from the address it was sent to, as Linux icmp_send does for local routes.
        Ipv4Address from = in != null && in.ipv4() != null ? in.ipv4()
                : in == null && (stack.isLocal(to) || to.isLoopback()) ? to : sourceFor(src);
        byte[] err = Replies.icmpv4Error(type, code, rest, from, d, off, len, stack.personality().defaultTtl(),
                Replies.ICMPV4_ERROR_MAX);
        Bytes.put16(err, 4, nextId++ & 0xFFFF);
        Bytes.put16(err, 10, 0);
        Bytes.put16(err, 10, io.jnetstack.wire.Checksum.compute(err, 0, 20));
        stats.increment(StackStats.Counter.ICMP_OUT);
        stats.increment(StackStats.Counter.ICMP_ERRORS_OUT);
        // An error about a datagram this host sent to itself goes back through the loopback queue.
        route(err, src, Origin.NONE, stack.isLocal(src) || src.isLoopback(), in, nowNs);
    }
}
