package io.jnetstack.personality;

/** FreeBsd — see the overrides for where it departs from the shared BSD defaults. */
public final class FreeBsdPersonality extends BsdPersonality {
    @Override
    public Os os() {
        return Os.FREEBSD;
    }
}
