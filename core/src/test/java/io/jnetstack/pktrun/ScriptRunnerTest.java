package io.jnetstack.pktrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.pkt.Parser;
import org.junit.jupiter.api.Test;

/** The runner's verdicts and messages on small scripts: what passes, what fails and how it says so, what skips. */
class ScriptRunnerTest {
    private static final String CONNECT = """
            --tolerance_usecs=10000
             0    socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
            +0    fcntl(3, F_SETFL, O_RDWR | O_NONBLOCK) = 0
            +0    connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)
            """;

    private static ScriptResult run(String os, String text) {
        return ScriptRunner.run(Parser.parse("t.pkt", text), text, Personality.named(os), null);
    }

    @Test
    void aHandshakeWithRelativeNumbers_passes() {
        ScriptResult r = run("freebsd", CONNECT + """
                +0    > S 0:0(0) win 65535 <mss 1460,nop,wscale 6,sackOK,TS val 100 ecr 0>
                +0.1  < S. 0:0(0) ack 1 win 65535 <mss 1460,nop,wscale 3,sackOK,TS val 7 ecr 100>
                +0    > . 1:1(0) ack 1 <nop,nop,TS val 200 ecr 7>
                +0    getsockopt(3, SOL_SOCKET, SO_ERROR, [0], [4]) = 0
                """);
        assertThat(r.verdict()).as(r.reason()).isEqualTo(ScriptResult.Verdict.PASS);
        assertThat(r.virtualNs()).isEqualTo(100_000_000L);
    }

    @Test
    void aDifferentPacket_failsShowingTheLineWhatWasSentAndTheTime() {
        ScriptResult r = run("linux", CONNECT + "+0    > S 0:0(0) win 1234 <...>\n");
        assertThat(r.verdict()).isEqualTo(ScriptResult.Verdict.FAIL);
        assertThat(r.reason()).startsWith("line 5: expected '> S 0:0(0) win 1234 <...>'; the host sent S 0:0(0) win ")
                .contains("at 0.000000 s", "win 64240, expected 1234");
    }

    @Test
    void aPacketOutsideTheToleranceWindow_failsWithBothTimes() {
        ScriptResult r = run("freebsd", CONNECT + "+0.5  > S 0:0(0) <...>\n");
        assertThat(r.reason()).contains("expected '> S 0:0(0) <...>' at 0.500000 s", "at 0.000000 s",
                "tolerance 25000 us");
    }

    @Test
    void aPacketThatNeverComes_failsNamingTheDeadline() {
        ScriptResult r = run("freebsd", CONNECT + "+0    > S 0:0(0) <...>\n+0.1  > . 1:1(0) <...>\n");
        assertThat(r.reason()).isEqualTo("line 6: expected '> . 1:1(0) <...>' by 0.110000 s; the host sent nothing");
    }

    @Test
    void aWrongReturnValue_failsWithTheActualErrno() {
        ScriptResult r = run("openbsd", CONNECT + "+0    connect(3, ..., ...) = -1 EISCONN (Socket is connected)\n");
        assertThat(r.reason()).isEqualTo("line 5: 'connect(3, ..., ...) = -1 EISCONN (Socket is connected)': "
                + "returned -1 EALREADY");
    }

    @Test
    void aGetsockoptValue_isCheckedAgainstTheKernelsAnswer() {
        ScriptResult r = run("macos", CONNECT + "+0    getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNRESET], [4]) = 0\n");
        assertThat(r.reason()).endsWith("option value 0 (expected ECONNRESET)");
    }

    @Test
    void aBlockingCall_returnsInTheBackgroundWhileLaterEventsRun() {
        ScriptResult ok = run("freebsd", """
                 0    socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
                 0...0.2 connect(3, ..., ...) = 0
                +0    > S 0:0(0) <...>
                 0.2  < S. 0:0(0) ack 1 win 65535 <mss 1000>
                +0    > . 1:1(0) ack 1 win 65535
                """);
        assertThat(ok.verdict()).as(ok.reason()).isEqualTo(ScriptResult.Verdict.PASS);
        ScriptResult early = run("freebsd", """
                 0    socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
                 0...0.5 connect(3, ..., ...) = 0
                +0    > S 0:0(0) <...>
                 0.2  < S. 0:0(0) ack 1 win 65535 <mss 1000>
                """);
        assertThat(early.reason()).isEqualTo("line 2: connect() returned at 0.200000 s, expected at 0.500000 s");
    }

    @Test
    void aCallThatBlocksUnannounced_fails() {
        ScriptResult r = run("linux", """
                 0    socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
                +0    connect(3, ..., ...) = 0
                """);
        assertThat(r.reason()).startsWith("line 2: connect() blocked; the script expects it to return at once");
    }

    @Test
    void sysctlsTheOsLacksOrValuesNotModelled_skipNamingThem() {
        assertThat(run("linux", "0 `sysctl -w net.inet.tcp.sack.enable=1`\n"))
                .isEqualTo(new ScriptResult(ScriptResult.Verdict.SKIP,
                        "line 1: sysctl net.inet.tcp.sack.enable=1 is not modelled (ENOENT)", 0));
        assertThat(run("freebsd", "0 `sysctl -w net.inet.tcp.rexmit_slop=7`\n").reason())
                .isEqualTo("line 1: sysctl net.inet.tcp.rexmit_slop=7 is not modelled (EOPNOTSUPP)");
        assertThat(run("freebsd", "0 `sysctl -w net.inet.tcp.sack.enable=1`\n").verdict())
                .isEqualTo(ScriptResult.Verdict.PASS);
    }

    @Test
    void unknownCallsOptionsAndSymbols_failClearly() {
        assertThat(run("linux", "0 frobnicate(3) = 0\n").reason()).isEqualTo("unknown system call frobnicate()");
        assertThat(run("linux", "--frob=1\n0 close(3) = -1 EBADF (Bad file descriptor)\n").reason())
                .isEqualTo("line 1: unknown option --frob");
        assertThat(run("linux", "0 socket(..., SOCK_STREAM, IPPROTO_FROB) = 3\n").reason())
                .isEqualTo("unknown symbol IPPROTO_FROB (not modelled for linux)");
        assertThat(run("linux", "0 `rm -rf /`\n").verdict()).isEqualTo(ScriptResult.Verdict.SKIP);
    }

    @Test
    void freebsdSockstat_countsSocketsByState() {
        String script = """
                 0    socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
                +0    bind(3, ..., ...) = 0
                +0    listen(3, 1) = 0
                +0    `sockstat -4 -P tcp -p 8080 -s | grep -c SYN_RCVD | grep 0`
                +0    < S 0:0(0) win 65535 <mss 1460>
                +0    > S. 0:0(0) ack 1 <...>
                +0    `sockstat -4 -P tcp -s -p 8080 | grep -c SYN_RCVD | grep %s`
                """;
        assertThat(run("freebsd", script.formatted("1")).verdict()).isEqualTo(ScriptResult.Verdict.PASS);
        assertThat(run("freebsd", script.formatted("2")).reason())
                .isEqualTo("line 7: `sockstat -4 -P tcp -s -p 8080 | grep -c SYN_RCVD | grep 2` failed: "
                        + "1 SYN_RCVD socket listed");
    }

    @Test
    void tcpInfoSnippets_assertOnTheSocketUnderTest() {
        String handshake = CONNECT + """
                +0    > S 0:0(0) <...>
                +0.1  < S. 0:0(0) ack 1 win 65535 <mss 1460,sackOK,eol,eol>
                +0    > . 1:1(0) ack 1 <...>
                """;
        assertThat(run("freebsd", handshake + "+0 %{ assert tcpi_state == TCPI_ESTABLISHED }%\n"
                + "+0 %{ assert tcpi_options == TCPI_OPT_SACK }%\n").verdict()).isEqualTo(ScriptResult.Verdict.PASS);
        assertThat(run("freebsd", handshake + "+0 %{ assert tcpi_state == TCPI_CLOSED }%\n").reason())
                .isEqualTo("line 8: %{ assert tcpi_state == TCPI_CLOSED }% is false: tcpi_state is TCPI_ESTABLISHED");
        assertThat(run("freebsd", handshake + "+0 %{ assert tcpi_options == (TCPI_OPT_SACK | TCPI_OPT_WSCALE) }%\n")
                .reason()).endsWith("is false: tcpi_options is TCPI_OPT_SACK");
        assertThat(run("freebsd", handshake + "+0 %{ print(tcpi_rtt) }%\n").verdict())
                .isEqualTo(ScriptResult.Verdict.SKIP);
    }

    @Test
    void tcpdropTimeWait_dropsTheConnectionWithoutAPacket() {
        ScriptResult r = run("freebsd", CONNECT + """
                +0    > S 0:0(0) <...>
                +0.1  < S. 0:0(0) ack 1 win 65535 <mss 1460>
                +0    > . 1:1(0) ack 1 <...>
                +0    shutdown(3, SHUT_WR) = 0
                +0    > F. 1:1(0) ack 1 <...>
                +0.1  < F. 1:1(0) ack 2 win 65535
                +0    > . 2:2(0) ack 2 <...>
                +0    `sockstat -4 -P tcp -s | grep packetdril | grep -c TIME_WAIT | grep 1`
                +0    `tcpdrop -s TIME_WAIT`
                +0    `sockstat -4 -P tcp -s | grep packetdril | grep -c CLOSED | grep 1`
                """);
        assertThat(r.verdict()).as(r.reason()).isEqualTo(ScriptResult.Verdict.PASS);
    }

    @Test
    void aSynAfterAStraySegmentToAListener_comesFromAFreshPort() {
        ScriptResult r = run("freebsd", """
                 0    socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
                +0    bind(3, ..., ...) = 0
                +0    listen(3, 1) = 0
                +0.1  < S. 17:20(3) ack 34 win 32767
                +1    < S 0:0(0) win 32767 <mss 1460>
                +0    > S. 0:0(0) ack 1 win 65535 <mss 1460>
                """);
        assertThat(r.verdict()).as("the RST answering the SYN-ACK belongs to another four-tuple: " + r.reason())
                .isEqualTo(ScriptResult.Verdict.PASS);
    }

    @Test
    void inboundEcrMustNameAnOutboundTsval() {
        ScriptResult r = run("freebsd", CONNECT + """
                +0    > S 0:0(0) <...>
                +0.1  < S. 0:0(0) ack 1 win 65535 <mss 1460,nop,wscale 3,sackOK,TS val 7 ecr 555>
                """);
        assertThat(r.reason()).isEqualTo("TS ecr 555 names no TS val of an earlier outbound packet"
                + " (write 'ecr 555!' for an absolute value)");
    }
}
