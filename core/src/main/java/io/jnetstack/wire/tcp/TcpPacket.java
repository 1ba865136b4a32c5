package io.jnetstack.wire.tcp;

import io.jnetstack.wire.ByteView;
import io.jnetstack.wire.Bytes;
import io.jnetstack.wire.Checksum;
import io.jnetstack.wire.MalformedReason;
import io.jnetstack.wire.Parsed;
import io.jnetstack.wire.PseudoHeader;

/**
 * A bounds-checked view over a TCP segment {@code buf[off, off+len)} (RFC 9293 §3.1). {@link #wrap} checks only
 * the structure (20 fixed bytes, a sane data offset); setters write through to the buffer.
 */
public final class TcpPacket extends ByteView {

    private TcpPacket(byte[] buf, int off, int len) {
        super(buf, off, len);
    }

    /** Wraps {@code b[off, off+len)}: TRUNCATED below 20 bytes, BAD_HEADER_LENGTH for a data offset out of range. */
    public static Parsed<TcpPacket> wrap(byte[] b, int off, int len) {
        Parsed<TcpPacket> range = outOfBounds(b, off, len, "TCP");
        if (range != null) {
            return range;
        }
        if (len < TcpHeader.MIN_LENGTH) {
            return Parsed.malformed(MalformedReason.TRUNCATED, "segment length " + len + " < 20");
        }
        int words = Bytes.u8(b, off + 12) >>> 4;
        if (words < 5 || words * 4 > len) {
            return Parsed.malformed(MalformedReason.BAD_HEADER_LENGTH, "data offset " + words + " words ("
                    + words * 4 + " bytes) not in 20.." + Math.min(60, len - len % 4));
        }
        return Parsed.ok(new TcpPacket(b, off, len));
    }



    /** Length of the whole segment (header + payload). */
    public int length() { return len; }

    /** Source port. */
    public int sourcePort() { return Bytes.u16(buf, off); }

    /** Sets the source port. */
    public void sourcePort(int v) { Bytes.put16(buf, off, v); }

    /** Destination port. */
    public int destinationPort() { return Bytes.u16(buf, off + 2); }

    /** Sets the destination port. */
    public void destinationPort(int v) { Bytes.put16(buf, off + 2, v); }

    /** Raw 32-bit sequence number. */
    public int seq() { return Bytes.getInt(buf, off + 4); }

    /** Sets the sequence number. */
    public void seq(int v) { Bytes.putInt(buf, off + 4, v); }

    /** Raw 32-bit acknowledgment number. */
    public int ack() { return Bytes.getInt(buf, off + 8); }

    /** Sets the acknowledgment number. */
    public void ack(int v) { Bytes.putInt(buf, off + 8, v); }

    /** The data offset field in 32-bit words. */
    public int dataOffset() { return Bytes.u8(buf, off + 12) >>> 4; }

    /** Sets the data offset field (words, 0..15); no check against the segment length. */
    public void dataOffset(int words) { buf[off + 12] = (byte) ((words & 0xF) << 4 | (buf[off + 12] & 0x0F)); }

    /** The header length in bytes (data offset × 4). */
    public int dataOffsetBytes() { return dataOffset() * 4; }

    /** The 12 bits after the data offset: 4 reserved bits (0x100 = AE) and the 8 control bits. */
    public int flags() { return Bytes.u16(buf, off + 12) & 0x0FFF; }

    /** Sets the 12 flag bits, keeping the data offset. */
    public void flags(int v) { Bytes.put16(buf, off + 12, (dataOffset() << 12) | (v & 0x0FFF)); }

    /** Receive window (unscaled, as on the wire). */
    public int window() { return Bytes.u16(buf, off + 14); }

    /** Sets the window field. */
    public void window(int v) { Bytes.put16(buf, off + 14, v); }

    /** The checksum field. */
    public int checksum() { return Bytes.u16(buf, off + 16); }

    /** Sets the checksum field. */
    public void checksum(int v) { Bytes.put16(buf, off + 16, v); }

    /** The urgent pointer. */
    public int urgentPointer() { return Bytes.u16(buf, off + 18); }

    /** Sets the urgent pointer. */
    public void urgentPointer(int v) { Bytes.put16(buf, off + 18, v); }

    /** Absolute offset of the options area in {@link #buffer()}. */
    public int optionsOffset() { return off + TcpHeader.MIN_LENGTH; }

    /** Length of the options area in bytes. */
    public int optionsLength() { return dataOffsetBytes() - TcpHeader.MIN_LENGTH; }

    /** Absolute offset of the payload in {@link #buffer()}. */
    public int payloadOffset() { return off + dataOffsetBytes(); }

    /** Payload length: segment length minus header length. */
    public int payloadLength() { return len - dataOffsetBytes(); }

    /** The checksum the segment should carry for {@code ph} (computed as if the field were zero). */
    public int expectedChecksum(PseudoHeader ph) {
        long sum = Checksum.partial(buf, off, 16, ph.sum(len));
        sum = Checksum.partial(buf, off + 18, len - 18, sum);
        return Checksum.finish(sum);
    }

    /** True when the checksum verifies over {@code ph} and the whole segment (RFC 9293 §3.1). */
    public boolean checksumValid(PseudoHeader ph) {
        return Checksum.verifies(buf, off, len, ph.sum(len));
    }

    /** Recomputes and stores the checksum over {@code ph} and the whole segment. */
    public void recomputeChecksum(PseudoHeader ph) {
        checksum(expectedChecksum(ph));
    }
}
