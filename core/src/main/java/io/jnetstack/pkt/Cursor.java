package io.jnetstack.pkt;

import io.jnetstack.pkt.Token.Kind;
import java.util.List;

/** A position in the token list, with the helpers every part of the parser shares to read and to fail. */
final class Cursor {
    private final String fileName;
    private final String source;
    private final List<Token> tokens;
    private int index;

    Cursor(String fileName, String source) {
        this.fileName = fileName;
        this.source = source;
        this.tokens = Lexer.tokenize(source);
    }

    /** The next token, not consumed. */
    Token peek() {
        return peek(0);
    }

    /** The token {@code ahead} places after the next one (the last token past the end). */
    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    /** Consumes and returns the next token (never moves past the last one). */
    Token next() {
        Token t = peek();
        if (index < tokens.size() - 1) {
            index++;
        }
        return t;
    }

    /** The last consumed token, or the first token before anything was consumed. */
    Token previous() {
        return tokens.get(Math.max(index - 1, 0));
    }

    /** True when the next token is this punctuation character. */
    boolean atPunct(char c) {
        return peek().isPunct(c);
    }

    /** True when the next token is this word. */
    boolean atWord(String w) {
        return peek().isWord(w);
    }

    /** True when the next token is on the line where the last consumed token ended. */
    boolean onSameLine() {
        return index > 0 && peek().kind() != Kind.EOF && peek().line() == previous().endLine();
    }

    /** Consumes the punctuation {@code c} or fails naming {@code expected}. */
    Token expectPunct(char c, String expected) {
        if (!atPunct(c)) {
            throw expected(expected);
        }
        return next();
    }

    /** Consumes a token of {@code kind} or fails naming {@code expected}. */
    Token expect(Kind kind, String expected) {
        if (peek().kind() != kind) {
            throw expected(expected);
        }
        return next();
    }

    /**
     * An "expected X, found Y" failure at the next token. When the next token starts a later line than the
     * last consumed one, the error is placed just after that token and says "found end of line".
     */
    ScriptParseException expected(String expected) {
        Token t = peek();
        if (t.kind() == Kind.ERROR) {
            return at(t.line(), t.column(), t.value());
        }
        if (index > 0 && t.line() > previous().endLine()) {
            Token p = previous();
            return at(p.endLine(), p.endColumn(), "expected " + expected + ", found end of line");
        }
        return at(t.line(), t.column(), "expected " + expected + ", found " + t.describe());
    }

    /** A failure with this message at token {@code t}. */
    ScriptParseException at(Token t, String message) {
        return t.kind() == Kind.ERROR ? at(t.line(), t.column(), t.value()) : at(t.line(), t.column(), message);
    }

    ScriptParseException at(int line, int column, String message) {
        return new ScriptParseException(new ParseError(fileName, line, column, message));
    }

    /** The source text between two offsets. */
    String source(int from, int to) {
        return source.substring(from, to);
    }

    String fileName() {
        return fileName;
    }

    /** Consumes an INTEGER (decimal) and returns it, failing on anything else or on overflow. */
    long integer(String expected) {
        Token t = expect(Kind.INTEGER, expected);
        try {
            return Long.parseLong(t.text());
        } catch (NumberFormatException e) {
            throw at(t, "integer " + t.text() + " is out of range");
        }
    }

    /** Consumes a decimal integer in {@code [min, max]}. */
    long integerIn(String what, long min, long max) {
        Token t = peek();
        long v = integer(what);
        if (v < min || v > max) {
            throw at(t, what + " " + v + " is out of range " + min + ".." + max);
        }
        return v;
    }

    /** Consumes a decimal or hex integer in {@code [0, max]}. */
    long unsignedIn(String what, long max) {
        Token t = peek();
        long v;
        if (t.kind() == Kind.HEX) {
            next();
            v = hexValue(t);
        } else {
            v = integer(what);
        }
        if (v < 0 || v > max) {
            throw at(t, what + " " + t.text() + " is out of range 0.." + max);
        }
        return v;
    }

    /** The value of a HEX token. */
    long hexValue(Token t) {
        String digits = t.text().substring(2);
        if (digits.length() > 16) {
            throw at(t, "integer " + t.text() + " is out of range");
        }
        return Long.parseUnsignedLong(digits, 16);
    }
}
