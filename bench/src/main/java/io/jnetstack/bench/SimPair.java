package io.jnetstack.bench;

import io.jnetstack.personality.Personality;
import io.jnetstack.sim.LinkProperties;
import io.jnetstack.sim.SimHost;
import io.jnetstack.sim.SimLink;
import io.jnetstack.sim.Simulation;
import io.jnetstack.stack.Stack;
import io.jnetstack.stack.StackListener;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.wire.Ipv4Address;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The TCP subject of CC, CRR, RR and BULK: a client and a server host (Linux personality) on a simulated
 * point-to-point link with zero delay and unlimited rate (no ARP, as on loopback), driven on the calling thread.
 * Only the public API is used ({@link Simulation}, {@link SimHost#run}, {@link Stack}'s tcp* calls, {@link
 * TcpConnection} queries and {@link StackListener} events), so the harness survives changes inside the TCP core.
 *
 * <p>The server learns new connections from {@link TcpEvent#CONNECTED}. Every application call goes through
 * {@link SimHost#run} with a consumer built once, so the harness itself allocates nothing per operation beyond
 * what the stack's API returns ({@code tcpRead}'s array).
 */
final class SimPair {
    static final long MS = 1_000_000L;
    static final int PORT = 5001;
    /** Virtual-time steps {@link #settle} may take past "now" (for a timer such as a delayed ACK) before giving up. */
    static final int MAX_STEPS = 10_000;

    final Simulation sim = new Simulation(1);
    SimHost client;
    SimHost server;
    final Ipv4Address serverAddress = Ipv4Address.of("10.0.0.2");
    /** The client's current connection and the server's side of it (from CONNECTED). */
    TcpHandle clientHandle;
    TcpHandle serverHandle;
    boolean clientConnected;
    /** The server's side ended (RESET, CLOSED) and the stack forgot it. */
    boolean serverGone;
    boolean clientGone;
    int lastRead;
    /** 1 ms virtual-time steps taken because something was not done at "now" (a timer had to fire). */
    long steps;
    private final byte[] one = {42};
    private byte[] payload = new byte[0];
    private int sendOff;
    private int sendLen;
    private int sent;

    private final Consumer<Stack> connect = s -> clientHandle = s.tcpConnect(serverAddress, PORT, sim.nowNs());
    private final Consumer<Stack> clientSendOne = s -> s.tcpSend(clientHandle, one, 0, 1, sim.nowNs());
    private final Consumer<Stack> serverSendOne = s -> s.tcpSend(serverHandle, one, 0, 1, sim.nowNs());
    private final Consumer<Stack> clientReadAll = s -> lastRead = s.tcpRead(clientHandle, 1 << 20, sim.nowNs()).length;
    /** When set, the server keeps what it reads here (to check a transfer's bytes). */
    java.io.ByteArrayOutputStream received;
    private final Consumer<Stack> serverReadAll = s -> {
        byte[] b = s.tcpRead(serverHandle, 1 << 20, sim.nowNs());
        lastRead = b.length;
        if (received != null) {
            received.write(b, 0, b.length);
        }
    };
    private final Consumer<Stack> clientAbort = s -> s.tcpAbort(clientHandle, sim.nowNs());
    private final Consumer<Stack> clientClose = s -> s.tcpClose(clientHandle, sim.nowNs());
    private final Consumer<Stack> serverClose = s -> s.tcpClose(serverHandle, sim.nowNs());
    private final Consumer<Stack> clientSendPayload =
            s -> sent = s.tcpSend(clientHandle, payload, sendOff, sendLen, sim.nowNs());
    private final BooleanSupplier established = () -> clientConnected && serverHandle != null;
    private final BooleanSupplier serverEnded = () -> serverGone;
    private final BooleanSupplier serverSawFin = () -> {
        TcpConnection c = server.stack().tcpConnection(serverHandle);
        return c == null || c.peerClosed();
    };
    private final BooleanSupplier serverHasData = () -> available(server, serverHandle) > 0;
    private final BooleanSupplier clientHasData = () -> available(client, clientHandle) > 0;

    /** Two hosts on a zero-delay link with the given IP MTU (68..65535); the server listens on {@link #PORT}. */
    SimPair(int mtu) {
        SimLink link = sim.addPointToPoint("p2p", LinkProperties.IDEAL.withMtu(mtu));
        client = sim.addHost("client", Personality.named("linux"));
        server = sim.addHost("server", Personality.named("linux"));
        sim.attach(client, link, "eth0", "10.0.0.1/24");
        sim.attach(server, link, "eth0", "10.0.0.2/24");
        client.stack().setListener(new StackListener() {
            @Override
            public void onTcpEvent(TcpHandle h, TcpEvent e, long nowNs) {
                switch (e) {
                    case CONNECTED -> clientConnected = true;
                    case PEER_CLOSED -> { }
                    default -> clientGone = true;
                }
            }
        });
        server.stack().setListener(new StackListener() {
            @Override
            public void onTcpEvent(TcpHandle h, TcpEvent e, long nowNs) {
                switch (e) {
                    case CONNECTED -> serverHandle = h;
                    case PEER_CLOSED -> { }
                    default -> serverGone = true;
                }
            }
        });
        server.run(s -> s.tcpListen(PORT));
    }

    private static int available(SimHost host, TcpHandle h) {
        TcpConnection c = h == null ? null : host.stack().tcpConnection(h);
        return c == null ? 0 : c.available();
    }

    /**
     * Runs the simulation until {@code done} holds: first everything due now (a zero-delay link delivers at the
     * same instant), then 1 ms steps of virtual time, at most {@link #MAX_STEPS}; throws if it never holds.
     */
    void settle(BooleanSupplier done, String what) {
        sim.runUntil(sim.nowNs());
        for (int i = 0; !done.getAsBoolean(); i++) {
            if (i >= MAX_STEPS) {
                throw new IllegalStateException("never happened: " + what + " (seed " + sim.seed() + ", at "
                        + sim.nowNs() / MS + " ms)");
            }
            steps++;
            sim.runFor(MS);
        }
    }

    /** Opens a connection and waits until both ends report it established. */
    void open() {
        clientConnected = false;
        clientGone = false;
        serverGone = false;
        serverHandle = null;
        client.run(connect);
        settle(established, "both ends ESTABLISHED");
        server.run(s -> s.tcpAccept(PORT)); // take it off the accept queue, as accept(2) would
    }

    /** The client aborts (RST, SO_LINGER 0 style) and the server's side goes away on the RESET. */
    void abort() {
        client.run(clientAbort);
        settle(serverEnded, "server saw the RST");
    }

    /** Normal close, client first: FIN both ways; the client's side then sits in TIME-WAIT. */
    void closeNormally() {
        client.run(clientClose);
        settle(serverSawFin, "server saw the FIN");
        server.run(serverClose);
        settle(serverEnded, "server's LAST-ACK acknowledged");
    }

    /** One byte client → server, read; one byte back, read. */
    void requestResponse() {
        client.run(clientSendOne);
        settle(serverHasData, "request arrived");
        server.run(serverReadAll);
        server.run(serverSendOne);
        settle(clientHasData, "response arrived");
        client.run(clientReadAll);
    }

    /** Sends {@code data[0, len)} client → server and reads it all at the server; returns bytes read. */
    long transfer(byte[] data, int len) {
        payload = data;
        sendOff = 0;
        long got = 0;
        for (int i = 0; got < len; i++) {
            if (i > MAX_STEPS * 10) {
                throw new IllegalStateException("bulk stalled at " + got + " of " + len + ": "
                        + client.stack().tcpConnection(clientHandle).describe());
            }
            if (sendOff < len) {
                sendLen = len - sendOff;
                client.run(clientSendPayload);
                sendOff += sent;
            }
            sim.runUntil(sim.nowNs());
            server.run(serverReadAll);
            got += lastRead;
            if (lastRead == 0 && sent == 0) {
                steps++;
                sim.runFor(MS);
            }
        }
        return got;
    }
}
