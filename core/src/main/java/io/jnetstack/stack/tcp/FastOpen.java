package io.jnetstack.stack.tcp;

import io.jnetstack.wire.ByteString;
import java.util.Objects;

/**
 * An active open by sendto(2) on a TCP_FASTOPEN socket (RFC 7413; FreeBSD tcp_usrreq.c tcp_usr_send: tcp_connect,
 * tcp_fastopen_connect, then the data is appended to the send buffer before tcp_output builds the SYN).
 *
 * @param cookie the cookie the SYN carries: empty for a cookie request (the SYN carries no data), or null when the
 *               path is disabled and the connection runs without TFO (tcp_fastopen_connect clears TF_FASTOPEN)
 * @param data   the bytes queued before the SYN leaves; those that fit go in a SYN that carries a cookie
 * @param path   where the SYN-ACK's verdict on the path goes (the host's client cookie cache)
 * @param deferred the SYN waits for the first write (Linux TCP_FASTOPEN_CONNECT with a cached cookie:
 *               tcp_fastopen_defer_connect)
 * @param serverMss the server's MSS the cache holds for the path, 0 when none: it bounds the data a SYN with a
 *               cookie carries (FreeBSD tcp_fastopen_connect: tcp_mss(tp, server_mss); Linux tcp_send_syn_data:
 *               mss_clamp from tcp_fastopen_cookie_check)
 */
public record FastOpen(ByteString cookie, byte[] data, Path path, boolean deferred, int serverMss) {
    /** Checks the non-null parts. */
    public FastOpen {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(path, "path");
    }

    /** A Fast Open whose SYN leaves at once, with no server MSS cached. */
    public FastOpen(ByteString cookie, byte[] data, Path path) {
        this(cookie, data, path, false, 0);
    }

    /** The host's cookie cache entry for the connection's path (local address, remote address and port). */
    public interface Path {
        /** The SYN-ACK carried a Fast Open option with {@code cookie} (any length; the cache judges it). */
        void update(int serverMss, ByteString cookie, long nowNs);

        /** The SYN-ACK carried no Fast Open option: FreeBSD tcp_fastopen_disable_path. */
        void disable(long nowNs);
    }
}
