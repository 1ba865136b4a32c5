package io.jnetstack.wire.ip;

import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;

/**
 * The IPv6 Fragment extension header (RFC 8200 §4.5) as a value.
 *
 * <p>RFC 8200 says the reserved fields are "ignored on reception"; this parser instead rejects non-zero
 * reserved bits ({@link MalformedReason#BAD_FIELD}) so that {@code emit(parse(x)) == x} holds (the value has no
 * place to keep them).
 *
 * @param nextHeader the type of the header after this one in the original packet
 * @param fragmentOffsetBytes offset of this fragment's data in bytes (a multiple of 8)
 * @param moreFragments the M flag
 * @param identification the 32-bit identification (raw bits)
 */
public record Ipv6FragmentHeader(int nextHeader, int fragmentOffsetBytes, boolean moreFragments,
        int identification) {
    /** Header length in bytes. */
    public static final int LENGTH = 8;

    /** Validates ranges. */
    public Ipv6FragmentHeader {
        if (nextHeader < 0 || nextHeader > 0xFF) {
            throw new IllegalArgumentException("next header is a byte: " + nextHeader);
        }
        if (fragmentOffsetBytes < 0 || fragmentOffsetBytes > 0x1FFF * 8 || (fragmentOffsetBytes & 7) != 0) {
            throw new IllegalArgumentException("fragment offset must be a multiple of 8 in 0..65528: "
                    + fragmentOffsetBytes);
        }
    }

    /** Parses the 8-byte header at {@code b[off, off+len)}. */
    public static Parsed<Ipv6FragmentHeader> parse(byte[] b, int off, int len) {
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "buffer range off=" + off + " len=" + len
                    + " outside the array");
        }
        if (len < LENGTH) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "IPv6 fragment header needs 8 bytes, got " + len);
        }
        int reserved = Bytes.u8(b, off + 1);
        int offsetWord = Bytes.u16(b, off + 2);
        if (reserved != 0 || (offsetWord & 0x6) != 0) {
            return Parsed.malformed(MalformedReason.BAD_FIELD, "IPv6 fragment header reserved bits set: reserved=0x"
                    + Integer.toHexString(reserved) + " res=" + ((offsetWord >>> 1) & 3));
        }
        return Parsed.ok(new Ipv6FragmentHeader(Bytes.u8(b, off), offsetWord & 0xFFF8, (offsetWord & 1) != 0,
                Bytes.getInt(b, off + 4)));
    }

    /** Bytes {@link #emit} writes: always 8. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 8-byte header at {@code off}; returns 8. */
    public int emit(byte[] b, int off) {
        Bytes.put8(b, off, nextHeader);
        Bytes.put8(b, off + 1, 0);
        Bytes.put16(b, off + 2, fragmentOffsetBytes | (moreFragments ? 1 : 0));
        Bytes.putInt(b, off + 4, identification);
        return LENGTH;
    }

    /** True for the first fragment (offset 0): the following bytes are headers, not fragment data. */
    public boolean isFirst() {
        return fragmentOffsetBytes == 0;
    }

    /** True for an atomic fragment (offset 0, no more fragments; RFC 6946). */
    public boolean isAtomic() {
        return fragmentOffsetBytes == 0 && !moreFragments;
    }
}
