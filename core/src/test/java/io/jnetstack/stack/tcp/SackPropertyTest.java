package io.jnetstack.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.wire.tcp.TcpOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded end-to-end property: a receiver ({@link SackBlocks}) and a sender ({@link SackScoreboard}) joined through
 * the wire option, over random loss patterns of 200 segments, checked octet by octet against a boolean-array model
 * and the literal per-octet definitions of IsLost and SetPipe (RFC 6675 §4).
 */
class SackPropertyTest {
    static final int SEGMENTS = 200;
    static final int SMSS = 100;

    /** One seeded run: the sender's segments, the receiver, the scoreboard and the per-octet model. */
    static final class Run {
        final long seed;
        final SplittableRandom rnd;
        final long base;
        final long[] starts = new long[SEGMENTS + 1];
        final boolean[] received;
        final SackBlocks sack;
        final SackScoreboard board;
        final int maxBlocks;
        long rcvNxt;
        /** After a timeout the scoreboard relearns SACKs gradually: it then knows a subset of the model. */
        boolean wasReset;

        Run(long seed) {
            this.seed = seed;
            this.rnd = new SplittableRandom(seed);
            this.base = SeqSpace.origin(-1 - rnd.nextInt(SEGMENTS * SMSS)); // often crosses 2^32
            starts[0] = base;
            for (int i = 1; i <= SEGMENTS; i++) {
                starts[i] = starts[i - 1] + 20 + rnd.nextInt(SMSS - 19); // 20..100 octets
            }
            received = new boolean[(int) (starts[SEGMENTS] - base)];
            rcvNxt = base;
            sack = new SackBlocks(base);
            board = new SackScoreboard(base);
            maxBlocks = rnd.nextBoolean() ? 3 : 4;
        }

        long sndMax() {
            return starts[SEGMENTS];
        }

        /** Delivers {@code [from, to)} to the receiver and its ACK, through the wire, to the scoreboard. */
        void deliver(long from, long to) {
            List<SeqRange> blocks = receive(from, to);
            int ack = SeqSpace.wrap(rcvNxt);
            long una = SeqSpace.unwrap(ack, board.sndUna());
            List<SeqRange> back = new ArrayList<>();
            if (!blocks.isEmpty()) {
                for (TcpOption.SackBlock b : SackBlocks.toOption(blocks).blocks()) {
                    back.add(new SeqRange(SeqSpace.unwrap(b.left(), una), SeqSpace.unwrap(b.right(), una)));
                }
            }
            board.update(una, back, sndMax());
            check();
        }

        /** The receiver: the model array, RCV.NXT and the SACK blocks of the ACK this segment triggers. */
        List<SeqRange> receive(long from, long to) {
            if (to <= rcvNxt) {
                sack.onDuplicate(from, to);
            } else if (from > rcvNxt) {
                sack.onOutOfOrder(from, to);
            } else if (from < rcvNxt) {
                sack.onDuplicate(from, rcvNxt);
            }
            for (long o = from; o < to; o++) {
                received[(int) (o - base)] = true;
            }
            while (rcvNxt < sndMax() && received[(int) (rcvNxt - base)]) {
                rcvNxt++;
            }
            sack.onAdvance(rcvNxt);
            return sack.blocksForAck(maxBlocks);
        }

        /** The scoreboard against the model: SACKed set, IsLost, pipe, NextSeg. */
        void check() {
            long una = board.sndUna();
            assertThat(una).as("seed %d", seed).isEqualTo(rcvNxt);
            int n = (int) (sndMax() - una);
            boolean[] sacked = new boolean[n];
            long count = 0;
            for (SeqRange r : board.sackedRanges()) {
                Arrays.fill(sacked, (int) (r.start() - una), (int) (r.end() - una), true);
            }
            int phase = rnd.nextInt(5);
            for (int i = 0; i < n; i++) {
                boolean model = received[(int) (una - base) + i];
                count += sacked[i] ? 1 : 0;
                if (i % 5 == phase && board.isSacked(una + i) != sacked[i]) {
                    assertThat(board.isSacked(una + i)).as("seed %d isSacked(una+%d)", seed, i).isEqualTo(sacked[i]);
                }
                if (sacked[i] ? !model : model && !wasReset) { // exact, or a subset after a timeout
                    assertThat(sacked[i]).as("seed %d octet una+%d reset %s", seed, i, wasReset).isEqualTo(model);
                }
            }
            assertThat(board.sackedBytes()).as("seed %d", seed).isEqualTo(count);
            checkRoutines(una, sacked, phase);
        }

        /** IsLost, pipe and NextSeg against their literal per-octet readings over the scoreboard's SACKed set. */
        private void checkRoutines(long una, boolean[] sacked, int phase) {
            int n = sacked.length;
            boolean[] lost = literalIsLost(sacked);
            for (int i = 0; i < n; i++) { // every 5th octet, and both sides of every edge of either array
                boolean edge = i > 0 && (lost[i] != lost[i - 1] || sacked[i] != sacked[i - 1])
                        || i + 1 < n && (lost[i] != lost[i + 1] || sacked[i] != sacked[i + 1]);
                if ((edge || i % 5 == phase) && board.isLost(una + i, SMSS) != lost[i]) {
                    assertThat(board.isLost(una + i, SMSS)).as("seed %d IsLost(una+%d)", seed, i).isEqualTo(lost[i]);
                }
            }
            long highRxt = una + rnd.nextInt(n + 1);
            long pipe = 0;
            for (int i = 0; i < n; i++) {
                pipe += sacked[i] ? 0 : (lost[i] ? 0 : 1) + (una + i < highRxt ? 1 : 0);
            }
            assertThat(board.pipe(highRxt, SMSS)).as("seed %d highRxt una+%d", seed, highRxt - una)
                    .isEqualTo(pipe).isNotNegative();
            long next = board.nextSeg(highRxt, sndMax(), sndMax(), SMSS);
            if (next >= 0) {
                assertThat(board.isSacked(next)).as("seed %d nextSeg %d", seed, next - una).isFalse();
                assertThat(next).as("seed %d", seed).isBetween(Math.max(una, highRxt), sndMax() - 1);
            }
        }

        /** IsLost read literally, per octet: runs of SACKed octets wholly above, and SACKed octets above. */
        static boolean[] literalIsLost(boolean[] sacked) {
            int n = sacked.length;
            boolean[] lost = new boolean[n];
            long bytesAbove = 0;
            int runsAbove = 0;
            for (int i = n - 1; i >= 0; i--) {
                lost[i] = !sacked[i] && (runsAbove >= SackScoreboard.DUP_THRESH
                        || bytesAbove > (SackScoreboard.DUP_THRESH - 1L) * SMSS);
                if (sacked[i]) {
                    bytesAbove++;
                    runsAbove += i == 0 || !sacked[i - 1] ? 1 : 0;
                }
            }
            return lost;
        }
    }

    @Test
    void randomLossPatterns_theScoreboardMatchesTheModel_andRecoveryCompletes() {
        int[] seen = new int[3]; // rule 1, rule 3, timeouts
        for (long seed = 1; seed <= 12; seed++) {
            Run run = new Run(seed);
            double loss = 0.05 + run.rnd.nextDouble() * 0.4;
            for (int i = 0; i < SEGMENTS; i++) {
                if (run.rnd.nextDouble() >= loss) {
                    run.deliver(run.starts[i], run.starts[i + 1]);
                }
            }
            recover(run, loss / 2, seen);
        }
        assertThat(seen).as("rule 1, rule 3 and timeouts all happen").doesNotContain(0);
    }

    /** Loss recovery driven by NextSeg (rules 1 and 3) and HighRxt; a timeout (reset) when it fails. */
    private static void recover(Run run, double loss, int[] seen) {
        SackScoreboard b = run.board;
        long highRxt = b.sndUna();
        int rounds = 0;
        while (b.sndUna() < run.sndMax()) {
            if (++rounds > 5000) {
                assertThat(rounds).as("seed %d: recovery stalls", run.seed).isLessThan(5000);
            }
            long s = b.nextSeg(highRxt, run.sndMax(), run.sndMax(), SMSS);
            seen[s < 0 ? 2 : b.isLost(s, SMSS) ? 0 : 1]++;
            if (s < 0) { // retransmission timeout: clear the scoreboard and go back to SND.UNA
                b.reset();
                run.wasReset = true;
                highRxt = b.sndUna();
                s = b.sndUna();
            }
            assertThat(b.isSacked(s)).as("seed %d", run.seed).isFalse();
            long end = Math.min(s + SMSS, b.holeEnd(s));
            highRxt = Math.max(highRxt, end);
            if (run.rnd.nextDouble() >= loss) {
                run.deliver(s, end);
                highRxt = Math.max(highRxt, b.sndUna());
            }
        }
        assertThat(b.sackedBytes()).as("seed %d", run.seed).isZero();
        assertThat(b.pipe(highRxt, SMSS)).as("seed %d", run.seed).isZero();
    }
}
