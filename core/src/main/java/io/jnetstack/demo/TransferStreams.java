package io.jnetstack.demo;

import io.jnetstack.sim.SimHost;
import io.jnetstack.sim.Simulation;
import io.jnetstack.stack.Stack;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.time.RandomSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two applications of a {@link Transfer}. Each wakes up (a simulation event at the current instant, after the
 * one that woke it) when a frame arrives at its host or its connection reports CONNECTED, and then does all the
 * work it can: the sender writes until the send buffer is full, the receiver reads until nothing is left. Neither
 * polls, so an idle period (a retransmission timeout) costs nothing. Both hash what passes through them with
 * SHA-256 as they go; no more than one chunk of data is held at a time.
 */
final class TransferStreams {
    private static final int CHUNK = 64 * 1024;
    private static final int READ_MAX = 1 << 20;

    private TransferStreams() {}

    /** Writes {@code total} bytes from a seeded random stream, generated and hashed one chunk at a time. */
    static final class Sender {
        private final Simulation sim;
        private final SimHost host;
        private final long total;
        private final RandomSource data;
        private final MessageDigest digest = sha256();
        private final byte[] chunk = new byte[CHUNK];
        private int chunkOff;
        private int chunkLen;
        private long generated;
        private long written;
        private boolean pending;
        private TcpHandle handle;
        private boolean connected;

        Sender(Simulation sim, SimHost host, long total, RandomSource data) {
            this.sim = sim;
            this.host = host;
            this.total = total;
            this.data = data;
        }

        /**
         * Opens the connection (the handle is known at once; writing starts on CONNECTED) and, when {@code cc} is
         * not null, sets its congestion control before the handshake completes (TCP_CONGESTION).
         */
        void connect(io.jnetstack.wire.IpAddress dst, int port, io.jnetstack.personality.CongestionAlgorithm cc) {
            host.run(s -> {
                handle = s.tcpConnect(dst, port, sim.nowNs());
                if (cc != null && handle != null) {
                    s.tcpConnection(handle).setCongestionControl(cc);
                }
            });
        }

        void connected() {
            connected = true;
            wake();
        }

        TcpHandle handle() {
            return handle;
        }

        /** Schedules one pump at the current instant unless one is already pending. */
        void wake() {
            if (!pending && connected && written < total) {
                pending = true;
                sim.at(sim.nowNs(), this::pump);
            }
        }

        private void pump() {
            pending = false;
            host.run(this::write);
        }

        private void write(Stack s) {
            while (written < total) {
                if (chunkOff == chunkLen) {
                    refill();
                }
                int n = s.tcpSend(handle, chunk, chunkOff, chunkLen - chunkOff, sim.nowNs());
                if (n == 0) {
                    return;
                }
                chunkOff += n;
                written += n;
            }
        }

        private void refill() {
            data.nextBytes(chunk);
            chunkLen = (int) Math.min(CHUNK, total - generated);
            digest.update(chunk, 0, chunkLen);
            generated += chunkLen;
            chunkOff = 0;
        }

        /** The SHA-256 of every byte generated; complete once everything was written. */
        byte[] sha256Digest() {
            return digest.digest();
        }
    }

    /** Reads everything that arrives, hashing it; notes the instant the last expected byte was read. */
    static final class Receiver {
        private final Simulation sim;
        private final SimHost host;
        private final long total;
        private final MessageDigest digest = sha256();
        private long received;
        private long finishedAtNs = -1;
        private boolean pending;
        private TcpHandle handle;

        Receiver(Simulation sim, SimHost host, long total) {
            this.sim = sim;
            this.host = host;
            this.total = total;
        }

        void accepted(TcpHandle h) {
            handle = h;
            wake();
        }

        /** Schedules one pump at the current instant unless one is already pending. */
        void wake() {
            if (!pending && handle != null) {
                pending = true;
                sim.at(sim.nowNs(), this::pump);
            }
        }

        private void pump() {
            pending = false;
            host.run(s -> {
                for (byte[] b = s.tcpRead(handle, READ_MAX, sim.nowNs()); b.length > 0;
                        b = s.tcpRead(handle, READ_MAX, sim.nowNs())) {
                    digest.update(b);
                    received += b.length;
                }
            });
            if (received >= total && finishedAtNs < 0) {
                finishedAtNs = sim.nowNs();
            }
        }

        long received() {
            return received;
        }

        boolean finished() {
            return finishedAtNs >= 0;
        }

        long finishedAtNs() {
            return finishedAtNs;
        }

        /** The SHA-256 of every byte read. */
        byte[] sha256Digest() {
            return digest.digest();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
