package io.jnetstack.pkt;

import io.jnetstack.pkt.Token.Kind;

/** Event times: {@code 0.1}, {@code +0.1}, {@code *}, {@code 0.1~0.2}, {@code +0~+0.2}; seconds to microseconds. */
final class Times {
    private static final long MAX_SECONDS = 1_000_000_000L;

    private Times() {}

    /** Parses the time that starts an event. */
    static EventTime eventTime(Cursor in) {
        if (in.atPunct('*')) {
            in.next();
            return new EventTime.Any();
        }
        boolean relative = in.atPunct('+');
        if (relative) {
            in.next();
        }
        Token startTok = in.peek();
        long start = seconds(in, relative ? "a time in seconds after '+'" : "a time in seconds");
        if (!in.atPunct('~')) {
            return relative ? new EventTime.Relative(start) : new EventTime.Absolute(start);
        }
        in.next();
        if (relative) {
            in.expectPunct('+', "'+' starting the end of a relative time range ('+0~+0.2')");
        }
        long end = seconds(in, "the end of the time range");
        if (end < start) {
            throw in.at(startTok, "time range ends before it starts");
        }
        return relative ? new EventTime.RelativeRange(start, end) : new EventTime.AbsoluteRange(start, end);
    }

    /** Consumes a non-negative FLOAT or INTEGER number of seconds and returns microseconds (truncated). */
    static long seconds(Cursor in, String expected) {
        Token t = in.peek();
        if (t.kind() != Kind.FLOAT && t.kind() != Kind.INTEGER) {
            throw in.expected(expected);
        }
        in.next();
        String s = t.text();
        if (s.startsWith("-")) {
            throw in.at(t, "time " + s + " is negative");
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : s.substring(dot + 1);
        if (whole.length() > 10 || (!whole.isEmpty() && Long.parseLong(whole) > MAX_SECONDS)) {
            throw in.at(t, "time " + s + " is out of range (at most " + MAX_SECONDS + " seconds)");
        }
        String micros = (frac + "000000").substring(0, 6);
        return (whole.isEmpty() ? 0 : Long.parseLong(whole)) * 1_000_000L + Long.parseLong(micros);
    }
}
