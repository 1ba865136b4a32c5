package io.jnetstack.pkt;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What an event does: inject or expect a packet, make a system call, run a shell command or a code snippet. */
public sealed interface Action permits Packet, Action.Syscall, Action.Command, Action.Code {

    /**
     * A system call and its expected outcome, e.g. {@code connect(3, ..., ...) = -1 EINPROGRESS (Operation
     * now in progress)}.
     *
     * @param name the function name ({@code connect})
     * @param arguments the argument expressions
     * @param result the expected return value
     * @param errno the expected errno macro ({@code EINPROGRESS}), when given
     * @param note the parenthesised text after the result or errno, when given (words joined by one space)
     * @param endMicros for {@code 1.0...6.0 call(...)}: the absolute time the blocking call returns
     */
    record Syscall(String name, List<Expr> arguments, Expr result, Optional<String> errno, Optional<String> note,
            OptionalLong endMicros) implements Action {
        /** Copies the list. */
        public Syscall {
            arguments = List.copyOf(arguments);
        }
    }

    /** A backticked shell command: {@code sysctl -w name=value} recognised as a {@link Sysctl}, others kept raw. */
    sealed interface Command extends Action {
        /** The text between the backticks, as written. */
        String text();
    }

    /**
     * {@code `sysctl -w name=value`}.
     *
     * @param name the variable ({@code net.inet.tcp.sack.enable})
     * @param value the value as written ({@code 1})
     * @param text the whole command as written
     */
    record Sysctl(String name, String value, String text) implements Command {}

    /**
     * Any other shell command, kept as written.
     *
     * @param text the text between the backticks
     */
    record Shell(String text) implements Command {}

    /**
     * A {@code %{ ... }%} code snippet (Python in packetdrill), with spaces and tabs trimmed at both ends.
     *
     * @param text the snippet
     */
    record Code(String text) implements Action {}
}
