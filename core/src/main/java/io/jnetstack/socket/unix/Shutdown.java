package io.jnetstack.socket.unix;

/** shutdown(2)'s {@code how}. */
public enum Shutdown {
    /** SHUT_RD: no more receiving. */
    READ,
    /** SHUT_WR: no more sending; the peer reads end-of-file after the queued data. */
    WRITE,
    /** SHUT_RDWR: both. */
    BOTH;

    boolean read() {
        return this != WRITE;
    }

    boolean write() {
        return this != READ;
    }
}
