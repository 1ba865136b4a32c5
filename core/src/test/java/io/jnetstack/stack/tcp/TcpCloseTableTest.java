package io.jnetstack.stack.tcp;

import static io.jnetstack.stack.tcp.TcpHandshakeTest.drain;
import static io.jnetstack.stack.tcp.TcpStateTableTest.describe;
import static io.jnetstack.stack.tcp.TcpStateTableTest.seg;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.personality.TcpStateRules;
import io.jnetstack.stack.tcp.TcpStateTableTest.Row;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The closing states of RFC 9293 §3.10.7.4 as tables: segment in → state, segment out and event, for FIN-WAIT-1,
 * FIN-WAIT-2, CLOSING, CLOSE-WAIT, LAST-ACK and TIME-WAIT. Our ISS is 1000 and the peer's 5000, so our FIN takes
 * sequence number 1001 and the peer's 5001. Each state is reached from ESTABLISHED by the user's CLOSE and the
 * peer's FIN/ACK as the RFC's figure 5 draws it.
 */
class TcpCloseTableTest {

    static final int ISS = 1000;
    static final int IRS = 5000;
    static final int A = TcpHeader.ACK;
    static final int F = TcpHeader.FIN;
    static final int R = TcpHeader.RST;
    static final int S = TcpHeader.SYN;

    static TcpConnection established(Personality p) {
        TcpConnection c = TcpConnection.connect(p, 49152, 80, ISS, 1460, 0, 0);
        c.onSegment(TcpSegment.of(TcpHeader.of(80, 49152, IRS, ISS + 1, S | A, 65535, List.of())), 0);
        drain(c);
        c.pollEvent();
        return c;
    }

    /** Drives a fresh connection into {@code state} the way figure 5 of RFC 9293 does. */
    static TcpConnection in(Class<? extends TcpState> state, Personality p) {
        TcpConnection c = established(p);
        if (state == TcpState.CloseWait.class || state == TcpState.LastAck.class) {
            c.onSegment(TcpSegment.of(seg(F | A, IRS + 1, ISS + 1)), 0);
            if (state == TcpState.LastAck.class) {
                c.close(0);
            }
        } else {
            c.close(0);
            if (state == TcpState.FinWait2.class || state == TcpState.TimeWait.class) {
                c.onSegment(TcpSegment.of(seg(A, IRS + 1, ISS + 2)), 0);
            }
            if (state == TcpState.Closing.class || state == TcpState.TimeWait.class) {
                c.onSegment(TcpSegment.of(seg(F | A, IRS + 1, state == TcpState.TimeWait.class ? ISS + 2 : ISS + 1)),
                        0);
            }
        }
        drain(c);
        while (c.pollEvent() != null) {
            // the events of getting here are not under test
        }
        assertThat(c.state()).as("set-up").isInstanceOf(state);
        return c;
    }

    static Stream<Row> finWait1() {
        return Stream.of(
                new Row("3.10.7.4 fifth FIN-WAIT-1: ACK of our FIN → FIN-WAIT-2", seg(A, IRS + 1, ISS + 2), 0,
                        TcpState.FinWait2.class, "-", null),
                new Row("3.10.7.4 fifth FIN-WAIT-1: ACK short of our FIN → stays", seg(A, IRS + 1, ISS + 1), 0,
                        TcpState.FinWait1.class, "-", null),
                new Row("3.10.7.4 eighth FIN-WAIT-1: FIN, ours not acknowledged → CLOSING, ACK",
                        seg(F | A, IRS + 1, ISS + 1), 0, TcpState.Closing.class, "output:ACK seq=1002 ack=5002",
                        TcpEvent.PEER_CLOSED),
                new Row("3.10.7.4 eighth FIN-WAIT-1: FIN acknowledging ours → TIME-WAIT, ACK",
                        seg(F | A, IRS + 1, ISS + 2), 0, TcpState.TimeWait.class, "ACK seq=1002 ack=5002",
                        TcpEvent.PEER_CLOSED),
                new Row("Linux tcp_rcv_state_process / FreeBSD tcp_input: text after CLOSE → RST <SEQ=SEG.ACK>",
                        seg(A, IRS + 1, ISS + 1), 5, TcpState.Closed.class, "RST seq=1001", null),
                new Row("5961 §3.2: RST at RCV.NXT → connection reset", seg(R, IRS + 1, 0), 0, TcpState.Closed.class,
                        "-", TcpEvent.RESET),
                new Row("5961 §3.2: RST in window, not at RCV.NXT → challenge ACK (OpenBSD: dropped)",
                        seg(R, IRS + 9, 0), 0, TcpState.FinWait1.class, "challenge:ACK seq=1002 ack=5001", null),
                new Row("5961 §4.2: SYN → challenge ACK", seg(S, IRS + 1, 0), 0, TcpState.FinWait1.class,
                        "ACK seq=1002 ack=5001", null),
                new Row("5961 §5.2: ACK beyond SND.NXT → ACK, dropped", seg(A, IRS + 1, ISS + 9), 0,
                        TcpState.FinWait1.class, "output:ACK seq=1002 ack=5001", null));
    }

    static Stream<Row> finWait2() {
        return Stream.of(
                new Row("3.10.7.4 eighth FIN-WAIT-2: FIN → TIME-WAIT, ACK", seg(F | A, IRS + 1, ISS + 2), 0,
                        TcpState.TimeWait.class, "ACK seq=1002 ack=5002", TcpEvent.PEER_CLOSED),
                new Row("3.10.7.4 fifth FIN-WAIT-2: pure ACK → nothing", seg(A, IRS + 1, ISS + 2), 0,
                        TcpState.FinWait2.class, "-", null),
                new Row("text after CLOSE → RST <SEQ=SEG.ACK>, CLOSED", seg(A, IRS + 1, ISS + 2), 3,
                        TcpState.Closed.class, "RST seq=1002", null),
                new Row("5961 §3.2: RST at RCV.NXT → connection reset", seg(R, IRS + 1, 0), 0, TcpState.Closed.class,
                        "-", TcpEvent.RESET),
                new Row("3.10.7.4 first: old duplicate → ACK", seg(A, IRS - 50, ISS + 2), 4,
                        TcpState.FinWait2.class, "ACK seq=1002 ack=5001", null));
    }

    static Stream<Row> closing() {
        return Stream.of(
                new Row("3.10.7.4 fifth CLOSING: ACK of our FIN → TIME-WAIT", seg(A, IRS + 2, ISS + 2), 0,
                        TcpState.TimeWait.class, "-", null),
                new Row("3.10.7.4 fifth CLOSING: ACK short of our FIN → stays", seg(A, IRS + 2, ISS + 1), 0,
                        TcpState.Closing.class, "-", null),
                new Row("3.10.7.4 second CLOSING: RST → CLOSED (FreeBSD: reset)", seg(R, IRS + 2, 0), 0,
                        TcpState.Closed.class, "-", TcpEvent.CLOSED),
                new Row("3.10.7.4 first: retransmitted FIN → ACK", seg(F | A, IRS + 1, ISS + 1), 0,
                        TcpState.Closing.class, "output:ACK seq=1002 ack=5002", null));
    }

    static Stream<Row> closeWait() {
        return Stream.of(
                new Row("3.10.7.4 first CLOSE-WAIT: retransmitted FIN → ACK", seg(F | A, IRS + 1, ISS + 1), 0,
                        TcpState.CloseWait.class, "ACK seq=1001 ack=5002", null),
                new Row("3.10.7.4 seventh CLOSE-WAIT: text after the FIN is ignored", seg(A, IRS + 2, ISS + 1), 5,
                        TcpState.CloseWait.class, "-", null),
                new Row("5961 §3.2: RST at RCV.NXT → connection reset", seg(R, IRS + 2, 0), 0, TcpState.Closed.class,
                        "-", TcpEvent.RESET),
                new Row("5961 §4.2: SYN → challenge ACK", seg(S, IRS + 2, 0), 0, TcpState.CloseWait.class,
                        "ACK seq=1001 ack=5002", null));
    }

    static Stream<Row> lastAck() {
        return Stream.of(
                new Row("3.10.7.4 fifth LAST-ACK: ACK of our FIN → CLOSED", seg(A, IRS + 2, ISS + 2), 0,
                        TcpState.Closed.class, "-", TcpEvent.CLOSED),
                new Row("3.10.7.4 fifth LAST-ACK: ACK short of our FIN → stays", seg(A, IRS + 2, ISS + 1), 0,
                        TcpState.LastAck.class, "-", null),
                new Row("3.10.7.4 second LAST-ACK: RST → CLOSED (FreeBSD: reset)", seg(R, IRS + 2, 0), 0,
                        TcpState.Closed.class, "-", TcpEvent.CLOSED),
                new Row("3.10.7.4 first: retransmitted FIN → ACK", seg(F | A, IRS + 1, ISS + 1), 0,
                        TcpState.LastAck.class, "output:ACK seq=1002 ack=5002", null));
    }

    static Stream<Row> timeWait() {
        return Stream.of(
                new Row("3.10.7.4 eighth TIME-WAIT: retransmitted FIN → ACK, 2MSL restarted",
                        seg(F | A, IRS + 1, ISS + 2), 0, TcpState.TimeWait.class, "ACK seq=1002 ack=5002", null),
                new Row("5961 §4.2: SYN in window → challenge ACK (FreeBSD tcp_twcheck: no ACK bit, dropped)",
                        seg(S, IRS + 2, 0), 0, TcpState.TimeWait.class, "twcheck:ACK seq=1002 ack=5002", null),
                new Row("RFC 1337: RST at RCV.NXT → per OS (Linux rfc1337=0, OpenBSD: CLOSED; FreeBSD, XNU: ignored)",
                        seg(R, IRS + 2, 0), 0, TcpState.TimeWait.class, "tw-rst", null),
                new Row("RST in window, inexact → XNU challenge ACK, others silent", seg(R, IRS + 9, 0), 0,
                        TcpState.TimeWait.class, "tw-rst-inexact", null),
                new Row("3.10.7.4 fifth: pure ACK → nothing", seg(A, IRS + 2, ISS + 2), 0, TcpState.TimeWait.class,
                        "-", null));
    }

    /** The per-OS outcome of a RST in TIME-WAIT (docs/research/tcp-closing.md §1). */
    static void timeWaitReset(TcpConnection c, Personality p, boolean inexact) {
        List<TcpSegment> out = drain(c);
        if (inexact) {
            assertThat(c.state()).isInstanceOf(TcpState.TimeWait.class);
            assertThat(describe(out)).isEqualTo(p.tcpRules().timeWaitChallengesReset() ? "ACK seq=1002 ack=5002" : "-");
        } else if (p.tcpRules().timeWaitResetCloses()) {
            assertThat(c.state()).isInstanceOf(TcpState.Closed.class);
            assertThat(c.pollEvent()).isEqualTo(TcpEvent.CLOSED);
        } else {
            assertThat(c.state()).isInstanceOf(TcpState.TimeWait.class);
            assertThat(out).isEmpty();
        }
    }

    static Stream<Arguments> rows(Stream<Row> table, Class<? extends TcpState> state) {
        List<Row> rows = table.toList();
        return Personality.all().stream().flatMap(p -> rows.stream().map(r -> Arguments.of(p.name(), state, r)));
    }

    static Stream<Arguments> allRows() {
        return Stream.of(rows(finWait1(), TcpState.FinWait1.class), rows(finWait2(), TcpState.FinWait2.class),
                rows(closing(), TcpState.Closing.class), rows(closeWait(), TcpState.CloseWait.class),
                rows(lastAck(), TcpState.LastAck.class), rows(timeWait(), TcpState.TimeWait.class))
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("allRows")
    void segmentIn_givesStateSegmentOutAndEvent(String os, Class<? extends TcpState> from, Row row) {
        TcpConnection c = in(from, Personality.named(os));
        c.onSegment(new TcpSegment(row.in(), ByteString.copyOf(new byte[row.payload()])), 1_000_000);
        if (row.out().startsWith("tw-rst")) {
            timeWaitReset(c, Personality.named(os), row.out().endsWith("inexact"));
            return;
        }
        assertThat(c.state()).as("state").isInstanceOf(row.state());
        String out = row.out();
        if (out.startsWith("challenge:")) {
            out = Personality.named(os).tcpRules().rfc5961Reset() ? out.substring("challenge:".length()) : "-";
        }
        TcpStateRules rules = Personality.named(os).tcpStateRules();
        if (out.startsWith("output:")) {
            // tcp_output's acknowledgment: FreeBSD resends the unacknowledged FIN with it at SND.MAX - 1
            out = out.substring("output:".length());
            out = rules.ackRetransmitsFin() ? out.replace("ACK seq=1002", "FIN,ACK seq=1001") : out;
        }
        if (out.startsWith("twcheck:")) {
            out = rules.timeWaitCheck() ? "-" : out.substring("twcheck:".length());
        }
        assertThat(describe(drain(c))).as("segment out").isEqualTo(out);
        TcpEvent event = row.event();
        if (event == TcpEvent.CLOSED && row.in().has(R)
                && Personality.named(os).tcpInputRules().closingResetIsReset()) {
            event = TcpEvent.RESET; // FreeBSD tcp_do_segment: so_error = ECONNRESET in CLOSING and LAST-ACK too
        }
        assertThat(c.pollEvent()).as("event").isEqualTo(event);
    }
}
