package io.jnetstack.socket;

/**
 * {@code struct msghdr} reduced to one data buffer and no ancillary data: {@code name} and {@code namelen} are the
 * address (sendmsg: destination; recvmsg: filled with the source, namelen updated), {@code flags} receives
 * MSG_TRUNC and friends on recvmsg.
 */
public final class MessageHeader {
    /** The address buffer (may be null). */
    public byte[] name;
    /** Its length in; on recvmsg, the source address's length out. */
    public int namelen;
    /** The data buffer. */
    public byte[] data;
    /** Bytes of {@code data} to send, or room to receive into. */
    public int length;
    /** Flags out of recvmsg (MSG_TRUNC, MSG_EOR). */
    public int flags;

    /** A header over {@code data} with no address. */
    public MessageHeader(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }
}
