package io.jnetstack.personality;

/** OpenBsd — see the overrides for where it departs from the shared BSD defaults. */
public final class OpenBsdPersonality extends BsdPersonality {
    @Override
    public Os os() {
        return Os.OPENBSD;
    }
}
