package io.jnetstack.link;

/** Sees every frame that crosses a link (a tap); it must not change the bytes. */
public interface FrameObserver {
    /** One frame of {@code len} bytes crossing at {@code nowNs}. */
    void observe(byte[] frame, int off, int len, long nowNs);

    /** The frame last observed was then dropped on the link, for {@code reason} ("loss", "queue", a rule's). */
    default void dropped(String reason, long nowNs) {}
}
