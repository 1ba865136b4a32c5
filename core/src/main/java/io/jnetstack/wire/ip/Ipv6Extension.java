package io.jnetstack.wire.ip;

/**
 * One IPv6 extension header found by {@link Ipv6ExtensionChain#walk} (RFC 8200 §4).
 *
 * @param type the next-header value that identified it (0, 43, 44, 51 or 60)
 * @param offset absolute index of its first byte in the walked array
 * @param length its length in bytes
 */
public record Ipv6Extension(int type, int offset, int length) {
    /** Absolute index just past this header. */
    public int end() {
        return offset + length;
    }
}
