package io.jnetstack.personality.abi;

/** The result of {@link SockaddrCodec#decode}: an address, or the typed reason there is none. Never an exception. */
public sealed interface SockaddrDecoding {

    /**
     * A decoded address.
     *
     * @param address the address
     * @param length the bytes the caller supplied (namelen); may exceed the structure's size, which Linux accepts
     *     for AF_INET and the BSDs reject (connect-catalogue A12), so the socket layer compares it with
     *     {@link SockaddrCodec#structSize(int)}
     */
    record Ok(Sockaddr address, int length) implements SockaddrDecoding {}

    /**
     * No address.
     *
     * @param problem what is wrong
     * @param family the family read, or -1 when not even the family could be read
     * @param detail a sentence naming the field and the values, for logs and assertion messages
     */
    record Invalid(SockaddrProblem problem, int family, String detail) implements SockaddrDecoding {}
}
