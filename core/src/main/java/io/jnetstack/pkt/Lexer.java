package io.jnetstack.pkt;

import io.jnetstack.pkt.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into tokens the way packetdrill's flex lexer does: longest match, {@code //} and
 * {@code /* *}{@code /} comments and whitespace skipped. A lexical error ends the list with one
 * {@link Kind#ERROR} token, so the parser reports errors in source order.
 */
final class Lexer {
    private final String src;
    private final List<Token> out = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int col = 1;
    private int startPos;
    private int startLine;
    private int startCol;

    private Lexer(String src) {
        this.src = src;
    }

    /** All tokens of {@code src}, ending with {@link Kind#EOF} or {@link Kind#ERROR}. */
    static List<Token> tokenize(String src) {
        Lexer lx = new Lexer(src);
        lx.run();
        return List.copyOf(lx.out);
    }

    private void run() {
        while (true) {
            skipBlanksAndComments();
            if (!out.isEmpty() && out.getLast().kind() == Kind.ERROR) {
                return;
            }
            mark();
            if (pos >= src.length()) {
                emit(Kind.EOF, "", null);
                return;
            }
            if (!one()) {
                return;
            }
        }
    }

    /** Lexes one token; false after an error. */
    private boolean one() {
        char c = src.charAt(pos);
        if (c == '"' || c == '`') {
            return quoted(c);
        } else if (c == '%' && at(1) == '{') {
            return code();
        } else if (c == '#') {
            while (pos < src.length() && src.charAt(pos) != '\n' && !src.startsWith("//", pos)) {
                advance();
            }
            emit(Kind.DIRECTIVE, src.substring(startPos, pos), src.substring(startPos + 1, pos).strip());
        } else if (c == '-' && at(1) == '-' && isWordChar(at(2))) {
            return option();
        } else if (src.startsWith("...", pos)) {
            advanceN(3);
            emit(Kind.ELLIPSIS, "...", null);
        } else if (isWordChar(c) || (c == '-' && isDigit(at(1))) || (c == '.' && isDigit(at(1)))
                || (c == '-' && at(1) == '.' && isDigit(at(2)))) {
            number();
        } else {
            advance();
            emit(Kind.PUNCT, String.valueOf(c), null);
        }
        return true;
    }

    /** Numbers, words, floats and dotted quads, by longest match. */
    private void number() {
        if (src.charAt(pos) == '-') {
            advance();
        }
        int runStart = pos;
        while (isWordChar(at(0))) {
            advance();
        }
        String run = src.substring(runStart, pos);
        boolean digits = !run.isEmpty() && run.chars().allMatch(Lexer::isDigit);
        boolean negative = runStart > startPos;
        if ((digits || run.isEmpty()) && at(0) == '.' && isDigit(at(1))) {
            dotted(negative || run.isEmpty());
        } else if (negative && !digits) {
            pos = startPos + 1;
            col = startCol + 1;
            emit(Kind.PUNCT, "-", null);
        } else if (digits) {
            emit(Kind.INTEGER, src.substring(startPos, pos), null);
        } else if (run.matches("0x[0-9a-fA-F]+")) {
            emit(Kind.HEX, run, null);
        } else {
            emit(Kind.WORD, run, null);
        }
    }

    /** After a digit run, at {@code .digit}: a dotted quad if four groups follow, else a float. */
    private void dotted(boolean floatOnly) {
        int save = pos;
        int saveCol = col;
        int groups = 1;
        while (groups < 4 && at(0) == '.' && isDigit(at(1))) {
            advance();
            while (isDigit(at(0))) {
                advance();
            }
            groups++;
        }
        if (groups == 4 && !floatOnly && !isWordChar(at(0))) {
            emit(Kind.IPV4, src.substring(startPos, pos), null);
            return;
        }
        pos = save;
        col = saveCol;
        advance();
        while (isDigit(at(0))) {
            advance();
        }
        emit(Kind.FLOAT, src.substring(startPos, pos), null);
    }

    private boolean option() {
        advanceN(2);
        while (isWordChar(at(0))) {
            advance();
        }
        String name = src.substring(startPos + 2, pos);
        if (at(0) != '=') {
            emit(Kind.OPTION, name, null);
            return true;
        }
        advance();
        int valueStart = pos;
        if (at(0) == '"') {
            advance();
            while (pos < src.length() && src.charAt(pos) != '"' && src.charAt(pos) != '\n') {
                advance();
            }
            if (at(0) != '"') {
                return error("unterminated string in option '--" + name + "': expected closing '\"'");
            }
            advance();
            emit(Kind.OPTION, name, src.substring(valueStart + 1, pos - 1));
            return true;
        }
        while (pos < src.length() && !Character.isWhitespace(src.charAt(pos))) {
            advance();
        }
        if (pos == valueStart) {
            return error("expected a value after '--" + name + "=', found end of line");
        }
        emit(Kind.OPTION, name, src.substring(valueStart, pos));
        return true;
    }

    private boolean quoted(char quote) {
        advance();
        while (pos < src.length() && src.charAt(pos) != quote) {
            if (src.charAt(pos) == '\\' && pos + 1 < src.length()) {
                advance();
            }
            advance();
        }
        if (pos >= src.length()) {
            String what = quote == '"' ? "string" : "shell command";
            return error("unterminated " + what + ": expected closing '" + quote + "' before end of script");
        }
        advance();
        emit(quote == '"' ? Kind.STRING : Kind.BACKTICK, src.substring(startPos, pos),
                src.substring(startPos + 1, pos - 1));
        return true;
    }

    private boolean code() {
        int end = src.indexOf("}%", pos + 2);
        if (end < 0) {
            return error("unterminated code snippet: expected '}%' before end of script");
        }
        advanceN(end + 2 - pos);
        String body = src.substring(startPos + 2, end);
        emit(Kind.CODE, src.substring(startPos, pos), trimSpacesAndTabs(body));
        return true;
    }

    private void skipBlanksAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                advance();
            } else if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    advance();
                }
            } else if (src.startsWith("/*", pos)) {
                mark();
                int end = src.indexOf("*/", pos + 2);
                if (end < 0) {
                    error("unterminated comment: expected '*/' before end of script");
                    return;
                }
                advanceN(end + 2 - pos);
            } else {
                return;
            }
        }
    }

    private static String trimSpacesAndTabs(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
            b++;
        }
        while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
            e--;
        }
        return s.substring(b, e);
    }

    private boolean error(String message) {
        out.add(new Token(Kind.ERROR, src.substring(startPos, Math.min(pos, src.length())), message, startLine,
                startCol, startLine, startCol, startPos, startPos));
        return false;
    }

    private void mark() {
        startPos = pos;
        startLine = line;
        startCol = col;
    }

    private void emit(Kind kind, String text, String value) {
        out.add(new Token(kind, text, value, startLine, startCol, line, col, startPos, pos));
    }

    private char at(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private void advance() {
        if (src.charAt(pos) == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        pos++;
    }

    private void advanceN(int n) {
        for (int i = 0; i < n; i++) {
            advance();
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
    }
}
