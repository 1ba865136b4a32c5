package io.jnetstack.link;

/** Receives frames. The bytes belong to the caller: a sink that keeps them must copy. */
@FunctionalInterface
public interface FrameSink {
    /** One frame of {@code len} bytes at {@code off}, arriving at virtual or real time {@code nowNs}. */
    void onFrame(byte[] frame, int off, int len, long nowNs);

    /**
     * As {@link #onFrame}, for an IP packet whose transport checksum the link has verified or completed itself
     * (receive checksum offload): the stack may skip verifying it again. By default, an ordinary frame.
     */
    default void onChecksumVerifiedFrame(byte[] frame, int off, int len, long nowNs) {
        onFrame(frame, off, len, nowNs);
    }
}
