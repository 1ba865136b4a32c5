package io.jnetstack.personality;

/** MacOs — see the overrides for where it departs from the shared BSD defaults. */
public final class MacOsPersonality extends BsdPersonality {
    @Override
    public Os os() {
        return Os.MACOS;
    }
}
