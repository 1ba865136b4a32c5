package io.jnetstack.personality;

/**
 * How an OS runs the client side of TCP Fast Open (RFC 7413): whether it is on, when its cookie cache was last
 * reset, how long a path stays disabled, and which cookie lengths it caches. FreeBSD (sys/netinet/tcp_fastopen.c,
 * tcp_fastopen.h): TCP_FASTOPEN_MIN_COOKIE_LEN 4, TCP_FASTOPEN_MAX_COOKIE_LEN 16, even lengths only
 * (tcp_fastopen_update_cache, tcp_fastopen_ccache_create).
 *
 * @param enabled         net.inet.tcp.fastopen.client_enable
 * @param cacheGeneration changes whenever client_enable changes: FreeBSD empties the cache when it is turned off
 *                        (sysctl_net_inet_tcp_fastopen_client_enable), so a cache that sees a new generation empties
 * @param pathDisableNs   net.inet.tcp.fastopen.path_disable_time: a disabled path gets TFO again (a cookie request)
 *                        once this long has passed since it was disabled (tcp_fastopen_connect)
 */
public record FastOpenClient(boolean enabled, long cacheGeneration, long pathDisableNs) {
    /** TCP_FASTOPEN_MIN_COOKIE_LEN. */
    public static final int MIN_COOKIE = 4;
    /** TCP_FASTOPEN_MAX_COOKIE_LEN. */
    public static final int MAX_COOKIE = 16;

    /** Whether a server's cookie of {@code length} bytes is cached (else the path is disabled). */
    public boolean validCookieLength(int length) {
        return length >= MIN_COOKIE && length <= MAX_COOKIE && (length & 1) == 0;
    }
}
