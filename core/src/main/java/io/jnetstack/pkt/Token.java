package io.jnetstack.pkt;

/**
 * One lexical token.
 *
 * @param kind the kind
 * @param text the source text of the token (for {@link Kind#OPTION} the name, for {@link Kind#PUNCT} the
 *     character)
 * @param value the decoded content: string/command/code body, option value ({@code null} for a bare option),
 *     directive text, or the message of an {@link Kind#ERROR}
 * @param line the 1-based start line
 * @param column the 1-based start column
 * @param endLine the line of the token's last character
 * @param endColumn the column just after the token's last character
 * @param offset the start offset in the source
 * @param endOffset the offset just after the token
 */
record Token(Kind kind, String text, String value, int line, int column, int endLine, int endColumn, int offset,
        int endOffset) {

    /** Token kinds, after packetdrill's lexer. */
    enum Kind {
        /** Decimal integer, optionally negative. */
        INTEGER,
        /** {@code 0x...}. */
        HEX,
        /** {@code 1.5}, {@code .5}, {@code -0.1}. */
        FLOAT,
        /** An identifier or keyword: {@code [A-Za-z0-9_]+} that is not a number. */
        WORD,
        /** {@code "..."}. */
        STRING,
        /** {@code `...`}. */
        BACKTICK,
        /** {@code %{ ... }%}. */
        CODE,
        /** {@code --name} or {@code --name=value}. */
        OPTION,
        /** {@code ...}. */
        ELLIPSIS,
        /** A dotted-quad IPv4 address. */
        IPV4,
        /** A {@code #...} line. */
        DIRECTIVE,
        /** Any other single character. */
        PUNCT,
        /** A lexical error; {@code value} holds the message. */
        ERROR,
        /** The end of the script. */
        EOF
    }

    /** True for a punctuation token of this character. */
    boolean isPunct(char c) {
        return kind == Kind.PUNCT && text.length() == 1 && text.charAt(0) == c;
    }

    /** True for a word token with exactly this text. */
    boolean isWord(String w) {
        return kind == Kind.WORD && text.equals(w);
    }

    /** The start position. */
    Position position() {
        return new Position(line, column);
    }

    /** How an error message names this token. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of script";
            case STRING -> "string " + clip(text);
            case BACKTICK -> "shell command " + clip(text);
            case CODE -> "code snippet";
            case OPTION -> "option '--" + text + "'";
            case DIRECTIVE -> "'#" + clip(value) + "'";
            case ERROR -> value;
            case INTEGER, HEX, FLOAT, WORD, ELLIPSIS, IPV4, PUNCT -> "'" + clip(text) + "'";
        };
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 40 ? one : one.substring(0, 37) + "...";
    }
}
