package io.jnetstack.pkt;

import static io.jnetstack.pkt.PktScriptTest.action;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.pkt.Action.Syscall;
import io.jnetstack.pkt.Expr.Array;
import io.jnetstack.pkt.Expr.Binary;
import io.jnetstack.pkt.Expr.Call;
import io.jnetstack.pkt.Expr.Ellipsis;
import io.jnetstack.pkt.Expr.Field;
import io.jnetstack.pkt.Expr.Int;
import io.jnetstack.pkt.Expr.Name;
import io.jnetstack.pkt.Expr.Str;
import io.jnetstack.pkt.Expr.Struct;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** System calls: arguments, results, errno and notes, blocking end times. */
class PktSyscallTest {

    private static Syscall call(String line) {
        return (Syscall) action("+0 " + line);
    }

    private static Field named(String name, Expr value) {
        return new Field(Optional.of(name), Optional.empty(), value);
    }

    @Test
    void simpleCall_withIntegerResult() {
        assertThat(call("socket(..., SOCK_STREAM, IPPROTO_TCP) = 3")).isEqualTo(new Syscall("socket",
                List.of(new Ellipsis(), new Name("SOCK_STREAM"), new Name("IPPROTO_TCP")), new Int(3, false),
                Optional.empty(), Optional.empty(), OptionalLong.empty()));
    }

    @Test
    void errorResult_hasErrnoAndItsText() {
        Syscall s = call("connect(3, ..., ...) = -1 ECONNREFUSED (Connection refused)");
        assertThat(s.result()).isEqualTo(new Int(-1, false));
        assertThat(s.errno()).contains("ECONNREFUSED");
        assertThat(s.note()).contains("Connection refused");
    }

    @Test
    void hexResult_withNote() {
        Syscall s = call("fcntl(3, F_GETFL) = 0x02 (flags   O_RDWR)");
        assertThat(s.result()).isEqualTo(new Int(2, true));
        assertThat(s.errno()).isEmpty();
        assertThat(s.note()).contains("flags O_RDWR");
    }

    @Test
    void flagExpression_isLeftAssociativeOr() {
        assertThat(call("fcntl(3, F_SETFL, O_RDWR | O_NONBLOCK|O_APPEND) = 0").arguments().get(2))
                .isEqualTo(new Binary("|", new Binary("|", new Name("O_RDWR"), new Name("O_NONBLOCK")),
                        new Name("O_APPEND")));
    }

    @Test
    void arrays_ofIntegersNamesAndEllipsis() {
        Syscall s = call("getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0");
        assertThat(s.arguments().get(3)).isEqualTo(new Array(List.of(new Name("ECONNREFUSED"))));
        assertThat(s.arguments().get(4)).isEqualTo(new Array(List.of(new Int(4, false))));
        assertThat(call("setsockopt(3, IPPROTO_TCP, X, [-1], 4) = 0").arguments().get(3))
                .isEqualTo(new Array(List.of(new Int(-1, false))));
        assertThat(call("f([...], []) = 0").arguments())
                .containsExactly(new Array(List.of(new Ellipsis())), new Array(List.of()));
    }

    @Test
    void structs_linger_sockaddr_pollfd_andFunctionSet() {
        assertThat(call("setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=0}, 8) = 0").arguments().get(3))
                .isEqualTo(new Struct(List.of(named("l_onoff", new Int(1, false)), named("l_linger", new Int(0, false)))));
        assertThat(call("bind(3, {sin_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"192.0.2.1\")}, 16) = 0")
                .arguments().get(1)).isEqualTo(new Struct(List.of(named("sin_family", new Name("AF_INET")),
                        named("sin_port", new Call("htons", List.of(new Int(8080, false)))),
                        named("sin_addr", new Call("inet_addr", List.of(new Str("192.0.2.1", false)))))));
        assertThat(call("poll([{ fd=3, events=POLLIN|POLLOUT, revents=POLLOUT }], 1, 0) = 1").arguments().getFirst())
                .isEqualTo(new Array(List.of(new Struct(List.of(named("fd", new Int(3, false)),
                        named("events", new Binary("|", new Name("POLLIN"), new Name("POLLOUT"))),
                        named("revents", new Name("POLLOUT")))))));
        assertThat(call("setsockopt(3, IPPROTO_TCP, TCP_FUNCTION_BLK, {function_set_name=\"freebsd\", pcbcnt=0}, 36) = 0")
                .arguments().get(3)).isEqualTo(new Struct(List.of(named("function_set_name", new Str("freebsd", false)),
                        named("pcbcnt", new Int(0, false)))));
    }

    @Test
    void pointerLengthMembers_andBareMembers() {
        Expr msg = call("sendmsg(3, {msg_name(...)=..., msg_iov(1)=[{iov_base=..., iov_len=10}], msg_flags=0, ...}, 0) = 10")
                .arguments().get(1);
        assertThat(msg).isEqualTo(new Struct(List.of(
                new Field(Optional.of("msg_name"), Optional.of(new Ellipsis()), new Ellipsis()),
                new Field(Optional.of("msg_iov"), Optional.of(new Int(1, false)), new Array(List.of(new Struct(List.of(
                        named("iov_base", new Ellipsis()), named("iov_len", new Int(10, false))))))),
                named("msg_flags", new Int(0, false)),
                new Field(Optional.empty(), Optional.empty(), new Ellipsis()))));
    }

    @Test
    void stringsNullAndTruncatedStrings() {
        assertThat(call("write(3, \"a\\\"b\"..., NULL) = 3").arguments())
                .containsExactly(new Int(3, false), new Str("a\\\"b", true), new Expr.Null());
    }

    @Test
    void blockingCall_withEndTime_andSpaceBeforeParen() {
        Event e = (Event) Parser.parse("t.pkt", " 1.00...6.00 connect(3, ..., ...) = -1 ETIMEDOUT (Operation timed out)")
                .statements().getFirst();
        assertThat(e.time()).isEqualTo(new EventTime.Absolute(1_000_000));
        assertThat(((Syscall) e.action()).endMicros()).isEqualTo(OptionalLong.of(6_000_000));
        assertThat(call("write (3, ..., 1) = 1").name()).isEqualTo("write");
    }

    @Test
    void noArguments_andHexArguments() {
        Syscall s = call("getpid() = 0xffffffff");
        assertThat(s.arguments()).isEmpty();
        assertThat(s.result()).isEqualTo(new Int(0xffffffffL, true));
    }
}
