package io.jnetstack.stack.tcp;

import static io.jnetstack.stack.tcp.TcpHandshakeTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nagle's "nothing outstanding" is judged when output starts (BSD tcp_output sets {@code idle} before the loop
 * sendalot repeats): a 1500-byte write on an idle connection after TCP_MAXSEG 1400 leaves as 1400 + 100 bytes, as the
 * freebsd-net tcp-over-udp setsockopt-tcp-maxseg-established scripts expect; a further small write waits.
 */
class NagleIdleAtOutputStartTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linux", "freebsd", "openbsd", "macos"})
    void theTailOfAWriteThatFoundTheConnectionIdle_leavesWithIt(String os) {
        TcpConnection c = TcpDsackTest.established(Personality.named(os).forHost());
        c.setMaxSegment(1400);
        c.send(new byte[1500], 0, 1500, 10);
        assertThat(drain(c)).extracting(s -> s.payload().length()).containsExactly(1400, 100);
        c.send(new byte[10], 0, 10, 20);
        assertThat(drain(c)).as("a small write while data is outstanding waits (RFC 896)").isEmpty();
    }
}
