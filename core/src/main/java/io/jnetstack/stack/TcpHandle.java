package io.jnetstack.stack;

import io.jnetstack.wire.IpAddress;

/** Names one TCP connection of a stack by its four-tuple (local first). */
public record TcpHandle(IpAddress localAddress, int localPort, IpAddress remoteAddress, int remotePort)
        implements Comparable<TcpHandle> {

    @Override
    public int compareTo(TcpHandle o) {
        int c = localAddress.compareTo(o.localAddress);
        c = c != 0 ? c : Integer.compare(localPort, o.localPort);
        c = c != 0 ? c : remoteAddress.compareTo(o.remoteAddress);
        return c != 0 ? c : Integer.compare(remotePort, o.remotePort);
    }

    @Override
    public String toString() {
        return localAddress + "." + localPort + " > " + remoteAddress + "." + remotePort;
    }
}
