package io.jnetstack.pkt;

import java.util.List;
import java.util.Optional;

/** A system call argument or result expression. */
public sealed interface Expr {

    /**
     * An integer literal.
     *
     * @param value the value
     * @param hex true when written {@code 0x...}
     */
    record Int(long value, boolean hex) implements Expr {}

    /**
     * A string literal, content as written between the quotes (escapes kept).
     *
     * @param value the content
     * @param truncated true for {@code "abc"...} (the data continues, unchecked)
     */
    record Str(String value, boolean truncated) implements Expr {}

    /** {@code ...}: anything / not checked. */
    record Ellipsis() implements Expr {}

    /** {@code NULL}. */
    record Null() implements Expr {}

    /**
     * An identifier: a constant or flag name such as {@code O_NONBLOCK}, {@code SOL_SOCKET}, {@code AF_INET}.
     *
     * @param name the identifier
     */
    record Name(String name) implements Expr {}

    /**
     * A binary expression; packetdrill's only operator is {@code |} (bitwise or).
     *
     * @param operator the operator text
     * @param left the left operand
     * @param right the right operand
     */
    record Binary(String operator, Expr left, Expr right) implements Expr {}

    /**
     * An array {@code [1]}, {@code [...]}, {@code [{fd=3, events=POLLIN}]}.
     *
     * @param elements the elements
     */
    record Array(List<Expr> elements) implements Expr {
        /** Copies the list. */
        public Array {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A brace struct {@code {l_onoff=1, l_linger=0}} or {@code {sin_family=AF_INET, ...}}.
     *
     * @param fields the members in order
     */
    record Struct(List<Field> fields) implements Expr {
        /** Copies the list. */
        public Struct {
            fields = List.copyOf(fields);
        }
    }

    /**
     * A struct member: {@code name=value}, {@code name(count)=value} (pointer/length form such as
     * {@code msg_iov(1)=[...]}), or a bare value (e.g. {@code ...}).
     *
     * @param name the member name, empty for a bare value
     * @param count the parenthesised count after the name, when given
     * @param value the value
     */
    record Field(Optional<String> name, Optional<Expr> count, Expr value) {}

    /**
     * A function-style form: {@code htons(8080)}, {@code inet_addr("192.0.2.1")}.
     *
     * @param function the function name
     * @param arguments the arguments
     */
    record Call(String function, List<Expr> arguments) implements Expr {
        /** Copies the list. */
        public Call {
            arguments = List.copyOf(arguments);
        }
    }
}
