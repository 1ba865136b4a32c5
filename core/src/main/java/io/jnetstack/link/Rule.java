package io.jnetstack.link;

/** A fault-injection rule: looks at one frame and decides its fate. Rules form a chain; see {@link FaultChain}. */
@FunctionalInterface
public interface Rule {
    /** The verdict for {@code frame}; {@link Verdict#PASS} to let later rules decide. */
    Verdict decide(FrameInfo frame);
}
