package io.jnetstack.personality;

/**
 * How an OS runs the client side of TCP Fast Open (RFC 7413): whether it is on, when its cookie cache was last
 * reset, how long a path stays disabled, and which cookie lengths it caches. FreeBSD (sys/netinet/tcp_fastopen.c,
 * tcp_fastopen.h) and Linux (net/ipv4/tcp_input.c tcp_parse_fastopen_option, TCP_FASTOPEN_COOKIE_MIN/MAX): 4 to 16
 * bytes, even lengths only (tcp_fastopen_update_cache, tcp_fastopen_ccache_create).
 *
 * @param enabled         net.inet.tcp.fastopen.client_enable
 * @param cacheGeneration changes whenever client_enable changes: FreeBSD empties the cache when it is turned off
 *                        (sysctl_net_inet_tcp_fastopen_client_enable), so a cache that sees a new generation empties
 * @param pathDisableNs   net.inet.tcp.fastopen.path_disable_time: a disabled path gets TFO again (a cookie request)
 *                        once this long has passed since it was disabled (tcp_fastopen_connect)
 * @param keyedByPort     whether a cache entry is per server port (FreeBSD tcp_fastopen_ccache_lookup: local
 *                        address, server address and port); Linux keeps the cookie in the TCP metrics of the address
 *                        pair (tcp_fastopen_cache_get → tcp_get_metrics)
 * @param disablesPath    whether a SYN-ACK without a valid cookie disables the path (FreeBSD
 *                        tcp_fastopen_disable_path); Linux tcp_fastopen_cache_set keeps the cookie it had
 * @param defersConnect   whether connect() with a cached cookie sends no SYN and returns 0 at once, the SYN leaving
 *                        with the first write's data (Linux TCP_FASTOPEN_CONNECT: tcp_fastopen_defer_connect sets
 *                        DEFER_CONNECT; tcp_sendmsg_fastopen)
 * @param nopPadding      whether the option is padded to a word with NOPs (Linux tcp_options_write) rather than EOLs
 *                        (FreeBSD tcp_addoptions)
 * @param reservesOptionSpace whether a SYN's data room is the MSS less the whole 40-byte option space (Linux
 *                        tcp_send_syn_data: "Reserve maximum option space for middleboxes that add private TCP
 *                        options") rather than less the options the SYN carries (FreeBSD tcp_output)
 */
public record FastOpenClient(boolean enabled, long cacheGeneration, long pathDisableNs, boolean keyedByPort,
        boolean disablesPath, boolean defersConnect, boolean nopPadding, boolean reservesOptionSpace) {
    /** TCP_FASTOPEN_MIN_COOKIE_LEN. */
    public static final int MIN_COOKIE = 4;
    /** TCP_FASTOPEN_MAX_COOKIE_LEN. */
    public static final int MAX_COOKIE = 16;

    /** FreeBSD's client: per-port entries, paths disabled, no deferred connect, EOL padding. */
    public FastOpenClient(boolean enabled, long cacheGeneration, long pathDisableNs) {
        this(enabled, cacheGeneration, pathDisableNs, true, true, false, false, false);
    }

    /**
     * Linux's client (TCP_FASTOPEN_CONNECT): per address pair, no path disabling, connect deferred, NOP padding, the
     * full option space reserved in a SYN with data.
     */
    public static FastOpenClient linux(boolean enabled, long cacheGeneration) {
        return new FastOpenClient(enabled, cacheGeneration, 0, false, false, true, true, true);
    }

    /**
     * The bytes a SYN with a cookie carries at most, for a connection whose MSS (the route's, clamped to the server
     * MSS the cache holds and to TCP_MAXSEG) is {@code mss} and whose SYN carries {@code optionBytes} of options.
     * FreeBSD tcp_output trims len + optlen to t_maxseg. Linux tcp_send_syn_data: __tcp_mtu_to_mss (floored at
     * net.ipv4.tcp_min_snd_mss, 48) less MAX_TCP_OPTION_SPACE (40), then no more than the socket's page fragment
     * holds (32 KiB when fresh: SKB_FRAG_PAGE_ORDER).
     */
    public int synDataRoom(int mss, int optionBytes) {
        if (!reservesOptionSpace) {
            return mss - optionBytes;
        }
        return Math.min(Math.max(mss, LINUX_MIN_SND_MSS) - MAX_OPTION_SPACE, LINUX_PAGE_FRAG);
    }

    /** net.ipv4.tcp_min_snd_mss's default (TCP_MIN_SND_MSS). */
    private static final int LINUX_MIN_SND_MSS = 48;
    /** MAX_TCP_OPTION_SPACE: the TCP header's 40 bytes of options. */
    private static final int MAX_OPTION_SPACE = 40;
    /** A fresh socket page fragment: 32 KiB (SKB_FRAG_PAGE_ORDER = get_order(32768)). */
    private static final int LINUX_PAGE_FRAG = 32768;

    /** Whether a server's cookie of {@code length} bytes is cached (else the path is disabled). */
    public boolean validCookieLength(int length) {
        return length >= MIN_COOKIE && length <= MAX_COOKIE && (length & 1) == 0;
    }
}
