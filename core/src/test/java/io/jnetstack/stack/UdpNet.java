package io.jnetstack.stack;

import io.jnetstack.link.FrameInfo;
import io.jnetstack.link.FrameSink;
import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.personality.Personality;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.PseudoHeader;
import io.jnetstack.wire.ip.Ipv4Header;
import io.jnetstack.wire.ip.Ipv6Header;
import io.jnetstack.wire.udp.UdpHeader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Two stacks, {@code a} (10.0.0.1, 2001:db8::1) and {@code b} (10.0.0.2, 2001:db8::2), on a raw-IP point-to-point
 * link that delivers frames when {@link #settle} runs, in virtual time. Records what each stack reports and every
 * frame that crossed the link; tests inject hand-built datagrams (a third party, malformed bytes) into either side.
 */
final class UdpNet {
    static final Ipv4Address A = Ipv4Address.of("10.0.0.1");
    static final Ipv4Address B = Ipv4Address.of("10.0.0.2");
    /** A third host, beyond the link as far as the stacks know (it shares their subnet). */
    static final Ipv4Address C = Ipv4Address.of("10.0.0.3");
    static final Ipv6Address A6 = Ipv6Address.of("2001:db8::1");
    static final Ipv6Address B6 = Ipv6Address.of("2001:db8::2");
    static final long SEED = 11;

    /** One end of the link: transmit queues the frame for the other end. */
    static final class End implements LinkEndpoint {
        final List<byte[]> sent = new ArrayList<>();
        private final ArrayDeque<byte[]> inbox = new ArrayDeque<>();
        private FrameSink sink;
        private End peer;

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
        public void transmit(byte[] frame, int off, int len, long nowNs) {
            byte[] copy = java.util.Arrays.copyOfRange(frame, off, off + len);
            sent.add(copy);
            peer.inbox.addLast(copy);
        }

        /** ICMP/ICMPv6 errors this end sent, as "type/code to destination". */
        List<String> icmpSent() {
            List<String> out = new ArrayList<>();
            for (byte[] f : sent) {
                FrameInfo fi = new FrameInfo(Medium.IP, f, 0, f.length, 0);
                if (fi.isIp() && (fi.protocol() == IpProtocol.ICMP || fi.protocol() == IpProtocol.ICMPV6)) {
                    int t = fi.transportOffset();
                    out.add((f[t] & 0xFF) + "/" + (f[t + 1] & 0xFF) + " to " + fi.destination());
                }
            }
            return out;
        }
    }

    final Stack a;
    final Stack b;
    final End endA = new End();
    final End endB = new End();
    final List<String> events = new ArrayList<>();
    long nowNs;

    UdpNet(Personality p) {
        endA.peer = endB;
        endB.peer = endA;
        a = new Stack("a", p, new RandomSource(SEED));
        b = new Stack("b", p, new RandomSource(SEED + 1));
        configure(a, endA, A, A6);
        configure(b, endB, B, B6);
    }

    private void configure(Stack s, End end, Ipv4Address v4, Ipv6Address v6) {
        NetInterface ifc = s.addInterface("p2p", end);
        s.addAddress(ifc, v4, 24);
        s.addAddress(ifc, v6, 64);
        s.setListener(new StackListener() {
            @Override
            public void onUdpReadable(UdpHandle h, long atNs) {
                events.add(s.name() + " readable " + h);
            }

            @Override
            public void onUdpError(UdpHandle h, IcmpReport r, long atNs) {
                events.add(s.name() + " udp-error " + h + " " + r.type() + "/" + r.code() + " from " + r.reporter());
            }

            @Override
            public void onUdpLocalFailure(UdpHandle h, IpAddress dst, LocalFailure f, long atNs) {
                events.add(s.name() + " udp-local " + h + " " + f + " " + dst);
            }

            @Override
            public void onIcmpError(IcmpReport r, long atNs) {
                events.add(s.name() + " icmp " + r.type() + "/" + r.code());
            }
        });
    }

    /** Runs both stacks and the link until nothing is left to do at the current time. */
    void settle() {
        for (int round = 0; round < 10_000; round++) {
            boolean work = false;
            for (Stack s : List.of(a, b)) {
                if (s.nextDeadlineNs() <= nowNs) {
                    s.advanceTo(nowNs);
                    work = true;
                }
            }
            for (End e : List.of(endA, endB)) {
                byte[] f = e.inbox.pollFirst();
                if (f != null) {
                    e.sink.onFrame(f, 0, f.length, nowNs);
                    work = true;
                }
            }
            if (!work) {
                return;
            }
        }
        throw new AssertionError("the network did not settle (seed " + SEED + ")");
    }

    /** Delivers a raw IP datagram to {@code b} as if it came over the link. */
    void injectIntoB(byte[] datagram) {
        endB.sink.onFrame(datagram, 0, datagram.length, nowNs);
        settle();
    }

    /** An IPv4 datagram carrying a UDP datagram with a correct checksum. */
    static byte[] udp4(Ipv4Address src, Ipv4Address dst, int sport, int dport, byte[] payload) {
        byte[] d = new byte[Ipv4Header.MIN_LENGTH + UdpHeader.LENGTH + payload.length];
        System.arraycopy(payload, 0, d, Ipv4Header.MIN_LENGTH + UdpHeader.LENGTH, payload.length);
        UdpHeader.of(sport, dport, payload.length).emit(d, Ipv4Header.MIN_LENGTH,
                new PseudoHeader(src, dst, IpProtocol.UDP));
        Ipv4Header.simple(src, dst, IpProtocol.UDP, 64, UdpHeader.LENGTH + payload.length, 1).emit(d, 0);
        return d;
    }

    /** An IPv6 datagram carrying a UDP datagram with a correct checksum. */
    static byte[] udp6(Ipv6Address src, Ipv6Address dst, int sport, int dport, byte[] payload) {
        byte[] d = new byte[Ipv6Header.LENGTH + UdpHeader.LENGTH + payload.length];
        System.arraycopy(payload, 0, d, Ipv6Header.LENGTH + UdpHeader.LENGTH, payload.length);
        UdpHeader.of(sport, dport, payload.length).emit(d, Ipv6Header.LENGTH,
                new PseudoHeader(src, dst, IpProtocol.UDP));
        new Ipv6Header(0, 0, UdpHeader.LENGTH + payload.length, IpProtocol.UDP, 64, src, dst).emit(d, 0);
        return d;
    }

    static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String text(UdpDatagram d) {
        return new String(d.payload(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Sends {@code text} from {@code h} on {@code s} to {@code dst}:{@code port} and settles. */
    UdpResult send(Stack s, UdpHandle h, IpAddress dst, int port, String text) {
        byte[] p = bytes(text);
        UdpResult r = s.udp().send(h, dst, port, p, 0, p.length, nowNs);
        settle();
        return r;
    }
}
