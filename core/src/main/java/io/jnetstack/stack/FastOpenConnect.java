package io.jnetstack.stack;

import io.jnetstack.stack.tcp.FastOpen;

/**
 * The TCP Fast Open client glue of the stack's active opens (RFC 7413): the host's client cookie cache and the
 * {@link FastOpen} a TCP_FASTOPEN sendto or a TCP_FASTOPEN_CONNECT connect hands its new connection.
 */
final class FastOpenConnect {
    private final Stack stack;
    /** The host's TCP Fast Open client cookie cache. */
    private final FastOpenCache fastOpenCache = new FastOpenCache();

    FastOpenConnect(Stack stack) {
        this.stack = stack;
    }

    /**
     * The Fast Open side of an active open by a TCP_FASTOPEN sendto or a TCP_FASTOPEN_CONNECT connect (null for an
     * ordinary connect): FreeBSD tcp_usr_send calls tcp_fastopen_connect, Linux tcp_v4_connect
     * tcp_fastopen_defer_connect; both look the path up in the host's client cookie cache. A Linux connect (no
     * data) that finds a cookie defers its SYN to the first write.
     */
    FastOpen fastOpen(TcpHandle h, byte[] data, long nowNs) {
        var rules = stack.personality().fastOpenClient();
        if (data == null || rules == null) {
            return null;
        }
        var key = new FastOpenCache.Key(h.localAddress(), h.remoteAddress(), rules.keyedByPort() ? h.remotePort() : 0);
        var cookie = fastOpenCache.connect(key, rules, nowNs);
        boolean deferred = rules.defersConnect() && data.length == 0 && cookie != null && cookie.length() > 0;
        return new FastOpen(cookie, data, fastOpenCache.path(key, () -> stack.personality().fastOpenClient()),
                deferred, fastOpenCache.serverMss(key));
    }
}
