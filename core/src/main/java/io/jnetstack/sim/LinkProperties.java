package io.jnetstack.sim;

/**
 * The physical behaviour of a simulated link, the same in both directions.
 *
 * @param delayNs         one-way propagation delay
 * @param jitterNs        extra delay drawn uniformly from [0, jitterNs] per frame (frames may overtake each other)
 * @param rateBitsPerSec  serialisation rate; 0 means infinitely fast (no queueing)
 * @param queueLimitBytes bytes that may wait behind the one on the wire before drop-tail; ignored when rate is 0
 * @param loss            probability that a frame is lost on the wire
 * @param mtu             largest IP datagram the link carries
 */
public record LinkProperties(long delayNs, long jitterNs, long rateBitsPerSec, int queueLimitBytes, double loss,
        int mtu) {

    /** A zero-delay, lossless, infinitely fast Ethernet-sized link. */
    public static final LinkProperties IDEAL = new LinkProperties(0, 0, 0, 0, 0, 1500);

    /** Validates every field, naming the one that is wrong. */
    public LinkProperties {
        if (delayNs < 0 || jitterNs < 0) {
            throw new IllegalArgumentException("link delay and jitter must be ≥ 0");
        }
        if (rateBitsPerSec < 0 || queueLimitBytes < 0) {
            throw new IllegalArgumentException("link rate and queue limit must be ≥ 0");
        }
        if (!(loss >= 0 && loss <= 1)) {
            throw new IllegalArgumentException("link loss must be in [0, 1]: " + loss);
        }
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException("link MTU must be in [68, 65535]: " + mtu);
        }
    }

    /** A copy with another delay. */
    public LinkProperties withDelayNs(long ns) {
        return new LinkProperties(ns, jitterNs, rateBitsPerSec, queueLimitBytes, loss, mtu);
    }

    /** A copy with another loss probability. */
    public LinkProperties withLoss(double p) {
        return new LinkProperties(delayNs, jitterNs, rateBitsPerSec, queueLimitBytes, p, mtu);
    }

    /** A copy with another rate and queue limit. */
    public LinkProperties withRate(long bitsPerSec, int queueBytes) {
        return new LinkProperties(delayNs, jitterNs, bitsPerSec, queueBytes, loss, mtu);
    }

    /** A copy with another jitter. */
    public LinkProperties withJitterNs(long ns) {
        return new LinkProperties(delayNs, ns, rateBitsPerSec, queueLimitBytes, loss, mtu);
    }

    /** A copy with another MTU. */
    public LinkProperties withMtu(int value) {
        return new LinkProperties(delayNs, jitterNs, rateBitsPerSec, queueLimitBytes, loss, value);
    }
}
