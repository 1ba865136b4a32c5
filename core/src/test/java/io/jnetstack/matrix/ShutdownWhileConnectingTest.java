package io.jnetstack.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.abi.AbiConstant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * shutdown(2) on a socket whose connect is still in SYN-SENT, beside catalogue row C23 (SHUT_RDWR): Linux
 * inet_shutdown disconnects for every {@code how} (tcp_disconnect: sk_err ECONNRESET, the socket unconnected, so
 * connect starts afresh); the BSDs (FreeBSD tcp_usr_shutdown, OpenBSD and XNU soshutdown) only flush the receive
 * side for SHUT_RD — the attempt goes on — and close the connection for SHUT_WR.
 */
class ShutdownWhileConnectingTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "linux   | SHUT_RD | 0, -1 ECONNRESET, -1 EINPROGRESS",
        "freebsd | SHUT_RD | 0, 0, -1 EALREADY",
        "openbsd | SHUT_RD | 0, 0, -1 EALREADY",
        "macos   | SHUT_RD | 0, 0, -1 EALREADY",
        "linux   | SHUT_WR | 0, -1 ECONNRESET, -1 EINPROGRESS"})
    void shutdownOfAConnectingSocket(String os, String how, String expected) {
        Scenario s = new Scenario("shutdown-syn-sent", "non-blocking SYN_SENT", "shutdown; SO_ERROR; connect", b -> {
            int fd = b.tcp();
            b.nonBlocking(fd);
            b.connect(fd, b.in(Bench.HOLE, 80));
            String r = b.r(b.sys().shutdown(fd, b.k(AbiConstant.valueOf(how))));
            String err = b.soError(fd);
            return r + ", " + (err.equals("0") ? "0" : "-1 " + err) + ", " + b.r(b.connect(fd, b.in(Bench.HOLE, 80)));
        });
        assertThat(Matrix.run(s, Personality.named(os), null)).isEqualTo(expected);
    }
}
