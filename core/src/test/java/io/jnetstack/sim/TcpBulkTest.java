package io.jnetstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.link.Rules;
import io.jnetstack.link.Verdict;
import io.jnetstack.personality.Personality;
import io.jnetstack.stack.Stack;
import io.jnetstack.stack.StackListener;
import io.jnetstack.stack.TcpHandle;
import io.jnetstack.stack.tcp.TcpConnection;
import io.jnetstack.stack.tcp.TcpEvent;
import io.jnetstack.stack.tcp.TcpState;
import io.jnetstack.stack.tcp.TcpStats;
import io.jnetstack.time.RandomSource;
import io.jnetstack.wire.Ipv4Address;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bulk data both ways at once between two simulated hosts over a link with 10 ms of delay, 2% loss, 1% reordering
 * and 1% duplication; the SHA-256 of what each side receives must equal what the other sent. The data is generated
 * and hashed as a stream, so a gibibyte never sits in memory. Then the peer-failure endings: a peer that goes silent
 * mid-transfer ends in the OS's retransmission timeout, one that comes back without the connection ends in a
 * reset. Everything runs in virtual time and is deterministic by seed.
 */
@Execution(ExecutionMode.CONCURRENT)
class TcpBulkTest {
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;
    static final int PORT = 5001;

    /** One direction: a seeded byte stream written on one side, hashed on both. */
    static final class Flow {
        final RandomSource gen;
        final long total;
        final MessageDigest sent = sha256();
        final MessageDigest got = sha256();
        final byte[] chunk = new byte[64 * 1024];
        int chunkOff;
        int chunkLen;
        long generated;
        long received;

        Flow(long seed, long total) {
            gen = new RandomSource(seed);
            this.total = total;
        }

        void write(Stack s, TcpHandle h, long nowNs) {
            while (true) {
                if (chunkOff == chunkLen) {
                    if (generated == total) {
                        return;
                    }
                    chunkLen = (int) Math.min(chunk.length, total - generated);
                    gen.nextBytes(chunk);
                    sent.update(chunk, 0, chunkLen);
                    generated += chunkLen;
                    chunkOff = 0;
                }
                int n = s.tcpSend(h, chunk, chunkOff, chunkLen - chunkOff, nowNs);
                if (n == 0) {
                    return;
                }
                chunkOff += n;
            }
        }

        void read(Stack s, TcpHandle h, long nowNs) {
            for (byte[] in = s.tcpRead(h, 1 << 20, nowNs); in.length > 0; in = s.tcpRead(h, 1 << 20, nowNs)) {
                got.update(in);
                received += in.length;
            }
        }

        boolean done() {
            return received == total;
        }

        static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Two hosts on a lossy point-to-point link, a connection from a to b, and everything that happened to it. */
    static final class Pair {
        final Simulation sim;
        final SimLink link;
        final SimHost a;
        final SimHost b;
        TcpHandle client;
        TcpHandle server;
        final List<String> events = new ArrayList<>();

        Pair(long seed, String aOs, String bOs, boolean faults) {
            sim = new Simulation(seed);
            LinkProperties p = LinkProperties.IDEAL.withDelayNs(10 * MS);
            link = sim.addPointToPoint("wan", faults ? p.withLoss(0.02) : p);
            if (faults) {
                link.faults().add(Rules.reorder(0.01, 3 * MS, sim.random().fork("reorder"), Rules.any()));
                link.faults().add(Rules.duplicate(0.01, sim.random().fork("dup"), Rules.any()));
            }
            a = sim.addHost("a", Personality.named(aOs));
            b = sim.addHost("b", Personality.named(bOs));
            sim.attach(a, link, "ppp0", "10.0.0.1/30");
            sim.attach(b, link, "ppp0", "10.0.0.2/30");
            a.stack().setListener(recorder("a"));
            b.stack().setListener(new StackListener() {
                @Override
                public void onTcpEvent(TcpHandle h, TcpEvent e, long nowNs) {
                    events.add("b " + e + " @" + nowNs / MS + "ms");
                    if (e == TcpEvent.CONNECTED) {
                        server = h;
                    }
                }
            });
            b.stack().tcpListen(PORT);
            a.run(s -> client = s.tcpConnect(Ipv4Address.of("10.0.0.2"), PORT, sim.nowNs()));
        }

        StackListener recorder(String who) {
            return new StackListener() {
                @Override
                public void onTcpEvent(TcpHandle h, TcpEvent e, long nowNs) {
                    events.add(who + " " + e + " @" + nowNs / MS + "ms");
                }
            };
        }

        TcpConnection clientConnection() {
            return a.stack().tcpConnection(client);
        }

        /** Runs both flows in 5 ms slices until both are complete or {@code limitNs} of virtual time passed. */
        void transfer(Flow ab, Flow ba, long limitNs) {
            while (sim.nowNs() < limitNs && !(ab.done() && ba.done())) {
                sim.runFor(5 * MS);
                long now = sim.nowNs();
                if (server == null) {
                    continue;
                }
                // through SimHost.run, which reschedules the host: a write may arm a timer (the retransmission
                // timer after a quiet spell) that no frame arrival would otherwise put on the host's schedule
                a.run(s -> ab.write(s, client, now));
                b.run(s -> ba.write(s, server, now));
                b.run(s -> ab.read(s, server, now));
                a.run(s -> ba.read(s, client, now));
            }
        }

        String describe() {
            TcpConnection c = clientConnection();
            return "at " + sim.nowNs() / MS + " ms, events " + events + (c == null ? "" : ", client " + c.describe());
        }
    }

    static String hex(MessageDigest d) {
        return HexFormat.of().formatHex(d.digest());
    }

    /** Moves {@code bytes} each way, checks both hashes, then closes both sides in order. */
    static Pair bothWays(long seed, String aOs, String bOs, long bytes) {
        Pair p = new Pair(seed, aOs, bOs, true);
        Flow ab = new Flow(seed * 31 + 1, bytes);
        Flow ba = new Flow(seed * 31 + 2, bytes);
        p.transfer(ab, ba, 100_000 * S);
        assertThat(ab.received).as("a → b " + p.describe()).isEqualTo(bytes);
        assertThat(ba.received).as("b → a " + p.describe()).isEqualTo(bytes);
        assertThat(hex(ab.got)).as("a → b SHA-256, seed " + seed).isEqualTo(hex(ab.sent));
        assertThat(hex(ba.got)).as("b → a SHA-256, seed " + seed).isEqualTo(hex(ba.sent));
        assertThat(p.link.drops().get("loss")).as("the link really lost frames").isPositive();
        TcpStats st = p.clientConnection().stats();
        assertThat(st.get(TcpStats.Counter.RETRANSMITTED_SEGMENTS)).as("losses were repaired").isPositive();
        p.a.run(s -> s.tcpClose(p.client, p.sim.nowNs()));
        p.b.run(s -> s.tcpClose(p.server, p.sim.nowNs()));
        p.sim.runFor(10 * S);
        TcpConnection c = p.clientConnection();
        assertThat(c == null || c.state() instanceof TcpState.TimeWait).as("client after close: " + p.describe())
                .isTrue();
        assertThat(p.b.stack().tcpConnection(p.server)).as("server after close").satisfiesAnyOf(
                x -> assertThat(x).isNull(), x -> assertThat(x.state()).isInstanceOf(TcpState.TimeWait.class));
        return p;
    }

    @Test
    void oneGibibyteEachWay_linuxAndFreebsd_arriveIntact() {
        bothWays(2026, "linux", "freebsd", 1L << 30);
    }

    @ParameterizedTest(name = "{0} ⇄ {1}")
    @MethodSource("io.jnetstack.sim.TcpScenarioTest#pairs")
    void sixtyFourMebibytesEachWay_everyOrderedPair_arriveIntact(String aOs, String bOs) {
        bothWays(7, aOs, bOs, 64L << 20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void peerThatGoesSilentMidTransfer_endsInTheOsRetransmissionTimeout(String os) {
        Pair p = new Pair(11, os, "linux", false);
        boolean[] blackhole = {false};
        p.link.faults().add(f -> blackhole[0] ? new Verdict.Drop("blackhole") : Verdict.PASS);
        Flow ab = new Flow(1, 1L << 30);
        Flow ba = new Flow(2, 0);
        p.transfer(ab, ba, 2 * S);
        assertThat(ab.received).as("data flowed before the peer vanished").isPositive();
        blackhole[0] = true;
        long vanished = p.sim.nowNs();
        while (p.clientConnection() != null && p.sim.nowNs() < vanished + 3600 * S) {
            p.sim.runFor(S);
        }
        assertThat(p.events).as(p.describe()).anyMatch(e -> e.startsWith("a TIMED_OUT"));
        long after = Long.parseLong(p.events.stream().filter(e -> e.startsWith("a TIMED_OUT")).findFirst()
                .orElseThrow().replaceAll(".*@(\\d+)ms", "$1")) * MS - vanished;
        if (os.equals("linux")) { // tcp_retries2 = 15: 924.6 s from the head's first transmission at RTO_MIN
            assertThat(after).as(p.describe()).isBetween(900 * S, 1000 * S);
        } else if (os.equals("freebsd")) {
            // TCP_MAXRXTSHIFT = 12 timeouts of TCP_REXMTVAL (about 30 ms on this 20 ms path) × tcp_backoff {1, 2, 4,
            // …, 64, 64, …} + rexmit_slop 200 ms each (tcp_timer_rexmt): 511 × 30 ms + 13 × 200 ms ≈ 18 s
            assertThat(after).as(p.describe()).isBetween(10 * S, 40 * S);
        } else { // TCP_MAXRXTSHIFT = 12 with a 64 s ceiling: about 8–9 minutes from a small RTO
            assertThat(after).as(p.describe()).isBetween(300 * S, 700 * S);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jnetstack.stack.tcp.TcpHandshakeTest#personalities")
    void peerThatComesBackWithoutTheConnection_resetsIt(String os) {
        Pair p = new Pair(12, os, "linux", false);
        boolean[] cut = {false};
        p.link.faults().add(f -> cut[0] ? new Verdict.Drop("cut") : Verdict.PASS);
        Flow ab = new Flow(1, 1L << 30);
        Flow ba = new Flow(2, 0);
        p.transfer(ab, ba, 2 * S);
        cut[0] = true;
        p.b.run(s -> s.tcpAbort(p.server, p.sim.nowNs())); // the peer forgets it; its RST is lost in the cut
        p.sim.runFor(3 * S);
        cut[0] = false; // back, without the connection: the next retransmission draws a RST (RFC 9293 §3.10.7.1)
        p.sim.runFor(120 * S);
        assertThat(p.events).as(p.describe()).anyMatch(e -> e.startsWith("a RESET"));
        assertThat(p.clientConnection()).isNull();
    }
}
