package io.jnetstack.host;

import io.jnetstack.link.FrameSink;
import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.MacAddress;

/**
 * A {@link LinkEndpoint} over a {@link TunDevice}: bare IP packets, written to the kernel as they are sent. Over a
 * device with {@linkplain TunDevice#offloads() offloads} it speaks struct virtio_net_hdr (linux/virtio_net.h) the
 * way a virtio NIC's driver does: a packet the kernel left with a partial checksum (VIRTIO_NET_HDR_F_NEEDS_CSUM) gets
 * it completed here (so it is a correct packet wherever it goes next) and reaches the stack as checksum-verified
 * (receive checksum offload: the kernel built it in memory, nothing could corrupt it on the way), as does one the
 * kernel marks DATA_VALID; a TCP super-packet (GSO) goes up whole, as GRO would pass it. Outgoing TCP is marked
 * NEEDS_CSUM (the kernel, delivering locally, then trusts it instead of summing it again), and a TCP segment longer
 * than the MTU allows goes as one GSO packet the kernel segments at the MTU's segment size.
 */
final class TunLink implements LinkEndpoint {
    private static final int VNET = TunDevice.VNET_HDR_LEN;
    private static final int NEEDS_CSUM = 1;
    private static final int DATA_VALID = 2;
    private static final int GSO_TCPV4 = 1;
    private static final int GSO_TCPV6 = 4;
    private static final int TCP = 6;

    private final TunDevice tun;
    private final int mtu;
    private final byte[] out;
    private FrameSink sink = (f, o, l, t) -> {};

    TunLink(TunDevice tun, int mtu) {
        this.tun = tun;
        this.mtu = mtu;
        this.out = tun.offloads() ? new byte[VNET + 65_536] : null;
    }

    @Override
    public Medium medium() {
        return Medium.IP;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public MacAddress macAddress() {
        return MacAddress.ZERO;
    }

    /** With offloads, the kernel takes TCP datagrams of up to 64 KiB and segments them itself (GSO). */
    @Override
    public int tcpOffloadSize() {
        return out == null ? 0 : 65_535;
    }

    @Override
    public void attach(FrameSink inbound) {
        sink = inbound;
    }

    @Override
    public void transmit(byte[] frame, int off, int len, long nowNs) {
        if (out == null) {
            tun.write(frame, off, len);
            return;
        }
        System.arraycopy(frame, off, out, VNET, len);
        java.util.Arrays.fill(out, 0, VNET, (byte) 0);
        describeTcp(out, len);
        tun.write(out, 0, VNET + len);
    }

    /**
     * The virtio_net_hdr for an outgoing TCP segment (IPv4 unfragmented, or IPv6 with TCP as first next header):
     * NEEDS_CSUM with the checksum field holding the pseudo-header sum (what the kernel completes if it ever must),
     * and GSO when the segment's payload exceeds what the MTU carries per segment. Other packets go with no flags.
     */
    private void describeTcp(byte[] p, int len) {
        int v = (p[VNET] & 0xFF) >>> 4;
        int ipHl;
        long pseudo;
        if (v == 4 && p[VNET + 9] == TCP && (Bytes.u16(p, VNET + 6) & 0x3FFF) == 0) {
            ipHl = (p[VNET] & 0x0F) * 4;
            pseudo = Checksum.partial(p, VNET + 12, 8, TCP + (long) (len - ipHl));
        } else if (v == 6 && p[VNET + 6] == TCP) {
            ipHl = 40;
            pseudo = Checksum.partial(p, VNET + 8, 32, TCP + (long) (len - ipHl));
        } else {
            return;
        }
        int tcpHl = ((p[VNET + ipHl + 12] & 0xFF) >>> 4) * 4;
        if (len < ipHl + 20 || tcpHl < 20 || len < ipHl + tcpHl) {
            return;
        }
        p[0] = NEEDS_CSUM;
        le16(p, 6, ipHl);
        le16(p, 8, 16);
        Bytes.put16(p, VNET + ipHl + 16, Checksum.fold(pseudo));
        int segment = mtu - ipHl - tcpHl;
        if (len - ipHl - tcpHl > segment && segment > 0) {
            p[1] = (byte) (v == 4 ? GSO_TCPV4 : GSO_TCPV6);
            le16(p, 2, ipHl + tcpHl);
            le16(p, 4, segment);
        }
    }

    /**
     * A packet the kernel sent, into the stack: {@code len} bytes of {@code packet} from 0, after the
     * virtio_net_hdr when the device has offloads (the partial checksum it announces completed first).
     */
    void deliver(byte[] packet, int len, long nowNs) {
        if (out == null) {
            sink.onFrame(packet, 0, len, nowNs);
            return;
        }
        if (len <= VNET) {
            return;
        }
        boolean verified = (packet[0] & DATA_VALID) != 0;
        if ((packet[0] & NEEDS_CSUM) != 0) {
            int start = VNET + le16(packet, 6);
            int field = start + le16(packet, 8);
            if (field + 2 <= len) {
                int sum = Checksum.finish(Checksum.partial(packet, start, len - start, 0));
                Bytes.put16(packet, field, sum == 0 ? 0xFFFF : sum);
                verified = true;
            }
        }
        if (verified) {
            sink.onChecksumVerifiedFrame(packet, VNET, len - VNET, nowNs);
        } else {
            sink.onFrame(packet, VNET, len - VNET, nowNs);
        }
    }

    private static void le16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }
}
