package io.jnetstack.stack;

import io.jnetstack.wire.IpAddress;

/** The outcome of a UDP bind, connect or send: the local name it used, or why it failed. */
public sealed interface UdpResult permits UdpResult.Ok, UdpResult.Failed {

    /**
     * It happened. For bind: the bound address (the unspecified address of the endpoint's family for any) and port.
     * For connect and send: the source address and port the datagrams carry (after any implicit bind).
     */
    record Ok(IpAddress localAddress, int localPort) implements UdpResult {}

    /** It did not happen, because of {@code failure}; nothing changed. */
    record Failed(UdpFailure failure) implements UdpResult {}

    /** True for {@link Ok}. */
    default boolean isOk() {
        return this instanceof Ok;
    }
}
