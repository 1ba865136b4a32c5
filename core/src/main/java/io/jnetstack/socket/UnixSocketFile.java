package io.jnetstack.socket;

import io.jnetstack.socket.unix.UnixSocket;

/** A UNIX-domain socket behind a descriptor: the engine's {@link UnixSocket} and the generic layer's view of it. */
final class UnixSocketFile extends Socket {
    final UnixSocket socket;

    UnixSocketFile(SocketKernel kernel, UnixSocket socket) {
        super(kernel, SocketSummary.Domain.UNIX, switch (socket.type()) {
            case STREAM -> SocketSummary.Type.STREAM;
            case DATAGRAM -> SocketSummary.Type.DATAGRAM;
            case SEQPACKET -> SocketSummary.Type.SEQPACKET;
        });
        this.socket = socket;
    }

    @Override
    SocketSummary.State state() {
        return switch (socket.state()) {
            case UNCONNECTED, CLOSED -> SocketSummary.State.UNCONNECTED;
            case LISTENING -> SocketSummary.State.LISTENING;
            case CONNECTED -> SocketSummary.State.CONNECTED;
        };
    }

    @Override
    io.jnetstack.personality.abi.Errno takeError() {
        io.jnetstack.personality.abi.Errno e = socket.takeError();
        return e != null ? e : super.takeError();
    }

    @Override
    Readiness readiness() {
        boolean pending = socket.pendingError() != null;
        return new Readiness(socket.readable() || socket.acceptable(), socket.writable(), socket.hangup(),
                pending && kernel.rules().poll() == io.jnetstack.personality.SocketRules.PollStyle.LINUX, false);
    }

    @Override
    void release(long nowNs) {
        socket.close();
        kernel.changed();
    }
}
