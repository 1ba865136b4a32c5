package io.jnetstack.bench;

import io.jnetstack.link.FrameSink;
import io.jnetstack.link.LinkEndpoint;
import io.jnetstack.link.Medium;
import io.jnetstack.personality.Personality;
import io.jnetstack.stack.Stack;
import io.jnetstack.stack.StackListener;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.MacAddress;
import java.util.ArrayDeque;

/**
 * Two {@link Stack}s joined by an in-memory zero-delay IP wire, driven by this class instead of a {@code
 * Simulation}, for the many-connection measurements (IDLE-MEM, IDLE-CPU). It arms timers the way {@code SimHost}
 * does — one event per stack at {@link Stack#nextDeadlineNs()} — but asks for that deadline only in {@link
 * #idle}, so opening 100k connections costs O(n log n) instead of O(n²) ({@code Stack.nextDeadlineNs()} scans
 * every connection, and {@code SimHost} asks after every frame).
 */
final class DirectPair {
    /** Connections per listening port (the Linux ephemeral range has 28,232 ports per destination). */
    static final int PER_PORT = 20_000;
    static final int FIRST_PORT = 5001;

    final Stack client = new Stack("client", Personality.named("linux"), new RandomSource(11));
    final Stack server = new Stack("server", Personality.named("linux"), new RandomSource(12));
    final Ipv4Address serverAddress = Ipv4Address.of("10.0.0.2");
    private final Wire toServer = new Wire();
    private final Wire toClient = new Wire();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    long nowNs;
    long frames;
    int serverConnected;
    int clientConnected;
    int failures;
    /** When set, the server's ends are stored here as they connect. */
    TcpHandle[] serverEnds;

    /** One end of the wire: frames it transmits are queued for the other end. */
    private final class Wire implements LinkEndpoint {
        FrameSink sink;
        Wire peer;

        @Override
        public Medium medium() {
            return Medium.IP;
        }

        @Override
        public int mtu() {
            return 1500;
        }

        @Override
        public MacAddress macAddress() {
            return MacAddress.ZERO;
        }

        @Override
        public void attach(FrameSink s) {
            sink = s;
        }

        @Override
        public void transmit(byte[] frame, int off, int len, long t) {
            queue.addLast(peer);
            queue.addLast(java.util.Arrays.copyOfRange(frame, off, off + len));
        }
    }

    DirectPair() {
        toServer.peer = toClient;
        toClient.peer = toServer;
        client.addAddress(client.addInterface("eth0", toServer), Ipv4Address.of("10.0.0.1"), 24);
        server.addAddress(server.addInterface("eth0", toClient), serverAddress, 24);
        client.setListener(counter(true));
        server.setListener(counter(false));
    }

    private StackListener counter(boolean isClient) {
        return new StackListener() {
            @Override
            public void onTcpEvent(TcpHandle h, TcpEvent e, long t) {
                if (e == TcpEvent.CONNECTED) {
                    if (isClient) {
                        clientConnected++;
                    } else {
                        if (serverEnds != null && serverConnected < serverEnds.length) {
                            serverEnds[serverConnected] = h;
                        }
                        serverConnected++;
                    }
                } else {
                    failures++;
                }
            }
        };
    }

    /** Delivers queued frames until none is left (bounded); returns how many. */
    long pump() {
        long n = 0;
        while (!queue.isEmpty()) {
            if (++n > 100_000_000L) {
                throw new IllegalStateException("wire never went quiet");
            }
            Wire to = (Wire) queue.pollFirst();
            byte[] f = (byte[]) queue.pollFirst();
            to.sink.onFrame(f, 0, f.length, nowNs);
        }
        frames += n;
        return n;
    }

    /** Opens {@code n} connections (listening on as many ports as needed), storing both ends' handles. */
    void open(int n, TcpHandle[] clientEnds) {
        for (int p = 0; p * PER_PORT < n; p++) {
            server.tcpListen(FIRST_PORT + p);
        }
        for (int i = 0; i < n; i++) {
            clientEnds[i] = client.tcpConnect(serverAddress, FIRST_PORT + i / PER_PORT, nowNs);
            pump();
            server.tcpAccept(FIRST_PORT + i / PER_PORT); // off the accept queue, as accept(2) would
        }
        if (clientConnected != n || serverConnected != n || failures != 0) {
            throw new IllegalStateException("opened " + clientConnected + "/" + serverConnected + " of " + n
                    + ", failures " + failures);
        }
    }

    /**
     * Lets {@code durationNs} of virtual time pass with no application activity: each stack's timer fires at its
     * {@link Stack#nextDeadlineNs()} (as {@code SimHost} schedules it), bounded by {@code maxEvents}; returns the
     * number of timer events that fired.
     */
    long idle(long durationNs, long maxEvents) {
        long end = nowNs + durationNs;
        long events = 0;
        while (events < maxEvents) {
            long a = client.nextDeadlineNs();
            long b = server.nextDeadlineNs();
            long next = Math.min(a, b);
            if (next > end) {
                break;
            }
            nowNs = Math.max(nowNs, next);
            if (a <= nowNs) {
                client.advanceTo(nowNs);
                events++;
            }
            if (b <= nowNs) {
                server.advanceTo(nowNs);
                events++;
            }
            pump();
        }
        nowNs = Math.max(nowNs, end);
        return events;
    }
}
