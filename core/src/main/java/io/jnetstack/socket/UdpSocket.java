package io.jnetstack.socket;

import io.jnetstack.stack.UdpAddress;
import io.jnetstack.stack.UdpHandle;

/**
 * A UDP socket: its endpoint in the stack (opened with the socket; the stack remembers whether bind() named its
 * address and port), whether it has a default peer, and the error an ICMP message left for
 * it (connected sockets only, as Linux __udp4_lib_err and BSD udp_notify/in_pcbnotify do).
 */
final class UdpSocket extends Socket {
    final UdpHandle handle;
    boolean connected;

    UdpSocket(SocketKernel kernel, SocketSummary.Domain domain) {
        super(kernel, domain, SocketSummary.Type.DATAGRAM);
        this.handle = kernel.stack().udp().open(domain == SocketSummary.Domain.INET6);
        options.v6Only = domain == SocketSummary.Domain.INET6 && kernel.rules().defaultV6Only();
        if (options.v6Only) {
            kernel.stack().udp().setV6Only(handle, true);
        }
    }

    UdpAddress local() {
        return kernel.stack().udp().local(handle);
    }

    UdpAddress remote() {
        return kernel.stack().udp().remote(handle);
    }

    @Override
    SocketSummary.State state() {
        return connected ? SocketSummary.State.CONNECTED : SocketSummary.State.UNCONNECTED;
    }

    @Override
    Readiness readiness() {
        boolean data = kernel.stack().udp().queuedCount(handle) > 0;
        boolean pending = error != null;
        return switch (kernel.rules().poll()) {
            // net/ipv4/udp.c udp_poll → datagram_poll: POLLERR while sk_err is set, POLLOUT while writable
            case LINUX -> new Readiness(data || readShut, !writeShut, readShut && writeShut, pending, readShut);
            // sopoll: so_error makes the socket readable and writable
            case FREEBSD, OPENBSD, XNU -> new Readiness(data || pending || readShut, true, readShut && writeShut,
                    false, false);
        };
    }

    @Override
    void release(long nowNs) {
        kernel.closeUdp(this);
    }
}
