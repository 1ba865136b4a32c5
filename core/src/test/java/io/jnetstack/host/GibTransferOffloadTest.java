package io.jnetstack.host;

import java.io.IOException;

/**
 * {@link GibTransferTest}'s 1 GiB each way with matching SHA-256, over a TUN device at MTU 1500 with virtio-net
 * offloads: the kernel sends TCP super-packets with partial checksums (completed by TunLink, then trusted by the
 * stack), and jnetstack sends super-segments the kernel cuts at the MTU (GSO).
 */
class GibTransferOffloadTest extends GibTransferTest {
    @Override
    TunBed bed() throws IOException {
        return TunBed.up(1500, 3, true);
    }
}
