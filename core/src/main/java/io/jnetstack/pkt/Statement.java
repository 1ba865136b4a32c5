package io.jnetstack.pkt;

import java.util.List;

/** One top-level item of a script's body: a timed {@link Event} or an {@code #ifdef} block. */
public sealed interface Statement permits Event, Statement.Conditional {

    /** Where the statement starts. */
    Position position();

    /**
     * A C-preprocessor-style block used by the FreeBSD suite: {@code #ifdef NAME} (or {@code #ifndef}) ...
     * [{@code #else} ...] {@code #endif}.
     *
     * @param position the position of the {@code #ifdef} line
     * @param symbol the tested name
     * @param negated true for {@code #ifndef}
     * @param thenBranch the statements taken when the test holds
     * @param elseBranch the statements after {@code #else}, empty without one
     */
    record Conditional(Position position, String symbol, boolean negated, List<Statement> thenBranch,
            List<Statement> elseBranch) implements Statement {
        /** Copies the lists. */
        public Conditional {
            thenBranch = List.copyOf(thenBranch);
            elseBranch = List.copyOf(elseBranch);
        }
    }
}
