package io.jnetstack.socket.api;

import io.jnetstack.personality.abi.AbiConstant;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * A UDP socket: bind, connect (a default peer that also filters what arrives), send to an address or the peer,
 * receive with the sender's address; failures as {@link ErrnoException}.
 */
public final class DatagramEndpoint implements AutoCloseable {
    private final Sockets s;
    private final int fd;

    DatagramEndpoint(Sockets s, int fd) {
        this.s = s;
        this.fd = fd;
    }

    /** The descriptor. */
    public int fd() {
        return fd;
    }

    /** bind(2) to {@code host}:{@code port} ("0.0.0.0" for any; port 0 for an ephemeral one). */
    public DatagramEndpoint bind(String host, int port) throws ErrnoException {
        byte[] a = s.encode(Sockets.literal(host), port);
        s.check("bind", s.syscalls().bind(fd, a, a.length));
        return this;
    }

    /** connect(2): the default peer; datagrams from anyone else are dropped from now on. */
    public DatagramEndpoint connect(String host, int port) throws ErrnoException {
        byte[] a = s.encode(Sockets.literal(host), port);
        s.check("connect", s.syscalls().connect(fd, a, a.length));
        return this;
    }

    /** sendto(2) of {@code data} to {@code host}:{@code port}. */
    public int sendTo(String host, int port, byte[] data) throws ErrnoException {
        byte[] a = s.encode(Sockets.literal(host), port);
        return s.check("sendto", s.syscalls().sendto(fd, data, data.length, 0, a, a.length));
    }

    /** send(2) of {@code data} to the connected peer. */
    public int send(byte[] data) throws ErrnoException {
        return s.check("send", s.syscalls().send(fd, data, data.length, 0));
    }

    /** recvfrom(2): the next datagram (up to {@code max} bytes; the rest of a longer one is discarded). */
    public Datagram receive(int max) throws ErrnoException {
        byte[] b = new byte[max];
        byte[] from = new byte[128];
        int[] len = {128};
        int n = s.check("recvfrom", s.syscalls().recvfrom(fd, b, max, 0, from, len));
        return new Datagram(Arrays.copyOf(b, n), s.decode(from, len[0]));
    }

    /** The local address (getsockname). */
    public InetSocketAddress localAddress() throws ErrnoException {
        byte[] b = new byte[128];
        int[] len = {128};
        s.check("getsockname", s.syscalls().getsockname(fd, b, len));
        return s.decode(b, len[0]);
    }

    /** SO_BROADCAST on or off. */
    public void setBroadcast(boolean on) throws ErrnoException {
        byte[] v = {(byte) (on ? 1 : 0), 0, 0, 0};
        s.check("setsockopt", s.syscalls().setsockopt(fd, s.k(AbiConstant.SOL_SOCKET), s.k(AbiConstant.SO_BROADCAST),
                v, 4));
    }

    @Override
    public void close() throws ErrnoException {
        s.check("close", s.syscalls().close(fd));
    }

    /**
     * A received datagram.
     *
     * @param data   its bytes
     * @param sender who sent it
     */
    public record Datagram(byte[] data, InetSocketAddress sender) {}
}
