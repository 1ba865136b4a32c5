package io.jnetstack.host;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jnetstack.personality.Personality;
import io.jnetstack.wire.Ipv4Address;
import java.io.IOException;

/**
 * The set-up the TUN tests share: a namespace of its own, TUN device jns0 with the kernel at 10.9.0.1/24, and a
 * jnetstack stack (Linux personality) at 10.9.0.2 driven in real time on it. Skips the test, naming what is missing,
 * without root or /dev/net/tun.
 */
record TunBed(NetNamespace ns, TunDevice tun, RealTimeHost jns) implements AutoCloseable {
    static TunBed up(int mtu, long seed) throws IOException {
        return up(mtu, seed, false);
    }

    /** As {@link #up(int, long)}; with {@code offloads}, the device runs with virtio-net checksum and TSO offloads. */
    static TunBed up(int mtu, long seed, boolean offloads) throws IOException {
        assumeTrue(TunDevice.unavailable().isEmpty(), () -> "TUN tests skipped: " + TunDevice.unavailable().orElse(""));
        NetNamespace ns = NetNamespace.create();
        TunDevice tun = TunDevice.create(ns, "jns0", "10.9.0.1/24", mtu, false, offloads);
        return new TunBed(ns, tun, new RealTimeHost(Personality.named("linux"), tun, mtu, Ipv4Address.of(10, 9, 0, 2),
                24, seed));
    }

    @Override
    public void close() {
        jns.close();
        tun.close();
        ns.close();
    }
}
