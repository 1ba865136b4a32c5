package io.jnetstack.stack.tcp;

import static io.jnetstack.stack.tcp.TcpHandshakeTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.personality.Personality;
import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.tcp.TcpHeader;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Segment in → state and segment out, one row per RFC clause, for every implemented state. Our ISS is 1000, the
 * peer's 5000; in the synchronized states RCV.NXT is 5001 and SND.NXT 1001. Expected output is written as
 * "FLAGS seq=S ack=A" (ack only with ACK), or "-" for nothing.
 */
class TcpStateTableTest {
    static final int ISS = 1000;
    static final int IRS = 5000;
    static final int S = TcpHeader.SYN;
    static final int A = TcpHeader.ACK;
    static final int R = TcpHeader.RST;

    record Row(String clause, TcpHeader in, int payload, Class<? extends TcpState> state, String out, TcpEvent event) {
        @Override
        public String toString() {
            return clause;
        }
    }

    static TcpHeader seg(int flags, int seq, int ack) {
        return TcpHeader.of(80, 49152, seq, ack, flags, 1000, List.of());
    }

    /** "FLAGS seq=S ack=A" for the first segment out (flags in the order SYN, FIN, RST, ACK), or "-". */
    static String describe(List<TcpSegment> out) {
        if (out.isEmpty()) {
            return "-";
        }
        TcpHeader h = out.getFirst().header();
        java.util.StringJoiner f = new java.util.StringJoiner(",");
        for (int flag : new int[] {S, TcpHeader.FIN, R, A}) {
            if (h.has(flag)) {
                f.add(flag == S ? "SYN" : flag == TcpHeader.FIN ? "FIN" : flag == R ? "RST" : "ACK");
            }
        }
        return f + " seq=" + h.seq() + (h.has(A) ? " ack=" + h.ack() : "") + (out.size() > 1 ? " +more" : "");
    }

    static Stream<Row> synSent() {
        return Stream.of(
                new Row("3.10.7.3 ACK below ISS+1 → RST <SEQ=SEG.ACK>", seg(A, IRS, ISS), 0, TcpState.SynSent.class,
                        "RST seq=1000", null),
                new Row("3.10.7.3 ACK beyond SND.NXT → RST <SEQ=SEG.ACK>", seg(A, IRS, ISS + 5), 0,
                        TcpState.SynSent.class, "RST seq=1005", null),
                new Row("3.10.7.3 RST with unacceptable ACK → dropped", seg(R | A, IRS, ISS + 5), 0,
                        TcpState.SynSent.class, "-", null),
                new Row("3.10.7.3 RST with acceptable ACK → connection refused, CLOSED", seg(R | A, 0, ISS + 1), 0,
                        TcpState.Closed.class, "-", TcpEvent.REFUSED),
                new Row("3.10.7.3 RST without ACK → dropped", seg(R, 0, 0), 0, TcpState.SynSent.class, "-", null),
                new Row("3.10.7.3 acceptable ACK without SYN or RST → dropped", seg(A, IRS, ISS + 1), 0,
                        TcpState.SynSent.class, "-", null),
                new Row("3.10.7.3 SYN,ACK acknowledging our SYN → ESTABLISHED, ACK", seg(S | A, IRS, ISS + 1), 0,
                        TcpState.Established.class, "ACK seq=1001 ack=5001", TcpEvent.CONNECTED),
                new Row("3.10.7.3 SYN alone (simultaneous open) → SYN-RECEIVED, SYN,ACK <SEQ=ISS>", seg(S, IRS, 0), 0,
                        TcpState.SynReceived.class, "SYN,ACK seq=1000 ack=5001", null),
                new Row("3.10.7.3 no flags → dropped", seg(0, IRS, 0), 0, TcpState.SynSent.class, "-", null));
    }

    static Stream<Row> synReceived(Personality p) {
        String challenge = p.tcpRules().rfc5961Reset() ? "ACK seq=1001 ack=5001" : "-";
        return Stream.of(
                new Row("3.10.7.4 first: segment before RCV.NXT → ACK, dropped", seg(A, IRS - 10, ISS + 1), 0,
                        TcpState.SynReceived.class, "ACK seq=1001 ack=5001", null),
                new Row("3.10.7.4 first: unacceptable RST → dropped silently", seg(R, IRS - 10, 0), 0,
                        TcpState.SynReceived.class, "-", null),
                new Row("5961 §3.2: RST at RCV.NXT, passive open → back to LISTEN (closed, no report)",
                        seg(R, IRS + 1, 0), 0, TcpState.Closed.class, "-", null),
                new Row("5961 §3.2: RST in window but not at RCV.NXT → challenge ACK (OpenBSD: dropped)",
                        seg(R, IRS + 10, 0), 0, TcpState.SynReceived.class, challenge, null),
                new Row("3.10.7.4 fourth: SYN, passive open → back to LISTEN", seg(S, IRS + 1, 0), 0,
                        TcpState.Closed.class, "-", null),
                new Row("3.10.7.4 fifth: no ACK → dropped", seg(0, IRS + 1, 0), 0, TcpState.SynReceived.class, "-",
                        null),
                new Row("3.10.7.4 fifth: ACK of our SYN → ESTABLISHED", seg(A, IRS + 1, ISS + 1), 0,
                        TcpState.Established.class, "-", TcpEvent.CONNECTED),
                new Row("3.10.7.4 fifth: unacceptable ACK → RST <SEQ=SEG.ACK>", seg(A, IRS + 1, ISS + 7), 0,
                        TcpState.SynReceived.class, "RST seq=1007", null));
    }

    static Stream<Row> established(Personality p) {
        String challenge = p.tcpRules().rfc5961Reset() ? "ACK seq=1001 ack=5001" : "-";
        return Stream.of(
                new Row("3.10.7.4 first: old duplicate segment → ACK, dropped", seg(A, IRS - 100, ISS + 1), 10,
                        TcpState.Established.class, "ACK seq=1001 ack=5001", null),
                new Row("3.10.7.4 first: segment beyond the window → ACK, dropped", seg(A, IRS + 1 + 1_000_000, ISS + 1),
                        10, TcpState.Established.class, "ACK seq=1001 ack=5001", null),
                new Row("5961 §3.2: RST at RCV.NXT → connection reset", seg(R, IRS + 1, 0), 0,
                        TcpState.Closed.class, "-", TcpEvent.RESET),
                new Row("5961 §3.2: RST in window, not at RCV.NXT → challenge ACK (OpenBSD tcp_input: dropped)",
                        seg(R, IRS + 100, 0), 0, TcpState.Established.class, challenge, null),
                new Row("5961 §3.2: RST outside the window → dropped silently", seg(R, IRS + 1 + 1_000_000, 0), 0,
                        TcpState.Established.class, "-", null),
                new Row("5961 §4.2: SYN in window → challenge ACK", seg(S, IRS + 1, 0), 0,
                        TcpState.Established.class, "ACK seq=1001 ack=5001", null),
                new Row("5961 §4.2: SYN,ACK (retransmitted) → challenge ACK", seg(S | A, IRS + 1, ISS + 1), 0,
                        TcpState.Established.class, "ACK seq=1001 ack=5001", null),
                new Row("3.10.7.4 fifth: no ACK → dropped", seg(0, IRS + 1, 0), 5, TcpState.Established.class, "-",
                        null),
                new Row("5961 §5.2: ACK beyond SND.NXT → ACK, dropped", seg(A, IRS + 1, ISS + 50), 5,
                        TcpState.Established.class, "ACK seq=1001 ack=5001", null),
                new Row("3.10.7.4 seventh: in-order text → accepted, ACK (RFC 1122 §4.2.3.2: delayed where the OS has "
                        + "no quick-ack start)", seg(A, IRS + 1, ISS + 1), 5, TcpState.Established.class,
                        p.ackPolicy().quickAcks() > 0 ? "ACK seq=1001 ack=5006" : "-", null),
                new Row("3.10.7.4 seventh: text after a gap → held for reassembly, duplicate ACK",
                        seg(A, IRS + 11, ISS + 1), 5, TcpState.Established.class, "ACK seq=1001 ack=5001", null),
                new Row("3.10.7.4 fifth: pure ACK → nothing sent", seg(A, IRS + 1, ISS + 1), 0,
                        TcpState.Established.class, "-", null));
    }

    /** A connection of {@code os} in SYN-SENT, SYN-RECEIVED (passive) or ESTABLISHED with the variables above. */
    static TcpConnection in(Class<? extends TcpState> state, Personality p) {
        TcpConnection c = TcpConnection.connect(p, 49152, 80, ISS, 1460, 0, 0);
        if (state == TcpState.SynSent.class) {
            drain(c);
            return c;
        }
        if (state == TcpState.SynReceived.class) {
            TcpSegment syn = new TcpSegment(TcpHeader.of(80, 49152, IRS, 0, S, 65535, List.of()), ByteString.EMPTY);
            TcpConnection s = TcpConnection.accept(p, 49152, 80, syn, ISS, 1460, 0, 0);
            drain(s);
            return s;
        }
        c.onSegment(TcpSegment.of(TcpHeader.of(80, 49152, IRS, ISS + 1, S | A, 65535, List.of())), 0);
        drain(c);
        c.pollEvent();
        return c;
    }

    static Stream<Arguments> rows(Function<Personality, Stream<Row>> table, Class<? extends TcpState> state) {
        return Personality.all().stream().flatMap(p -> table.apply(p).map(r -> Arguments.of(p.name(), state, r)));
    }

    static Stream<Arguments> allRows() {
        return Stream.of(rows(p -> synSent(), TcpState.SynSent.class),
                rows(TcpStateTableTest::synReceived, TcpState.SynReceived.class),
                rows(TcpStateTableTest::established, TcpState.Established.class)).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("allRows")
    void segmentIn_givesStateAndSegmentOut(String os, Class<? extends TcpState> from, Row row) {
        TcpConnection c = in(from, Personality.named(os));
        byte[] text = new byte[row.payload()];
        c.onSegment(new TcpSegment(row.in(), ByteString.copyOf(text)), 1_000_000);
        assertThat(c.state()).as("state").isInstanceOf(row.state());
        assertThat(describe(drain(c))).as("segment out").isEqualTo(row.out());
        assertThat(c.pollEvent()).as("event").isEqualTo(row.event());
    }
}
