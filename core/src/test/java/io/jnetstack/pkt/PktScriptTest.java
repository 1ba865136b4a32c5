package io.jnetstack.pkt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Script structure: options, times, commands, code snippets, comments, #ifdef blocks, init/cleanup. */
class PktScriptTest {

    /** The action of a one-event script. */
    static Action action(String line) {
        Script s = Parser.parse("t.pkt", line);
        assertThat(s.statements()).hasSize(1);
        return ((Event) s.statements().getFirst()).action();
    }

    static EventTime time(String line) {
        return ((Event) Parser.parse("t.pkt", line).statements().getFirst()).time();
    }

    @Test
    void options_keepNameAndValue_inOrder() {
        Script s = Parser.parse("t.pkt", """
                --ip_version=ipv4
                --tolerance_usecs=150000
                --tcp_md5_secret="a b"
                --non_fatal
                --local_ip=192.0.2.1
                +0 close(3) = 0
                """);
        assertThat(s.options()).containsExactly(
                new ScriptOption(new Position(1, 1), "ip_version", Optional.of("ipv4")),
                new ScriptOption(new Position(2, 1), "tolerance_usecs", Optional.of("150000")),
                new ScriptOption(new Position(3, 1), "tcp_md5_secret", Optional.of("a b")),
                new ScriptOption(new Position(4, 1), "non_fatal", Optional.empty()),
                new ScriptOption(new Position(5, 1), "local_ip", Optional.of("192.0.2.1")));
        assertThat(s.option("tolerance_usecs")).contains("150000");
        assertThat(s.option("non_fatal")).contains("");
        assertThat(s.option("mtu")).isEmpty();
        assertThat(s.fileName()).isEqualTo("t.pkt");
    }

    @Test
    void times_absoluteRelativeAnyAndRanges_inMicroseconds() {
        assertThat(time("0.1 > S 0:0(0)")).isEqualTo(new EventTime.Absolute(100_000));
        assertThat(time("+0.1 > S 0:0(0)")).isEqualTo(new EventTime.Relative(100_000));
        assertThat(time("+ 1.25 > S 0:0(0)")).isEqualTo(new EventTime.Relative(1_250_000));
        assertThat(time("2 > S 0:0(0)")).isEqualTo(new EventTime.Absolute(2_000_000));
        assertThat(time(".5 > S 0:0(0)")).isEqualTo(new EventTime.Absolute(500_000));
        assertThat(time("0.0000019 > S 0:0(0)")).isEqualTo(new EventTime.Absolute(1));
        assertThat(time("* > S 0:0(0)")).isEqualTo(new EventTime.Any());
        assertThat(time("0.1~0.2 > S 0:0(0)")).isEqualTo(new EventTime.AbsoluteRange(100_000, 200_000));
        assertThat(time("+0~+0.2 > S 0:0(0)")).isEqualTo(new EventTime.RelativeRange(0, 200_000));
    }

    @Test
    void sysctlCommand_isRecognised_otherShellTextStaysRaw() {
        assertThat(action("+0 `sysctl -w net.inet.tcp.sack.enable=1`"))
                .isEqualTo(new Action.Sysctl("net.inet.tcp.sack.enable", "1", "sysctl -w net.inet.tcp.sack.enable=1"));
        assertThat(action("+0 `sockstat -4 -P tcp | grep -c TIME_WAIT | grep 1`"))
                .isEqualTo(new Action.Shell("sockstat -4 -P tcp | grep -c TIME_WAIT | grep 1"));
        assertThat(action("+0 `sysctl -w a=1 b=2`")).isEqualTo(new Action.Shell("sysctl -w a=1 b=2"));
        assertThat(action("+0 `echo \\` x`")).isEqualTo(new Action.Shell("echo \\` x"));
    }

    @Test
    void codeSnippet_isTrimmedOfSpacesAndTabs() {
        assertThat(action("+0 %{ assert tcpi_state == TCPI_LISTEN }%"))
                .isEqualTo(new Action.Code("assert tcpi_state == TCPI_LISTEN"));
    }

    @Test
    void comments_ofBothKinds_areSkipped_andPositionsCountThem() {
        Script s = Parser.parse("t.pkt", """
                // line comment
                /* block
                   comment */ +0 close(3) = 0 // trailing
                +0 close(4) = 0//""");
        assertThat(s.statements()).extracting(Statement::position)
                .containsExactly(new Position(3, 15), new Position(4, 1));
    }

    @Test
    void untimedCommands_beforeAndAfterTheEvents_areInitAndCleanup() {
        Script s = Parser.parse("t.pkt", """
                --ip_version=ipv6
                   `kldload tcpmd5;
                    setkey -c`
                +0 close(3) = 0
                   `setkey -F`//""");
        assertThat(s.initCommand()).contains(new Action.Shell("kldload tcpmd5;\n    setkey -c"));
        assertThat(s.cleanupCommand()).contains(new Action.Shell("setkey -F"));
        assertThat(s.statements()).hasSize(1);
    }

    @Test
    void ifdefBlocks_nest_andEventsPicksTheBranchByDefinedNames() {
        Script s = Parser.parse("t.pkt", """
                +0 close(1) = 0
                #ifdef STANDARD
                +0 close(2) = 0
                #else
                #ifndef X
                +0 close(3) = 0
                #endif
                #endif // done
                +0 close(4) = 0
                """);
        assertThat(s.statements()).hasSize(3);
        Statement.Conditional c = (Statement.Conditional) s.statements().get(1);
        assertThat(c.symbol()).isEqualTo("STANDARD");
        assertThat(c.negated()).isFalse();
        assertThat(c.position()).isEqualTo(new Position(2, 1));
        assertThat(c.thenBranch()).hasSize(1);
        assertThat(((Statement.Conditional) c.elseBranch().getFirst()).negated()).isTrue();
        assertThat(closed(s.events(Set.of("STANDARD")))).containsExactly(1L, 2L, 4L);
        assertThat(closed(s.events(Set.of()))).containsExactly(1L, 3L, 4L);
        assertThat(closed(s.events(Set.of("X")))).containsExactly(1L, 4L);
    }

    private static List<Long> closed(List<Event> events) {
        return events.stream()
                .map(e -> ((Expr.Int) ((Action.Syscall) e.action()).arguments().getFirst()).value()).toList();
    }

    @Test
    void tryParse_returnsOkOrFailed_withoutThrowing() {
        assertThat(Parser.tryParse("a.pkt", "+0 close(3) = 0")).isInstanceOf(ParseResult.Ok.class);
        assertThat(Parser.tryParse("a.pkt", "+0 close(3")).isEqualTo(new ParseResult.Failed(
                new ParseError("a.pkt", 1, 11, "expected ',' or ')' after argument of close(...), found end of script")));
    }

    @Test
    void emptyScript_hasNothing() {
        Script s = Parser.parse("e.pkt", "// only a comment\n");
        assertThat(s.options()).isEmpty();
        assertThat(s.statements()).isEmpty();
        assertThat(s.initCommand()).isEmpty();
        assertThat(s.cleanupCommand()).isEmpty();
    }
}
