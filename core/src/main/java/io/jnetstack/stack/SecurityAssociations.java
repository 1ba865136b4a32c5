package io.jnetstack.stack;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The host's security association database, as far as TCP MD5 signatures use it (FreeBSD netipsec key.c, filled by
 * setkey(8) through PF_KEY): TCP-MD5 associations, each a source and destination address, an SPI and a key. A
 * segment from A to B is signed, and one from A to B verified, with the key of the first association for (A, B)
 * (netipsec/xform_tcp.c tcp_ipsec_output / tcp_ipsec_input: key_allocsa_tcpmd5 by source and destination).
 */
public final class SecurityAssociations {
    /**
     * One TCP-MD5 association.
     *
     * @param source      the segments' source address
     * @param destination their destination address
     * @param spi         the security parameter index (kept, not used for the lookup)
     * @param key         the key, 1..80 bytes (xform_tcp.c tcpsignature_init: TCP_KEYLEN_MIN..TCP_KEYLEN_MAX)
     */
    public record TcpMd5Association(IpAddress source, IpAddress destination, long spi, ByteString key) {
        /** Validates the key length and the addresses' versions. */
        public TcpMd5Association {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            if (source.version() != destination.version()) {
                throw new IllegalArgumentException("source " + source + " and destination " + destination
                        + " differ in version");
            }
            if (key.length() < 1 || key.length() > 80) {
                throw new IllegalArgumentException("TCP-MD5 key length " + key.length() + " not in 1..80");
            }
        }
    }

    private final List<TcpMd5Association> entries = new ArrayList<>();

    /**
     * Adds {@code a}; false when an association with the same addresses and SPI exists (setkey's {@code add} fails
     * with EEXIST, key.c key_add: "SA already exists").
     */
    public boolean add(TcpMd5Association a) {
        for (TcpMd5Association e : entries) {
            if (e.source().equals(a.source()) && e.destination().equals(a.destination()) && e.spi() == a.spi()) {
                return false;
            }
        }
        entries.add(a);
        return true;
    }

    /** Removes every association ({@code setkey -F}: SADB_FLUSH). */
    public void flush() {
        entries.clear();
    }

    /** The associations, oldest first. */
    public List<TcpMd5Association> entries() {
        return List.copyOf(entries);
    }

    /** The key for segments from {@code source} to {@code destination}; null when no association covers them. */
    public byte[] key(IpAddress source, IpAddress destination) {
        for (TcpMd5Association e : entries) {
            if (e.source().equals(source) && e.destination().equals(destination)) {
                return e.key().toByteArray();
            }
        }
        return null;
    }
}
