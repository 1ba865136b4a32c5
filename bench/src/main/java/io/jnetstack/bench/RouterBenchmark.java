package io.jnetstack.bench;

import io.jnetstack.link.FrameSink;
import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.personality.Personality;
import io.jnetstack.stack.NetInterface;
import io.jnetstack.stack.Stack;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.EtherType;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MacAddress;
import io.jnetstack.wire.ethernet.EthernetHeader;
import io.jnetstack.wire.ip.Ipv4Header;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Packets per second forwarded by a simulated router (a {@link Stack} with forwarding on, neighbours resolved): an
 * Ethernet frame in on one interface, parsed, TTL decremented, header checksum recomputed, routed by longest
 * prefix, re-framed and handed to the other interface's link. Reference, same run: the least any forwarder does —
 * copy the frame and verify its IPv4 header checksum.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RouterBenchmark {
    /** IP datagram size: 64 or 1500 bytes. */
    @Param({"64", "1500"})
    public int size;

    private Stack router;
    private NetInterface in;
    private byte[] frame;
    private byte[] copy;
    private long sent;
    private FrameSink inbound;

    /** A link that counts what the router transmits and drops it. */
    private final class SinkLink implements LinkEndpoint {
        private final MacAddress mac;
        private FrameSink sink;

        SinkLink(long mac) {
            this.mac = new MacAddress(mac);
        }

        @Override
        public Medium medium() {
            return Medium.ETHERNET;
        }

        @Override
        public int mtu() {
            return 1500;
        }

        @Override
        public MacAddress macAddress() {
            return mac;
        }

        @Override
        public void attach(FrameSink s) {
            sink = s;
        }

        @Override
        public void transmit(byte[] f, int off, int len, long nowNs) {
            sent += len;
        }
    }

    /** Builds the router, resolves the next hop with an ARP reply, and prepares one frame. */
    @Setup(Level.Trial)
    public void setUp() {
        router = new Stack("r", Personality.named("linux"), new RandomSource(1));
        SinkLink a = new SinkLink(0x0200_0000_0001L);
        SinkLink b = new SinkLink(0x0200_0000_0002L);
        in = router.addInterface("eth0", a);
        NetInterface out = router.addInterface("eth1", b);
        router.addAddress(in, Ipv4Address.of("10.0.1.1"), 24);
        router.addAddress(out, Ipv4Address.of("10.0.2.1"), 24);
        router.setForwarding(true);
        inbound = a.sink;
        // Teach the router bob's MAC: an ARP request from 10.0.2.2 for the router creates the entry (RFC 826).
        byte[] arp = new byte[14 + 28];
        new EthernetHeader(b.macAddress(), new MacAddress(0x0200_0000_0099L), EtherType.ARP).emit(arp, 0);
        new io.jnetstack.wire.arp.ArpMessage(io.jnetstack.wire.arp.ArpMessage.REQUEST, new MacAddress(0x0200_0000_0099L),
                Ipv4Address.of("10.0.2.2"), MacAddress.ZERO, Ipv4Address.of("10.0.2.1")).emit(arp, 14);
        b.sink.onFrame(arp, 0, arp.length, 0);
        frame = new byte[14 + size];
        new EthernetHeader(a.macAddress(), new MacAddress(0x0200_0000_0010L), EtherType.IPV4).emit(frame, 0);
        Ipv4Header.simple(Ipv4Address.of("10.0.1.10"), Ipv4Address.of("10.0.2.2"), IpProtocol.UDP, 64, size - 20, 1)
                .emit(frame, 14);
        copy = new byte[frame.length];
    }

    /** Subject: one frame forwarded. */
    @Benchmark
    public long forward() {
        inbound.onFrame(frame, 0, frame.length, 0);
        return sent;
    }

    /** Reference: copy the frame and verify its header checksum. */
    @Benchmark
    public void copyAndVerify(Blackhole bh) {
        System.arraycopy(frame, 0, copy, 0, frame.length);
        bh.consume(io.jnetstack.wire.Checksum.verifies(copy, 14, 20, 0));
    }
}
