package io.jnetstack.pkt;

import io.jnetstack.pkt.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses packetdrill scripts. Grammar (after packetdrill's parser.y): options, an optional untimed init
 * command, events ({@code time action}) and {@code #ifdef} blocks, an optional untimed cleanup command. This
 * dialect takes one event per line: text left on an event's last line is an error.
 */
public final class Parser {
    private static final Pattern SYSCTL = Pattern.compile("sysctl\\s+-w\\s+([A-Za-z0-9_.%-]+)=(\\S*)");
    private static final String EVENT_START = "a time ('0.1', '+0.1' or '*') starting an event";

    private final Cursor in;

    private Parser(Cursor in) {
        this.in = in;
    }

    /** Parses a script; throws {@link ScriptParseException} carrying the first {@link ParseError}. */
    public static Script parse(String fileName, String text) {
        Parser p = new Parser(new Cursor(fileName, text));
        return p.script();
    }

    /** Parses a script without throwing: the script, or the first error. */
    public static ParseResult tryParse(String fileName, String text) {
        try {
            return new ParseResult.Ok(parse(fileName, text));
        } catch (ScriptParseException e) {
            return new ParseResult.Failed(e.error());
        }
    }

    private Script script() {
        List<ScriptOption> options = new ArrayList<>();
        while (in.peek().kind() == Kind.OPTION) {
            Token t = in.next();
            options.add(new ScriptOption(t.position(), t.text(), Optional.ofNullable(t.value())));
        }
        Optional<Action.Command> init = Optional.empty();
        if (in.peek().kind() == Kind.BACKTICK) {
            init = Optional.of(command(in.next()));
        }
        List<Statement> body = block(true);
        Optional<Action.Command> cleanup = Optional.empty();
        if (in.peek().kind() == Kind.BACKTICK) {
            cleanup = Optional.of(command(in.next()));
        }
        if (in.peek().kind() == Kind.OPTION) {
            throw in.at(in.peek(), "options must come before the first event, found " + in.peek().describe());
        }
        if (in.peek().kind() != Kind.EOF) {
            throw in.expected(EVENT_START + (cleanup.isPresent() ? " or end of script after the cleanup command"
                    : ""));
        }
        return new Script(in.fileName(), options, init, body, cleanup);
    }

    /** Statements up to a directive that ends the block ({@code #else}/{@code #endif}) or a non-event. */
    private List<Statement> block(boolean topLevel) {
        List<Statement> out = new ArrayList<>();
        while (true) {
            Token t = in.peek();
            if (t.kind() == Kind.DIRECTIVE) {
                String word = directiveWord(t);
                if (word.equals("else") || word.equals("endif")) {
                    if (topLevel) {
                        throw in.at(t, "'#" + word + "' without a matching '#ifdef'");
                    }
                    return out;
                }
                out.add(conditional());
            } else if (startsTime(t)) {
                out.add(event());
            } else {
                return out;
            }
        }
    }

    private Statement.Conditional conditional() {
        Token open = in.next();
        String word = directiveWord(open);
        String[] parts = open.value().split("\\s+");
        if (!(word.equals("ifdef") || word.equals("ifndef")) || parts.length != 2) {
            throw in.at(open, "expected '#ifdef NAME', '#ifndef NAME', '#else' or '#endif', found '#"
                    + open.value() + "'");
        }
        List<Statement> then = block(false);
        List<Statement> otherwise = List.of();
        if (in.peek().kind() == Kind.DIRECTIVE && directiveWord(in.peek()).equals("else")) {
            in.next();
            otherwise = block(false);
        }
        Token close = in.peek();
        if (close.kind() != Kind.DIRECTIVE || !directiveWord(close).equals("endif")) {
            if (close.kind() == Kind.EOF || close.kind() == Kind.DIRECTIVE) {
                throw in.at(open, "'#" + open.value() + "' is not closed: expected '#endif'");
            }
            throw in.expected(EVENT_START + " or '#endif'");
        }
        in.next();
        return new Statement.Conditional(open.position(), parts[1], word.equals("ifndef"), then, otherwise);
    }

    private static String directiveWord(Token t) {
        String v = t.value();
        int sp = 0;
        while (sp < v.length() && !Character.isWhitespace(v.charAt(sp))) {
            sp++;
        }
        return v.substring(0, sp);
    }

    private static boolean startsTime(Token t) {
        return t.isPunct('+') || t.isPunct('*') || t.kind() == Kind.INTEGER || t.kind() == Kind.FLOAT;
    }

    private Event event() {
        Token first = in.peek();
        EventTime time = Times.eventTime(in);
        Action action = action();
        boolean outbound = action instanceof Packet p && p.direction() == Packet.Direction.OUTBOUND;
        boolean loose = !(time instanceof EventTime.Absolute || time instanceof EventTime.Relative);
        if (loose && !outbound) {
            throw in.at(first, "a time range or '*' is only allowed for outbound packets ('>')");
        }
        if (in.onSameLine()) {
            throw in.expected(trailer(action));
        }
        return new Event(first.position(), time, action);
    }

    private static String trailer(Action action) {
        return switch (action) {
            case Packet p -> switch (p.transport()) {
                case Packet.Tcp t -> "'ack', 'win', 'urg', '<' options, '/udp(...)' or end of line in the TCP packet";
                case Packet.Udp u -> "end of line after the UDP packet";
                case Packet.Icmp i -> "'mtu', 'id', '[' quoted packet or end of line in the ICMP packet";
            };
            case Action.Syscall s -> "end of line after the system call";
            case Action.Sysctl s -> "end of line after the shell command";
            case Action.Shell s -> "end of line after the shell command";
            case Action.Code c -> "end of line after the code snippet";
        };
    }

    private Action action() {
        Token t = in.peek();
        if (t.isPunct('<') || t.isPunct('>')) {
            return new PacketParser(in).packet();
        }
        if (t.kind() == Kind.BACKTICK) {
            return command(in.next());
        }
        if (t.kind() == Kind.CODE) {
            return new Action.Code(in.next().value());
        }
        if (t.kind() == Kind.ELLIPSIS || (t.kind() == Kind.WORD && in.peek(1).isPunct('('))) {
            return new ExprParser(in).syscall();
        }
        throw in.expected("a packet ('<' or '>'), a system call, a `shell command` or %{ code }% after the time");
    }

    /** A backticked command: {@code sysctl -w name=value} becomes a {@link Action.Sysctl}. */
    static Action.Command command(Token t) {
        Matcher m = SYSCTL.matcher(t.value().strip());
        if (m.matches()) {
            return new Action.Sysctl(m.group(1), m.group(2), t.value());
        }
        return new Action.Shell(t.value());
    }
}
