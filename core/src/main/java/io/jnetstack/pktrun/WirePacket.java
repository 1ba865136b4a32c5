package io.jnetstack.pktrun;

import java.util.ArrayList;
import java.util.List;

/**
 * A packet the host sent, decoded just far enough to compare it with a script line: the IP family, ToS / traffic
 * class, TTL / hop limit, the transport protocol and, for TCP, the header fields and the options in wire order. With
 * TCP over UDP ({@code --udp_encapsulation=tcp}) a UDP datagram's payload is decoded as the TCP segment it carries and
 * {@code udp} holds the datagram's ports (null for anything else).
 */
record WirePacket(boolean ipv6, int tos, int ttl, int protocol, Tcp tcp, byte[] transport, Udp udp) {
    /** The ports of the UDP datagram a TCP segment came in. */
    record Udp(int sourcePort, int destinationPort) {}

    /** The TCP part. Options are kept as (kind, bytes) in the order sent. */
    record Tcp(int sourcePort, int destinationPort, int seq, int ack, int flags, int window, int urgent,
            List<Option> options, int payloadLength) {}

    /**
     * One TCP option as sent.
     *
     * @param kind the option kind
     * @param data the bytes after kind and length (empty for NOP and EOL)
     */
    record Option(int kind, byte[] data) {
        long u32(int at) {
            return (data[at] & 0xFFL) << 24 | (data[at + 1] & 0xFFL) << 16 | (data[at + 2] & 0xFFL) << 8
                    | data[at + 3] & 0xFFL;
        }

        int u16(int at) {
            return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
        }
    }

    /** Decodes an IPv4 or IPv6 packet; null when it is too short to read. */
    static WirePacket decode(byte[] b) {
        return decode(b, false);
    }

    /**
     * Decodes an IPv4 or IPv6 packet, a UDP datagram as TCP inside UDP when {@code tcpInUdp} (packetdrill NPLab
     * --udp_encapsulation=tcp); null when it is too short to read.
     */
    static WirePacket decode(byte[] b, boolean tcpInUdp) {
        if (b.length < 20) {
            return null;
        }
        int version = (b[0] & 0xFF) >>> 4;
        int off;
        int tos;
        int ttl;
        int proto;
        int end;
        if (version == 4) {
            off = (b[0] & 0x0F) * 4;
            tos = b[1] & 0xFF;
            ttl = b[8] & 0xFF;
            proto = b[9] & 0xFF;
            end = Math.min(b.length, u16(b, 2));
        } else if (version == 6 && b.length >= 40) {
            off = 40;
            tos = (b[0] & 0x0F) << 4 | (b[1] & 0xFF) >>> 4;
            ttl = b[7] & 0xFF;
            proto = b[6] & 0xFF;
            end = Math.min(b.length, 40 + u16(b, 4));
        } else {
            return null;
        }
        byte[] transport = java.util.Arrays.copyOfRange(b, Math.min(off, end), end);
        if (tcpInUdp && proto == 17 && transport.length >= 8 + 20) {
            Tcp inner = tcp(java.util.Arrays.copyOfRange(transport, 8, transport.length));
            return new WirePacket(version == 6, tos, ttl, proto, inner, transport,
                    new Udp(u16(transport, 0), u16(transport, 2)));
        }
        Tcp tcp = proto == 6 ? tcp(transport) : null;
        return new WirePacket(version == 6, tos, ttl, proto, tcp, transport, null);
    }

    private static Tcp tcp(byte[] t) {
        if (t.length < 20) {
            return null;
        }
        int hl = ((t[12] & 0xFF) >>> 4) * 4;
        List<Option> options = new ArrayList<>();
        int i = 20;
        while (i < Math.min(hl, t.length)) {
            int kind = t[i] & 0xFF;
            if (kind == 0 || kind == 1) {
                options.add(new Option(kind, new byte[0]));
                i++;
                continue;
            }
            if (i + 1 >= hl) {
                break;
            }
            int len = t[i + 1] & 0xFF;
            if (len < 2 || i + len > hl) {
                break;
            }
            options.add(new Option(kind, java.util.Arrays.copyOfRange(t, i + 2, i + len)));
            i += len;
        }
        int flags = (t[12] & 0x01) << 8 | t[13] & 0xFF;
        return new Tcp(u16(t, 0), u16(t, 2), (int) u32(t, 4), (int) u32(t, 8), flags, u16(t, 14), u16(t, 18),
                options, Math.max(0, t.length - hl));
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | b[at + 3] & 0xFFL;
    }
}
