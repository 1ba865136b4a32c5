package io.jnetstack.pktrun;

/** Ends a script run early with a verdict: a failed expectation or something not modelled. */
final class ScriptStop extends RuntimeException {
    private final ScriptResult.Verdict verdict;

    private ScriptStop(ScriptResult.Verdict verdict, String message) {
        super(message, null, false, false);
        this.verdict = verdict;
    }

    static ScriptStop fail(String message) {
        return new ScriptStop(ScriptResult.Verdict.FAIL, message);
    }

    static ScriptStop skip(String message) {
        return new ScriptStop(ScriptResult.Verdict.SKIP, message);
    }

    ScriptResult.Verdict verdict() {
        return verdict;
    }
}
