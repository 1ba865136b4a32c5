package io.jnetstack.socket.unix;

/** The UNIX-domain socket types, with the SOCK_* number Linux and the BSDs share (sys/socket.h). */
public enum UnixType {
    /** SOCK_STREAM: a reliable byte stream. */
    STREAM(1),
    /** SOCK_DGRAM: datagrams with the sender's address; connect only sets the default peer. */
    DATAGRAM(2),
    /** SOCK_SEQPACKET: a connection that keeps record boundaries. */
    SEQPACKET(5);

    private final int code;

    UnixType(int code) {
        this.code = code;
    }

    /** The SOCK_* value, stored in the socket file's node for connect's EPROTOTYPE test. */
    public int code() {
        return code;
    }

    /** Whether the type needs a connection (PR_CONNREQUIRED): stream and seqpacket. */
    public boolean connectionOriented() {
        return this != DATAGRAM;
    }
}
