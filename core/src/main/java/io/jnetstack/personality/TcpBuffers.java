package io.jnetstack.personality;

/**
 * An OS's default TCP socket buffer sizes and the ceilings its automatic sizing grows them to (Linux tcp_rmem /
 * tcp_wmem with receive-buffer autotuning, FreeBSD recvbuf_auto / sendbuf_auto, OpenBSD tcp_update_rcvspace /
 * tcp_update_sndspace, XNU tcp_autorcvbuf_max / tcp_autosndbuf_max). Sources in docs/research/tcp-closing.md §9.
 *
 * @param receiveInitial the receive buffer a new connection starts with
 * @param receiveMax     the most receive auto-sizing grows it to
 * @param sendInitial    the send buffer a new connection starts with
 * @param sendMax        the most send auto-sizing grows it to
 * @param gradualWindow  the advertised window starts at the SYN's window and grows toward the buffer by two
 *                       segments per full-sized segment received (Linux rcv_ssthresh, tcp_grow_window); false: the
 *                       whole free buffer is advertised from the first ACK (the BSDs' sbspace)
 */
public record TcpBuffers(int receiveInitial, int receiveMax, int sendInitial, int sendMax, boolean gradualWindow) {
    /** Validates 0 < initial ≤ max for both buffers. */
    public TcpBuffers {
        if (receiveInitial <= 0 || receiveMax < receiveInitial || sendInitial <= 0 || sendMax < sendInitial) {
            throw new IllegalArgumentException("buffer sizes out of order");
        }
    }
}
