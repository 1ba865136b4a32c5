package io.jnetstack.socket;

import io.jnetstack.personality.abi.Errno;
import io.jnetstack.personality.abi.Sockaddr;

/** The outcome of {@link ConnectArguments#check}: what connect(2) does next, or the errno it returns. */
public sealed interface ConnectCheck {

    /**
     * The arguments passed every check; the protocol's connect runs with this address.
     *
     * @param address   the decoded address (BSD sa_len overwritten by namelen; macOS AF_UNSPEC already rewritten)
     * @param dissolved whether the BSD socket layer has already dissolved a datagram socket's association
     *                  (soconnect → sodisconnect): the socket stays disconnected even if the protocol then fails
     */
    record Proceed(Sockaddr address, boolean dissolved) implements ConnectCheck {
        /** A proceed without a prior dissolve. */
        public Proceed(Sockaddr address) {
            this(address, false);
        }
    }

    /** Linux AF_UNSPEC: dissolve the association (TCP: abort and reset, listener: stop listening) and return 0. */
    record Disconnect() implements ConnectCheck {}

    /**
     * Linux only: a blocking connect on a socket whose attempt is already under way waits for that attempt
     * (__inet_stream_connect, SS_CONNECTING with a timeout); the new address is never read.
     */
    record AwaitPending() implements ConnectCheck {}

    /**
     * connect returns -1 with this errno.
     *
     * @param errno     the errno
     * @param aftermath what already happened to the socket before the failing check
     */
    record Fail(Errno errno, Aftermath aftermath) implements ConnectCheck {
        /** A failure with no side effect. */
        public Fail(Errno errno) {
            this(errno, Aftermath.NONE);
        }
    }

    /** A side effect a failed check leaves behind. */
    enum Aftermath {
        /** None: the socket is as before. */
        NONE,
        /** BSD: a connected datagram socket was disconnected by soconnect before the protocol refused the address. */
        DISSOLVED,
        /**
         * macOS TCP: tcp_connect's implicit in_pcbbind ran before in_pcbladdr/in6_pcbladdr refused the address
         * (A10, A11, B5): an unbound socket is left bound to an ephemeral port.
         */
        EPHEMERAL_BOUND
    }
}
