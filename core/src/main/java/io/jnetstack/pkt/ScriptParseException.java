package io.jnetstack.pkt;

import java.io.Serial;

/** Thrown by {@link Parser#parse} for a malformed script; carries the {@link ParseError} (no user-facing trace). */
public final class ScriptParseException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The error. */
    private final transient ParseError error;

    /** Wraps an error. */
    public ScriptParseException(ParseError error) {
        super(error.toString(), null, false, false);
        this.error = error;
    }

    /** The error: file, line, column and message. */
    public ParseError error() {
        return error;
    }
}
