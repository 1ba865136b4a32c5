package io.jnetstack.stack;

import io.jnetstack.wire.IpAddress;

/**
 * An address and port of a UDP endpoint, in the endpoint's family: an IPv6 endpoint sees IPv4 peers as v4-mapped
 * addresses (::ffff:a.b.c.d, RFC 4291 §2.5.5.2). "Any" is the unspecified address (0.0.0.0 or ::), never null.
 */
public record UdpAddress(IpAddress address, int port) {
    @Override
    public String toString() {
        return address + "." + port;
    }
}
