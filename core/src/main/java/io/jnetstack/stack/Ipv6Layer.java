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
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.icmp.Icmpv6Message;
import io.jnetstack.wire.icmp.NdpOption;
import io.jnetstack.wire.ip.Ipv6ExtensionChain;
import io.jnetstack.wire.ip.Ipv6Header;
import io.jnetstack.wire.udp.UdpHeader;
import java.util.Arrays;
import java.util.List;

/** IPv6 (RFC 8200), ICMPv6 (RFC 4443) and neighbour discovery (RFC 4861 §7) for one {@link Stack}. */
final class Ipv6Layer {
    static final int DEST_UNREACHABLE = 1;
    static final int PACKET_TOO_BIG = 2;
    static final int TIME_EXCEEDED = 3;
    static final int PARAMETER_PROBLEM = 4;
    /** RFC 8200 §5: every link must carry 1280-byte packets. */
    static final int MIN_MTU = 1280;

    private final Stack stack;
    private final StackStats stats;
    private final Resolver ndp;
    private final Reassembler reassembler;
    private final IpDelivery delivery;
    private int nextFragmentId;

    Ipv6Layer(Stack stack) {
        this.stack = stack;
        this.stats = stack.stats();
        this.ndp = new Resolver(stack, stack.personality().ndp(), EtherType.IPV6, this::sendSolicitation,
                this::sendError, DEST_UNREACHABLE, 3);
        this.reassembler = new Reassembler(stats);
        this.delivery = new IpDelivery(stack);
        this.nextFragmentId = stack.random().fork("ipv6-frag-id").nextInt(Integer.MAX_VALUE);
    }

    long nextDeadlineNs() {
        return Math.min(ndp.nextDeadlineNs(), reassembler.nextDeadlineNs());
    }

    void advanceTo(long nowNs) {
        ndp.advanceTo(nowNs);
        reassembler.advanceTo(nowNs, (k, first, ifIndex, t) -> {
            if (first != null && ifIndex > 0) { // RFC 8200 §4.5: must send when the first fragment arrived
                sendError(stack.iface(ifIndex), first, 0, first.length, TIME_EXCEEDED, 1, 0, t);
            }
        });
    }

    // ---- input ----

    void onDatagram(NetInterface ifc, byte[] b, int off, int len, long nowNs) {
        if (!(Ipv6Header.parse(b, off, len) instanceof Parsed.Ok<Ipv6Header> ok)) {
            stats.increment(StackStats.Counter.MALFORMED);
            return;
        }
        Ipv6Header h = ok.value();
        int total = Ipv6Header.LENGTH + h.payloadLength();
        Ipv6Address dst = h.destination();
        boolean forUs = stack.isLocal(dst) || dst.equals(Ipv6Address.LOOPBACK)
                || dst.isMulticast() && (ifc == null || ifc.joined(dst));
        if (!forUs) {
            forward(ifc, h, b, off, total, nowNs);
            return;
        }
        if (!(Ipv6ExtensionChain.walk(b, off + Ipv6Header.LENGTH, h.payloadLength(), h.nextHeader())
                instanceof Parsed.Ok<Ipv6ExtensionChain> chain)) {
            stats.increment(StackStats.Counter.MALFORMED);
            return;
        }
        Ipv6ExtensionChain c = chain.value();
        if (c.fragment() != null) {
            reassemble(ifc, h, c, b, off, total, nowNs);
            return;
        }
        stats.increment(StackStats.Counter.IP_DELIVERED);
        deliver(ifc, h, c.upperProtocol(), b, off, c.upperOffset(), total, nowNs);
    }

    private void reassemble(NetInterface ifc, Ipv6Header h, Ipv6ExtensionChain c, byte[] b, int off, int total,
            long nowNs) {
        var f = c.fragment();
        int dataAt = c.headers().getLast().offset() + c.headers().getLast().length();
        int fragAt = fragmentHeaderOffset(c);
        var key = new Reassembler.Key(6, h.source(), h.destination(), 0, f.identification() & 0xFFFF_FFFFL);
        byte[] unfrag = Arrays.copyOfRange(b, off, fragAt);
        // The unfragmentable part's last next-header becomes the fragment header's next header (RFC 8200 §4.5).
        int lastNextAt = fragAt == off + Ipv6Header.LENGTH ? 6 : fragAt - off - lastLength(c, fragAt);
        unfrag[lastNextAt] = (byte) f.nextHeader();
        var outcome = reassembler.add(key, unfrag, f.fragmentOffsetBytes(), f.moreFragments(), b, dataAt,
                off + total - dataAt, Arrays.copyOfRange(b, off, off + total), ifc == null ? 0 : ifc.index(), nowNs,
                stack.personality().ipv6ReassemblyTimeoutNs());
        if (outcome != Reassembler.Outcome.COMPLETE) {
            return;
        }
        Reassembler.Done done = reassembler.takeDone();
        byte[] full = new byte[done.firstHeader().length + done.payload().length];
        System.arraycopy(done.firstHeader(), 0, full, 0, done.firstHeader().length);
        System.arraycopy(done.payload(), 0, full, done.firstHeader().length, done.payload().length);
        Bytes.put16(full, 4, full.length - Ipv6Header.LENGTH);
        onDatagram(ifc, full, 0, full.length, nowNs);
    }

    private static int fragmentHeaderOffset(Ipv6ExtensionChain c) {
        for (var e : c.headers()) {
            if (e.type() == IpProtocol.IPV6_FRAG) {
                return e.offset();
            }
        }
        throw new IllegalStateException("fragment header missing from chain");
    }

    /** Offset within the previous extension header of its next-header byte is 0; this returns that header's length. */
    private static int lastLength(Ipv6ExtensionChain c, int fragAt) {
        for (var e : c.headers()) {
            if (e.offset() + e.length() == fragAt) {
                return e.length();
            }
        }
        throw new IllegalStateException("no header precedes the fragment header");
    }

    private void deliver(NetInterface ifc, Ipv6Header h, int proto, byte[] b, int off, int at, int total, long now) {
        int plen = off + total - at;
        boolean toGroup = h.destination().isMulticast();
        switch (proto) {
            case IpProtocol.ICMPV6 -> onIcmp(ifc, h, b, at, plen, toGroup, now);
            case IpProtocol.UDP -> {
                PseudoHeader ph = new PseudoHeader(h.source(), h.destination(), IpProtocol.UDP);
                if (!(UdpHeader.parse(b, at, plen, ph) instanceof Parsed.Ok<UdpHeader> u)) {
                    stats.increment(StackStats.Counter.MALFORMED);
                } else if (!stack.transports().udpInput(h.source(), h.destination(), toGroup, u.value(), b, at, now)
                        && !toGroup) {
                    stats.increment(StackStats.Counter.UNREACHABLE_PORT);
                    sendError(ifc, b, off, total, DEST_UNREACHABLE, 4, 0, now);
                }
            }
            case IpProtocol.TCP -> stack.transports().tcpInput(h.source(), h.destination(), b, off, total, at, now);
            case IpProtocol.IPV6_NONXT -> stats.increment(StackStats.Counter.IP_DELIVERED);
            default -> {
                // RFC 8200 §4: unrecognized Next Header → Parameter Problem code 1 pointing at that field.
                stats.increment(StackStats.Counter.UNREACHABLE_PORT);
                if (!toGroup) {
                    sendError(ifc, b, off, total, PARAMETER_PROBLEM, 1, 6, now);
                }
            }
        }
    }

    private void onIcmp(NetInterface ifc, Ipv6Header h, byte[] b, int at, int plen, boolean toGroup, long nowNs) {
        if (!(Icmpv6Message.parse(b, at, plen, h.source(), h.destination()) instanceof Parsed.Ok<Icmpv6Message> ok)) {
            stats.increment(StackStats.Counter.MALFORMED);
            return;
        }
        stats.increment(StackStats.Counter.ICMP_IN);
        Icmpv6Message m = ok.value();
        switch (m) {
            case Icmpv6Message.EchoRequest req -> {
                var reply = new Icmpv6Message.EchoReply(req.identifier(), req.sequence(), req.data());
                Ipv6Address src = toGroup ? sourceFor(h.source()) : h.destination();
                sendIcmp(src, h.source(), reply, stack.personality().defaultHopLimit(), Origin.NONE, nowNs);
            }
            case Icmpv6Message.EchoReply rep -> stack.listener().onEchoReply(h.source(), rep.identifier(),
                    rep.sequence(), h.hopLimit(), rep.data().length(), nowNs);
            case Icmpv6Message.NeighborSolicitation ns -> onSolicitation(ifc, h, ns, nowNs);
            case Icmpv6Message.NeighborAdvertisement na -> onAdvertisement(ifc, h, na, nowNs);
            default -> {
                if (m.type() < 128) {
                    delivery.icmpError(h.source(), 6, m.type(), m.code(), Bytes.getInt(b, at + 4), b, at + 8,
                            plen - 8, nowNs);
                }
            }
        }
    }

    // ---- neighbour discovery (RFC 4861 §7.1, §7.2) ----

    private void onSolicitation(NetInterface ifc, Ipv6Header h, Icmpv6Message.NeighborSolicitation ns, long nowNs) {
        if (ifc == null || h.hopLimit() != 255) {
            stats.increment(StackStats.Counter.NDP_INVALID);
            return;
        }
        if (!ifc.hasAddress(ns.target())) {
            return;
        }
        MacAddress slla = linkLayerOption(ns.options(), true);
        boolean dad = h.source().equals(Ipv6Address.ANY);
        if (slla != null && !dad) {
            ndp.learned(ifc, h.source(), slla, true, nowNs);
        }
        var na = Icmpv6Message.NeighborAdvertisement.of(stack.isForwarding(), !dad, true, ns.target(),
                List.of(new NdpOption.TargetLinkLayerAddress(ifc.link().macAddress())));
        Ipv6Address to = dad ? Ipv6Address.ALL_NODES : h.source();
        sendNdp(ifc, ns.target(), to, na, slla != null ? slla : MacAddress.ipv6Multicast(Ipv6Address.ALL_NODES),
                nowNs);
    }

    private void onAdvertisement(NetInterface ifc, Ipv6Header h, Icmpv6Message.NeighborAdvertisement na, long nowNs) {
        if (ifc == null || h.hopLimit() != 255) {
            stats.increment(StackStats.Counter.NDP_INVALID);
            return;
        }
        MacAddress tlla = linkLayerOption(na.options(), false);
        if (tlla != null) {
            ndp.learned(ifc, na.target(), tlla, false, nowNs);
        }
    }

    private static MacAddress linkLayerOption(List<NdpOption> options, boolean source) {
        for (NdpOption o : options) {
            if (source && o instanceof NdpOption.SourceLinkLayerAddress s) {
                return s.mac();
            }
            if (!source && o instanceof NdpOption.TargetLinkLayerAddress t) {
                return t.mac();
            }
        }
        return null;
    }

    private void sendSolicitation(int ifIndex, IpAddress target, int attempt, long nowNs) {
        NetInterface ifc = stack.iface(ifIndex);
        Ipv6Address t = (Ipv6Address) target;
        Ipv6Address src = t.isLinkLocal() ? linkLocalOf(ifc) : ifc.ipv6();
        var ns = Icmpv6Message.NeighborSolicitation.of(t,
                List.of(new NdpOption.SourceLinkLayerAddress(ifc.link().macAddress())));
        sendNdp(ifc, src, t.solicitedNode(), ns, MacAddress.ipv6Multicast(t.solicitedNode()), nowNs);
    }

    private static Ipv6Address linkLocalOf(NetInterface ifc) {
        for (var a : ifc.addresses()) {
            if (a.address() instanceof Ipv6Address v6 && v6.isLinkLocal()) {
                return v6;
            }
        }
        return ifc.ipv6();
    }

    private void sendNdp(NetInterface ifc, Ipv6Address src, Ipv6Address dst, Icmpv6Message m, MacAddress mac,
            long nowNs) {
        byte[] d = new byte[Ipv6Header.LENGTH + m.length()];
        new Ipv6Header(0, 0, m.length(), IpProtocol.ICMPV6, 255, src, dst).emit(d, 0);
        m.emit(d, Ipv6Header.LENGTH, src, dst);
        stats.increment(StackStats.Counter.ICMP_OUT);
        stack.frames().transmit(ifc, mac, EtherType.IPV6, d, 0, d.length, nowNs);
    }

    // ---- forwarding and output ----

    private void forward(NetInterface ifc, Ipv6Header h, byte[] b, int off, int total, long nowNs) {
        if (!stack.isForwarding() || ifc == null || h.destination().isMulticast() || h.source().isLinkLocal()) {
            stats.increment(StackStats.Counter.IP_NOT_FORWARDING);
            return;
        }
        if (h.hopLimit() <= 1) {
            stats.increment(StackStats.Counter.TTL_EXCEEDED);
            sendError(ifc, b, off, total, TIME_EXCEEDED, 0, 0, nowNs);
            return;
        }
        byte[] d = Arrays.copyOfRange(b, off, off + total);
        d[7] = (byte) (h.hopLimit() - 1);
        stats.increment(StackStats.Counter.IP_FORWARDED);
        route(d, h.destination(), Origin.NONE, false, ifc, nowNs);
    }

    void ping(Ipv6Address dst, int id, int seq, int dataLength, int hopLimit, long nowNs) {
        byte[] data = HostOutput.echoData(dataLength);
        var req = new Icmpv6Message.EchoRequest(id, seq, ByteString.copyOf(data));
        int hl = hopLimit > 0 ? hopLimit : stack.personality().defaultHopLimit();
        sendIcmp(sourceFor(dst), dst, req, hl, new Origin(IpProtocol.ICMPV6, id, seq), nowNs);
    }

    private void sendIcmp(Ipv6Address src, Ipv6Address dst, Icmpv6Message m, int hl, Origin o, long nowNs) {
        byte[] body = new byte[m.length()];
        m.emit(body, 0, src, dst);
        stats.increment(StackStats.Counter.ICMP_OUT);
        send(src, dst, IpProtocol.ICMPV6, body, hl, o, nowNs);
    }

    void send(Ipv6Address src, Ipv6Address dst, int protocol, byte[] payload, int hopLimit, Origin o, long nowNs) {
        byte[] d = new byte[Ipv6Header.LENGTH + payload.length];
        System.arraycopy(payload, 0, d, Ipv6Header.LENGTH, payload.length);
        sendPrepared(src, dst, protocol, d, hopLimit, o, nowNs);
    }

    /** Sends datagram {@code d} whose payload already sits after 40 bytes of room for the fixed header. */
    void sendPrepared(Ipv6Address src, Ipv6Address dst, int protocol, byte[] d, int hopLimit, Origin o, long nowNs) {
        sendPrepared(src, dst, protocol, d, hopLimit, 0, o, nowNs);
    }

    /** As {@link #sendPrepared(Ipv6Address, Ipv6Address, int, byte[], int, Origin, long)} with traffic class {@code tc}. */
    void sendPrepared(Ipv6Address src, Ipv6Address dst, int protocol, byte[] d, int hopLimit, int tc, Origin o,
            long nowNs) {
        new Ipv6Header(tc, 0, d.length - Ipv6Header.LENGTH, protocol, hopLimit, src, dst).emit(d, 0);
        route(d, dst, o, true, null, nowNs);
    }

    /** Routes a complete datagram this host built. */
    void send(byte[] d, long nowNs) {
        route(d, Ipv6Address.read(d, 24), Origin.NONE, true, null, nowNs);
    }

    Ipv6Address sourceFor(Ipv6Address dst) {
        if (stack.isLocal(dst)) {
            return dst;
        }
        Route r = stack.routes().lookup(dst);
        NetInterface out = r == null || r.kind() != Route.Kind.UNICAST ? null : stack.iface(r.ifIndex());
        if (out != null) {
            return dst.isLinkLocal() ? linkLocalOf(out) : out.ipv6();
        }
        return Ipv6Address.ANY;
    }

    private void route(byte[] d, Ipv6Address dst, Origin o, boolean local, NetInterface in, long nowNs) {
        if (local && (stack.isLocal(dst) || dst.equals(Ipv6Address.LOOPBACK))) {
            stack.frames().loopBack(d);
            return;
        }
        Route r = stack.routes().lookup(dst);
        if (r == null || r.kind() != Route.Kind.UNICAST) {
            stats.increment(r == null ? StackStats.Counter.NO_ROUTE : StackStats.Counter.REJECT_ROUTE);
            if (local) {
                stack.transports().reportLocalFailure(dst,
                        r == null ? LocalFailure.NO_ROUTE : LocalFailure.REJECT_ROUTE, o, nowNs);
            } else if (r == null || r.kind() != Route.Kind.BLACKHOLE) {
                int code = r == null ? 0 : r.kind() == Route.Kind.PROHIBIT ? 1 : 3;
                sendError(in, d, 0, d.length, DEST_UNREACHABLE, code, 0, nowNs);
            }
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
        Ipv6Address next = r.gateway() == null ? dst : (Ipv6Address) r.gateway();
        if (!out.takesWhole(d.length, local && d[6] == IpProtocol.TCP)) {
            stats.increment(StackStats.Counter.TOO_BIG);
            if (!local) { // RFC 8200 §5: routers never fragment; they send Packet Too Big
                sendError(in, d, 0, d.length, PACKET_TOO_BIG, 0, out.mtu(), nowNs);
                return;
            }
            Ipv6Header h = ((Parsed.Ok<Ipv6Header>) Ipv6Header.parse(d, 0, d.length)).value();
            for (byte[] frag : Fragmenter.ipv6(h, d, Math.max(out.mtu(), MIN_MTU), nextFragmentId++)) {
                stats.increment(StackStats.Counter.FRAGMENTS_OUT);
                resolveAndSend(out, next, dst, frag, o, true, nowNs);
            }
            return;
        }
        resolveAndSend(out, next, dst, d, o, local, nowNs);
    }

    private void resolveAndSend(NetInterface out, Ipv6Address next, Ipv6Address dst, byte[] d, Origin o,
            boolean local, long nowNs) {
        ndp.send(out, next, dst.isMulticast() ? MacAddress.ipv6Multicast(dst) : null, d, o, local, nowNs);
    }

    /**
     * Sends an ICMPv6 error about {@code d[off, off+len)} (RFC 4443 §2.4(e): never about an ICMPv6 error, nor
     * about a datagram to a multicast address except Packet Too Big, nor from an unspecified source).
     */
    void sendError(NetInterface in, byte[] d, int off, int len, int type, int code, int rest, long nowNs) {
        FrameInfo f = new FrameInfo(Medium.IP, d, off, len, nowNs);
        if (!f.isIp() || Replies.isIcmpError(f)) {
            return;
        }
        Ipv6Address src = (Ipv6Address) f.source();
        Ipv6Address dst = (Ipv6Address) f.destination();
        if (src.equals(Ipv6Address.ANY) || src.isMulticast() || dst.isMulticast() && type != PACKET_TOO_BIG) {
            return;
        }
        // Looped back (no interface): from the address it was sent to (RFC 4443 §2.2 (a)).
        Ipv6Address from = in != null && in.ipv6() != null ? in.ipv6()
                : in == null && (stack.isLocal(dst) || dst.equals(Ipv6Address.LOOPBACK)) ? dst : sourceFor(src);
        byte[] err = Replies.icmpv6Error(type, code, rest, from, d, off, len, stack.personality().defaultHopLimit(),
                Replies.ICMPV6_ERROR_MAX);
        stats.increment(StackStats.Counter.ICMP_OUT);
        stats.increment(StackStats.Counter.ICMP_ERRORS_OUT);
        // An error about a datagram this host sent to itself goes back through the loopback queue.
        route(err, src, Origin.NONE, stack.isLocal(src) || src.equals(Ipv6Address.LOOPBACK), in, nowNs);
    }
}
