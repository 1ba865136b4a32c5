package io.jnetstack.pkt;

import io.jnetstack.pkt.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** System calls ({@code [... end] name(args) = result [ERRNO (text)] [(note)]}) and their expressions. */
final class ExprParser {
    private static final int MAX_DEPTH = 64;

    private final Cursor in;
    private int depth;

    ExprParser(Cursor in) {
        this.in = in;
    }

    Action.Syscall syscall() {
        OptionalLong end = OptionalLong.empty();
        if (in.peek().kind() == Kind.ELLIPSIS) {
            in.next();
            end = OptionalLong.of(Times.seconds(in, "the time the blocking call returns after '...'"));
        }
        Token name = in.expect(Kind.WORD, "a system call name");
        in.expectPunct('(', "'(' after " + name.text());
        List<Expr> args = list(')', "argument of " + name.text() + "(...)");
        if (!in.atPunct('=')) {
            throw in.expected("'=' and the expected result after " + name.text() + "(...)");
        }
        in.next();
        Expr result = expression("the return value after '='");
        Optional<String> errno = Optional.empty();
        Optional<String> note = Optional.empty();
        if (in.peek().kind() == Kind.WORD && in.onSameLine()) {
            Token e = in.next();
            errno = Optional.of(e.text());
            if (!in.atPunct('(') || !in.onSameLine()) {
                throw in.expected("'(' and the error text after " + e.text());
            }
            note = Optional.of(note());
        } else if (in.atPunct('(') && in.onSameLine()) {
            note = Optional.of(note());
        }
        return new Action.Syscall(name.text(), args, result, errno, note, end);
    }

    /** {@code ( words )} on one line; the words are joined by single spaces. */
    private String note() {
        Token open = in.next();
        while (!in.atPunct(')')) {
            Token t = in.peek();
            if (!in.onSameLine()) {
                throw in.expected("')' closing the text that starts at column " + open.column());
            }
            if (t.kind() == Kind.ERROR) {
                throw in.at(t, t.value());
            }
            in.next();
        }
        Token close = in.next();
        return String.join(" ", in.source(open.endOffset(), close.offset()).strip().split("\\s+"));
    }

    /** Comma-separated expressions up to {@code close} (which is consumed); empty when {@code close} is next. */
    private List<Expr> list(char close, String what) {
        List<Expr> out = new ArrayList<>();
        if (in.atPunct(close)) {
            in.next();
            return out;
        }
        while (true) {
            out.add(expression(what));
            if (in.atPunct(close)) {
                in.next();
                return out;
            }
            if (!in.atPunct(',')) {
                throw in.expected("',' or '" + close + "' after " + what);
            }
            in.next();
        }
    }

    Expr expression(String what) {
        if (++depth > MAX_DEPTH) {
            throw in.at(in.peek(), "expression nested deeper than " + MAX_DEPTH + " levels");
        }
        Expr left = primary(what);
        while (in.atPunct('|')) {
            in.next();
            left = new Expr.Binary("|", left, primary("an operand after '|'"));
        }
        depth--;
        return left;
    }

    private Expr primary(String what) {
        Token t = in.peek();
        switch (t.kind()) {
            case INTEGER -> {
                return new Expr.Int(in.integer(what), false);
            }
            case HEX -> {
                in.next();
                return new Expr.Int(in.hexValue(t), true);
            }
            case ELLIPSIS -> {
                in.next();
                return new Expr.Ellipsis();
            }
            case STRING -> {
                in.next();
                boolean more = in.peek().kind() == Kind.ELLIPSIS;
                if (more) {
                    in.next();
                }
                return new Expr.Str(t.value(), more);
            }
            case WORD -> {
                return word(in.next());
            }
            case PUNCT -> {
                return bracketed(what);
            }
            case FLOAT, IPV4, BACKTICK, CODE, OPTION, DIRECTIVE, ERROR, EOF -> throw in.expected(what);
        }
        throw in.expected(what);
    }

    /** {@code [array]} or {@code {struct}}. */
    private Expr bracketed(String what) {
        if (in.atPunct('[')) {
            in.next();
            return new Expr.Array(list(']', "array element"));
        }
        if (in.atPunct('{')) {
            in.next();
            return struct();
        }
        throw in.expected(what);
    }

    private Expr word(Token t) {
        if (t.text().equals("NULL")) {
            return new Expr.Null();
        }
        if (in.atPunct('(')) {
            in.next();
            return new Expr.Call(t.text(), list(')', "argument of " + t.text() + "(...)"));
        }
        return new Expr.Name(t.text());
    }

    private Expr.Struct struct() {
        List<Expr.Field> fields = new ArrayList<>();
        if (in.atPunct('}')) {
            in.next();
            return new Expr.Struct(fields);
        }
        while (true) {
            fields.add(field());
            if (in.atPunct('}')) {
                in.next();
                return new Expr.Struct(fields);
            }
            if (!in.atPunct(',')) {
                throw in.expected("',' or '}' in the struct");
            }
            in.next();
        }
    }

    private Expr.Field field() {
        if (in.peek().kind() == Kind.WORD && in.peek(1).isPunct('=')) {
            String name = in.next().text();
            in.next();
            return new Expr.Field(Optional.of(name), Optional.empty(), expression("a value after " + name + "="));
        }
        Expr e = expression("a struct member");
        if (in.atPunct('=') && e instanceof Expr.Call c && c.arguments().size() == 1) {
            in.next();
            Expr value = expression("a value after " + c.function() + "(...)=");
            return new Expr.Field(Optional.of(c.function()), Optional.of(c.arguments().getFirst()), value);
        }
        return new Expr.Field(Optional.empty(), Optional.empty(), e);
    }
}
