package io.jnetstack.wire;

/**
 * The addresses and protocol that a transport checksum covers besides its own bytes: the IPv4 pseudo-header
 * (RFC 9293 §3.1, RFC 768) or the IPv6 one (RFC 8200 §8.1). Both addresses must have the same version.
 */
public record PseudoHeader(IpAddress source, IpAddress destination, int protocol) {

    /** Validates that both addresses share a version. */
    public PseudoHeader {
        if (source.version() != destination.version()) {
            throw new IllegalArgumentException("pseudo-header mixes IPv" + source.version() + " and IPv"
                    + destination.version());
        }
    }

    /** The unfolded pseudo-header sum for a transport segment of {@code length} bytes. */
    public long sum(int length) {
        return switch (source) {
            case Ipv4Address s -> Checksum.pseudoHeaderV4(s.toBytes(), destination.toBytes(), protocol, length);
            case Ipv6Address s -> Checksum.pseudoHeaderV6(s.toBytes(), destination.toBytes(), protocol, length);
        };
    }
}
