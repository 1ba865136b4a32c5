package io.jnetstack.stack;

import io.jnetstack.link.FrameSink;
import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.personality.Personality;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.ip.Ipv4Header;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's hand-driven TCP client on a raw-IP link to one server {@link Stack}: it builds the client's segments
 * itself (any port, any sequence number) and records what the server sends and reports, in virtual time.
 */
final class RawTcpPeer implements LinkEndpoint {
    static final Ipv4Address CLIENT = Ipv4Address.of("10.0.0.1");
    static final Ipv4Address SERVER = Ipv4Address.of("10.0.0.2");
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;

    /** A segment the server sent, with when. */
    record Sent(long atNs, TcpHeader header, int payloadLength) {
        boolean is(int flags) {
            return header.flags() == flags;
        }
    }

    final Stack stack;
    final List<Sent> sent = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    private FrameSink sink;
    private long nowNs;
    private int ipId;

    RawTcpPeer(String os, long seed) {
        stack = new Stack("server", Personality.named(os), new RandomSource(seed));
        stack.addAddress(stack.addInterface("p2p", this), SERVER, 24);
        stack.setListener(new StackListener() {
            @Override
            public void onTcpEvent(TcpHandle h, TcpEvent e, long atNs) {
                events.add(h.remotePort() + " " + e);
            }
        });
    }

    long now() {
        return nowNs;
    }

    /** Runs the server's timers up to {@code timeNs}. */
    void runUntil(long timeNs) {
        for (long next = stack.nextDeadlineNs(); next <= timeNs; next = stack.nextDeadlineNs()) {
            nowNs = Math.max(nowNs, next);
            stack.advanceTo(nowNs);
        }
        nowNs = timeNs;
    }

    /** Sends one segment from the client's {@code srcPort} to the server's {@code dstPort}. */
    void send(int srcPort, int dstPort, int seq, int ack, int flags, List<TcpOption> opts, int payloadLength) {
        TcpHeader th = TcpHeader.of(srcPort, dstPort, seq, ack, flags, 65535, opts);
        int tl = th.headerLength() + payloadLength;
        byte[] d = new byte[Ipv4Header.MIN_LENGTH + tl];
        th.emit(d, Ipv4Header.MIN_LENGTH, new PseudoHeader(CLIENT, SERVER, IpProtocol.TCP), payloadLength);
        Ipv4Header.simple(CLIENT, SERVER, IpProtocol.TCP, 64, tl, ipId++).emit(d, 0);
        sink.onFrame(d, 0, d.length, nowNs);
        stack.advanceTo(nowNs);
    }

    /** A SYN with an MSS option. */
    void syn(int srcPort, int dstPort, int seq) {
        send(srcPort, dstPort, seq, 0, TcpHeader.SYN, List.of(new TcpOption.Mss(1460)), 0);
    }

    /** What the server sent to {@code port}, and clears the record of it. */
    List<Sent> takeTo(int port) {
        List<Sent> out = new ArrayList<>();
        sent.removeIf(s -> s.header().destinationPort() == port && out.add(s));
        return out;
    }

    @Override
    public Medium medium() {
        return Medium.IP;
    }

    @Override
    public int mtu() {
        return 1500;
    }

    @Override
    public MacAddress macAddress() {
        return MacAddress.ZERO;
    }

    @Override
    public void attach(FrameSink inbound) {
        sink = inbound;
    }

    @Override
    public void transmit(byte[] frame, int off, int len, long atNs) {
        int ihl = (frame[off] & 0x0F) * 4;
        PseudoHeader ph = new PseudoHeader(SERVER, CLIENT, IpProtocol.TCP);
        if (TcpHeader.parse(frame, off + ihl, len - ihl, ph) instanceof Parsed.Ok<TcpHeader> ok) {
            sent.add(new Sent(atNs, ok.value(), len - ihl - ok.value().headerLength()));
        }
    }
}
