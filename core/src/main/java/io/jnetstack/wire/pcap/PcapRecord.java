package io.jnetstack.wire.pcap;

import io.jnetstack.wire.ByteString;

/**
 * One captured packet.
 *
 * @param timestampNs    capture time in nanoseconds since the epoch (or since the simulation start)
 * @param originalLength the packet's length on the wire; {@code data} may be shorter (snap length)
 * @param data           the captured bytes
 */
public record PcapRecord(long timestampNs, int originalLength, ByteString data) {
    /** Validates that {@code data} is no longer than {@code originalLength}. */
    public PcapRecord {
        if (data == null) {
            throw new IllegalArgumentException("data is null");
        }
        if (originalLength < data.length()) {
            throw new IllegalArgumentException("originalLength " + originalLength + " < captured " + data.length());
        }
    }
}
