package io.jnetstack.link;

import io.jnetstack.wire.EtherType;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.ethernet.EthernetHeader;
import io.jnetstack.wire.ip.Ipv4Header;
import io.jnetstack.wire.ip.Ipv6ExtensionChain;
import io.jnetstack.wire.ip.Ipv6Header;

/**
 * A frame offered to fault rules, with its IP-level facts parsed once on demand. A frame that is not IP (ARP) or
 * does not parse has {@link #isIp()} false; rules then see only the raw bytes.
 */
public final class FrameInfo {
    private final Medium medium;
    private final byte[] frame;
    private final int off;
    private final int len;
    private final long nowNs;
    private boolean parsed;
    private int ipOffset = -1;
    private int ipVersion;
    private IpAddress source;
    private IpAddress destination;
    private int protocol = -1;
    private int transportOffset = -1;

    /** Describes {@code frame[off, off+len)} seen at {@code nowNs} on a link of {@code medium}. */
    public FrameInfo(Medium medium, byte[] frame, int off, int len, long nowNs) {
        this.medium = medium;
        this.frame = frame;
        this.off = off;
        this.len = len;
        this.nowNs = nowNs;
    }

    /** The link's medium. */
    public Medium medium() {
        return medium;
    }

    /** The frame bytes (do not modify: use a {@link Verdict.Corrupt} verdict). */
    public byte[] bytes() {
        return frame;
    }

    /** Offset of the frame in {@link #bytes()}. */
    public int offset() {
        return off;
    }

    /** Frame length. */
    public int length() {
        return len;
    }

    /** When the frame is offered. */
    public long nowNs() {
        return nowNs;
    }

    /** True when the frame carries an IPv4 or IPv6 datagram that parses. */
    public boolean isIp() {
        parse();
        return ipOffset >= 0;
    }

    /** Offset of the IP header in {@link #bytes()}, or -1. */
    public int ipOffset() {
        parse();
        return ipOffset;
    }

    /** 4 or 6 (0 when not IP). */
    public int ipVersion() {
        parse();
        return ipVersion;
    }

    /** IP source, or null. */
    public IpAddress source() {
        parse();
        return source;
    }

    /** IP destination, or null. */
    public IpAddress destination() {
        parse();
        return destination;
    }

    /** Upper-layer protocol (after IPv6 extension headers), or -1. */
    public int protocol() {
        parse();
        return protocol;
    }

    /** Offset of the transport header in {@link #bytes()}, or -1. */
    public int transportOffset() {
        parse();
        return transportOffset;
    }

    /** Length of the IP datagram from {@link #ipOffset()} to the end of the frame. */
    public int ipLength() {
        return ipOffset() < 0 ? 0 : off + len - ipOffset;
    }

    private void parse() {
        if (parsed) {
            return;
        }
        parsed = true;
        int at = off;
        if (medium == Medium.ETHERNET) {
            if (!(EthernetHeader.parse(frame, off, len) instanceof Parsed.Ok<EthernetHeader> eth)) {
                return;
            }
            int type = eth.value().etherType();
            if (type != EtherType.IPV4 && type != EtherType.IPV6) {
                return;
            }
            at += EthernetHeader.LENGTH;
        }
        parseIp(at, off + len - at);
    }

    private void parseIp(int at, int avail) {
        if (avail < 1) {
            return;
        }
        int version = (frame[at] & 0xFF) >>> 4;
        if (version == 4 && Ipv4Header.parse(frame, at, avail) instanceof Parsed.Ok<Ipv4Header> ok) {
            Ipv4Header h = ok.value();
            set(at, 4, h.source(), h.destination(), h.protocol(), at + h.headerLength());
        } else if (version == 6 && Ipv6Header.parse(frame, at, avail) instanceof Parsed.Ok<Ipv6Header> ok) {
            Ipv6Header h = ok.value();
            int payload = at + Ipv6Header.LENGTH;
            if (Ipv6ExtensionChain.walk(frame, payload, h.payloadLength(), h.nextHeader())
                    instanceof Parsed.Ok<Ipv6ExtensionChain> chain) {
                set(at, 6, h.source(), h.destination(), chain.value().upperProtocol(), chain.value().upperOffset());
            }
        }
    }

    private void set(int at, int version, IpAddress src, IpAddress dst, int proto, int transport) {
        ipOffset = at;
        ipVersion = version;
        source = src;
        destination = dst;
        protocol = proto;
        transportOffset = transport;
    }
}
