package io.jnetstack.link;

/** Sees every frame that crosses a link (a tap); it must not change the bytes. */
@FunctionalInterface
public interface FrameObserver {
    /** One frame of {@code len} bytes crossing at {@code nowNs}. */
    void observe(byte[] frame, int off, int len, long nowNs);
}
