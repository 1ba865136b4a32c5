package io.jnetstack.stack;

import io.jnetstack.personality.FastOpenClient;
import io.jnetstack.stack.tcp.FastOpen;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.IpAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A host's TCP Fast Open client cookie cache (RFC 7413 §4.1), as FreeBSD keeps it (sys/netinet/tcp_fastopen.c
 * tcp_fastopen_ccache): one entry per path — local address, server address and server port
 * (tcp_fastopen_ccache_lookup) — holding the server's cookie and MSS, or the time the path was disabled. Entries are
 * only looked up by key, never iterated. FreeBSD's bucket limits (ccache_buckets, ccache_bucket_limit) are not
 * modelled: no entry is ever reclaimed.
 */
final class FastOpenCache {
    /** A path: the connection's local address, the server's address and port (0 where the OS keys by address). */
    record Key(IpAddress local, IpAddress server, int serverPort) {}

    /** tcp_fastopen_ccache_entry: a cookie (empty: none) and server MSS, or disabled since {@code disabledAtNs}. */
    private static final class Entry {
        ByteString cookie = ByteString.EMPTY;
        int serverMss;
        long disabledAtNs = -1;
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private long generation;

    /**
     * tcp_fastopen_connect: the cookie a new connection's SYN carries — the cached one, or empty for a cookie request
     * (no entry yet, or a disabled path whose path_disable_time has passed, which re-enables it) — or null while the
     * path is disabled (the connection runs without TFO).
     */
    ByteString connect(Key k, FastOpenClient rules, long nowNs) {
        sync(rules);
        Entry e = entries.get(k);
        if (e == null) {
            return ByteString.EMPTY; // "A new entry for this path will be created when a SYN|ACK comes back"
        }
        if (e.disabledAtNs < 0) {
            return e.cookie;
        }
        if (nowNs - e.disabledAtNs > rules.pathDisableNs()) {
            e.disabledAtNs = -1; // "Re-enable path. Force a TFO cookie request."
            e.serverMss = 0;
            e.cookie = ByteString.EMPTY;
            return ByteString.EMPTY;
        }
        return null; // "Path is disabled, so disable TFO on this connection."
    }

    /**
     * tcp_fastopen_update_cache / tcp_fastopen_ccache_create: a cookie of a length the OS accepts replaces the
     * entry's and re-enables the path; any other length (a cookie request echoed, odd, too short or too long)
     * empties the entry and disables the path, keeping an earlier disable time.
     */
    void update(Key k, FastOpenClient rules, int serverMss, ByteString cookie, long nowNs) {
        sync(rules);
        Entry e = entries.computeIfAbsent(k, x -> new Entry());
        if (rules.validCookieLength(cookie.length())) {
            e.cookie = cookie;
            e.serverMss = serverMss;
            e.disabledAtNs = -1;
        } else if (rules.disablesPath()) {
            disable(e, nowNs);
        } else if (serverMss > 0) {
            e.serverMss = serverMss; // Linux tcp_fastopen_cache_set: the MSS is kept, a cookie only if len > 0
        }
    }

    /**
     * tcp_fastopen_disable_path: the server sent no Fast Open option; a missing entry is created disabled. Where the
     * OS does not disable paths (Linux) the entry is left as it was.
     */
    void disablePath(Key k, FastOpenClient rules, long nowNs) {
        sync(rules);
        if (rules.disablesPath()) {
            disable(entries.computeIfAbsent(k, x -> new Entry()), nowNs);
        }
    }

    /** The server MSS cached for {@code k}, 0 when none. */
    int serverMss(Key k) {
        Entry e = entries.get(k);
        return e == null ? 0 : e.serverMss;
    }

    /** The handle a connection on path {@code k} reports its SYN-ACK through. */
    FastOpen.Path path(Key k, java.util.function.Supplier<FastOpenClient> rules) {
        return new FastOpen.Path() {
            @Override
            public void update(int serverMss, ByteString cookie, long nowNs) {
                FastOpenCache.this.update(k, rules.get(), serverMss, cookie, nowNs);
            }

            @Override
            public void disable(long nowNs) {
                disablePath(k, rules.get(), nowNs);
            }
        };
    }

    private static void disable(Entry e, long nowNs) {
        e.cookie = ByteString.EMPTY;
        e.serverMss = 0;
        if (e.disabledAtNs < 0) {
            e.disabledAtNs = nowNs; // "Preserve the existing disable time if it is already disabled."
        }
    }

    /** sysctl_net_inet_tcp_fastopen_client_enable: turning client_enable off drops every entry. */
    private void sync(FastOpenClient rules) {
        if (rules.cacheGeneration() != generation) {
            entries.clear();
            generation = rules.cacheGeneration();
        }
    }
}
