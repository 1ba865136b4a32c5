package io.jnetstack.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The kernel reference of CC, CRR, RR and BULK: Java NIO on 127.0.0.1 only, client and server on the calling
 * thread (the same placement as the simulated subject: one thread, no cross-thread wake-ups). Blocking channels
 * for the connection and ping-pong shapes (loopback delivers a write to the peer's receive queue before the write
 * returns, so one thread never waits on itself); non-blocking for BULK, alternating write and read. TCP_NODELAY on,
 * close abortive (SO_LINGER 0 on the client, then the server closes its side). Every loop is bounded.
 */
final class KernelPair implements AutoCloseable {
    static final int MAX_SPINS = 1_000_000;

    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    private final ByteBuffer oneOut = ByteBuffer.allocateDirect(1);
    private final ByteBuffer oneIn = ByteBuffer.allocateDirect(1);
    SocketChannel client;
    SocketChannel server;

    /** A listener on 127.0.0.1, an ephemeral port, backlog 128. */
    KernelPair() throws IOException {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        address = (InetSocketAddress) listener.getLocalAddress();
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalStateException("kernel reference must use loopback only: " + address);
        }
    }

    /** connect + accept, both blocking, TCP_NODELAY on both ends. */
    void open() throws IOException {
        client = SocketChannel.open(address);
        server = listener.accept();
        client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        server.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    /** Abortive close: SO_LINGER 0 on the client (a RST), then the server's side. */
    void abort() throws IOException {
        client.setOption(StandardSocketOptions.SO_LINGER, 0);
        client.close();
        server.close();
        client = null;
        server = null;
    }

    /** One byte client → server, read; one byte back, read (blocking). */
    void requestResponse() throws IOException {
        oneOut.clear();
        client.write(oneOut);
        oneIn.clear();
        server.read(oneIn);
        oneOut.clear();
        server.write(oneOut);
        oneIn.clear();
        client.read(oneIn);
    }

    /** Switches the open connection's channels to non-blocking, for {@link #transfer}. */
    void nonBlocking() throws IOException {
        client.configureBlocking(false);
        server.configureBlocking(false);
    }

    /** Moves {@code out}'s remaining bytes client → server through {@code in}; returns bytes read. */
    long transfer(ByteBuffer out, ByteBuffer in) throws IOException {
        long got = 0;
        long want = out.remaining();
        for (int i = 0; got < want; i++) {
            if (i > MAX_SPINS) {
                throw new IllegalStateException("kernel bulk stalled at " + got + " of " + want);
            }
            if (out.hasRemaining()) {
                client.write(out);
            }
            in.clear();
            int n = server.read(in);
            if (n < 0) {
                throw new IOException("unexpected end of stream");
            }
            got += n;
        }
        return got;
    }

    @Override
    public void close() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        listener.close();
    }
}
