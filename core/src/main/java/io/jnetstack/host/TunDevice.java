package io.jnetstack.host;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A TUN device (IFF_TUN | IFF_NO_PI: one bare IPv4/IPv6 packet per read and write, linux/if_tun.h) created inside a
 * {@link NetNamespace}, with the kernel's side addressed and up. The descriptor is non-blocking and works from any
 * thread; reads wait with poll(2) so a reader can be stopped. Packets move straight between the caller's byte[] and
 * the kernel (critical downcalls on heap memory: no copy through native memory, no allocation per packet).
 */
public final class TunDevice implements AutoCloseable {
    private static final int O_RDWR = 2;
    private static final int O_NONBLOCK = 0x800;
    private static final int O_CLOEXEC = 0x80000;
    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TUN = 0x0001;
    private static final short IFF_NO_PI = 0x1000;
    private static final short IFF_VNET_HDR = 0x4000;
    private static final long TUNSETOFFLOAD = 0x400454d0L;
    /** TUNSETOFFLOAD: the reader takes partial checksums and TCP super-packets (TUN_F_CSUM | TUN_F_TSO4 | TSO6). */
    private static final long TUN_F_CSUM_TSO = 0x1 | 0x2 | 0x4;
    /**
     * The device's queue toward the reader, in packets (the default is 500). The kernel's TCP cannot see a TUN
     * reader's pace (tun_net_xmit orphans each skb, so TCP Small Queues never holds a sender back): a reader that
     * falls behind for a moment would lose packets from a short queue, and the sender would take the loss for
     * congestion. This many packets cover the largest receive window jnetstack offers at MTU 1500.
     */
    private static final int TX_QUEUE = 8192;
    /** The size of struct virtio_net_hdr (linux/virtio_net.h), the TUNSETVNETHDRSZ default. */
    static final int VNET_HDR_LEN = 10;
    private static final short POLLIN = 1;

    private final int fd;
    private final String name;
    private final boolean offloads;
    /** The owner's pollfd pair (this device, a wake-up descriptor), for {@link #await}. */
    private final MemorySegment ownerPoll = Arena.ofAuto().allocate(16);
    private volatile boolean closed;

    private TunDevice(int fd, String name, boolean offloads) {
        this.fd = fd;
        this.name = name;
        this.offloads = offloads;
    }

    /** Why there can be no TUN device here, or empty. */
    public static Optional<String> unavailable() {
        Optional<String> ns = NetNamespace.unavailable();
        if (ns.isPresent()) {
            return ns;
        }
        return Files.exists(Path.of("/dev/net/tun")) ? Optional.empty() : Optional.of("no /dev/net/tun");
    }

    /**
     * Creates device {@code name} in {@code ns}, gives the kernel {@code kernelCidr} on it ("10.9.0.1/24"), sets
     * the MTU and a deep queue toward the reader, turns IPv6 off on it (no router solicitations) and brings it up.
     */
    public static TunDevice create(NetNamespace ns, String name, String kernelCidr, int mtu) throws IOException {
        return create(ns, name, kernelCidr, mtu, false);
    }

    /**
     * As {@link #create(NetNamespace, String, String, int)}; with {@code ipv6}, IPv6 stays on for an IPv6
     * {@code kernelCidr}, without router solicitations or duplicate address detection (the peer sees only what
     * the test's sockets send, plus MLD reports it can ignore).
     */
    public static TunDevice create(NetNamespace ns, String name, String kernelCidr, int mtu, boolean ipv6)
            throws IOException {
        return create(ns, name, kernelCidr, mtu, ipv6, false);
    }

    /**
     * As {@link #create(NetNamespace, String, String, int, boolean)}; with {@code offloads}, the device carries a
     * struct virtio_net_hdr before every packet each way (IFF_VNET_HDR) and offers the kernel checksum and TCP
     * segmentation offload (TUNSETOFFLOAD TUN_F_CSUM | TUN_F_TSO4 | TUN_F_TSO6), as a virtio NIC would: the kernel
     * hands over TCP super-packets of up to 64 KiB with the checksum left partial, and takes them back likewise.
     * Every {@link #read}/{@link #write} then starts with the {@value #VNET_HDR_LEN}-byte header.
     */
    public static TunDevice create(NetNamespace ns, String name, String kernelCidr, int mtu, boolean ipv6,
            boolean offloads) throws IOException {
        int fd = ns.call(sys -> open(name, offloads));
        if (fd < 0) {
            throw new IOException("cannot create TUN device " + name + ": errno " + (-fd));
        }
        TunDevice t = new TunDevice(fd, name, offloads);
        try {
            if (ipv6) {
                ns.exec("sysctl", "-q", "-w", "net.ipv6.conf." + name + ".router_solicitations=0");
                ns.exec("sysctl", "-q", "-w", "net.ipv6.conf." + name + ".accept_dad=0");
            } else {
                ns.exec("sysctl", "-q", "-w", "net.ipv6.conf." + name + ".disable_ipv6=1");
            }
            ns.ip("link", "set", name, "mtu", Integer.toString(mtu), "txqueuelen", Integer.toString(TX_QUEUE));
            if (ipv6) {
                ns.ip("addr", "add", kernelCidr, "dev", name, "nodad");
            } else {
                ns.ip("addr", "add", kernelCidr, "dev", name);
            }
            ns.ip("link", "set", name, "up");
        } catch (IllegalStateException e) {
            t.close();
            throw new IOException(e.getMessage(), e);
        }
        return t;
    }

    /** Opens /dev/net/tun and attaches it to a new TUN device; the descriptor, or minus errno. */
    private static int open(String name, boolean offloads) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(a);
            MemorySegment path = a.allocateFrom("/dev/net/tun", StandardCharsets.US_ASCII);
            int fd = (int) Libc.OPEN.invokeExact(cap, path, O_RDWR | O_NONBLOCK | O_CLOEXEC, 0);
            if (fd < 0) {
                return -Libc.errno(cap);
            }
            MemorySegment ifr = a.allocate(40);
            byte[] n = name.getBytes(StandardCharsets.US_ASCII);
            MemorySegment.copy(n, 0, ifr, JAVA_BYTE, 0, Math.min(n.length, 15));
            ifr.set(JAVA_SHORT, 16, (short) (IFF_TUN | IFF_NO_PI | (offloads ? IFF_VNET_HDR : 0)));
            int rc = (int) Libc.IOCTL.invokeExact(cap, fd, TUNSETIFF, ifr);
            if (rc >= 0 && offloads) {
                rc = (int) Libc.IOCTL.invokeExact(cap, fd, TUNSETOFFLOAD, MemorySegment.ofAddress(TUN_F_CSUM_TSO));
            }
            if (rc < 0) {
                int e = Libc.errno(cap);
                int ignored = (int) Libc.CLOSE.invokeExact(cap, fd);
                return -e;
            }
            return fd;
        } catch (Throwable t) {
            throw new IllegalStateException("opening /dev/net/tun", t);
        }
    }

    /** Whether packets carry a virtio_net_hdr and the kernel offloads checksums and segmentation to us. */
    public boolean offloads() {
        return offloads;
    }

    /** The device's name. */
    public String name() {
        return name;
    }

    /**
     * Waits up to {@code timeoutMs} for one packet and copies it into {@code into}; its length, 0 on timeout, -1 once
     * closed. One reader thread at a time.
     */
    public int read(byte[] into, int timeoutMs) {
        return read(into, timeoutMs, -1);
    }

    /** As {@link #read(byte[], int)}, also returning 0 early when descriptor {@code wakeFd} becomes readable. */
    int read(byte[] into, int timeoutMs, int wakeFd) {
        if (closed) {
            return -1;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(a);
            MemorySegment p = a.allocate(16);
            p.set(JAVA_INT, 0, fd);
            p.set(JAVA_SHORT, 4, POLLIN);
            p.set(JAVA_INT, 8, wakeFd);
            p.set(JAVA_SHORT, 12, POLLIN);
            int ready = (int) Libc.POLL.invokeExact(cap, p, wakeFd < 0 ? 1L : 2L, timeoutMs);
            if (ready <= 0 || closed || (p.get(JAVA_SHORT, 6) & POLLIN) == 0) {
                return closed ? -1 : 0;
            }
        } catch (Throwable t) {
            throw new IllegalStateException("polling " + name, t);
        }
        return readNow(into);
    }

    /**
     * Copies one waiting packet into {@code into} without waiting; its length, 0 when none is waiting, -1 once closed.
     * One reader thread at a time.
     */
    int readNow(byte[] into) {
        if (closed) {
            return -1;
        }
        try {
            long n = (long) Libc.READ_HEAP.invokeExact(fd, MemorySegment.ofArray(into), (long) into.length);
            return n > 0 ? (int) n : closed ? -1 : 0;
        } catch (Throwable t) {
            throw new IllegalStateException("reading " + name, t);
        }
    }

    /**
     * The owner's wait: up to {@code timeoutMs} for a packet or for descriptor {@code wakeFd} to become readable;
     * {@link #PACKET} and/or {@link #WOKEN}, 0 on timeout, -1 once closed. One owner thread only.
     */
    int await(int timeoutMs, int wakeFd) {
        if (closed) {
            return -1;
        }
        MemorySegment p = ownerPoll;
        p.set(JAVA_INT, 0, fd);
        p.set(JAVA_SHORT, 4, POLLIN);
        p.set(JAVA_SHORT, 6, (short) 0);
        p.set(JAVA_INT, 8, wakeFd);
        p.set(JAVA_SHORT, 12, POLLIN);
        p.set(JAVA_SHORT, 14, (short) 0);
        try (Arena a = Arena.ofConfined()) {
            int ready = (int) Libc.POLL.invokeExact(Libc.capture(a), p, 2L, timeoutMs);
            if (closed) {
                return -1;
            }
            return ready <= 0 ? 0 : ((p.get(JAVA_SHORT, 6) & POLLIN) != 0 ? PACKET : 0)
                    | ((p.get(JAVA_SHORT, 14) & POLLIN) != 0 ? WOKEN : 0);
        } catch (Throwable t) {
            throw new IllegalStateException("polling " + name, t);
        }
    }

    /** {@link #await}: a packet is waiting. */
    static final int PACKET = 1;
    /** {@link #await}: the wake-up descriptor is readable. */
    static final int WOKEN = 2;

    /** Hands one IP packet to the kernel (straight from {@code packet}: no copy on this side). Any thread. */
    public void write(byte[] packet, int off, int len) {
        if (closed) {
            return;
        }
        try {
            long ignored = (long) Libc.WRITE_HEAP.invokeExact(fd, MemorySegment.ofArray(packet).asSlice(off, len),
                    (long) len);
        } catch (Throwable t) {
            throw new IllegalStateException("writing " + name, t);
        }
    }

    /** Closes the descriptor: the device disappears. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try (Arena a = Arena.ofConfined()) {
                int ignored = (int) Libc.CLOSE.invokeExact(Libc.capture(a), fd);
            } catch (Throwable t) {
                throw new IllegalStateException("closing " + name, t);
            }
        }
    }
}
