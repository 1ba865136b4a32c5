package io.jnetstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.FastOpenClient;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.Ipv4Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FreeBSD's client cookie cache rules (tcp_fastopen.c tcp_fastopen_connect, _update_cache, _disable_path). */
class FastOpenCacheTest {
    private static final long S = 1_000_000_000L;
    private static final FastOpenClient ON = new FastOpenClient(true, 0, 900 * S);
    private static final FastOpenCache.Key PATH = new FastOpenCache.Key(new Ipv4Address(0xC0A80001),
            new Ipv4Address(0xC0000201), 8080);

    private static ByteString cookie(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i + 1);
        }
        return ByteString.copyOf(b);
    }

    @Test
    void unknownPath_asksForACookie() {
        assertThat(new FastOpenCache().connect(PATH, ON, 0)).isEqualTo(ByteString.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 6, 8, 10, 12, 14, 16})
    void evenCookieOf4To16Bytes_isCachedAndSent(int n) {
        FastOpenCache cache = new FastOpenCache();
        cache.update(PATH, ON, 1460, cookie(n), 0);
        assertThat(cache.connect(PATH, ON, S)).isEqualTo(cookie(n));
        assertThat(cache.serverMss(PATH)).isEqualTo(1460);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 5, 7, 15, 17, 18, 38})
    void otherCookieLengths_disableThePath_evenReplacingAGoodCookie(int n) {
        FastOpenCache cache = new FastOpenCache();
        cache.update(PATH, ON, 1460, cookie(8), 0);
        cache.update(PATH, ON, 1460, cookie(n), S);
        assertThat(cache.connect(PATH, ON, 2 * S)).as("TFO off for this path").isNull();
    }

    @Test
    void noOptionInTheSynAck_disablesThePath_untilPathDisableTimeHasPassed_thenAsksAgain() {
        FastOpenCache cache = new FastOpenCache();
        cache.disablePath(PATH, ON, 10 * S);
        assertThat(cache.connect(PATH, ON, 910 * S)).isNull();
        assertThat(cache.connect(PATH, ON, 911 * S)).isEqualTo(ByteString.EMPTY);
    }

    @Test
    void aDisabledPathKeepsItsFirstDisableTime() {
        FastOpenCache cache = new FastOpenCache();
        cache.disablePath(PATH, ON, 0);
        cache.update(PATH, ON, 1460, cookie(3), 500 * S);
        assertThat(cache.connect(PATH, ON, 901 * S)).isEqualTo(ByteString.EMPTY);
    }

    @Test
    void changingClientEnable_emptiesTheCache() {
        FastOpenCache cache = new FastOpenCache();
        cache.update(PATH, ON, 1460, cookie(8), 0);
        FastOpenClient toggled = new FastOpenClient(true, 2, 900 * S);
        assertThat(cache.connect(PATH, toggled, S)).isEqualTo(ByteString.EMPTY);
    }

    @Test
    void pathsAreKeptApart() {
        FastOpenCache cache = new FastOpenCache();
        cache.update(PATH, ON, 1460, cookie(8), 0);
        FastOpenCache.Key otherPort = new FastOpenCache.Key(PATH.local(), PATH.server(), 8081);
        assertThat(cache.connect(otherPort, ON, S)).isEqualTo(ByteString.EMPTY);
    }
}
