package io.jnetstack.matrix;

/**
 * Thrown by a scenario step that has no faithful equivalent on a real kernel (a signal timer, a custom fault rule,
 * reaching into the simulation): the host runner reports the row as {@code n/a on host: <reason>}.
 */
public final class NotOnHost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The step and why it cannot run on the host. */
    public NotOnHost(String reason) {
        super(reason, null, false, false);
    }
}
