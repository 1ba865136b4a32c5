package io.jnetstack.pktrun;

/**
 * How one script ended.
 *
 * @param verdict PASS, FAIL or SKIP
 * @param reason why it failed or was skipped (empty on a pass)
 * @param virtualNs the virtual time the run reached
 */
public record ScriptResult(Verdict verdict, String reason, long virtualNs) {
    /** The three outcomes of a script. */
    public enum Verdict {
        /** Every event happened as the script says. */
        PASS,
        /** An event did not happen as the script says, or the script could not be run as written. */
        FAIL,
        /** The script needs something jnetstack does not model (named in the reason); nothing was judged. */
        SKIP
    }
}
