package io.jnetstack.stack;

import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.IpAddress;
import io.jnetstack.wire.IpProtocol;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * TCP MD5 signatures (RFC 2385): the digest of a segment and finding, filling and checking its signature option in
 * the segment's bytes. The digest follows RFC 2385 §2.0 as FreeBSD netipsec/xform_tcp.c tcp_signature_compute does
 * it: the pseudo-header (IPv4: source, destination, zero, protocol 6, segment length; IPv6: ip6_pseudo_compute's
 * source, destination, 32-bit length, 32-bit next header 6), the 20-byte TCP header without options and with a zero
 * checksum, the payload, then the key. Segments travelling inside UDP (TCP over UDP) are digested as the TCP
 * segment alone, as ip_pseudo_compute skips the UDP header.
 */
public final class TcpMd5 {
    /** Offset of the checksum in a TCP header. */
    private static final int CHECKSUM_AT = 16;
    private static final int FIXED_HEADER = 20;
    private static final int KIND = 19;
    private static final int OPTION_LENGTH = 18;
    /** Bytes in a digest. */
    public static final int DIGEST_LENGTH = 16;

    private TcpMd5() {}

    /** The RFC 2385 digest of the TCP segment {@code seg[off, off+len)} from {@code src} to {@code dst}. */
    public static byte[] digest(IpAddress src, IpAddress dst, byte[] seg, int off, int len, byte[] key) {
        MessageDigest md = md5();
        byte[] s = src.toBytes();
        byte[] d = dst.toBytes();
        md.update(s);
        md.update(d);
        if (s.length == 4) {
            md.update(new byte[] {0, (byte) IpProtocol.TCP, (byte) (len >>> 8), (byte) len});
        } else {
            md.update(new byte[] {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len,
                0, 0, 0, (byte) IpProtocol.TCP});
        }
        byte[] header = new byte[FIXED_HEADER];
        System.arraycopy(seg, off, header, 0, FIXED_HEADER);
        header[CHECKSUM_AT] = 0;
        header[CHECKSUM_AT + 1] = 0;
        md.update(header);
        int dataAt = Math.min(len, ((seg[off + 12] & 0xF0) >>> 4) * 4);
        md.update(seg, off + dataAt, len - dataAt);
        md.update(key);
        return md.digest();
    }

    /**
     * Where the digest of the segment's first signature option (kind 19, length 18) starts, or -1 when it has
     * none. Walks the options like FreeBSD tcp_dooptions: EOL ends them, a bad length stops the walk.
     */
    public static int digestOffset(byte[] seg, int off, int len) {
        if (len < FIXED_HEADER) {
            return -1;
        }
        int end = off + Math.min(len, ((seg[off + 12] & 0xF0) >>> 4) * 4);
        int i = off + FIXED_HEADER;
        while (i < end) {
            int kind = seg[i] & 0xFF;
            if (kind == 0) {
                return -1;
            }
            if (kind == 1) {
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return -1;
            }
            int l = seg[i + 1] & 0xFF;
            if (l < 2 || l > end - i) {
                return -1;
            }
            if (kind == KIND && l == OPTION_LENGTH) {
                return i + 2;
            }
            i += l;
        }
        return -1;
    }

    /**
     * Fills the signature option of segment {@code seg[off, off+len)} with its digest under {@code key} and
     * recomputes the TCP checksum (which covers the digest); false when the segment has no signature option.
     */
    public static boolean sign(IpAddress src, IpAddress dst, byte[] seg, int off, int len, byte[] key) {
        int at = digestOffset(seg, off, len);
        if (at < 0) {
            return false;
        }
        System.arraycopy(digest(src, dst, seg, off, len, key), 0, seg, at, DIGEST_LENGTH);
        long pseudo = src.version() == 4
                ? Checksum.pseudoHeaderV4(src.toBytes(), dst.toBytes(), IpProtocol.TCP, len)
                : Checksum.pseudoHeaderV6(src.toBytes(), dst.toBytes(), IpProtocol.TCP, len);
        int sum = Checksum.computeWithFieldZeroed(seg, off, len, off + CHECKSUM_AT, pseudo);
        seg[off + CHECKSUM_AT] = (byte) (sum >>> 8);
        seg[off + CHECKSUM_AT + 1] = (byte) sum;
        return true;
    }

    /** Whether the segment carries a signature option whose digest is right under {@code key}. */
    public static boolean verifies(IpAddress src, IpAddress dst, byte[] seg, int off, int len, byte[] key) {
        int at = digestOffset(seg, off, len);
        if (at < 0) {
            return false;
        }
        byte[] want = digest(src, dst, seg, off, len, key);
        return MessageDigest.isEqual(want, java.util.Arrays.copyOfRange(seg, at, at + DIGEST_LENGTH));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
