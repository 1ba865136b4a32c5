package io.jnetstack.link;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered chain of fault rules on a link or a host. Each frame is offered to the rules in the order they were
 * added; the first verdict that is not {@link Verdict.Pass} decides (later rules are not consulted, and draw no
 * randomness for that frame).
 *
 * <p>Decision: one verdict per frame keeps each rule's effect readable in a trace; to combine, say, loss with
 * delay, put them on different links or write a rule that returns the combination it wants.
 */
public final class FaultChain {
    private final List<Rule> rules = new ArrayList<>();

    /** Appends a rule; returns this chain. */
    public FaultChain add(Rule rule) {
        rules.add(rule);
        return this;
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** True when no rule is installed (the fast path skips building a {@link FrameInfo}). */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The verdict for one frame. */
    public Verdict decide(FrameInfo frame) {
        for (Rule r : rules) {
            Verdict v = r.decide(frame);
            if (!(v instanceof Verdict.Pass)) {
                return v;
            }
        }
        return Verdict.PASS;
    }
}
