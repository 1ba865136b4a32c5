package io.jnetstack.pktrun;

import io.jnetstack.personality.abi.Abi;
import io.jnetstack.personality.abi.AbiConstant;
import io.jnetstack.personality.abi.Errno;
import io.jnetstack.pkt.Expr;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The values of the names a script writes ({@code SOCK_STREAM}, {@code O_RDWR | O_NONBLOCK}, {@code ECONNRESET}) in
 * the ABI of the OS under test. A name the OS does not define stops the script with a failure that names it.
 */
final class Symbols {
    /** The access modes, the same number on all four kernels (fcntl.h O_RDONLY, O_WRONLY, O_RDWR). */
    private static final Map<String, Integer> ACCESS_MODES = Map.of("O_RDONLY", 0, "O_WRONLY", 1, "O_RDWR", 2);

    private final Abi abi;

    Symbols(Abi abi) {
        this.abi = abi;
    }

    /** An ABI constant the runner itself needs (AF_INET for {@code ...} in socket()). */
    int constant(AbiConstant c) {
        return abi.constants().value(c).orElseThrow(() -> ScriptStop.fail(abi.name() + " has no " + c));
    }

    /** The integer value of an expression: a number, a name, or names and numbers joined by {@code |}. */
    long value(Expr e) {
        return switch (e) {
            case Expr.Int i -> i.value();
            case Expr.Name n -> name(n.name());
            case Expr.Binary b when b.operator().equals("|") -> value(b.left()) | value(b.right());
            case Expr.Binary b when b.operator().equals("&") -> value(b.left()) & value(b.right());
            case Expr.Binary b when b.operator().equals("+") -> value(b.left()) + value(b.right());
            case Expr.Array a when a.elements().size() == 1 -> value(a.elements().getFirst());
            default -> throw ScriptStop.fail("expected a number or a symbol, found " + Describe.expr(e));
        };
    }

    /** The value of a name: an errno, an ABI constant, or an access mode. */
    long name(String name) {
        Integer mode = ACCESS_MODES.get(name);
        if (mode != null) {
            return mode;
        }
        OptionalInt errno = errno(name);
        if (errno.isPresent()) {
            return errno.getAsInt();
        }
        AbiConstant c;
        try {
            c = AbiConstant.valueOf(name);
        } catch (IllegalArgumentException notOurs) {
            throw ScriptStop.fail("unknown symbol " + name + " (not modelled for " + abi.name() + ")");
        }
        return abi.constants().value(c)
                .orElseThrow(() -> ScriptStop.fail("symbol " + name + " is not defined on " + abi.name()));
    }

    /** The OS's number for an errno name, when it is one. */
    OptionalInt errno(String name) {
        if (name.equals("EWOULDBLOCK")) { // the same number as EAGAIN on all four (Errno.EWOULDBLOCK)
            return abi.errnos().number(Errno.EWOULDBLOCK);
        }
        if (name.equals("EDEADLOCK")) { // Linux's second name for EDEADLK
            return abi.errnos().number(Errno.EDEADLK);
        }
        try {
            return abi.errnos().number(Errno.valueOf(name));
        } catch (IllegalArgumentException notAnErrno) {
            return OptionalInt.empty();
        }
    }

    /** The name of an errno number ({@code errno 999} when the OS has none). */
    String errnoName(int number) {
        return abi.errnos().errnoOf(number).map(Errno::name).orElse("errno " + number);
    }

    Abi abi() {
        return abi;
    }
}
