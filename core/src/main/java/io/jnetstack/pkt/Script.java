package io.jnetstack.pkt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed script: command-line options, an optional untimed init command, the statements (timed events and
 * {@code #ifdef} blocks), and an optional untimed cleanup command.
 *
 * @param fileName the name the script was parsed under
 * @param options the {@code --name=value} lines at the top, in order
 * @param initCommand a backticked command before the first event, run before the script (packetdrill's
 *     init command)
 * @param statements the events and conditional blocks, in order
 * @param cleanupCommand a backticked command after the last event, run after the script
 */
public record Script(String fileName, List<ScriptOption> options, Optional<Action.Command> initCommand,
        List<Statement> statements, Optional<Action.Command> cleanupCommand) {

    /** Copies the lists. */
    public Script {
        options = List.copyOf(options);
        statements = List.copyOf(statements);
    }

    /** The value of the last option named {@code name} ({@code ip_version}, not {@code --ip_version}). */
    public Optional<String> option(String name) {
        Optional<String> found = Optional.empty();
        for (ScriptOption o : options) {
            if (o.name().equals(name)) {
                found = Optional.of(o.value().orElse(""));
            }
        }
        return found;
    }

    /** The events in order, taking each {@code #ifdef NAME} branch by whether NAME is in {@code defined}. */
    public List<Event> events(Set<String> defined) {
        List<Event> out = new ArrayList<>();
        flatten(statements, defined, out);
        return List.copyOf(out);
    }

    private static void flatten(List<Statement> from, Set<String> defined, List<Event> out) {
        for (Statement s : from) {
            switch (s) {
                case Event e -> out.add(e);
                case Statement.Conditional c ->
                        flatten(defined.contains(c.symbol()) != c.negated() ? c.thenBranch() : c.elseBranch(),
                                defined, out);
            }
        }
    }
}
