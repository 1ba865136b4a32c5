package io.jnetstack.personality;

/** MacOs — overrides only where its kernel departs from the shared BSD defaults. */
public final class MacOsPersonality extends BsdPersonality {
    @Override
    public Os os() {
        return Os.MACOS;
    }

    /**
     * bsd/netinet/ip_icmp.c: icmpbmcastecho = 1 — XNU answers echo requests sent to a broadcast or multicast
     * address (only from senders on a local subnet, a check not modelled: every simulated sender is local).
     */
    @Override
    public boolean answersBroadcastEcho() {
        return true;
    }
}
