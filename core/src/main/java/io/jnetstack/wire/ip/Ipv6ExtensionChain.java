package io.jnetstack.wire.ip;

import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv6 extension headers of one packet (RFC 8200 §4) and where the upper-layer data starts.
 *
 * <p>The walk follows hop-by-hop options (0, only directly after the IPv6 header, §4.1), routing (43), fragment
 * (44, 8 bytes), destination options (60) and AH (51, RFC 4302 §2.2: length {@code (hdrlen + 2) * 4}); any other
 * value (including 59 no-next-header and 50 ESP) is the upper protocol. After a fragment header with a non-zero
 * offset the rest is fragment data, so the walk stops there with the fragment's next header as upper protocol.
 *
 * @param headers the extension headers in order
 * @param upperProtocol the first next-header value that is not an extension header walked here
 * @param upperOffset absolute index where that upper-layer data (or fragment data) starts
 * @param fragment the fragment header, or null when the packet is not a fragment
 */
public record Ipv6ExtensionChain(List<Ipv6Extension> headers, int upperProtocol, int upperOffset,
        Ipv6FragmentHeader fragment) {
    /** Longest chain accepted; longer chains are rejected as a resource-exhaustion defence. */
    public static final int MAX_HEADERS = 16;

    /** Copies the list. */
    public Ipv6ExtensionChain {
        headers = List.copyOf(headers);
    }

    /** Walks the extension headers of the IPv6 payload {@code b[off, off+len)}, starting at {@code firstNextHeader}. */
    public static Parsed<Ipv6ExtensionChain> walk(byte[] b, int off, int len, int firstNextHeader) {
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "buffer range off=" + off + " len=" + len
                    + " outside the array");
        }
        if (firstNextHeader < 0 || firstNextHeader > 0xFF) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "next header " + firstNextHeader + " is not a byte");
        }
        List<Ipv6Extension> list = new ArrayList<>();
        Ipv6FragmentHeader frag = null;
        int nh = firstNextHeader;
        int pos = off;
        int end = off + len;
        while (isExtension(nh)) {
            Parsed<Ipv6ExtensionChain> bad = checkOne(b, pos, end, nh, list.size());
            if (bad != null) {
                return bad;
            }
            int hlen = headerLength(b, pos, nh);
            if (nh == IpProtocol.IPV6_FRAG) {
                if (frag != null) {
                    return Parsed.malformed(MalformedReason.BAD_EXTENSION_CHAIN,
                            "second fragment header at " + (pos - off) + " (nested fragmentation unsupported)");
                }
                Parsed<Ipv6FragmentHeader> f = Ipv6FragmentHeader.parse(b, pos, end - pos);
                if (!(f instanceof Parsed.Ok<Ipv6FragmentHeader>(Ipv6FragmentHeader fh))) {
                    return f.map(x -> null);
                }
                frag = fh;
            }
            list.add(new Ipv6Extension(nh, pos, hlen));
            nh = b[pos] & 0xFF;
            pos += hlen;
            if (frag != null && list.getLast().type() == IpProtocol.IPV6_FRAG && !frag.isFirst()) {
                break;
            }
        }
        return Parsed.ok(new Ipv6ExtensionChain(list, nh, pos, frag));
    }

    /** Checks position, count, bounds and options of the header of type {@code nh} at {@code pos}; null if fine. */
    private static Parsed<Ipv6ExtensionChain> checkOne(byte[] b, int pos, int end, int nh, int index) {
        if (nh == IpProtocol.HOPOPT && index != 0) {
            return Parsed.malformed(MalformedReason.BAD_EXTENSION_CHAIN,
                    "hop-by-hop options header at position " + index + ", allowed only first (RFC 8200 §4.1)");
        }
        if (index >= MAX_HEADERS) {
            return Parsed.malformed(MalformedReason.BAD_EXTENSION_CHAIN,
                    "more than " + MAX_HEADERS + " extension headers");
        }
        if (end - pos < 8) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "extension header " + nh + " needs 8 bytes, "
                    + (end - pos) + " left in the payload");
        }
        int hlen = headerLength(b, pos, nh);
        if (nh == IpProtocol.AH && hlen < 12) {
            return Parsed.malformed(MalformedReason.BAD_EXTENSION_CHAIN, "AH length " + hlen
                    + " below its 12-byte fixed part (RFC 4302 §2.2)");
        }
        if (hlen > end - pos) {
            return Parsed.malformed(MalformedReason.BAD_EXTENSION_CHAIN, "extension header " + nh + " of "
                    + hlen + " bytes runs past the payload (" + (end - pos) + " bytes left)");
        }
        if (nh == IpProtocol.HOPOPT || nh == IpProtocol.IPV6_OPTS) {
            return checkOptions(b, pos + 2, pos + hlen, nh);
        }
        return null;
    }

    /** RFC 8200 §4.2 TLV options: Pad1 is one byte, every other option is type, length, data. */
    private static Parsed<Ipv6ExtensionChain> checkOptions(byte[] b, int from, int to, int nh) {
        int i = from;
        while (i < to) {
            int type = b[i] & 0xFF;
            if (type == 0) {
                i++;
                continue;
            }
            if (i + 1 >= to || i + 2 + (b[i + 1] & 0xFF) > to) {
                return Parsed.malformed(MalformedReason.OPTION_OVERRUN, "option type " + type + " in extension "
                        + "header " + nh + " runs past the header end");
            }
            i += 2 + (b[i + 1] & 0xFF);
        }
        return null;
    }

    /** Header length in bytes from the length byte at {@code pos + 1} (RFC 8200 §4.3-4.6, RFC 4302 §2.2). */
    private static int headerLength(byte[] b, int pos, int nh) {
        if (nh == IpProtocol.IPV6_FRAG) {
            return Ipv6FragmentHeader.LENGTH;
        }
        int v = b[pos + 1] & 0xFF;
        return nh == IpProtocol.AH ? (v + 2) * 4 : (v + 1) * 8;
    }

    /** True for the next-header values this walk treats as extension headers. */
    public static boolean isExtension(int nextHeader) {
        return nextHeader == IpProtocol.HOPOPT || nextHeader == IpProtocol.IPV6_ROUTE
                || nextHeader == IpProtocol.IPV6_FRAG || nextHeader == IpProtocol.IPV6_OPTS
                || nextHeader == IpProtocol.AH;
    }

    /** True when the packet carried a fragment header. */
    public boolean isFragment() {
        return fragment != null;
    }
}
