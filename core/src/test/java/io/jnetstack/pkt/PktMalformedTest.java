package io.jnetstack.pkt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Realistic mistakes: each gives one ParseError at an exact line and column with an exact message. */
class PktMalformedTest {

    private static ParseError error(String script) {
        return switch (Parser.tryParse("bad.pkt", script.replace("\\n", "\n"))) {
            case ParseResult.Failed f -> f.error();
            case ParseResult.Ok ok -> throw new AssertionError("parsed: " + ok.script());
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            missing close paren    | +0 socket(..., SOCK_STREAM, IPPROTO_TCP = 3                   | 1 | 41 | expected ',' or ')' after argument of socket(...), found '='
            missing result         | +0 close(3)\\n+0 close(4) = 0                                  | 1 | 12 | expected '=' and the expected result after close(...), found end of line
            missing result value   | +0 close(3) =\\n                                               | 1 | 14 | expected the return value after '=', found end of line
            errno without text     | +0 connect(3, ..., ...) = -1 EINPROGRESS\\n                    | 1 | 41 | expected '(' and the error text after EINPROGRESS, found end of line
            unclosed errno text    | +0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now\\n+0 close(3) = 0 | 1 | 56 | expected ')' closing the text that starts at column 42, found end of line
            bad flag               | +0 < SX 0:0(0) win 100                                         | 1 | 6  | bad TCP flag 'X' in 'SX'; expected letters from F S R P . U E W A
            unterminated string    | +0 write(3, "abc, 3) = 3\\n+0 close(3) = 0                     | 1 | 13 | unterminated string: expected closing '"' before end of script
            unterminated backtick  | +0 `sysctl -w a=1\\n+0 close(3) = 0                           | 1 | 4  | unterminated shell command: expected closing '`' before end of script
            unterminated comment   | +0 close(3) = 0\\n/* forgot to close\\n+0 close(4) = 0        | 2 | 1  | unterminated comment: expected '*/' before end of script
            unterminated code      | +0 %{ assert x == 1\\n                                         | 1 | 4  | unterminated code snippet: expected '}%' before end of script
            unknown tcp option     | +0 > S 0:0(0) <mss 1460,sackok>                                | 1 | 25 | unknown TCP option 'sackok'; expected nop, eol, mss, wscale, sackOK, sack, TS, md5 or FO
            option out of range    | +0 > S 0:0(0) <mss 70000>                                      | 1 | 20 | mss 70000 is out of range 0..65535
            missing options close  | +0 > S 0:0(0) <mss 1460,nop\\n+0 close(3) = 0                  | 1 | 28 | expected ',' or '>' in the TCP options, found end of line
            garbage after packet   | +0 > S 0:0(0) win 100 xyz                                      | 1 | 23 | expected 'ack', 'win', 'urg', '<' options, '/udp(...)' or end of line in the TCP packet, found 'xyz'
            garbage after syscall  | +0 close(3) = 0 (ok) extra                                     | 1 | 22 | expected end of line after the system call, found 'extra'
            bad timestamp          | +x close(3) = 0                                                | 1 | 2  | expected a time in seconds after '+', found 'x'
            negative timestamp     | -0.5 close(3) = 0                                              | 1 | 1  | time -0.5 is negative
            backwards range        | 0.2~0.1 > S 0:0(0)                                             | 1 | 1  | time range ends before it starts
            range on syscall       | +0~+1 close(3) = 0                                             | 1 | 1  | a time range or '*' is only allowed for outbound packets ('>')
            no time                | close(3) = 0                                                   | 1 | 1  | expected a time ('0.1', '+0.1' or '*') starting an event, found 'close'
            inconsistent sequence  | +0 < P. 1:100(10) ack 1 win 5                                  | 1 | 9  | inconsistent TCP sequence numbers and payload size: 1:100(10) needs end = start + length
            missing seq paren      | +0 < . 1:1 ack 1                                               | 1 | 12 | expected '(' and the payload length in 'start:end(length)', found 'ack'
            no flags               | +0 < 0:0(0) win 5                                              | 1 | 6  | expected TCP flags (such as S, S., ., P., F., R), 'udp' or 'icmp' after the direction, found '0'
            bad direction payload  | +0 < tcp S 0:0(0)                                              | 1 | 6  | bad TCP flag 't' in 'tcp'; expected letters from F S R P . U E W A
            late option            | +0 close(3) = 0\\n--mtu=1500                                   | 2 | 1  | options must come before the first event, found option '--mtu'
            empty option value     | --mtu=\\n+0 close(3) = 0                                       | 1 | 1  | expected a value after '--mtu=', found end of line
            unclosed ifdef         | #ifdef FreeBSD\\n+0 close(3) = 0                               | 1 | 1  | '#ifdef FreeBSD' is not closed: expected '#endif'
            stray endif            | +0 close(3) = 0\\n#endif                                       | 2 | 1  | '#endif' without a matching '#ifdef'
            unknown directive      | #include "x"\\n                                                | 1 | 1  | expected '#ifdef NAME', '#ifndef NAME', '#else' or '#endif', found '#include "x"'
            bad ip detail          | +0 < (ttl 300) . 1:1(0) ack 1                                  | 1 | 11 | ttl 300 is out of range 0..255
            bad icmp quote         | +0 < icmp unreachable port_unreachable [S 1:1(0)]              | 1 | 41 | expected a quoted TCP sequence range 'start:end(length)' or 'udp (length)', found 'S'
            integer overflow       | +0 close(99999999999999999999) = 0                             | 1 | 10 | integer 99999999999999999999 is out of range
            unknown action         | +0 [1] = 0                                                     | 1 | 4  | expected a packet ('<' or '>'), a system call, a `shell command` or %{ code }% after the time, found '['
            """)
    void mistake_isReportedAtItsPosition(String name, String script, int line, int column, String message) {
        assertThat(error(script)).isEqualTo(new ParseError("bad.pkt", line, column, message));
    }
}
