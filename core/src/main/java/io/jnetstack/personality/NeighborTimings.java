package io.jnetstack.personality;

/**
 * How an OS resolves a link-layer address (ARP for IPv4, NDP for IPv6) for a destination it has no entry for.
 *
 * @param maxProbes        requests sent before the entry is declared unreachable
 * @param retransmitNs     interval between requests
 * @param maxQueuedPackets packets held while the entry is incomplete; older ones are dropped past this
 * @param reachableNs      how long a resolved entry is used before it must be confirmed again
 */
public record NeighborTimings(int maxProbes, long retransmitNs, int maxQueuedPackets, long reachableNs) {
    /** Validates ranges. */
    public NeighborTimings {
        if (maxProbes < 1 || retransmitNs <= 0 || maxQueuedPackets < 1 || reachableNs <= 0) {
            throw new IllegalArgumentException("neighbour timings out of range");
        }
    }

    /** Time from the first request until the entry fails: one retransmit interval after the last probe. */
    public long giveUpAfterNs() {
        return maxProbes * retransmitNs;
    }
}
