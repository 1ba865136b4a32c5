package io.jnetstack.link;

import io.jnetstack.wire.MacAddress;

/**
 * One network attachment of a stack (gVisor's LinkEndpoint, smoltcp's Device): frames go out through {@link
 * #transmit} and come in through the sink given to {@link #attach}.
 */
public interface LinkEndpoint {

    /** Ethernet or raw IP. */
    Medium medium();

    /** Largest IP datagram the link carries (excluding any link-layer header). */
    int mtu();

    /** The endpoint's hardware address; {@link MacAddress#ZERO} on an IP medium. */
    MacAddress macAddress();

    /** Sets the sink that inbound frames are delivered to. */
    void attach(FrameSink inbound);

    /**
     * Sends one frame. The endpoint copies what it keeps; the caller may reuse the array on return. A frame the
     * link cannot take (queue full, link down) is dropped and counted by the link, never reported as an exception.
     */
    void transmit(byte[] frame, int off, int len, long nowNs);

    /**
     * TCP segmentation offload (a NIC's TSO, a virtio device's GSO): the longest locally built TCP datagram the
     * link takes and cuts into MTU-sized segments itself; 0 (the default) when it takes nothing over the MTU.
     */
    default int tcpOffloadSize() {
        return 0;
    }
}
