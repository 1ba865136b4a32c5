package io.jnetstack.socket.unix;

import io.jnetstack.personality.abi.Sockaddr;

/**
 * What one receive returned.
 *
 * @param data the bytes (empty at end-of-file, or for an empty record or datagram)
 * @param truncated whether a record or datagram was longer than asked for and its rest was discarded (MSG_TRUNC)
 * @param source the sender's address (datagrams; the peer's for connections; unnamed when the sender has none)
 * @param endOfFile whether this is end-of-file rather than data (read returns 0)
 */
public record Received(byte[] data, boolean truncated, Sockaddr.Un source, boolean endOfFile) {

    /** End-of-file: no bytes, no source. */
    static Received eof() {
        return new Received(new byte[0], false, Sockaddr.Un.unnamed(), true);
    }
}
