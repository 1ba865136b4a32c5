package io.jnetstack.personality;

/**
 * One slot of the TCP options an OS puts in its SYN, in wire order (values only: the TCP layer turns a layout into
 * wire options). Layouts are in {@code docs/research/tcp-personalities.md}, each with the kernel function it is from.
 */
public enum SynOption {
    /** Maximum segment size (kind 2, 4 bytes). */
    MSS,
    /** No-operation padding (kind 1). */
    NOP,
    /** Window scale (kind 3, 3 bytes). */
    WINDOW_SCALE,
    /** SACK permitted (kind 4, 2 bytes). */
    SACK_PERMITTED,
    /** Timestamps (kind 8, 10 bytes). */
    TIMESTAMPS,
    /** End of option list (kind 0), used as padding by XNU. */
    EOL
}
